//! The order of the list (ATD-4): one sort key per atendimento, computed once, then one
//! stable sort (`crate::sort::sort_by`): n log n comparisons of ready keys. Ties keep
//! the input order in both directions (descending reverses the comparison, not the list).

use std::borrow::Cow;

use chrono::NaiveDate;

use super::types::{Column, Direction};
use crate::identifiers::search_key;
use crate::model::Atendimento;

/// The key an atendimento is sorted under, for one column.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key<'a> {
    /// An all-digit reference: its digits without leading zeros, compared by length
    /// then digit by digit (as a number of any size). Before any text.
    Number(usize, &'a str),
    /// A text, accent- and case-folded.
    Text(Cow<'a, str>),
    /// An amount of centavos; none (no quote) first.
    Value(Option<u64>),
    /// A date.
    Date(NaiveDate),
}

/// `text` folded as [`search_key`] folds it, borrowed when it is already folded.
pub(crate) fn folded(text: &str) -> Cow<'_, str> {
    let plain = text.is_ascii()
        && !text.bytes().any(|b| b.is_ascii_uppercase() || (b.is_ascii_whitespace() && b != b' '))
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ");
    if plain {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(search_key(text))
    }
}

/// The key of `a` (whose value is `value`) under `column`.
pub(crate) fn key(column: Column, a: &Atendimento, value: Option<u64>) -> Key<'_> {
    match column {
        Column::Status => Key::Text(folded(&a.status)),
        Column::Reference => {
            let r = a.reference.trim();
            if !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()) {
                let digits = r.trim_start_matches('0');
                Key::Number(digits.len(), digits)
            } else {
                Key::Text(folded(r))
            }
        }
        Column::Title => Key::Text(folded(&a.title)),
        Column::Contact => Key::Text(folded(&a.contact.name)),
        Column::Value => Key::Value(value),
        Column::Updated => Key::Date(a.updated_on),
        Column::Created => Key::Date(a.created_on),
    }
}

/// Sorts `entries` (key first) stably in `direction`.
pub(crate) fn sort<T>(entries: &mut [(Key<'_>, T)], direction: Direction) {
    match direction {
        Direction::Ascending => crate::sort::sort_by(entries, |a, b| a.0.cmp(&b.0)),
        Direction::Descending => crate::sort::sort_by(entries, |a, b| b.0.cmp(&a.0)),
    }
}

/// `Ordering` of two keys as the list shows them (for the tests).
#[cfg(test)]
pub(crate) fn compare(a: &Key<'_>, b: &Key<'_>, direction: Direction) -> std::cmp::Ordering {
    match direction {
        Direction::Ascending => a.cmp(b),
        Direction::Descending => b.cmp(a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn references_as_numbers_then_texts() {
        let n = |s: &'static str| {
            let d = s.trim_start_matches('0');
            Key::Number(d.len(), d)
        };
        assert!(n("999") < n("1042"));
        assert!(n("0999") < n("1000"));
        assert_eq!(n("007"), n("7"));
        assert!(n("99999999999999999999999") < Key::Text(Cow::Borrowed("a")));
        assert_eq!(compare(&n("1"), &n("2"), Direction::Descending), Ordering::Greater);
        assert_eq!(folded("Ábaco  X"), "abaco x");
        assert!(matches!(folded("abc d"), Cow::Borrowed(_)));
    }
}
