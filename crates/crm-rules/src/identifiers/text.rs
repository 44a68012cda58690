//! Display text and search keys — CAD-2.
//!
//! Text keeps its accents and `Ç` for display ([`clean_text`]); every comparison uses
//! the accent- and case-folded [`search_key`], so users need not avoid accents.

use crate::fold::{decomposes, is_mark, strip_accents};

/// `value` trimmed, each inner run of white space replaced by one space (CAD-2).
/// Accents, `Ç` and case are kept: this is the form to display and store.
///
/// ```
/// use crm_rules::identifiers::clean_text;
/// assert_eq!(clean_text("  João \t da\n Silva  "), "João da Silva");
/// assert_eq!(clean_text("AÇÃO"), "AÇÃO");
/// ```
pub fn clean_text(value: &str) -> String {
    collapse(value.split_whitespace(), value.len())
}

/// The words of `words` joined by single spaces.
fn collapse<'a>(words: impl Iterator<Item = &'a str>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The key under which texts are compared and searched (CAD-2): [`clean_text`], then
/// lower-cased and stripped of accents (canonical decomposition, combining marks
/// dropped). `search_key(search_key(x)) == search_key(x)`.
///
/// ```
/// use crm_rules::identifiers::search_key;
/// assert_eq!(search_key("  João  da SILVA "), "joao da silva");
/// assert_eq!(search_key("Intimação Eletrônica"), search_key("intimacao eletronica"));
/// ```
pub fn search_key(value: &str) -> String {
    if value.is_ascii() {
        // The common case: no decomposition needed, one allocation.
        let mut out = collapse(value.split_ascii_whitespace(), value.len());
        out.make_ascii_lowercase();
        return out;
    }
    let folded: String = value.chars().flat_map(strip_accents).flat_map(crate::fold::lower).collect();
    // Lower-casing can yield a composed letter or a mark again (rare): fold once more.
    let folded = if folded.chars().any(|c| is_mark(c) || decomposes(c)) {
        folded.chars().flat_map(strip_accents).collect()
    } else {
        folded
    };
    collapse(folded.split_whitespace(), folded.len())
}

/// [`search_key`] written into `out` (cleared first): no allocation once `out` has room,
/// for the loops that fold many texts (listings, searches). Equal to `search_key` on
/// every input (tested on every char and on random strings).
pub(crate) fn search_key_into(value: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    if value.is_ascii() {
        for b in value.bytes() {
            if b.is_ascii_whitespace() {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return;
    }
    for c in value.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        for l in strip_accents(c).flat_map(crate::fold::lower) {
            if is_mark(l) || decomposes(l) {
                // Lower-casing gave a composed letter or a mark (rare): the full path.
                *out = search_key(value);
                return;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_and_key() {
        assert_eq!(clean_text(""), "");
        assert_eq!(clean_text(" \u{a0} "), "");
        assert_eq!(clean_text("São  Paulo"), "São Paulo");
        assert_eq!(search_key("São  Paulo"), "sao paulo");
        assert_eq!(search_key("CONCEIÇÃO"), "conceicao");
        assert_eq!(search_key("Ñandú Über"), "nandu uber");
        assert_eq!(search_key("a \u{301} b"), "a b");
        assert_eq!(search_key("İstanbul"), "istanbul");
        // Decomposed input gives the same key as composed input.
        assert_eq!(search_key("Jo\u{61}\u{303}o"), search_key("João"));
        assert_eq!(search_key("\tABC  def\n"), "abc def");
    }

    #[test]
    fn search_key_into_is_search_key_on_every_char() {
        let mut out = String::from("left over");
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            for s in [format!("A{c}b"), format!(" {c} \u{b}x{c}\u{301}{c} "), c.to_string()] {
                search_key_into(&s, &mut out);
                assert_eq!(out, search_key(&s), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn search_key_is_idempotent_on_every_char() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let s = format!("A{c}b");
            let k = search_key(&s);
            assert_eq!(search_key(&k), k, "U+{:04X}", c as u32);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        #[test]
        fn search_key_into_is_search_key(s in "\\PC{0,24}|[ \t\u{b}a-zA-Z\u{300}-\u{36f}À-ɏ]{0,24}") {
            let mut out = String::new();
            search_key_into(&s, &mut out);
            prop_assert_eq!(out, search_key(&s));
        }

        #[test]
        fn search_key_is_idempotent(s in "\\PC{0,24}") {
            let k = search_key(&s);
            prop_assert_eq!(search_key(&k), k.clone());
            prop_assert_eq!(search_key(&clean_text(&s)), k);
        }

        #[test]
        fn search_key_idempotent_on_latin(s in "[ a-zA-ZÀ-ÿ\u{300}-\u{36f}\t\n]{0,24}") {
            let k = search_key(&s);
            prop_assert_eq!(search_key(&k), k);
        }

        #[test]
        fn clean_text_is_idempotent(s in "\\PC{0,24}") {
            let c = clean_text(&s);
            prop_assert_eq!(clean_text(&c), c.clone());
            prop_assert!(!c.starts_with(' ') && !c.ends_with(' ') && !c.contains("  "));
        }
    }
}
