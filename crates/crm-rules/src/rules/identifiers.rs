//! Identifiers and text as explained decisions — CAD-2, CAD-4 (the JSON layer's
//! `identifier.*` rules). The functions themselves live in [`crate::identifiers`].

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::identifiers;

/// Input of every `identifier.*` rule.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierInput {
    /// The text to check or normalise.
    pub value: String,
}

/// A decision of one reason, its message written only when read.
fn decided<T>(
    outcome: T,
    rule: &'static str,
    text: impl Fn(Lang) -> String + Send + Sync + 'static,
    value: &str,
) -> Decision<T> {
    Decision::new(outcome, vec![Reason::lazy(rule, text).fact("value", value)])
}

fn validity(valid: bool, what: &'static str, value: &str) -> Decision<bool> {
    let text = move |lang| match (valid, lang) {
        (true, Lang::Pt) => format!("{what} válido (dígitos verificadores conferem)."),
        (true, Lang::En) => format!("Valid {what} (check digits match)."),
        (false, Lang::Pt) => format!("{what} inválido."),
        (false, Lang::En) => format!("Invalid {what}."),
    };
    decided(valid, "CAD-4", text, value)
}

/// Whether `value` is a valid CPF (CAD-4).
pub fn is_valid_cpf(_ctx: &Context, value: &str) -> Result<Decision<bool>> {
    Ok(validity(identifiers::is_valid_cpf(value), "CPF", value))
}

/// Whether `value` is a valid CNPJ, numeric or alphanumeric (CAD-4).
pub fn is_valid_cnpj(_ctx: &Context, value: &str) -> Result<Decision<bool>> {
    Ok(validity(identifiers::is_valid_cnpj(value), "CNPJ", value))
}

fn formatted(formatted: String, value: &str) -> Decision<String> {
    let shown = formatted.clone();
    let text = move |lang| match lang {
        Lang::Pt => format!("Formatado: {shown}."),
        Lang::En => format!("Formatted: {shown}."),
    };
    decided(formatted, "CAD-4", text, value)
}

/// A valid CPF written `000.000.000-00` (CAD-4).
pub fn format_cpf(_ctx: &Context, value: &str) -> Result<Decision<String>> {
    Ok(formatted(identifiers::format_cpf(value)?, value))
}

/// A valid CNPJ written `00.000.000/0000-00` (CAD-4).
pub fn format_cnpj(_ctx: &Context, value: &str) -> Result<Decision<String>> {
    Ok(formatted(identifiers::format_cnpj(value)?, value))
}

/// A Brazilian phone number in E.164 form (CAD-4).
pub fn normalize_phone(_ctx: &Context, value: &str) -> Result<Decision<String>> {
    let e164 = identifiers::normalize_phone(value)?;
    let shown = e164.clone();
    let text = move |lang| match lang {
        Lang::Pt => format!("Telefone em E.164: {shown}."),
        Lang::En => format!("Phone in E.164: {shown}."),
    };
    Ok(decided(e164, "CAD-4", text, value))
}

/// An e-mail address trimmed and lower-cased after a shape check (CAD-4).
pub fn normalize_email(_ctx: &Context, value: &str) -> Result<Decision<String>> {
    let email = identifiers::normalize_email(value)?;
    let shown = email.clone();
    let text = move |lang| match lang {
        Lang::Pt => format!("E-mail normalizado: {shown}."),
        Lang::En => format!("Normalised e-mail: {shown}."),
    };
    Ok(decided(email, "CAD-4", text, value))
}

/// The key texts are compared by (CAD-2).
pub fn search_key(_ctx: &Context, value: &str) -> Result<Decision<String>> {
    let reason = Reason::new(
        "CAD-2",
        "Chave de busca: sem acentos, minúsculas, espaços limpos.",
        "Search key: accents removed, lower case, spaces cleaned.",
    );
    Ok(Decision::new(identifiers::search_key(value), vec![reason.fact("value", value)]))
}

/// Text for display (CAD-2): trimmed, inner white space collapsed, accents kept.
pub fn clean_text(_ctx: &Context, value: &str) -> Result<Decision<String>> {
    let reason = Reason::new(
        "CAD-2",
        "Texto limpo: espaços nas pontas removidos e espaços internos unidos; acentos mantidos.",
        "Clean text: ends trimmed and inner spaces collapsed; accents kept.",
    );
    Ok(Decision::new(identifiers::clean_text(value), vec![reason.fact("value", value)]))
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "identifier.is_valid_cpf",
            ids: ["CAD-4"],
            pt: "Se um CPF é válido (dígitos verificadores).",
            en: "Whether a CPF is valid (check digits).",
            python: "", js: "",
            input: IdentifierInput, outcome: bool,
            run: |ctx, i| is_valid_cpf(ctx, &i.value),
            native: "identifiers::is_valid_cpf",
        },
        {
            name: "identifier.is_valid_cnpj",
            ids: ["CAD-4"],
            pt: "Se um CNPJ, numérico ou alfanumérico, é válido.",
            en: "Whether a CNPJ, numeric or alphanumeric, is valid.",
            python: "", js: "",
            input: IdentifierInput, outcome: bool,
            run: |ctx, i| is_valid_cnpj(ctx, &i.value),
            native: "identifiers::is_valid_cnpj",
        },
        {
            name: "identifier.format_cpf",
            ids: ["CAD-4"],
            pt: "Um CPF válido no formato 000.000.000-00.",
            en: "A valid CPF written 000.000.000-00.",
            python: "", js: "",
            input: IdentifierInput, outcome: String,
            run: |ctx, i| format_cpf(ctx, &i.value),
            native: "identifiers::format_cpf",
        },
        {
            name: "identifier.format_cnpj",
            ids: ["CAD-4"],
            pt: "Um CNPJ válido no formato 00.000.000/0000-00.",
            en: "A valid CNPJ written 00.000.000/0000-00.",
            python: "", js: "",
            input: IdentifierInput, outcome: String,
            run: |ctx, i| format_cnpj(ctx, &i.value),
            native: "identifiers::format_cnpj",
        },
        {
            name: "identifier.normalize_phone",
            ids: ["CAD-4"],
            pt: "Um telefone brasileiro em E.164 (+55, DDD, número).",
            en: "A Brazilian phone number in E.164 (+55, area code, number).",
            python: "", js: "",
            input: IdentifierInput, outcome: String,
            run: |ctx, i| normalize_phone(ctx, &i.value),
            native: "identifiers::normalize_phone",
        },
        {
            name: "identifier.normalize_email",
            ids: ["CAD-4"],
            pt: "Um e-mail aparado e em minúsculas, depois de conferido o formato.",
            en: "An e-mail address trimmed and lower-cased after a shape check.",
            python: "", js: "",
            input: IdentifierInput, outcome: String,
            run: |ctx, i| normalize_email(ctx, &i.value),
            native: "identifiers::normalize_email",
        },
        {
            name: "identifier.search_key",
            ids: ["CAD-2"],
            pt: "A chave de busca de um texto: sem acentos, minúsculas, espaços limpos.",
            en: "The search key of a text: accents removed, lower case, spaces cleaned.",
            python: "", js: "",
            input: IdentifierInput, outcome: String,
            run: |ctx, i| search_key(ctx, &i.value),
            native: "identifiers::search_key",
        },
        {
            name: "identifier.clean_text",
            ids: ["CAD-2"],
            pt: "Um texto para exibir: pontas aparadas, espaços internos unidos, acentos mantidos.",
            en: "A text for display: ends trimmed, inner spaces collapsed, accents kept.",
            python: "", js: "",
            input: IdentifierInput, outcome: String,
            run: |ctx, i| clean_text(ctx, &i.value),
            native: "identifiers::clean_text",
        },
    ];
}
