//! ACC-1: changing an account's classification (lead, prospect, client, other with a
//! label) along `Policy.accounts.transitions`, and the sale that makes any account a
//! client whatever that table says. Both check portfolio access (ACC-2) first.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::identifiers::clean_text;
use crate::model::{AccountRecord, Classification, PortfolioUser};
use crate::rules::access;

/// Outcome of `account.classify` and `account.after_sale`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClassificationChange {
    /// The change was made (or, after a sale, the account was already a client).
    pub accepted: bool,
    /// The account after the change; unchanged when refused.
    pub account: AccountRecord,
}

/// The classification's name in `lang`, with the label of the fourth kind.
fn named(c: Classification, label: Option<&str>, lang: Lang) -> String {
    let name = match (c, lang) {
        (Classification::Lead, _) => "lead",
        (Classification::Prospect, _) => "prospect",
        (Classification::Client, Lang::Pt) => "cliente",
        (Classification::Client, Lang::En) => "client",
        (Classification::Other, Lang::Pt) => "outros",
        (Classification::Other, Lang::En) => "other",
    };
    match label {
        Some(l) if c == Classification::Other => format!("{name} ({l})"),
        _ => name.to_owned(),
    }
}

fn refused(account: &AccountRecord, reasons: Vec<Reason>) -> Decision<ClassificationChange> {
    Decision::new(ClassificationChange { accepted: false, account: account.clone() }, reasons)
}

/// Changes `account`'s classification to `to` (ACC-1) for `user` (ACC-2).
///
/// In order: access (a refusal says only that); `to` equal to the current
/// classification is refused (never a silent no-op); a move outside
/// `Policy.accounts.transitions` is refused, naming the targets allowed from the
/// current classification; `other` needs a non-blank `other_label` (refused without
/// one). Leaving `other` clears the label. `other_label` with another target is an
/// input error (`other_label`).
pub fn classify(
    ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
    to: Classification,
    other_label: Option<&str>,
) -> Result<Decision<ClassificationChange>> {
    if other_label.is_some() && to != Classification::Other {
        return Err(CrmError::invalid("other_label", "a label is given only when `to` is `other`"));
    }
    let granted = match access::check(user, account) {
        Ok(reason) => reason,
        Err(refusal) => return Ok(refused(account, vec![refusal])),
    };
    let (id, from) = (account.id.clone(), account.classification);
    let current = account.other_label.clone();
    if to == from {
        let reason = Reason::lazy("ACC-1", move |lang| match lang {
            Lang::Pt => format!("A conta {id} já é {}: nada a mudar.", named(from, current.as_deref(), lang)),
            Lang::En => {
                format!("Account {id} is already {}: nothing to change.", named(from, current.as_deref(), lang))
            }
        })
        .fact("from", from.name())
        .fact("to", to.name());
        return Ok(refused(account, vec![granted, reason]));
    }
    let mut allowed: Vec<Classification> = Vec::new();
    for m in ctx.policy().accounts.transitions.iter().filter(|m| m.from == from) {
        if !allowed.contains(&m.to) {
            allowed.push(m.to);
        }
    }
    if !allowed.contains(&to) {
        let targets = allowed.clone();
        let reason = Reason::lazy("ACC-1", move |lang| {
            let list: Vec<String> = targets.iter().map(|c| named(*c, None, lang)).collect();
            let (from, to) = (named(from, None, lang), named(to, None, lang));
            match (lang, list.is_empty()) {
                (Lang::Pt, false) => {
                    format!("A conta {id} não pode passar de {from} a {to}; de {from} só para: {}.", list.join(", "))
                }
                (Lang::Pt, true) => format!(
                    "A conta {id} não pode passar de {from} a {to}; nenhuma mudança é permitida a partir de {from}."
                ),
                (Lang::En, false) => {
                    format!("Account {id} cannot move from {from} to {to}; from {from} only to: {}.", list.join(", "))
                }
                (Lang::En, true) => {
                    format!("Account {id} cannot move from {from} to {to}; no move is allowed from {from}.")
                }
            }
        })
        .fact("from", from.name())
        .fact("to", to.name())
        .fact_json("allowed", &allowed);
        return Ok(refused(account, vec![granted, reason]));
    }
    let label = match to {
        Classification::Other => match other_label.map(clean_text).filter(|l| !l.is_empty()) {
            Some(label) => Some(label),
            None => {
                let reason = Reason::lazy("ACC-1", move |lang| match lang {
                    Lang::Pt => format!("A conta {id} só passa a outros com o nome desse quarto tipo (other_label)."),
                    Lang::En => {
                        format!("Account {id} moves to other only with the name of that fourth kind (other_label).")
                    }
                })
                .fact("from", from.name())
                .fact("to", to.name());
                return Ok(refused(account, vec![granted, reason]));
            }
        },
        _ => None,
    };
    let mut changed = account.clone();
    changed.classification = to;
    changed.other_label = label.clone();
    let shown = label.clone();
    let reason = Reason::lazy("ACC-1", move |lang| {
        let (from, to) = (named(from, current.as_deref(), lang), named(to, shown.as_deref(), lang));
        match lang {
            Lang::Pt => format!("A conta {id} passa de {from} a {to}."),
            Lang::En => format!("Account {id} moves from {from} to {to}."),
        }
    })
    .fact("from", from.name())
    .fact("to", to.name())
    .fact("other_label", label);
    Ok(Decision::new(ClassificationChange { accepted: true, account: changed }, vec![granted, reason]))
}

/// A sale makes `account` a client (ACC-1), whatever its classification and the
/// transitions table; `user` must have access (ACC-2, checked first). An account
/// already a client stays one (accepted). The label of the fourth kind is cleared.
pub fn after_sale(
    _ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
) -> Result<Decision<ClassificationChange>> {
    let granted = match access::check(user, account) {
        Ok(reason) => reason,
        Err(refusal) => return Ok(refused(account, vec![refusal])),
    };
    let (id, from, label) = (account.id.clone(), account.classification, account.other_label.clone());
    let reason = Reason::lazy("ACC-1", move |lang| match (lang, from) {
        (Lang::Pt, Classification::Client) => format!("A conta {id} já é cliente; com a venda, continua cliente."),
        (Lang::En, Classification::Client) => format!("Account {id} is already a client; after the sale it stays one."),
        (Lang::Pt, _) => {
            format!("Venda registrada: a conta {id} passa de {} a cliente.", named(from, label.as_deref(), lang))
        }
        (Lang::En, _) => {
            format!("Sale registered: account {id} moves from {} to client.", named(from, label.as_deref(), lang))
        }
    })
    .fact("from", from.name())
    .fact("to", Classification::Client.name())
    .fact("via", "sale");
    let mut changed = account.clone();
    changed.classification = Classification::Client;
    changed.other_label = None;
    Ok(Decision::new(ClassificationChange { accepted: true, account: changed }, vec![granted, reason]))
}
