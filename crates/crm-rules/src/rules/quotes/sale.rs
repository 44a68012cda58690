//! `quote.approve` and `sale.register` (ORC-1, ORC-2): the current version of a quote
//! becomes a sale with its value and conditions; the account becomes a client (ACC-1)
//! and the agendamentos about the product/service are to be closed (AGD-5).

use serde::{Deserialize, Serialize};

use super::{checked_items, current_index, non_blank};
use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{AccountRecord, Agendamento, PortfolioUser, Quote, QuoteItem, QuoteStatus, Sale};
use crate::rules::access;
use crate::rules::accounts::after_sale;
use crate::rules::agendamento::{close_after_sale, ClosingSale};
use crate::text::centavos;

/// Input of `quote.approve`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveQuoteInput {
    /// The user approving.
    pub user: PortfolioUser,
    /// The account the quote is for.
    pub account: AccountRecord,
    /// Every version of the quote (same id), in any order.
    pub quotes: Vec<Quote>,
    /// The version to approve (must be the current one, ORC-2).
    pub version: u32,
    /// The account's agendamentos, to find those the sale closes (AGD-5).
    #[serde(default)]
    pub agendamentos: Vec<Agendamento>,
    /// The product/service sold, matched against the agendamentos' subjects (AGD-5);
    /// required when `agendamentos` is not empty.
    #[serde(default)]
    pub subject: Option<String>,
}

/// Input of `sale.register`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterSaleInput {
    /// The user registering the sale.
    pub user: PortfolioUser,
    /// The account sold to.
    pub account: AccountRecord,
    /// The sale's (quote's) identifier.
    pub id: String,
    /// The lines (at least one).
    pub items: Vec<QuoteItem>,
    /// Payment conditions (required: a sale without them is refused, 000 §2).
    #[serde(default)]
    pub conditions: Option<String>,
    /// The account's agendamentos, to find those the sale closes (AGD-5).
    #[serde(default)]
    pub agendamentos: Vec<Agendamento>,
    /// The product/service sold (AGD-5); required when `agendamentos` is not empty.
    #[serde(default)]
    pub subject: Option<String>,
}

/// Outcome of `quote.approve` and `sale.register`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SaleOutcome {
    /// The sale was made.
    pub accepted: bool,
    /// The version asked for: approved when accepted, unchanged when refused (`null`
    /// when a direct sale is refused).
    pub quote: Option<Quote>,
    /// The sale, with its value and conditions; `null` when refused.
    pub sale: Option<Sale>,
    /// The account: a client after the sale (ACC-1), unchanged when refused.
    pub account: AccountRecord,
    /// Ids of the agendamentos the seller closes (AGD-5), in input order (`null` for
    /// one without an id); empty when refused.
    pub agendamentos_to_close: Vec<Option<String>>,
}

/// ORC-1, ORC-2: approves `version` of the quote. Refused when it is not the current
/// version (naming the current one), when the quote is already approved, or when it has
/// no payment conditions (000 §2). Accepted: the version is approved and becomes a sale
/// of its total, the account becomes a client (ACC-1) and the agendamentos about
/// `subject` are to be closed by the quote's author (AGD-5).
pub fn approve(
    ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
    quotes: &[Quote],
    version: u32,
    agendamentos: &[Agendamento],
    subject: Option<&str>,
) -> Result<Decision<SaleOutcome>> {
    let current = current_index(quotes, account)?;
    if !agendamentos.is_empty() && subject.is_none() {
        return Err(CrmError::invalid(
            "subject",
            "required when agendamentos are given (AGD-5: the sale closes those about its product/service)",
        ));
    }
    if let Some(s) = subject {
        non_blank("subject", s, "AGD-5: the product/service sold")?;
    }
    let asked = quotes
        .iter()
        .find(|q| q.version == version)
        .ok_or_else(|| CrmError::invalid("version", format!("the quote has no version {version}")))?;
    let refused = |reasons: Vec<Reason>| {
        Decision::new(
            SaleOutcome {
                accepted: false,
                quote: Some(asked.clone()),
                sale: None,
                account: account.clone(),
                agendamentos_to_close: Vec::new(),
            },
            reasons,
        )
    };
    let granted = match access::check(user, account) {
        Ok(reason) => reason,
        Err(refusal) => return Ok(refused(vec![refusal])),
    };
    let cur = quotes.get(current).ok_or_else(|| CrmError::invalid("quotes", "no current version"))?;
    let (qid, now) = (cur.id.clone(), cur.version);
    if asked.status == QuoteStatus::Superseded {
        let reason = Reason::lazy("ORC-2", move |lang| match lang {
            Lang::Pt => format!(
                "A versão {version} do orçamento {qid} está desatualizada e não pode ser aprovada: a versão atual é a {now}."
            ),
            Lang::En => format!(
                "Version {version} of quote {qid} is superseded and cannot be approved: the current version is {now}."
            ),
        })
        .fact("quote", &cur.id)
        .fact("version", version)
        .fact("current_version", now);
        return Ok(refused(vec![granted, reason]));
    }
    if asked.status == QuoteStatus::Approved {
        let reason = Reason::lazy("ORC-1", move |lang| match lang {
            Lang::Pt => format!("A versão {version} do orçamento {qid} já foi aprovada: a venda já existe."),
            Lang::En => format!("Version {version} of quote {qid} is already approved: the sale already exists."),
        })
        .fact("quote", &cur.id)
        .fact("version", version)
        .fact("status", asked.status.name());
        return Ok(refused(vec![granted, reason]));
    }
    let conditions = match asked.conditions.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => c.to_owned(),
        None => {
            let reason = Reason::lazy("ORC-1", move |lang| match lang {
                Lang::Pt => format!(
                    "A versão {version} do orçamento {qid} não tem condições de pagamento: uma venda fechada registra valor e condições."
                ),
                Lang::En => format!(
                    "Version {version} of quote {qid} has no payment conditions: a closed sale records its value and conditions."
                ),
            })
            .fact("quote", &cur.id)
            .fact("version", version);
            return Ok(refused(vec![granted, reason]));
        }
    };
    let value = asked.total_centavos("quote")?;
    let mut approved = asked.clone();
    approved.status = QuoteStatus::Approved;
    let sale = Sale { quote: approved.id.clone(), version, value_centavos: value, conditions: conditions.clone() };
    let shown = conditions.clone();
    let sold = Reason::lazy("ORC-1", move |lang| match lang {
        Lang::Pt => format!(
            "Versão {version} do orçamento {qid} aprovada: venda de {} com as condições \"{shown}\".",
            centavos(value)
        ),
        Lang::En => format!(
            "Version {version} of quote {qid} approved: a sale of {value} centavos on the conditions \"{shown}\"."
        ),
    })
    .fact("quote", &approved.id)
    .fact("version", version)
    .fact("value_centavos", value)
    .fact("conditions", conditions);
    let mut reasons = vec![granted, sold];
    let client = after_sale(ctx, user, account)?;
    reasons.extend(client.reasons.into_iter().filter(|r| r.rule() == "ACC-1"));
    let mut to_close = Vec::new();
    if let Some(s) = subject {
        let closing = ClosingSale { subject: s.to_owned(), seller: approved.created_by.clone() };
        let closed = close_after_sale(ctx, agendamentos, &closing).map_err(|e| match e.path() {
            Some("sale.subject") => e.relocated("subject"),
            Some("sale.seller") => e.relocated("quotes.created_by"),
            _ => e,
        })?;
        to_close = closed.outcome.to_close;
        reasons.extend(closed.reasons);
    }
    Ok(Decision::new(
        SaleOutcome {
            accepted: true,
            quote: Some(approved),
            sale: Some(sale),
            account: client.outcome.account,
            agendamentos_to_close: to_close,
        },
        reasons,
    ))
}

/// ORC-1: a sale registered directly is a quote created approved (version 1): the
/// quote is built as [`create`] builds it and approved as [`approve`] approves it
/// (access first, conditions required). Refused: nothing is created (`quote` is `null`).
pub fn register(ctx: &Context, i: &RegisterSaleInput) -> Result<Decision<SaleOutcome>> {
    non_blank("id", &i.id, "the sale's identifier")?;
    checked_items(&i.items, "items")?;
    let quote = Quote {
        id: i.id.clone(),
        account: i.account.id.clone(),
        version: 1,
        status: QuoteStatus::AwaitingApproval,
        items: i.items.clone(),
        conditions: i.conditions.clone(),
        created_by: i.user.id.clone(),
    };
    let mut decision = approve(ctx, &i.user, &i.account, &[quote], 1, &i.agendamentos, i.subject.as_deref())?;
    if decision.outcome.accepted {
        let qid = i.id.clone();
        let direct = Reason::lazy("ORC-1", move |lang| match lang {
            Lang::Pt => format!("Venda {qid} registrada diretamente: um orçamento criado já aprovado, versão 1."),
            Lang::En => format!("Sale {qid} registered directly: a quote created approved, version 1."),
        })
        .fact("quote", &i.id)
        .fact("version", 1u32)
        .fact("direct", true);
        decision.reasons.insert(1.min(decision.reasons.len()), direct);
    } else {
        decision.outcome.quote = None;
    }
    Ok(decision)
}
