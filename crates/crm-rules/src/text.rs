//! Small helpers for the pt-BR messages.

use chrono::{Datelike, NaiveDate};

/// A date as Brazilians write it: `25/11/2026`.
pub(crate) fn br_date(date: NaiveDate) -> String {
    // Written directly: a strftime pattern is parsed again at every call.
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Trimmed, lower-cased, accent-free form of `s`, with inner white space collapsed:
/// the key used wherever two texts are compared (CAD-2).
pub(crate) fn fold(s: &str) -> String {
    let stripped = s.chars().flat_map(crate::fold::strip_accents).collect::<String>().to_lowercase();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An amount of centavos as Brazilians write it: `R$ 1.234,56`.
pub(crate) fn centavos(amount: u64) -> String {
    let reais = (amount / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in reais.chars().enumerate() {
        if i > 0 && (reais.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("R$ {grouped},{:02}", amount % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Intimação  Eletrônica "), "intimacao eletronica");
        assert_eq!(fold("AÇÃO"), fold("acao"));
        assert_ne!(fold("intimação"), fold("pesquisa"));
    }

    /// `fold` as it was, on `unicode-normalization` (now a dev-dependency only).
    fn old_fold(s: &str) -> String {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let stripped: String = s.nfd().filter(|c| !is_combining_mark(*c)).collect::<String>().to_lowercase();
        stripped.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn fold_is_unchanged_on_every_char() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("A{c}b \u{3A3}"), format!("{c}\u{301}\u{130}\u{3A3}")] {
                assert_eq!(fold(&s), old_fold(&s), "U+{:04X} in {s:?}", c as u32);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        #[test]
        fn fold_is_unchanged(s in "[ a-zA-ZÀ-ɏ\u{300}-\u{36f}Ͱ-Ͽἀ-῾가-힣\t\n\u{a0}]{0,24}|\\PC{0,24}") {
            proptest::prop_assert_eq!(fold(&s), old_fold(&s));
        }
    }

    #[test]
    fn centavos_in_brazilian_format() {
        assert_eq!(centavos(0), "R$ 0,00");
        assert_eq!(centavos(5), "R$ 0,05");
        assert_eq!(centavos(123_456_789), "R$ 1.234.567,89");
    }
}
