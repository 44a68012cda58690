//! The "procurar" box of ATD-4, compiled once per call: the text folded once, and
//! whether it could be (part of) a date decided once.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::order::Folded;
use crate::identifiers::search_key;
use crate::model::Atendimento;

/// A search ready to run over many atendimentos.
pub(crate) struct Search {
    /// The text typed, accent- and case-folded.
    key: String,
    /// The text holds only digits, `/` and `-`: it may be (part of) a date.
    date_like: bool,
}

impl Search {
    /// The search for `text`; `None` when absent or blank (no filter).
    pub(crate) fn compile(text: Option<&str>) -> Option<Search> {
        let key = search_key(text?);
        if key.is_empty() {
            return None;
        }
        let date_like = key.bytes().all(|b| b.is_ascii_digit() || b == b'/' || b == b'-');
        Some(Search { key, date_like })
    }

    /// The folded text searched for.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    /// Whether `a` matches: the text is in its folded reference, title or contact name,
    /// or (for a text of digits, `/` and `-`) in its update or creation date written
    /// `dd/mm/aaaa` or `aaaa-mm-dd`. `buf` is scratch space, reused between calls.
    /// `folded` lends its scratch buffer to fold the texts without allocating.
    pub(crate) fn matches(&self, a: &Atendimento, buf: &mut String, folded: &mut Folded) -> bool {
        let key = self.key.as_str();
        if self.date_like && (date_has(a.updated_on, key, buf) || date_has(a.created_on, key, buf)) {
            return true;
        }
        [a.reference.as_str(), a.title.as_str(), a.contact.name.as_str()]
            .into_iter()
            .any(|t| folded.scratch(t).contains(key))
    }
}

/// Whether `date` written `dd/mm/aaaa` or `aaaa-mm-dd` holds `key`.
fn date_has(date: NaiveDate, key: &str, buf: &mut String) -> bool {
    buf.clear();
    // Writing into a String cannot fail.
    let _ = write!(buf, "{:02}/{:02}/{:04} {date}", date.day(), date.month(), date.year());
    // The two forms are separated by a space, which a date-like key never holds.
    buf.contains(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_forms_and_parts() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        let mut buf = String::new();
        for key in ["05/03/2026", "2026-03-05", "03/2026", "2026-03", "5/03", "2026"] {
            assert!(date_has(d, key, &mut buf), "{key}");
        }
        for key in ["5/3/2026", "06/03/2026", "2026-03-06", "2026/03/05"] {
            assert!(!date_has(d, key, &mut buf), "{key}");
        }
    }

    #[test]
    fn compile_folds_and_spots_dates() {
        assert!(Search::compile(None).is_none());
        assert!(Search::compile(Some("  \t")).is_none());
        let s = Search::compile(Some("  CONCEIÇÃO ")).unwrap_or_else(|| unreachable!());
        assert_eq!((s.key(), s.date_like), ("conceicao", false));
        let s = Search::compile(Some("05/03/2026")).unwrap_or_else(|| unreachable!());
        assert!(s.date_like);
        let mut f = Folded::default();
        assert!(f.scratch("João Conceição").contains("conceicao"));
        assert!(f.scratch("abc def").contains("c d"));
        assert!(!f.scratch("ABC").contains("abd"));
    }
}
