//! `sale.nfe_check` (ORC-1, seed 003 "ver dados da NF-e ... confira ou complete os
//! dados"): the customer data an NF-e still lacks.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::identifiers::{is_valid_cnpj, is_valid_cpf};
use crate::model::{AccountRecord, PortfolioUser};
use crate::rules::access;

/// The customer data of a sale's NF-e, as filled in so far.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NfeCustomer {
    /// Name or razão social.
    #[serde(default)]
    pub name: Option<String>,
    /// CPF or CNPJ, with or without punctuation.
    #[serde(default)]
    pub document: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<String>,
}

/// Input of `sale.nfe_check`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NfeCheckInput {
    /// The user requesting the NF-e.
    pub user: PortfolioUser,
    /// The account sold to.
    pub account: AccountRecord,
    /// The customer data filled in.
    pub customer: NfeCustomer,
}

/// A piece of customer data an NF-e needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NfeField {
    /// A valid CPF or CNPJ.
    Document,
    /// The name.
    Name,
    /// The address.
    Address,
}

/// Outcome of `sale.nfe_check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NfeCheck {
    /// The check was made (false: access refused, ACC-2).
    pub accepted: bool,
    /// Every piece of data is there: the NF-e can be issued.
    pub ready: bool,
    /// What is still missing, in the order document, name, address.
    pub missing: Vec<NfeField>,
}

fn blank(v: Option<&str>) -> bool {
    v.is_none_or(|s| s.trim().is_empty())
}

/// ORC-1: the customer data an NF-e requested on a sale still lacks — a valid CPF or
/// CNPJ, the name, the address — each with its reason; ready only when none is missing.
pub fn nfe_check(
    _ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
    customer: &NfeCustomer,
) -> Result<Decision<NfeCheck>> {
    let granted = match access::check(user, account) {
        Ok(reason) => reason,
        Err(refusal) => {
            return Ok(Decision::new(NfeCheck { accepted: false, ready: false, missing: Vec::new() }, vec![refusal]))
        }
    };
    let mut reasons = vec![granted];
    let mut missing = Vec::new();
    match customer.document.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => {
            missing.push(NfeField::Document);
            reasons.push(
                Reason::new(
                    "ORC-1",
                    "NF-e: falta o CPF ou CNPJ do cliente.",
                    "NF-e: the customer's CPF or CNPJ is missing.",
                )
                .fact("field", "document"),
            );
        }
        Some(d) if !(is_valid_cpf(d) || is_valid_cnpj(d)) => {
            missing.push(NfeField::Document);
            let shown = d.to_owned();
            reasons.push(
                Reason::lazy("ORC-1", move |lang| match lang {
                    Lang::Pt => format!("NF-e: o documento \"{shown}\" não é um CPF nem um CNPJ válido."),
                    Lang::En => format!("NF-e: the document \"{shown}\" is neither a valid CPF nor a valid CNPJ."),
                })
                .fact("field", "document")
                .fact("document", d),
            );
        }
        Some(_) => {}
    }
    if blank(customer.name.as_deref()) {
        missing.push(NfeField::Name);
        reasons.push(
            Reason::new("ORC-1", "NF-e: falta o nome do cliente.", "NF-e: the customer's name is missing.")
                .fact("field", "name"),
        );
    }
    if blank(customer.address.as_deref()) {
        missing.push(NfeField::Address);
        reasons.push(
            Reason::new("ORC-1", "NF-e: falta o endereço do cliente.", "NF-e: the customer's address is missing.")
                .fact("field", "address"),
        );
    }
    let ready = missing.is_empty();
    if ready {
        reasons.push(
            Reason::new(
                "ORC-1",
                "NF-e: CPF/CNPJ válido, nome e endereço do cliente preenchidos; a nota pode ser emitida.",
                "NF-e: a valid CPF/CNPJ, the customer's name and address are filled in; the invoice can be issued.",
            )
            .fact("ready", true),
        );
    }
    Ok(Decision::new(NfeCheck { accepted: true, ready, missing }, reasons))
}
