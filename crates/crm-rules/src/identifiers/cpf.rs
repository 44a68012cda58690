//! CPF (Cadastro de Pessoas Físicas, the individual taxpayer number) — CAD-4.
//!
//! Eleven digits; the last two are check digits computed mod 11 (weights 10..2 for
//! the first, 11..2 for the second). Separators `.`, `-` and white space are ignored;
//! the ten numbers made of one repeated digit pass the arithmetic but are invalid.

use crate::error::{CrmError, Result};

/// Number of digits of a CPF.
pub(crate) const CPF_LEN: usize = 11;

/// The 11 digit values (0–9) of `s` when it is a valid CPF, else `None`. No allocation.
pub(crate) fn cpf_digits(s: &str) -> Option<[u8; CPF_LEN]> {
    let mut digits = [0u8; CPF_LEN];
    let mut n = 0usize;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                let slot = digits.get_mut(n)?;
                *slot = c as u8 - b'0';
                n += 1;
            }
            '.' | '-' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    if n != CPF_LEN {
        return None;
    }
    let [first, rest @ ..] = digits;
    if rest.iter().all(|&d| d == first) {
        return None;
    }
    let [body @ .., d1, d2] = digits;
    let [head @ .., _] = digits;
    (check_digit(&body, 10) == d1 && check_digit(&head, 11) == d2).then_some(digits)
}

/// The mod-11 check digit of `values` with weights `top, top-1, …, 2`.
fn check_digit(values: &[u8], top: u32) -> u8 {
    let sum: u32 = values.iter().zip((2..=top).rev()).map(|(&v, w)| u32::from(v) * w).sum();
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        // 11 - r is in 2..=9.
        (11 - r) as u8
    }
}

/// Whether `value` is a valid CPF (CAD-4): 11 digits once `.`, `-` and white space are
/// removed, both check digits right, not one repeated digit. Never errors.
///
/// ```
/// use crm_rules::identifiers::is_valid_cpf;
/// assert!(is_valid_cpf("123.456.789-09"));
/// assert!(is_valid_cpf("12345678909"));
/// assert!(!is_valid_cpf("123.456.789-08")); // wrong check digit
/// assert!(!is_valid_cpf("111.111.111-11")); // repeated digit
/// assert!(!is_valid_cpf("1234567890"));     // 10 digits
/// ```
pub fn is_valid_cpf(value: &str) -> bool {
    cpf_digits(value).is_some()
}

/// A valid CPF written `000.000.000-00` (CAD-4).
///
/// # Errors
/// `input.invalid` (path `value`) when `value` is not a valid CPF.
///
/// ```
/// use crm_rules::identifiers::format_cpf;
/// assert_eq!(format_cpf(" 12345678909 ").unwrap(), "123.456.789-09");
/// assert_eq!(format_cpf("123.456.789-08").unwrap_err().code(), "input.invalid");
/// ```
pub fn format_cpf(value: &str) -> Result<String> {
    let digits = cpf_digits(value).ok_or_else(|| CrmError::invalid("value", "not a valid CPF"))?;
    let mut out = String::with_capacity(14);
    for (i, d) in digits.iter().enumerate() {
        match i {
            3 | 6 => out.push('.'),
            9 => out.push('-'),
            _ => {}
        }
        out.push(char::from(b'0' + d));
    }
    Ok(out)
}

/// The 11 bare digits of a valid CPF.
pub(crate) fn cpf_key(digits: &[u8; CPF_LEN]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_cpfs() {
        for ok in ["123.456.789-09", "12345678909", "529.982.247-25", "000.000.001-91", " 529 982 247 25 "] {
            assert!(is_valid_cpf(ok), "{ok}");
        }
        for bad in ["", "123.456.789-00", "52998224726", "1234567890", "123456789090", "123.456.789/09", "12345678909a"]
        {
            assert!(!is_valid_cpf(bad), "{bad}");
        }
        for d in 0..=9 {
            let repeated: String = std::iter::repeat_n(char::from(b'0' + d), 11).collect();
            assert!(!is_valid_cpf(&repeated), "{repeated}");
        }
    }

    #[test]
    fn format_errors_name_the_value() {
        let e = format_cpf("abc").unwrap_err();
        assert_eq!((e.code(), e.path()), ("input.invalid", Some("value")));
        assert_eq!(format_cpf("52998224725").unwrap(), "529.982.247-25");
    }

    /// A valid CPF made from 9 arbitrary digits.
    fn make(body: [u8; 9]) -> String {
        let d1 = check_digit(&body, 10);
        let mut ten = [0u8; 10];
        ten[..9].copy_from_slice(&body);
        ten[9] = d1;
        let d2 = check_digit(&ten, 11);
        ten.iter().chain([d2].iter()).map(|d| char::from(b'0' + d)).collect()
    }

    proptest! {
        #[test]
        fn format_then_validate(body in proptest::array::uniform9(0u8..10)) {
            let cpf = make(body);
            prop_assume!(!cpf.bytes().all(|b| b == cpf.as_bytes()[0]));
            let formatted = format_cpf(&cpf).unwrap();
            prop_assert!(is_valid_cpf(&formatted));
            prop_assert_eq!(format_cpf(&formatted).unwrap(), formatted.clone());
            prop_assert_eq!(formatted.replace(['.', '-'], ""), cpf);
        }

        #[test]
        fn corrupted_check_digit_is_invalid(body in proptest::array::uniform9(0u8..10), which in 9usize..11, delta in 1u8..10) {
            let cpf = make(body);
            let mut bytes = cpf.into_bytes();
            bytes[which] = b'0' + (bytes[which] - b'0' + delta) % 10;
            prop_assert!(!is_valid_cpf(std::str::from_utf8(&bytes).unwrap()));
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = is_valid_cpf(&s);
        }
    }
}
