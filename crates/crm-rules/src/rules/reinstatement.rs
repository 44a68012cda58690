//! Reinstatement of inactivated accounts — REI-1..2 (seed 001, sales §5–6).
//!
//! - REI-1: manual inactivation by U on I; the client asks to re-contract on T. If
//!   T ≤ I + `reinstatement.manual_window_days` (15 calendar days) *and* the client
//!   answered the inactivation message (even negatively), the case goes to U.
//!   Otherwise anyone may re-contract.
//! - REI-2: automatic inactivation: anyone may re-contract.

use chrono::Days;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{AccountStatus, InboundContact};
use crate::text::br_date;

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.reinstatement",
        ids: ["REI-1", "REI-2"],
        pt: "Quem pode recontratar uma conta inativada.",
        en: "Who may re-contract an inactivated account.",
        python: "reinstatement(**contact)",
        js: "reinstatement",
        input: crate::model::InboundContact,
        outcome: ReinstatementOutcome,
        run: |ctx, contact| reinstatement(ctx, &contact),
    }];
}

/// Outcome of [`reinstatement`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReinstatementOutcome {
    /// The user the case is reserved for (REI-1), or `None`: anyone may contract.
    pub reserved_for: Option<String>,
}

/// Who may re-contract an inactivated account (REI-1..2).
pub fn reinstatement(ctx: &Context, c: &InboundContact) -> Result<Decision<ReinstatementOutcome>> {
    let window = ctx.policy().reinstatement.manual_window_days;
    let (reserved_for, reason) = match &c.account.status {
        AccountStatus::Active => (None, None),
        AccountStatus::InactiveAutomatic { on } => (
            None,
            Some(
                Reason::lazy("REI-2", {
                    let on = *on;
                    move |lang| match lang {
                        Lang::Pt => {
                            format!(
                                "Conta inativada automaticamente em {}: qualquer pessoa pode recontratar.",
                                br_date(on)
                            )
                        }
                        Lang::En => format!("Account inactivated automatically on {on}: anyone may re-contract."),
                    }
                })
                .fact_json("inactivated_on", on),
            ),
        ),
        AccountStatus::InactiveManual { by, on, client_answered } => {
            if c.on < *on {
                return Err(CrmError::invalid(
                    "account.status.on",
                    format!("the inactivation ({on}) is after the contact ({})", c.on),
                ));
            }
            let limit = on
                .checked_add_days(Days::new(u64::from(window)))
                .ok_or_else(|| CrmError::out_of_range("inactivation date + window").at_path("account.status.on"))?;
            let within = c.on <= limit;
            let reserved = within && *client_answered;
            let (who, on, contact) = (by.clone(), *on, c.on);
            let text = move |lang| {
                match (reserved, within, lang) {
                (true, _, Lang::Pt) => format!("Inativada manualmente por {who} em {}; contato em {} (até {}, {window} dias) e o cliente respondeu: o atendimento é de {who}.", br_date(on), br_date(contact), br_date(limit)),
                (true, _, Lang::En) => format!("Inactivated manually by {who} on {on}; contact on {contact} (within {window} days, until {limit}) and the client answered: the case goes to {who}."),
                (false, true, Lang::Pt) => format!("Inativada manualmente por {who} em {}, mas o cliente não respondeu a mensagem: qualquer pessoa pode recontratar.", br_date(on)),
                (false, true, Lang::En) => format!("Inactivated manually by {who} on {on}, but the client did not answer the message: anyone may re-contract."),
                (false, false, Lang::Pt) => format!("Inativada manualmente por {who} em {}; contato em {}, mais de {window} dias depois (limite {}): qualquer pessoa pode recontratar.", br_date(on), br_date(contact), br_date(limit)),
                (false, false, Lang::En) => format!("Inactivated manually by {who} on {on}; contact on {contact}, more than {window} days later (limit {limit}): anyone may re-contract."),
            }
            };
            let reason = Reason::lazy("REI-1", text)
                .fact("inactivated_by", by)
                .fact_json("inactivated_on", on)
                .fact("contact_on", c.on)
                .fact("window_days", window)
                .fact("window_ends", limit)
                .fact_json("client_answered", client_answered);
            (reserved.then(|| by.clone()), Some(reason))
        }
    };
    Ok(Decision::new(ReinstatementOutcome { reserved_for }, reason.into_iter().collect()))
}
