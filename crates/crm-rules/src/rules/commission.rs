//! Who earns the commission — COM-1..4 (seed 001, sales §8–9). Exactly one outcome,
//! always: a named user or "the manager decides".
//!
//! - COM-1: owner on vacation → the seller who closed the sale.
//! - COM-2: owner absent → the seller who did the initial handling (**interpretation:**
//!   the agendamento's owner, who did the *tratativa inicial*, unless `initial_handler` says otherwise).
//! - COM-3: transferred because the owner did not respond → the manager decides.
//! - COM-4: otherwise (and for a different product, RCP-4) → the seller who closed.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::model::{Availability, InboundContact};
use crate::rules::routing::{route_with, Shared};

/// Who gets the commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommissionTo {
    /// A named user.
    User,
    /// The manager decides (COM-3).
    ManagerDecides,
}

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.commission",
        ids: ["AGD-2", "AGD-3", "AGD-4", "COM-1", "COM-2", "COM-3", "COM-4", "RCP-1", "RCP-2", "RCP-3", "RCP-4", "RCP-5", "REI-1", "REI-2"],
        pt: "Quem recebe a comissão da venda (sempre exatamente um resultado).",
        en: "Who earns the commission of the sale (always exactly one outcome).",
        python: "commission(**contact)",
        js: "commission",
        input: crate::model::InboundContact,
        outcome: Commission,
        run: |ctx, contact| commission(ctx, &contact),
    }];
}

/// Outcome of [`commission`]: exactly one of a user or the manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Commission {
    /// User or manager.
    pub to: CommissionTo,
    /// The user, when `to` is `user`.
    pub user: Option<String>,
}

impl Commission {
    fn user(id: String) -> Self {
        Commission { to: CommissionTo::User, user: Some(id) }
    }
    fn manager() -> Self {
        Commission { to: CommissionTo::ManagerDecides, user: None }
    }
}

/// The commission assignment that follows the contact (COM-1..4).
pub fn commission(ctx: &Context, c: &InboundContact) -> Result<Decision<Commission>> {
    let shared = Shared::new(ctx, c);
    let routed = route_with(&shared)?;
    commission_with(&shared, c, routed.outcome.user.as_deref())
}

/// [`commission`] with what the contact rules of this call share and the routed user.
pub(crate) fn commission_with(
    shared: &Shared<'_>,
    c: &InboundContact,
    routed: Option<&str>,
) -> Result<Decision<Commission>> {
    let held = shared.held()?.holding;
    let closer = c.closed_by.clone().or(routed.map(str::to_owned));
    // The message is written only when read: which one, and for whom.
    #[derive(Clone, Copy)]
    enum Why {
        Absent,
        NotResponded,
        NoSeller,
        Vacation,
        Closer,
    }
    let (rule, outcome, why) = match (held, closer) {
        (Some(h), _) if h.owner_availability == Availability::Absent => {
            let who = c.initial_handler.clone().unwrap_or_else(|| h.agendamento.owner.clone());
            ("COM-2", Commission::user(who), Why::Absent)
        }
        (Some(h), _) if h.owner_availability == Availability::Available && !c.owner_responded => {
            ("COM-3", Commission::manager(), Why::NotResponded)
        }
        (_, None) => ("COM-3", Commission::manager(), Why::NoSeller),
        (Some(h), Some(closer)) if h.owner_availability == Availability::OnVacation => {
            ("COM-1", Commission::user(closer), Why::Vacation)
        }
        (_, Some(closer)) => ("COM-4", Commission::user(closer), Why::Closer),
    };
    let who = outcome.user.clone().unwrap_or_default();
    let reason = Reason::lazy(rule, move |lang| match (why, lang) {
        (Why::Absent, Lang::Pt) => format!("Responsável ausente: comissão para quem fez a tratativa inicial, {who}."),
        (Why::Absent, Lang::En) => {
            format!("Owner absent: commission to the seller who did the initial handling, {who}.")
        }
        (Why::NotResponded, Lang::Pt) => {
            "Transferido porque o responsável não respondeu: a comissão é decidida pelo gestor.".to_owned()
        }
        (Why::NotResponded, Lang::En) => {
            "Transferred because the owner did not respond: the manager decides the commission.".to_owned()
        }
        (Why::NoSeller, Lang::Pt) => {
            "Nenhum vendedor identificado para a venda: a comissão é decidida pelo gestor.".to_owned()
        }
        (Why::NoSeller, Lang::En) => {
            "No seller identified for the sale: the manager decides the commission.".to_owned()
        }
        (Why::Vacation, Lang::Pt) => format!("Responsável de férias: comissão para quem efetivou a venda, {who}."),
        (Why::Vacation, Lang::En) => format!("Owner on vacation: commission to the seller who closed the sale, {who}."),
        (Why::Closer, Lang::Pt) => format!("Comissão para quem efetivou a venda, {who}."),
        (Why::Closer, Lang::En) => format!("Commission to the seller who closed the sale, {who}."),
    })
    .fact_json("to", outcome.to)
    .fact("user", outcome.user.clone())
    .fact("closed_by", c.closed_by.clone());
    Ok(Decision::new(outcome, vec![reason]))
}
