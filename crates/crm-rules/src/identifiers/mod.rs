//! Identifiers and text normalisation — CAD-2, CAD-4.
//!
//! - CPF and CNPJ (numeric and the alphanumeric CNPJ of July 2026) validated by their
//!   check digits and formatted ([`is_valid_cpf`], [`is_valid_cnpj`], [`format_cpf`],
//!   [`format_cnpj`], [`document_key`]);
//! - Brazilian phone numbers to E.164 ([`normalize_phone`]);
//! - e-mail addresses trimmed and lower-cased ([`normalize_email`]);
//! - display text cleaned ([`clean_text`]) and accent/case-folded for matching
//!   ([`search_key`]).
//!
//! Every function is allocation-light and never panics; the ones that can refuse an
//! input return [`CrmError::InvalidInput`](crate::CrmError) with path `value`.
//!
//! ```
//! use crm_rules::identifiers::*;
//! assert_eq!(format_cnpj("12abc34501de35").unwrap(), "12.ABC.345/01DE-35");
//! assert_eq!(normalize_phone("(11) 98765-4321").unwrap(), "+5511987654321");
//! assert_eq!(normalize_email(" Ana@Silva.ADV.BR ").unwrap(), "ana@silva.adv.br");
//! assert_eq!(search_key("  João da  SILVA"), "joao da silva");
//! assert_eq!(document_key("123.456.789-09").as_deref(), Some("12345678909"));
//! ```

mod cnpj;
mod cpf;
mod email;
mod phone;
mod text;

pub use cnpj::{format_cnpj, is_valid_cnpj};
pub use cpf::{format_cpf, is_valid_cpf};
pub use email::normalize_email;
pub use phone::{is_valid_ddd, normalize_phone};
pub(crate) use text::search_key_into;
pub use text::{clean_text, search_key};

/// The canonical form of a valid CPF (its 11 digits) or CNPJ (its 14 characters,
/// upper-case), the key under which documents are compared (CAD-4, CAD-5); `None`
/// when `value` is neither.
///
/// ```
/// use crm_rules::identifiers::document_key;
/// assert_eq!(document_key("123.456.789-09").as_deref(), Some("12345678909"));
/// assert_eq!(document_key("12.abc.345/01de-35").as_deref(), Some("12ABC34501DE35"));
/// assert_eq!(document_key("123.456.789-00"), None);
/// ```
pub fn document_key(value: &str) -> Option<String> {
    if let Some(digits) = cpf::cpf_digits(value) {
        return Some(cpf::cpf_key(&digits));
    }
    cnpj::cnpj_chars(value).map(|chars| cnpj::cnpj_key(&chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_keys() {
        assert_eq!(document_key(" 529.982.247-25 ").as_deref(), Some("52998224725"));
        assert_eq!(document_key("11.222.333/0001-81").as_deref(), Some("11222333000181"));
        assert_eq!(document_key(""), None);
        assert_eq!(document_key("11.222.333/0001-80"), None);
        // The key is itself a valid document with the same key.
        for doc in ["529.982.247-25", "12.abc.345/01de-35"] {
            let key = document_key(doc).unwrap();
            assert_eq!(document_key(&key), Some(key));
        }
    }
}
