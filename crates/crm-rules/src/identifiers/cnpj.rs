//! CNPJ (Cadastro Nacional da Pessoa Jurídica, the company taxpayer number) — CAD-4,
//! numeric and alphanumeric (Receita Federal, from July 2026).
//!
//! Fourteen characters: the first 12 are `0-9` or `A-Z`, the last two are check
//! digits. Each character is valued by its ASCII code − 48 (so `0`–`9` are 0–9 and
//! `A`–`Z` are 17–42); the check digits are mod 11 with weights 5,4,3,2,9,8,7,6,5,4,3,2
//! (first) and 6,5,4,3,2,9,8,7,6,5,4,3,2 (second). The old all-numeric CNPJs are the
//! special case with no letters, so one algorithm validates both.

use crate::error::{CrmError, Result};

/// Number of characters of a CNPJ.
pub(crate) const CNPJ_LEN: usize = 14;

/// Weights of the second check digit; the first uses the last 12 of them.
const WEIGHTS: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/// The 14 upper-case ASCII characters of `s` when it is a valid CNPJ, else `None`.
/// `.`, `/`, `-` and white space are ignored; lower-case letters are upper-cased.
pub(crate) fn cnpj_chars(s: &str) -> Option<[u8; CNPJ_LEN]> {
    let mut chars = [0u8; CNPJ_LEN];
    let mut n = 0usize;
    for c in s.chars() {
        let b = match c {
            '0'..='9' | 'A'..='Z' => c as u8,
            'a'..='z' => c.to_ascii_uppercase() as u8,
            '.' | '/' | '-' => continue,
            c if c.is_whitespace() => continue,
            _ => return None,
        };
        *chars.get_mut(n)? = b;
        n += 1;
    }
    if n != CNPJ_LEN {
        return None;
    }
    let [first, rest @ ..] = chars;
    if rest.iter().all(|&c| c == first) {
        return None;
    }
    let [body @ .., d1, d2] = chars;
    let [head @ .., _] = chars;
    if !d1.is_ascii_digit() || !d2.is_ascii_digit() {
        return None;
    }
    let [_, weights1 @ ..] = WEIGHTS;
    (check_digit(&body, &weights1) == d1 && check_digit(&head, &WEIGHTS) == d2).then_some(chars)
}

/// The check digit (as an ASCII digit) of `chars` with `weights`.
fn check_digit(chars: &[u8], weights: &[u32]) -> u8 {
    let sum: u32 = chars.iter().zip(weights).map(|(&c, &w)| u32::from(c.saturating_sub(b'0')) * w).sum();
    let r = sum % 11;
    if r < 2 {
        b'0'
    } else {
        // 11 - r is in 2..=9.
        b'0' + (11 - r) as u8
    }
}

/// Whether `value` is a valid CNPJ, numeric or alphanumeric (CAD-4): 14 characters
/// once `.`, `/`, `-` and white space are removed, the first 12 in `[0-9A-Z]` (lower
/// case accepted), the last two the right check digits, not one repeated character.
/// Never errors.
///
/// ```
/// use crm_rules::identifiers::is_valid_cnpj;
/// assert!(is_valid_cnpj("11.222.333/0001-81"));
/// assert!(is_valid_cnpj("12.ABC.345/01DE-35")); // alphanumeric (from July 2026)
/// assert!(is_valid_cnpj("12abc34501de35"));
/// assert!(!is_valid_cnpj("12.ABC.345/01DE-36"));
/// assert!(!is_valid_cnpj("00.000.000/0000-00"));
/// ```
pub fn is_valid_cnpj(value: &str) -> bool {
    cnpj_chars(value).is_some()
}

/// A valid CNPJ written `00.000.000/0000-00`, letters upper-cased (CAD-4).
///
/// # Errors
/// `input.invalid` (path `value`) when `value` is not a valid CNPJ.
///
/// ```
/// use crm_rules::identifiers::format_cnpj;
/// assert_eq!(format_cnpj("11222333000181").unwrap(), "11.222.333/0001-81");
/// assert_eq!(format_cnpj("12abc34501de35").unwrap(), "12.ABC.345/01DE-35");
/// assert_eq!(format_cnpj("11222333000180").unwrap_err().path(), Some("value"));
/// ```
pub fn format_cnpj(value: &str) -> Result<String> {
    let chars = cnpj_chars(value).ok_or_else(|| CrmError::invalid("value", "not a valid CNPJ"))?;
    let mut out = String::with_capacity(18);
    for (i, &c) in chars.iter().enumerate() {
        match i {
            2 | 5 => out.push('.'),
            8 => out.push('/'),
            12 => out.push('-'),
            _ => {}
        }
        out.push(char::from(c));
    }
    Ok(out)
}

/// The 14 bare upper-case characters of a valid CNPJ.
pub(crate) fn cnpj_key(chars: &[u8; CNPJ_LEN]) -> String {
    chars.iter().map(|&c| char::from(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_cnpjs() {
        for ok in
            ["11.222.333/0001-81", "11222333000181", "12.ABC.345/01DE-35", "12abc34501de35", " 12 ABC 345 01DE 35 "]
        {
            assert!(is_valid_cnpj(ok), "{ok}");
        }
        for bad in [
            "",
            "11.222.333/0001-82",
            "1122233300018",
            "112223330001811",
            "12.ABC.345/01DE-3A",
            "12.ABC.345/01DÉ-35",
            "11_222_333_0001_81",
        ] {
            assert!(!is_valid_cnpj(bad), "{bad}");
        }
        for c in ('0'..='9').chain('A'..='Z') {
            let repeated: String = std::iter::repeat_n(c, 14).collect();
            assert!(!is_valid_cnpj(&repeated), "{repeated}");
        }
    }

    #[test]
    fn format_upper_cases() {
        assert_eq!(format_cnpj("12.abc.345/01de-35").unwrap(), "12.ABC.345/01DE-35");
        let e = format_cnpj("x").unwrap_err();
        assert_eq!((e.code(), e.path()), ("input.invalid", Some("value")));
    }

    /// A valid CNPJ made from 12 characters of `[0-9A-Z]`.
    fn make(body: &[u8]) -> String {
        let [_, w1 @ ..] = WEIGHTS;
        let d1 = check_digit(body, &w1);
        let mut head = body.to_vec();
        head.push(d1);
        let d2 = check_digit(&head, &WEIGHTS);
        head.push(d2);
        String::from_utf8(head).unwrap()
    }

    fn body() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(prop_oneof![b'0'..=b'9', b'A'..=b'Z'], 12)
    }

    proptest! {
        #[test]
        fn format_then_validate(body in body(), lower in any::<bool>()) {
            let cnpj = make(&body);
            prop_assume!(!cnpj.bytes().all(|b| b == cnpj.as_bytes()[0]));
            let input = if lower { cnpj.to_ascii_lowercase() } else { cnpj.clone() };
            let formatted = format_cnpj(&input).unwrap();
            prop_assert!(is_valid_cnpj(&formatted));
            prop_assert_eq!(format_cnpj(&formatted).unwrap(), formatted.clone());
            prop_assert_eq!(formatted.replace(['.', '/', '-'], ""), cnpj);
        }

        #[test]
        fn corrupted_check_digit_is_invalid(body in body(), which in 12usize..14, delta in 1u8..10) {
            let mut bytes = make(&body).into_bytes();
            bytes[which] = b'0' + (bytes[which] - b'0' + delta) % 10;
            prop_assert!(!is_valid_cnpj(std::str::from_utf8(&bytes).unwrap()));
        }

        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = is_valid_cnpj(&s);
        }
    }
}
