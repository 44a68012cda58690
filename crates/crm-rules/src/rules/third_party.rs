//! Contracting by third parties — TPC-1..3 (seed 001, sales §1).
//!
//! - TPC-1: anyone may contract or upgrade on behalf of an account if they confirm the
//!   registration data (`third_party.confirmation_fields`) correctly; mismatches are listed.
//! - TPC-2: for an existing client, confirm/update the data and send a copy to the
//!   contracting party / account administrator.
//! - TPC-3: a change to a sensitive field (`third_party.sensitive_fields`) asked by a third
//!   party needs the holder's validation before it is applied.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::model::{AccountStatus, InboundContact, Requester};
use crate::text::fold;

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.third_party",
        ids: ["TPC-1", "TPC-2", "TPC-3"],
        pt: "O que um terceiro pode fazer pela conta: confirmação de dados, alterações sensíveis.",
        en: "What a third party may do for the account: data confirmation, sensitive changes.",
        python: "third_party(**contact)",
        js: "thirdParty",
        input: crate::model::InboundContact,
        outcome: ThirdPartyOutcome,
        run: |ctx, contact| third_party(ctx, &contact),
    }];
}

/// Outcome of [`third_party`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ThirdPartyOutcome {
    /// The requester may contract.
    pub sale_allowed: bool,
    /// Confirmed fields that differ from the registration.
    pub mismatches: Vec<String>,
    /// Fields that had to be confirmed and were not.
    pub unconfirmed: Vec<String>,
    /// Requested changes that may be applied now.
    pub changes_applied: Vec<String>,
    /// Requested changes waiting for the holder's validation (TPC-3).
    pub changes_pending_holder: Vec<String>,
    /// Send a copy to the account administrator (TPC-2).
    pub send_copy_to_administrator: bool,
}

/// How two values of a registration field are compared: accent-, case- and
/// space-insensitive; a document only on its letters and digits (masks ignored).
fn same_value(field: &str, a: &str, b: &str) -> bool {
    if field == "document" {
        let key = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase();
        key(a) == key(b)
    } else {
        fold(a) == fold(b)
    }
}

fn list_or_none(fields: &[String], none: &str) -> String {
    if fields.is_empty() {
        none.to_owned()
    } else {
        fields.join(", ")
    }
}

/// What a third party (or the holder) may do (TPC-1..3).
pub fn third_party(ctx: &Context, c: &InboundContact) -> Result<Decision<ThirdPartyOutcome>> {
    let policy = &ctx.policy().third_party;
    let changes: Vec<String> = c.contact.field_changes.keys().cloned().collect();
    if c.contact.requester == Requester::Holder {
        return Ok(Decision::new(
            ThirdPartyOutcome {
                sale_allowed: true,
                mismatches: vec![],
                unconfirmed: vec![],
                changes_applied: changes,
                changes_pending_holder: vec![],
                send_copy_to_administrator: false,
            },
            vec![],
        ));
    }
    let mut mismatches = Vec::new();
    let mut unconfirmed = Vec::new();
    for field in &policy.confirmation_fields {
        let registered = c.account.registration.get(field).map(String::as_str).unwrap_or_default();
        match c.contact.confirmed_data.get(field) {
            None => unconfirmed.push(field.clone()),
            Some(given) if !same_value(field, given, registered) => mismatches.push(field.clone()),
            Some(_) => {}
        }
    }
    crate::sort::sort(&mut mismatches);
    crate::sort::sort(&mut unconfirmed);
    let sale_allowed = mismatches.is_empty() && unconfirmed.is_empty();
    let mut reasons = vec![if sale_allowed {
        Reason::new(
            "TPC-1",
            "Terceiro confirmou os dados cadastrais corretamente: pode contratar em nome da conta.",
            "The third party confirmed the registration data correctly: may contract on behalf of the account.",
        )
    } else {
        let (wrong, missing) = (mismatches.clone(), unconfirmed.clone());
        Reason::lazy("TPC-1", move |lang| match lang {
            Lang::Pt => format!(
                "Terceiro não confirmou os dados corretamente (divergentes: {}; não confirmados: {}): a contratação aguarda a confirmação.",
                list_or_none(&wrong, "nenhum"),
                list_or_none(&missing, "nenhum")
            ),
            Lang::En => format!(
                "The third party did not confirm the data correctly (mismatched: {}; unconfirmed: {}): contracting waits for confirmation.",
                list_or_none(&wrong, "none"),
                list_or_none(&missing, "none")
            ),
        })
    }
    .fact_json("confirmation_fields", &policy.confirmation_fields)
    .fact_json("mismatches", &mismatches)
    .fact_json("unconfirmed", &unconfirmed)];
    let existing_client = c.account.status == AccountStatus::Active;
    if existing_client {
        reasons.push(Reason::new(
            "TPC-2",
            "Já é cliente: confirmar/atualizar os dados e enviar cópia ao contratante/administrador da conta.",
            "Existing client: confirm/update the data and send a copy to the contracting party / account administrator.",
        ));
    }
    let (mut pending, mut applied): (Vec<String>, Vec<String>) =
        changes.into_iter().partition(|f| policy.sensitive_fields.iter().any(|s| s == f));
    crate::sort::sort(&mut pending);
    crate::sort::sort(&mut applied);
    if !pending.is_empty() {
        reasons.push(
            Reason::lazy("TPC-3", {
                let fields = pending.join(", ");
                move |lang| match lang {
                    Lang::Pt => format!(
                        "Alteração de dados sensíveis ({fields}) pedida por terceiro: validar com o titular antes de aplicar."
                    ),
                    Lang::En => format!(
                        "Change of sensitive data ({fields}) asked by a third party: validate with the holder before applying."
                    ),
                }
            })
            .fact_json("fields", &pending)
            .fact_json("sensitive_fields", &policy.sensitive_fields),
        );
    }
    Ok(Decision::new(
        ThirdPartyOutcome {
            sale_allowed,
            mismatches,
            unconfirmed,
            changes_applied: applied,
            changes_pending_holder: pending,
            send_copy_to_administrator: existing_client,
        },
        reasons,
    ))
}
