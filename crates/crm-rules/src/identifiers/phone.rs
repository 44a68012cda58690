//! Brazilian phone numbers to E.164 — CAD-4.
//!
//! Accepted spellings: anything around the digits (spaces, dashes, dots, parentheses)
//! is ignored; a leading `+` means the country code is given and must be 55; a
//! leading `0` is the trunk prefix, alone (`0 11 98765-4321`) or followed by a
//! two-digit carrier selection code (`0 21 11 98765-4321`); `55` before 10 or 11
//! digits is the country code. What remains is the DDD (area code) and the
//! subscriber number: 9 digits starting with 9 (mobile) or 8 digits starting with 2–5
//! (landline). An 8-digit number starting with 6–9 is an old mobile written without
//! the 9th digit (mandatory everywhere since 2016) and is refused, not guessed.

use crate::error::{CrmError, Result};

/// Most digits a Brazilian number can be written with: `0` + carrier + DDD + 9 digits.
const MAX_DIGITS: usize = 14;

/// The Brazilian area codes (DDD) Anatel assigns, as the bits of a 100-bit set: 11–19,
/// 21, 22, 24, 27, 28, 31–35, 37, 38, 41–49, 51, 53–55, 61–69, 71, 73–75, 77, 79,
/// 81–89, 91–99 (the same list as libphonenumber's BR metadata).
const DDDS: u128 = {
    let codes: [u8; 67] = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47,
        48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87,
        88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ];
    let mut set = 0u128;
    let mut i = 0;
    while i < codes.len() {
        #[allow(clippy::indexing_slicing)] // const evaluation: an out-of-bounds index fails the build
        let code = codes[i];
        set |= 1u128 << code;
        i += 1;
    }
    set
};

/// Whether `ddd` (two digits) is an area code in use in Brazil (CAD-4).
///
/// ```
/// use crm_rules::identifiers::is_valid_ddd;
/// assert!(is_valid_ddd(11) && is_valid_ddd(55) && !is_valid_ddd(20));
/// ```
pub fn is_valid_ddd(ddd: u8) -> bool {
    ddd < 100 && DDDS & (1u128 << ddd) != 0
}

fn invalid(message: &str) -> CrmError {
    CrmError::invalid("value", message)
}

/// A Brazilian phone number in E.164 form, `+55` + DDD + subscriber (CAD-4).
///
/// # Errors
/// `input.invalid` (path `value`) when the number is not a Brazilian landline or mobile
/// number: a country code other than 55, an unknown DDD, a wrong length, an 8-digit
/// number starting with 6–9 (old mobile without the 9th digit) or a 9-digit one not
/// starting with 9.
///
/// ```
/// use crm_rules::identifiers::normalize_phone;
/// assert_eq!(normalize_phone("(11) 98765-4321").unwrap(), "+5511987654321");
/// assert_eq!(normalize_phone("+55 21 3456-7890").unwrap(), "+552134567890");
/// assert_eq!(normalize_phone("0 15 11 98765-4321").unwrap(), "+5511987654321"); // carrier 15
/// assert_eq!(normalize_phone("011 98765 4321").unwrap(), "+5511987654321");     // trunk 0
/// assert_eq!(normalize_phone("5511987654321").unwrap(), "+5511987654321");
/// assert!(normalize_phone("(11) 8765-4321").is_err()); // old mobile, no 9th digit
/// assert!(normalize_phone("(20) 98765-4321").is_err()); // no DDD 20
/// assert!(normalize_phone("+1 212 555 0100").is_err());
/// ```
pub fn normalize_phone(value: &str) -> Result<String> {
    let mut buf = [0u8; MAX_DIGITS];
    let mut n = 0usize;
    let international = value.trim_start().starts_with('+');
    for b in value.bytes() {
        if b.is_ascii_digit() {
            *buf.get_mut(n).ok_or_else(|| invalid("too many digits for a Brazilian phone number"))? = b;
            n += 1;
        }
    }
    let digits = buf.get(..n).unwrap_or_default();
    let national = if international {
        match digits {
            [b'5', b'5', rest @ ..] => rest,
            [] => return Err(invalid("no digits")),
            _ => return Err(invalid("the country code must be +55 (Brazil)")),
        }
    } else {
        match digits {
            // Trunk 0 + carrier code + DDD + subscriber.
            [b'0', _, _, rest @ ..] if rest.len() == 10 || rest.len() == 11 => rest,
            // Lone trunk 0 + DDD + subscriber.
            [b'0', rest @ ..] => rest,
            // Country code without the `+`.
            [b'5', b'5', rest @ ..] if rest.len() == 10 || rest.len() == 11 => rest,
            _ => digits,
        }
    };
    let (ddd, subscriber) = match national {
        [a, b, rest @ ..] => ((a - b'0') * 10 + (b - b'0'), rest),
        _ => return Err(invalid("too few digits: a DDD and the number are needed")),
    };
    match subscriber {
        [b'9', ..] if subscriber.len() == 9 => {}
        [b'2'..=b'5', ..] if subscriber.len() == 8 => {}
        [b'6'..=b'9', ..] if subscriber.len() == 8 => {
            return Err(invalid("an 8-digit number starting with 6-9 is an old mobile: add the 9th digit"))
        }
        _ if subscriber.len() == 9 => return Err(invalid("a 9-digit number must be a mobile starting with 9")),
        _ if subscriber.len() == 8 => return Err(invalid("a landline number must start with 2-5")),
        _ => return Err(invalid("wrong number of digits: the DDD and 8 (landline) or 9 (mobile) digits")),
    }
    if !is_valid_ddd(ddd) {
        return Err(invalid("unknown DDD (area code)"));
    }
    let mut out = String::with_capacity(3 + national.len());
    out.push_str("+55");
    out.extend(national.iter().map(|&b| char::from(b)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ddd_list() {
        let valid: Vec<u8> = (0..=120).filter(|&d| is_valid_ddd(d)).collect();
        assert_eq!(valid.len(), 67);
        for d in [10, 20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56, 60, 70, 72, 76, 78, 80, 90, 100] {
            assert!(!is_valid_ddd(d), "{d}");
        }
        for d in [11, 21, 22, 24, 27, 28, 38, 41, 49, 51, 53, 55, 61, 69, 71, 75, 77, 79, 81, 89, 91, 99] {
            assert!(is_valid_ddd(d), "{d}");
        }
    }

    #[test]
    fn spellings() {
        let cases = [
            ("+55 (11) 98765-4321", "+5511987654321"),
            ("+5511987654321", "+5511987654321"),
            ("55 11 98765 4321", "+5511987654321"),
            ("(011) 98765-4321", "+5511987654321"),
            ("0 41 11 98765-4321", "+5511987654321"),
            ("11.98765.4321", "+5511987654321"),
            ("(21) 2345-6789", "+552123456789"),
            ("0xx21 2345-6789", "+552123456789"),
            ("552123456789", "+552123456789"),
            ("(55) 99876-5432", "+5555998765432"), // DDD 55 (RS), no country code
            ("55 55 99876-5432", "+5555998765432"),
            ("tel: (11) 5555-1234", "+551155551234"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_phone(input).unwrap(), want, "{input}");
        }
    }

    #[test]
    fn refusals() {
        for bad in [
            "",
            "+",
            "98765-4321",
            "(11) 8765-4321",
            "(11) 6765-4321",
            "(11) 1765-4321",
            "(11) 88765-4321",
            "(10) 98765-4321",
            "(20) 2345-6789",
            "+1 (11) 98765-4321",
            "+55 0 11 98765-4321",
            "0800 123 4567",
            "4004-1234",
            "(11) 98765-43210",
            "1234567890123456789",
        ] {
            let e = normalize_phone(bad).unwrap_err();
            assert_eq!((e.code(), e.path()), ("input.invalid", Some("value")), "{bad}");
        }
    }

    fn ddd() -> impl Strategy<Value = u8> {
        (11u8..100).prop_filter("assigned DDD", |d| is_valid_ddd(*d))
    }

    proptest! {
        #[test]
        fn idempotent_on_its_output(s in "[+]?[0-9 ()-]{0,20}") {
            if let Ok(e164) = normalize_phone(&s) {
                prop_assert_eq!(normalize_phone(&e164).unwrap(), e164.clone());
                prop_assert!(e164.len() == 13 || e164.len() == 14);
            }
        }

        #[test]
        fn mobiles_in_any_spelling(ddd in ddd(), rest in 0u32..100_000_000, style in 0usize..6, carrier in 10u8..100) {
            let n = format!("9{rest:08}");
            let want = format!("+55{ddd}{n}");
            let input = match style {
                0 => format!("({ddd}) {}-{}", &n[..5], &n[5..]),
                1 => format!("+55 {ddd} {n}"),
                2 => format!("0{ddd}{n}"),
                3 => format!("0 {carrier} {ddd} {n}"),
                4 => format!("55{ddd}{n}"),
                _ => format!("{ddd}-{n}"),
            };
            prop_assert_eq!(normalize_phone(&input).unwrap(), want.clone());
            prop_assert_eq!(normalize_phone(&want).unwrap(), want);
        }

        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = normalize_phone(&s);
        }
    }
}
