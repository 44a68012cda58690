//! E-mail addresses — CAD-4.

use crate::error::{CrmError, Result};

/// An e-mail address trimmed and lower-cased, after a shape check (CAD-4): exactly
/// one `@`, a non-empty local part, a domain with at least one dot and no empty label,
/// no white space inside. This is a sanity check for registration, not RFC 5322.
///
/// # Errors
/// `input.invalid` (path `value`) when the address does not have that shape.
///
/// ```
/// use crm_rules::identifiers::normalize_email;
/// assert_eq!(normalize_email("  Ana@Silva.ADV.br ").unwrap(), "ana@silva.adv.br");
/// assert!(normalize_email("ana@silva").is_err());      // no dot in the domain
/// assert!(normalize_email("ana@@silva.adv.br").is_err());
/// assert!(normalize_email("ana silva@x.com").is_err());
/// ```
pub fn normalize_email(value: &str) -> Result<String> {
    let trimmed = value.trim();
    let (local, domain) = trimmed.split_once('@').ok_or_else(|| invalid("an e-mail needs an @"))?;
    if domain.contains('@') {
        return Err(invalid("an e-mail has exactly one @"));
    }
    if local.is_empty() {
        return Err(invalid("the part before the @ is empty"));
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(invalid("an e-mail cannot contain spaces"));
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return Err(invalid("the domain needs a dot and no empty label (e.g. silva.adv.br)"));
    }
    Ok(if trimmed.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        trimmed.chars().flat_map(crate::fold::lower).collect()
    } else {
        trimmed.to_owned()
    })
}

fn invalid(message: &str) -> CrmError {
    CrmError::invalid("value", message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shapes() {
        assert_eq!(normalize_email("ANA.Silva+crm@Exemplo.COM.BR").unwrap(), "ana.silva+crm@exemplo.com.br");
        assert_eq!(normalize_email("joão@café.com.br").unwrap(), "joão@café.com.br");
        assert_eq!(normalize_email("JOÃO@CAFÉ.COM.BR").unwrap(), "joão@café.com.br");
        for bad in [
            "",
            "   ",
            "ana",
            "@silva.adv.br",
            "ana@",
            "ana@.br",
            "ana@silva.",
            "ana@silva..br",
            "a@b@c.br",
            "a b@c.br",
            "a@b .br",
            "a@b\t.br",
        ] {
            let e = normalize_email(bad).unwrap_err();
            assert_eq!((e.code(), e.path()), ("input.invalid", Some("value")), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn idempotent(s in "\\PC{0,30}") {
            if let Ok(e) = normalize_email(&s) {
                prop_assert_eq!(normalize_email(&e).unwrap(), e);
            }
        }
    }
}
