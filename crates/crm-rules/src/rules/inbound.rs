//! The moment a client gets in touch: one decision that gathers routing (REI, RCP),
//! debt (DEB), open boletos (MOV-4), third parties (TPC), the interaction to record
//! (MOV-1) and the commission that would follow (COM).

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Reason};
use crate::error::Result;
use crate::model::{Debt, InboundContact, Requester};
use crate::rules::boletos::{open_boletos, BoletoAlert};
use crate::rules::commission::{commission_with, Commission};
use crate::rules::debt::debt;
use crate::rules::routing::{route_with, RouteOutcome, Shared};
use crate::rules::third_party::third_party;

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.inbound",
        ids: ["AGD-2", "AGD-3", "AGD-4", "RCP-1", "RCP-2", "RCP-3", "RCP-4", "RCP-5", "REI-1", "REI-2", "DEB-1", "DEB-2", "MOV-1", "MOV-4", "TPC-1", "TPC-2", "TPC-3", "COM-1", "COM-2", "COM-3", "COM-4"],
        pt: "Tudo o que se decide quando um cliente entra em contato: quem atende, venda, desconto, alertas, ações e comissão.",
        en: "Everything decided when a client gets in touch: who attends, sale, discount, alerts, actions and commission.",
        python: "inbound_contact(**contact)",
        js: "inboundContact",
        input: crate::model::InboundContact,
        outcome: InboundOutcome,
        run: |ctx, contact| inbound_contact(ctx, &contact),
    }];
}

/// Something the attendant must do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RequiredAction {
    /// `record_interaction`, `confirm_data`, `send_copy_to_administrator`,
    /// `holder_validation` or `settle_debt_or_manager`.
    #[schemars(extend("enum" = ["record_interaction", "confirm_data", "send_copy_to_administrator", "holder_validation", "settle_debt_or_manager"]))]
    pub code: String,
    /// The fields concerned, if any.
    pub fields: Vec<String>,
}

/// An alert to give the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Alert {
    /// `open_boletos`.
    #[schemars(extend("enum" = ["open_boletos"]))]
    pub code: String,
    /// The open boletos.
    pub boletos: Vec<crate::model::Boleto>,
    /// Their total, in centavos.
    pub total_centavos: u64,
}

/// Outcome of [`inbound_contact`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InboundOutcome {
    /// Who attends.
    pub route: RouteOutcome,
    /// The sale may go ahead (debt and third-party checks).
    pub sale_allowed: bool,
    /// A discount may be given.
    pub discount_allowed: bool,
    /// Debts forgiven on contracting.
    pub debts_forgiven: Vec<Debt>,
    /// Their total, in centavos.
    pub forgiven_centavos: u64,
    /// Alerts for the client.
    pub alerts: Vec<Alert>,
    /// What the attendant must do, in a fixed order.
    pub required_actions: Vec<RequiredAction>,
    /// The commission that would follow.
    pub commission: Commission,
}

fn action(code: &str, fields: Vec<String>) -> RequiredAction {
    RequiredAction { code: code.to_owned(), fields }
}

/// Everything decided when a client gets in touch.
///
/// ```
/// use crm_rules::{evaluate};
/// use serde_json::json;
/// let answer = evaluate("contact.inbound", json!({
///     "on": "2026-11-23", "attendant": "bruno",
///     "users": [{"id": "ana", "team": "commercial"}, {"id": "bruno", "team": "support"}],
///     "account": {"agendamentos": [{"id": "A-1", "kind": "sales_with_contact", "subject": "intimação",
///                                   "owner": "ana", "created_on": "2026-11-19"}]},
///     "contact": {"channel": "phone", "subject": "Intimação"}
/// })).unwrap();
/// assert_eq!(answer["outcome"]["route"]["user"], "ana");
/// assert_eq!(answer["outcome"]["commission"]["user"], "ana");
/// ```
pub fn inbound_contact(ctx: &Context, c: &InboundContact) -> Result<Decision<InboundOutcome>> {
    // Who holds the client is worked out once, for the route and the commission.
    let shared = Shared::new(ctx, c);
    let routed = route_with(&shared)?;
    let debt = debt(ctx, c)?;
    let boletos = open_boletos(ctx, c)?;
    let tpc = third_party(ctx, c)?;
    let com = commission_with(&shared, c, routed.outcome.user.as_deref())?;

    let mut actions = vec![action("record_interaction", vec![])];
    if c.contact.requester == Requester::ThirdParty {
        actions.push(action("confirm_data", ctx.policy().third_party.confirmation_fields.clone()));
    }
    if tpc.outcome.send_copy_to_administrator {
        actions.push(action("send_copy_to_administrator", vec![]));
    }
    if !tpc.outcome.changes_pending_holder.is_empty() {
        actions.push(action("holder_validation", tpc.outcome.changes_pending_holder.clone()));
    }
    if !debt.outcome.blocking_debts.is_empty() {
        actions.push(action("settle_debt_or_manager", vec![]));
    }
    let BoletoAlert { alert, boletos: open, total_centavos } = boletos.outcome;
    let alerts =
        if alert { vec![Alert { code: "open_boletos".into(), boletos: open, total_centavos }] } else { vec![] };

    let mut reasons: Vec<Reason> = routed.reasons;
    reasons.extend(debt.reasons);
    reasons.extend(boletos.reasons);
    reasons.extend(tpc.reasons);
    reasons.push(Reason::new(
        "MOV-1",
        "Registrar a movimentação com o motivo do contato.",
        "Record the interaction with the reason for the contact.",
    ));
    reasons.extend(com.reasons);
    Ok(Decision::new(
        InboundOutcome {
            route: routed.outcome,
            sale_allowed: debt.outcome.sale_allowed && tpc.outcome.sale_allowed,
            discount_allowed: debt.outcome.discount_allowed,
            debts_forgiven: debt.outcome.debts_forgiven,
            forgiven_centavos: debt.outcome.forgiven_centavos,
            alerts,
            required_actions: actions,
            commission: com.outcome,
        },
        reasons,
    ))
}
