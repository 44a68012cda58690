//! Quotes and sales — ORC-1, ORC-2 (seed 003 "nova venda"/"orçamento", 000 §2).
//!
//! - `quote.create` (ORC-1): a new quote, version 1, "em aprovação".
//! - `quote.revise` (ORC-2): an edit creates the next version; the previous one is
//!   superseded and can never be approved or used.
//! - `quote.approve` (ORC-1, ORC-2): the current version becomes a sale with its value
//!   and conditions; the account becomes a client (ACC-1) and the agendamentos about
//!   the product/service are to be closed (AGD-5).
//! - `sale.register` (ORC-1): a sale registered directly, a quote created approved.
//! - `sale.nfe_check` (ORC-1): the customer data an NF-e still lacks.
//!
//! Every operation checks portfolio access (ACC-2) first, after the input is read:
//! malformed input is an error naming the field, a refusal is a decision with
//! `accepted: false` and its reason.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{items_total, AccountRecord, PortfolioUser, Quote, QuoteItem, QuoteStatus};
use crate::rules::access;
use crate::text::centavos;

mod nfe;
mod sale;
#[cfg(test)]
mod tests;

pub use nfe::{nfe_check, NfeCheck, NfeCheckInput, NfeCustomer, NfeField};
pub use sale::{approve, register, ApproveQuoteInput, RegisterSaleInput, SaleOutcome};

crate::rules! {
    pub(crate) RULES = [
        {
            name: "quote.create",
            ids: ["ORC-1", "ACC-2"],
            pt: "Cria um orçamento: versão 1, em aprovação, com o total dos itens.",
            en: "Creates a quote: version 1, awaiting approval, with the total of its items.",
            python: "create_quote(user, account, id, items, conditions=None)",
            js: "createQuote",
            input: CreateQuoteInput,
            outcome: QuoteCreated,
            run: |ctx, i| create(ctx, &i.user, &i.account, &i.id, &i.items, i.conditions.as_deref()),
        },
        {
            name: "quote.revise",
            ids: ["ORC-2", "ORC-1", "ACC-2"],
            pt: "Edita um orçamento: cria a versão seguinte, em aprovação, e inutiliza a anterior.",
            en: "Edits a quote: creates the next version, awaiting approval, and supersedes the previous one.",
            python: "revise_quote(user, account, quotes, changes)",
            js: "reviseQuote",
            input: ReviseQuoteInput,
            outcome: QuoteRevised,
            run: |ctx, i| revise(ctx, &i.user, &i.account, &i.quotes, &i.changes),
        },
        {
            name: "quote.approve",
            ids: ["ORC-1", "ORC-2", "ACC-1", "ACC-2", "AGD-5"],
            pt: "Aprova a versão atual de um orçamento: vira venda com valor e condições, e a conta vira cliente.",
            en: "Approves a quote's current version: it becomes a sale with value and conditions, and the account a client.",
            python: "approve_quote(user, account, quotes, version, *, agendamentos=None, subject=None)",
            js: "approveQuote",
            input: ApproveQuoteInput,
            outcome: SaleOutcome,
            run: |ctx, i| approve(ctx, &i.user, &i.account, &i.quotes, i.version, &i.agendamentos, i.subject.as_deref()),
        },
        {
            name: "sale.register",
            ids: ["ORC-1", "ACC-1", "ACC-2", "AGD-5"],
            pt: "Registra uma venda direta: um orçamento criado já aprovado (versão 1).",
            en: "Registers a sale directly: a quote created approved (version 1).",
            python: "register_sale(user, account, id, items, conditions=None, *, agendamentos=None, subject=None)",
            js: "registerSale",
            input: RegisterSaleInput,
            outcome: SaleOutcome,
            run: |ctx, i| register(ctx, &i),
        },
        {
            name: "sale.nfe_check",
            ids: ["ORC-1", "ACC-2"],
            pt: "Os dados do cliente que faltam para emitir a NF-e de uma venda (CPF/CNPJ válido, nome, endereço).",
            en: "The customer data still missing to issue a sale's NF-e (valid CPF/CNPJ, name, address).",
            python: "nfe_check(user, account, customer)",
            js: "nfeCheck",
            input: NfeCheckInput,
            outcome: NfeCheck,
            run: |ctx, i| nfe_check(ctx, &i.user, &i.account, &i.customer),
        },
    ];
}

/// Input of `quote.create`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateQuoteInput {
    /// The user creating the quote (ACC-2: must have access to the account).
    pub user: PortfolioUser,
    /// The account the quote is for.
    pub account: AccountRecord,
    /// The quote's identifier.
    pub id: String,
    /// The lines (at least one).
    pub items: Vec<QuoteItem>,
    /// Payment conditions, if already known.
    #[serde(default)]
    pub conditions: Option<String>,
}

/// Outcome of `quote.create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteCreated {
    /// The quote was created (false: access refused).
    pub accepted: bool,
    /// The new quote, version 1, awaiting approval; `null` when refused.
    pub quote: Option<Quote>,
    /// Its total in centavos; `null` when refused.
    pub total_centavos: Option<u64>,
}

/// What an edit of a quote changes (ORC-2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteChanges {
    /// The full list of lines of the new version (at least one).
    pub items: Vec<QuoteItem>,
    /// New payment conditions; when absent, the current version's are kept.
    #[serde(default)]
    pub conditions: Option<String>,
}

/// Input of `quote.revise`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviseQuoteInput {
    /// The user editing the quote.
    pub user: PortfolioUser,
    /// The account the quote is for.
    pub account: AccountRecord,
    /// Every version of the quote (same id), in any order.
    pub quotes: Vec<Quote>,
    /// The edit.
    pub changes: QuoteChanges,
}

/// Outcome of `quote.revise`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteRevised {
    /// The new version was created.
    pub accepted: bool,
    /// Every version, by version: the new one awaiting approval, the earlier ones
    /// superseded; unchanged when refused.
    pub quotes: Vec<Quote>,
    /// The new version's number; `null` when refused.
    pub version: Option<u32>,
    /// The new version's total in centavos; `null` when refused.
    pub total_centavos: Option<u64>,
}

pub(super) fn non_blank(path: &str, value: &str, what: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(CrmError::invalid(path, format!("must not be empty ({what})")))
    } else {
        Ok(())
    }
}

/// Checks a list of lines and returns its total (errors at `path[i].field`).
pub(super) fn checked_items(items: &[QuoteItem], path: &str) -> Result<u64> {
    if items.is_empty() {
        return Err(CrmError::invalid(path, "a quote has at least one item"));
    }
    for (i, item) in items.iter().enumerate() {
        non_blank(&format!("{path}[{i}].description"), &item.description, "every item names its product/service")?;
        if item.quantity == 0 {
            return Err(CrmError::invalid(format!("{path}[{i}].quantity"), "must be at least 1"));
        }
    }
    items_total(items, path)
}

/// The versions of one quote, checked: one id, this account, distinct versions from 1,
/// only the newest not superseded. Returns the index of the current (newest) version.
pub(super) fn current_index(quotes: &[Quote], account: &AccountRecord) -> Result<usize> {
    let first = quotes.first().ok_or_else(|| CrmError::invalid("quotes", "at least one version of the quote"))?;
    let mut current = 0;
    for (i, q) in quotes.iter().enumerate() {
        let path = format!("quotes[{i}]");
        non_blank(&format!("{path}.id"), &q.id, "the quote's identifier")?;
        if q.id != first.id {
            return Err(CrmError::invalid(
                format!("{path}.id"),
                format!("every version must be of the same quote ({}), not {}", first.id, q.id),
            ));
        }
        if q.account != account.id {
            return Err(CrmError::invalid(
                format!("{path}.account"),
                format!("the quote is for account {}, not for the account given ({})", q.account, account.id),
            ));
        }
        if q.version == 0 {
            return Err(CrmError::invalid(format!("{path}.version"), "versions start at 1"));
        }
        if quotes.iter().take(i).any(|p| p.version == q.version) {
            return Err(CrmError::invalid(format!("{path}.version"), format!("version {} appears twice", q.version)));
        }
        checked_items(&q.items, &format!("{path}.items"))?;
        if quotes.get(current).is_some_and(|c| q.version > c.version) {
            current = i;
        }
    }
    for (i, q) in quotes.iter().enumerate() {
        let ok = if i == current { q.status != QuoteStatus::Superseded } else { q.status == QuoteStatus::Superseded };
        if !ok {
            return Err(CrmError::invalid(
                format!("quotes[{i}].status"),
                "only the newest version is awaiting approval or approved; every earlier one is superseded (ORC-2)",
            ));
        }
    }
    Ok(current)
}

/// ORC-1: a new quote, version 1, awaiting approval ("em aprovação"), created by `user`
/// for `account` after the access check (ACC-2).
pub fn create(
    _ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
    id: &str,
    items: &[QuoteItem],
    conditions: Option<&str>,
) -> Result<Decision<QuoteCreated>> {
    non_blank("id", id, "the quote's identifier")?;
    let total = checked_items(items, "items")?;
    let granted = match access::check(user, account) {
        Ok(reason) => reason,
        Err(refusal) => {
            return Ok(Decision::new(
                QuoteCreated { accepted: false, quote: None, total_centavos: None },
                vec![refusal],
            ))
        }
    };
    let quote = Quote {
        id: id.to_owned(),
        account: account.id.clone(),
        version: 1,
        status: QuoteStatus::AwaitingApproval,
        items: items.to_vec(),
        conditions: conditions.map(str::to_owned),
        created_by: user.id.clone(),
    };
    let (qid, count) = (quote.id.clone(), items.len());
    let reason = Reason::lazy("ORC-1", move |lang| match lang {
        Lang::Pt => format!(
            "Orçamento {qid} criado (versão 1, {count} item(ns), total {}): em aprovação até ser aprovado.",
            centavos(total)
        ),
        Lang::En => format!(
            "Quote {qid} created (version 1, {count} item(s), total {total} centavos): awaiting approval until approved."
        ),
    })
    .fact("quote", id)
    .fact("version", 1u32)
    .fact("status", QuoteStatus::AwaitingApproval.name())
    .fact("total_centavos", total);
    Ok(Decision::new(
        QuoteCreated { accepted: true, quote: Some(quote), total_centavos: Some(total) },
        vec![granted, reason],
    ))
}

fn sorted(quotes: &[Quote]) -> Vec<Quote> {
    let mut all = quotes.to_vec();
    crate::sort::sort_by_key(&mut all, |q| q.version);
    all
}

/// ORC-2: editing a quote creates the next version (newest + 1), awaiting approval,
/// and supersedes the current one. Refused (with its reason) when the current version
/// is already approved (a sale) or when the edit changes nothing.
pub fn revise(
    _ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
    quotes: &[Quote],
    changes: &QuoteChanges,
) -> Result<Decision<QuoteRevised>> {
    let current = current_index(quotes, account)?;
    let total = checked_items(&changes.items, "changes.items")?;
    let refused = |reasons: Vec<Reason>| {
        Decision::new(
            QuoteRevised { accepted: false, quotes: sorted(quotes), version: None, total_centavos: None },
            reasons,
        )
    };
    let granted = match access::check(user, account) {
        Ok(reason) => reason,
        Err(refusal) => return Ok(refused(vec![refusal])),
    };
    let cur = quotes.get(current).ok_or_else(|| CrmError::invalid("quotes", "no current version"))?;
    let (qid, version) = (cur.id.clone(), cur.version);
    if cur.status == QuoteStatus::Approved {
        let reason = Reason::lazy("ORC-1", move |lang| match lang {
            Lang::Pt => {
                format!("O orçamento {qid} já foi aprovado na versão {version} (é uma venda): não é mais editado.")
            }
            Lang::En => {
                format!("Quote {qid} was already approved at version {version} (it is a sale): it is no longer edited.")
            }
        })
        .fact("quote", &cur.id)
        .fact("version", version)
        .fact("status", cur.status.name());
        return Ok(refused(vec![granted, reason]));
    }
    let conditions = changes.conditions.clone().or_else(|| cur.conditions.clone());
    if changes.items == cur.items && conditions == cur.conditions {
        let reason = Reason::lazy("ORC-2", move |lang| match lang {
            Lang::Pt => format!("A edição não muda nada na versão {version} do orçamento {qid}: nenhuma versão nova."),
            Lang::En => format!("The edit changes nothing in version {version} of quote {qid}: no new version."),
        })
        .fact("quote", &cur.id)
        .fact("version", version);
        return Ok(refused(vec![granted, reason]));
    }
    let next = version.checked_add(1).ok_or_else(|| CrmError::invalid("quotes", "too many versions"))?;
    let mut all: Vec<Quote> = quotes.to_vec();
    if let Some(q) = all.get_mut(current) {
        q.status = QuoteStatus::Superseded;
    }
    all.push(Quote {
        id: cur.id.clone(),
        account: account.id.clone(),
        version: next,
        status: QuoteStatus::AwaitingApproval,
        items: changes.items.clone(),
        conditions,
        created_by: user.id.clone(),
    });
    crate::sort::sort_by_key(&mut all, |q| q.version);
    let reason = Reason::lazy("ORC-2", move |lang| match lang {
        Lang::Pt => format!(
            "Orçamento {qid} editado: versão {next} criada (total {}, em aprovação); a versão {version} fica desatualizada e não pode mais ser aprovada nem usada.",
            centavos(total)
        ),
        Lang::En => format!(
            "Quote {qid} edited: version {next} created (total {total} centavos, awaiting approval); version {version} is superseded and can no longer be approved or used."
        ),
    })
    .fact("quote", &cur.id)
    .fact("superseded", version)
    .fact("version", next)
    .fact("total_centavos", total);
    Ok(Decision::new(
        QuoteRevised { accepted: true, quotes: all, version: Some(next), total_centavos: Some(total) },
        vec![granted, reason],
    ))
}
