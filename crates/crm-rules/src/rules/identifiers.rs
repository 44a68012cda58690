//! Identifiers and text as explained decisions — CAD-2, CAD-4 (the JSON layer's
//! `identifier.*` rules). The functions themselves live in [`crate::identifiers`].

use crate::context::Context;
use crate::decision::{Decision, Reason};
use crate::error::Result;
use crate::identifiers;

fn reason(rule: &str, pt: String, en: String, value: &str) -> Reason {
    Reason::new(rule, pt, en).fact("value", value)
}

/// Runs the identifier function `name` (`is_valid_cpf`, `normalize_phone`, …) on `value`.
pub fn run(_ctx: &Context, name: &str, value: &str) -> Result<Decision<serde_json::Value>> {
    use serde_json::Value;
    let (outcome, r) = match name {
        "is_valid_cpf" | "is_valid_cnpj" => {
            let (valid, what) = if name == "is_valid_cpf" {
                (identifiers::is_valid_cpf(value), "CPF")
            } else {
                (identifiers::is_valid_cnpj(value), "CNPJ")
            };
            let (pt, en) = if valid {
                (
                    format!("{what} válido (dígitos verificadores conferem)."),
                    format!("Valid {what} (check digits match)."),
                )
            } else {
                (format!("{what} inválido."), format!("Invalid {what}."))
            };
            (Value::Bool(valid), reason("CAD-4", pt, en, value))
        }
        "format_cpf" | "format_cnpj" => {
            let formatted =
                if name == "format_cpf" { identifiers::format_cpf(value)? } else { identifiers::format_cnpj(value)? };
            let r = reason("CAD-4", format!("Formatado: {formatted}."), format!("Formatted: {formatted}."), value);
            (Value::String(formatted), r)
        }
        "normalize_phone" => {
            let e164 = identifiers::normalize_phone(value)?;
            let r = reason("CAD-4", format!("Telefone em E.164: {e164}."), format!("Phone in E.164: {e164}."), value);
            (Value::String(e164), r)
        }
        "normalize_email" => {
            let email = identifiers::normalize_email(value)?;
            let r =
                reason("CAD-4", format!("E-mail normalizado: {email}."), format!("Normalised e-mail: {email}."), value);
            (Value::String(email), r)
        }
        "search_key" => {
            let key = identifiers::search_key(value);
            let r = reason(
                "CAD-2",
                "Chave de busca: sem acentos, minúsculas, espaços limpos.".into(),
                "Search key: accents removed, lower case, spaces cleaned.".into(),
                value,
            );
            (Value::String(key), r)
        }
        _ => {
            let text = identifiers::clean_text(value);
            let r = reason(
                "CAD-2",
                "Texto limpo: espaços nas pontas removidos e espaços internos unidos; acentos mantidos.".into(),
                "Clean text: ends trimmed and inner spaces collapsed; accents kept.".into(),
                value,
            );
            (Value::String(text), r)
        }
    };
    Ok(Decision::new(outcome, vec![r]))
}
