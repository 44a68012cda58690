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
    let stripped: String = s.chars().flat_map(crate::fold::strip_accents).flat_map(crate::fold::lower).collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `x` written as `format!("{x}")` writes it (shortest round-trip digits, never an
/// exponent), through serde_json's float writer: the standard float formatting costs
/// about 30 KB of the WebAssembly module, and serde_json's is there anyway. Every
/// number a person types (a few decimals) comes out the same; for a rare float with
/// two shortest forms the last digit may differ, and it still reads back exactly.
pub(crate) fn decimal(x: f64) -> String {
    let Some(n) = serde_json::Number::from_f64(x) else {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_owned();
    };
    let text = n.to_string();
    let (sign, text) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    // All the digits, and where the decimal point goes among them.
    let digits = format!("{int}{frac}");
    let point = i64::try_from(int.len()).unwrap_or(0).saturating_add(i64::from(exponent));
    let len = i64::try_from(digits.len()).unwrap_or(0);
    let zeros = |n: i64| "0".repeat(usize::try_from(n).unwrap_or(0));
    let plain = if point <= 0 {
        format!("0.{}{digits}", zeros(-point))
    } else if point >= len {
        format!("{digits}{}", zeros(point - len))
    } else {
        let (a, b) = digits.split_at(usize::try_from(point).unwrap_or(0));
        format!("{a}.{b}")
    };
    // `-0` stays `-0`, as the standard formatting writes it.
    let plain = plain.trim_start_matches('0');
    let plain = if plain.is_empty() || plain.starts_with('.') { format!("0{plain}") } else { plain.to_owned() };
    format!("{sign}{plain}")
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
    fn decimal_as_the_standard_formatting() {
        for x in [0.0, -0.0, 1.0, 0.85, 0.1, 1e-7, 123.456, 1e21, 2.5e-300, f64::MAX, f64::MIN_POSITIVE, 5e-324] {
            assert_eq!(decimal(x), format!("{x}"));
        }
        assert_eq!(
            (decimal(f64::NAN), decimal(f64::INFINITY), decimal(-f64::INFINITY)),
            ("NaN".into(), "inf".into(), "-inf".into())
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn decimal_is_the_standard_formatting(x in proptest::num::f64::ANY, unit in 0.0..=1.0f64, n in -10_000_000i64..10_000_000, places in 0u32..7) {
            // What people type: a few decimals. Written exactly as the standard way.
            #[allow(clippy::cast_precision_loss)]
            let typed = n as f64 / 10f64.powi(i32::try_from(places).unwrap_or(0));
            proptest::prop_assert_eq!(decimal(typed), format!("{typed}"));
            proptest::prop_assert_eq!(decimal(unit), format!("{unit}"));
            // Anything: reads back as the same number, with no exponent.
            let text = decimal(x);
            proptest::prop_assert!(!text.contains('e'));
            if x.is_finite() {
                proptest::prop_assert_eq!(text.parse::<f64>().ok(), Some(x));
            }
        }
    }

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Intimação  Eletrônica "), "intimacao eletronica");
        assert_eq!(fold("AÇÃO"), fold("acao"));
        assert_ne!(fold("intimação"), fold("pesquisa"));
    }

    /// `fold` as it was, on `unicode-normalization` (now a dev-dependency only), but
    /// lower-casing char by char: `str::to_lowercase`'s final-sigma rule is gone (see
    /// `final_sigma_is_lower_cased_alone`).
    fn old_fold(s: &str) -> String {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let stripped: String = s.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
        stripped.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn final_sigma_is_lower_cased_alone() {
        // One key for a word however its sigma is written (str::to_lowercase gave ς).
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ");
        assert_ne!(fold("ΟΔΟΣ"), "ΟΔΟΣ".to_lowercase());
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
