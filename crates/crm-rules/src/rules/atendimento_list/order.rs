//! The order of the list (ATD-4): one sort key per atendimento, computed once, then one
//! stable sort (`crate::sort::sort_by`): n log n comparisons of ready keys. Ties keep
//! the input order in both directions (descending reverses the comparison, not the list).

use std::cmp::Ordering;
use std::ops::Range;

use chrono::NaiveDate;

use super::types::{Column, Direction};
use crate::identifiers::search_key_into;
use crate::model::Atendimento;

/// The key an atendimento is sorted under, for one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key<'a> {
    /// An all-digit reference: its digits without leading zeros, compared by length
    /// then digit by digit (as a number of any size). Before any text.
    Number(usize, &'a str),
    /// A text, accent- and case-folded, with its first eight bytes as a number (most
    /// comparisons end there, without reading the text).
    Text(u64, Text<'a>),
    /// An amount of centavos; none (no quote) first.
    Value(Option<u64>),
    /// A date.
    Date(NaiveDate),
}

/// A folded text: the input's own, when already folded, or a range of the [`Folded`]
/// buffer that holds every other one (one buffer for the whole list, not one
/// allocation per text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Text<'a> {
    Input(&'a str),
    Folded(Range<usize>),
}

/// The folded texts of one listing, one after the other, and a scratch buffer.
#[derive(Default)]
pub(crate) struct Folded {
    texts: String,
    scratch: String,
}

impl Folded {
    /// `text` folded as [`crate::identifiers::search_key`] folds it: itself when it
    /// already is, else copied folded into the buffer.
    pub(crate) fn fold<'a>(&mut self, text: &'a str) -> Text<'a> {
        if is_folded(text) {
            return Text::Input(text);
        }
        search_key_into(text, &mut self.scratch);
        let start = self.texts.len();
        self.texts.push_str(&self.scratch);
        Text::Folded(start..self.texts.len())
    }

    /// The sort key of `text`, folded.
    pub(crate) fn key<'a>(&mut self, text: &'a str) -> Key<'a> {
        let t = self.fold(text);
        Key::Text(prefix(self.get(&t)), t)
    }

    /// The text `t` stands for.
    pub(crate) fn get<'t>(&'t self, t: &'t Text<'_>) -> &'t str {
        match t {
            Text::Input(s) => s,
            Text::Folded(r) => self.texts.get(r.clone()).unwrap_or_default(),
        }
    }

    /// `text` folded into the scratch buffer (for a search), or itself when folded.
    pub(crate) fn scratch<'t>(&'t mut self, text: &'t str) -> &'t str {
        if is_folded(text) {
            return text;
        }
        search_key_into(text, &mut self.scratch);
        &self.scratch
    }
}

/// The first eight bytes of `text` as a big-endian number, zeros after its end: two
/// texts whose numbers differ compare as those numbers do (bytewise order).
fn prefix(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (b, t) in bytes.iter_mut().zip(text.bytes()) {
        *b = t;
    }
    u64::from_be_bytes(bytes)
}

/// Whether `text` is its own search key: ASCII, no capitals, single inner spaces.
fn is_folded(text: &str) -> bool {
    text.is_ascii()
        && !text.bytes().any(|b| b.is_ascii_uppercase() || (b.is_ascii_whitespace() && b != b' '))
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
}

/// The key of `a` (whose value is `value`) under `column`; texts folded into `folded`.
pub(crate) fn key<'a>(column: Column, a: &'a Atendimento, value: Option<u64>, folded: &mut Folded) -> Key<'a> {
    match column {
        Column::Status => folded.key(&a.status),
        Column::Reference => {
            let r = a.reference.trim();
            if !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()) {
                let digits = r.trim_start_matches('0');
                Key::Number(digits.len(), digits)
            } else {
                folded.key(r)
            }
        }
        Column::Title => folded.key(&a.title),
        Column::Contact => folded.key(&a.contact.name),
        Column::Value => Key::Value(value),
        Column::Updated => Key::Date(a.updated_on),
        Column::Created => Key::Date(a.created_on),
    }
}

/// The ascending order of two keys (numbers before texts; a column gives one kind else).
fn ascending(a: &Key<'_>, b: &Key<'_>, folded: &Folded) -> Ordering {
    let rank = |k: &Key<'_>| match k {
        Key::Number(..) => 0,
        Key::Text(..) => 1,
        Key::Value(_) => 2,
        Key::Date(_) => 3,
    };
    match (a, b) {
        (Key::Number(la, da), Key::Number(lb, db)) => (la, da).cmp(&(lb, db)),
        (Key::Text(px, x), Key::Text(py, y)) => px.cmp(py).then_with(|| folded.get(x).cmp(folded.get(y))),
        (Key::Value(x), Key::Value(y)) => x.cmp(y),
        (Key::Date(x), Key::Date(y)) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// `Ordering` of two keys as the list shows them.
pub(crate) fn compare(a: &Key<'_>, b: &Key<'_>, direction: Direction, folded: &Folded) -> Ordering {
    match direction {
        Direction::Ascending => ascending(a, b, folded),
        Direction::Descending => ascending(b, a, folded),
    }
}

/// Sorts `entries` (key first) stably in `direction`.
pub(crate) fn sort<T>(entries: &mut [(Key<'_>, T)], direction: Direction, folded: &Folded) {
    crate::sort::sort_by(entries, |a, b| compare(&a.0, &b.0, direction, folded));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_as_numbers_then_texts() {
        let n = |s: &'static str| {
            let d = s.trim_start_matches('0');
            Key::Number(d.len(), d)
        };
        let f = Folded::default();
        let lt = |a: &Key<'_>, b: &Key<'_>| compare(a, b, Direction::Ascending, &f) == Ordering::Less;
        assert!(lt(&n("999"), &n("1042")));
        assert!(lt(&n("0999"), &n("1000")));
        assert_eq!(compare(&n("007"), &n("7"), Direction::Ascending, &f), Ordering::Equal);
        assert!(lt(&n("99999999999999999999999"), &Key::Text(prefix("a"), Text::Input("a"))));
        assert_eq!(compare(&n("1"), &n("2"), Direction::Descending, &f), Ordering::Greater);
    }

    #[test]
    fn texts_folded_once_into_one_buffer() {
        let mut f = Folded::default();
        let (a, b, c) = (f.fold("Ábaco  X"), f.fold("abc d"), f.fold("ÁRVORE"));
        assert_eq!((f.get(&a), f.get(&b), f.get(&c)), ("abaco x", "abc d", "arvore"));
        assert!(matches!(b, Text::Input(_)));
        let (ka, kc) = (Key::Text(prefix(f.get(&a)), a), Key::Text(prefix(f.get(&c)), c));
        assert_eq!(compare(&ka, &kc, Direction::Ascending, &f), Ordering::Less);
        // Past the eighth byte, and a text that is the start of another, in byte order.
        let mut g = Folded::default();
        let texts = ["certificado 2", "certificado 10", "certific", "certifica\0", "a", "", "certificado 1"];
        let mut keys: Vec<Key<'_>> = texts.iter().map(|t| g.key(t)).collect();
        keys.sort_by(|x, y| compare(x, y, Direction::Ascending, &g));
        let sorted: Vec<&str> = keys.iter().map(|k| if let Key::Text(_, t) = k { g.get(t) } else { "" }).collect();
        let mut want = texts.to_vec();
        want.sort_unstable();
        assert_eq!(sorted, want);
        assert_eq!(f.scratch("João"), "joao");
    }
}
