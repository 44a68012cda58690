//! Contracting with a debt — DEB-1..2 (seed 001, sales §7).
//!
//! - DEB-1: a debt older than `debt.forgive_after_months` (one year) is forgiven and the
//!   sale goes ahead, with no discount unless it comes through a dispatch campaign.
//! - DEB-2 (**interpretation**): a debt of one year or less is not covered by the
//!   procedure: contracting is blocked pending settlement or a manager's decision.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{Debt, InboundContact};
use crate::text::{br_date, centavos};

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.debt",
        ids: ["DEB-1", "DEB-2"],
        pt: "Se os débitos da conta permitem a venda, e com que desconto.",
        en: "Whether the account's debts allow the sale, and with what discount.",
        python: "debt_decision(**contact)",
        js: "debtDecision",
        input: crate::model::InboundContact,
        outcome: DebtOutcome,
        run: |ctx, contact| debt(ctx, &contact),
    }];
}

/// Outcome of [`debt`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DebtOutcome {
    /// The debts allow contracting.
    pub sale_allowed: bool,
    /// A discount may be given.
    pub discount_allowed: bool,
    /// Debts forgiven on contracting (DEB-1).
    pub debts_forgiven: Vec<Debt>,
    /// Their total, in centavos.
    pub forgiven_centavos: u64,
    /// Debts that block contracting (DEB-2).
    pub blocking_debts: Vec<Debt>,
}

/// The day after which a debt counts as old (since + N months; 29 Feb → 28 Feb).
fn anniversary(since: NaiveDate, months: u32) -> Option<NaiveDate> {
    since.checked_add_months(Months::new(months))
}

pub(crate) fn total(mut amounts: impl Iterator<Item = u64>, path: &str) -> Result<u64> {
    amounts.try_fold(0u64, |acc, a| acc.checked_add(a)).ok_or_else(|| CrmError::invalid(path, "the amounts overflow"))
}

/// Whether the account's debts allow a sale on the contact's day (DEB-1..2).
pub fn debt(ctx: &Context, c: &InboundContact) -> Result<Decision<DebtOutcome>> {
    let months = ctx.policy().debt.forgive_after_months;
    let campaign = c.contact.sale.as_ref().is_some_and(|s| s.via_dispatch_campaign);
    let mut old = Vec::new();
    let mut recent = Vec::new();
    for (i, d) in c.account.debts.iter().enumerate() {
        if d.since > c.on {
            return Err(CrmError::invalid(
                format!("account.debts[{i}].since"),
                format!("{} is after the contact ({})", d.since, c.on),
            ));
        }
        let limit = anniversary(d.since, months)
            .ok_or_else(|| CrmError::out_of_range("debt anniversary").at_path(&format!("account.debts[{i}].since")))?;
        if c.on > limit {
            old.push((d, limit));
        } else {
            recent.push((d, limit));
        }
    }
    let mut reasons = Vec::new();
    if c.account.debts.is_empty() {
        return Ok(Decision::new(
            DebtOutcome {
                sale_allowed: true,
                discount_allowed: true,
                debts_forgiven: vec![],
                forgiven_centavos: 0,
                blocking_debts: vec![],
            },
            reasons,
        ));
    }
    if !recent.is_empty() {
        for (d, limit) in &recent {
            reasons.push(
                Reason::lazy("DEB-2", {
                    let (amount, since, limit) = (d.amount_centavos, d.since, *limit);
                    move |lang| match lang {
                        Lang::Pt => format!("Dívida de {} desde {} não tem mais de {months} meses (até {}): contratação bloqueada até a quitação ou decisão do gestor.", centavos(amount), br_date(since), br_date(limit)),
                        Lang::En => format!("Debt of {} since {since} is not older than {months} months (until {limit}): contracting is blocked until it is settled or a manager decides.", centavos(amount)),
                    }
                })
                .fact_json("debt", d)
                .fact_json("old_after", limit)
                .fact("contact_on", c.on),
            );
        }
        let blocking: Vec<Debt> = recent.iter().map(|(d, _)| (*d).clone()).collect();
        return Ok(Decision::new(
            DebtOutcome {
                sale_allowed: false,
                discount_allowed: false,
                debts_forgiven: vec![],
                forgiven_centavos: 0,
                blocking_debts: blocking,
            },
            reasons,
        ));
    }
    let forgiven: Vec<Debt> = old.iter().map(|(d, _)| (*d).clone()).collect();
    let sum = total(forgiven.iter().map(|d| d.amount_centavos), "account.debts")?;
    reasons.push(
        Reason::lazy("DEB-1", move |lang| match lang {
            Lang::Pt => format!(
                "Dívida(s) com mais de {months} meses abonada(s) ({}): a contratação pode seguir.",
                centavos(sum)
            ),
            Lang::En => {
                format!("Debt(s) older than {months} months forgiven ({}): contracting may go ahead.", centavos(sum))
            }
        })
        .fact_json("debts_forgiven", &forgiven)
        .fact("forgiven_centavos", sum)
        .fact("contact_on", c.on),
    );
    reasons.push(if campaign {
        Reason::new(
            "DEB-1",
            "Venda por campanha de disparo: desconto permitido.",
            "Sale through a dispatch campaign: a discount is allowed.",
        )
        .fact("via_dispatch_campaign", true)
    } else {
        Reason::new(
            "DEB-1",
            "Após abonar a dívida, a venda não pode ter desconto (exceto campanha de disparo).",
            "After forgiving the debt, the sale may carry no discount (except through a dispatch campaign).",
        )
        .fact("via_dispatch_campaign", false)
        .fact("discount_requested_centavos", c.contact.sale.as_ref().map_or(0, |s| s.discount_centavos))
    });
    Ok(Decision::new(
        DebtOutcome {
            sale_allowed: true,
            discount_allowed: campaign,
            debts_forgiven: forgiven,
            forgiven_centavos: sum,
            blocking_debts: vec![],
        },
        reasons,
    ))
}
