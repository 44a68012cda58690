//! `atendimento.post` (ATD-2, MOV-1..3; seed 003 "registre a interação", "salvar" /
//! "salvar e notificar"): an interaction posted on an atendimento, checked as
//! `interaction.check` checks it; notifying the client needs the user's e-mail account
//! (Webmail) and the client's e-mail — otherwise an explained refusal, never a silent save.

use super::types::{PostInteractionInput, PostMode, PostOutcome};
use super::{check_on, check_own_pipeline, check_record, not_active, said};
use crate::context::Context;
use crate::decision::{Decision, Reason};
use crate::error::Result;
use crate::identifiers::normalize_email;
use crate::model::{Lifecycle, PostedInteraction};
use crate::rules::interaction::check_interaction;
use crate::rules::pipelines::{authorisation, check_user, trimmed};
use crate::text::br_date;

/// Posts an interaction on an atendimento (ATD-2): the user authorised in its pipeline
/// (FLX-1), the atendimento active (ATD-1), the interaction valid (MOV-1..3: errors
/// refuse, warnings stay as reasons; `first_of_case` is whether the atendimento has no
/// interaction yet); `save_and_notify` needs the user's e-mail account and a valid client
/// e-mail, a template needs the e-mail account (ATD-2). Every problem is reported at once.
/// Accepted: the interaction appended (oldest first) and `updated_on` set to `on`.
pub fn post_interaction(ctx: &Context, i: &PostInteractionInput) -> Result<Decision<PostOutcome>> {
    check_user(&i.user, "user")?;
    check_record(&i.atendimento, "atendimento")?;
    check_own_pipeline(&i.atendimento, &i.pipeline)?;
    check_on(i.on, &i.atendimento)?;
    let a = &i.atendimento;
    let refused = |reasons: Vec<Reason>, warnings: Vec<String>| {
        Decision::new(
            PostOutcome { accepted: false, atendimento: a.clone(), notified: false, notify_to: None, warnings },
            reasons,
        )
    };
    let granted = match authorisation(&i.user, &i.pipeline) {
        Ok(reason) => reason,
        Err(refusal) => return Ok(refused(vec![refusal], Vec::new())),
    };
    if a.lifecycle != Lifecycle::Active {
        return Ok(refused(vec![granted, not_active(a, "post")], Vec::new()));
    }
    let mut interaction = i.interaction.clone();
    interaction.first_of_case = a.interactions.is_empty();
    let check = check_interaction(ctx, &interaction)?;
    let mut ok = check.outcome.valid;
    let warnings = check.outcome.warnings;
    let mut reasons = vec![granted];
    reasons.extend(check.reasons);
    let account = i.email_account.as_deref().and_then(trimmed);
    let template = i.template.as_deref().and_then(trimmed);
    let notify = i.mode == PostMode::SaveAndNotify;
    if account.is_none() && (notify || template.is_some()) {
        ok = false;
        if notify {
            reasons.push(Reason::new(
                "ATD-2",
                "\"Salvar e notificar\" só existe com um e-mail cadastrado no Webmail do sistema: o usuário não tem e-mail configurado. Nada foi salvo; use \"salvar\" ou configure o e-mail.",
                "\"Save and notify\" needs an e-mail account configured in the system's Webmail: the user has none. Nothing was saved; use \"save\" or configure the e-mail.",
            )
            .fact("mode", "save_and_notify")
            .fact("email_account", false));
        }
        if let Some(t) = &template {
            let name = t.clone();
            reasons.push(
                said!(
                    "ATD-2", [name],
                    format!("O modelo de e-mail \"{name}\" só pode ser usado com um e-mail cadastrado no Webmail: o usuário não tem."),
                    format!("E-mail template \"{name}\" can only be used with an e-mail account in the Webmail: the user has none."),
                )
                .fact("template", name.as_str())
                .fact("email_account", false),
            );
        }
    }
    let client = a.contact.email.as_deref().and_then(trimmed).and_then(|e| normalize_email(&e).ok());
    if notify && client.is_none() {
        ok = false;
        reasons.push(
            Reason::new(
                "ATD-2",
                "Para notificar, o contato do atendimento precisa de um e-mail válido: não tem.",
                "To notify, the atendimento's contact needs a valid e-mail: it has none.",
            )
            .fact("client_email", a.contact.email.as_deref()),
        );
    }
    if !ok {
        return Ok(refused(reasons, warnings));
    }
    let mut next = a.clone();
    next.interactions.push(PostedInteraction {
        on: i.on,
        by: i.user.trim().to_owned(),
        interaction,
        notified: notify,
        template,
    });
    next.updated_on = i.on;
    let (count, on) = (next.interactions.len(), i.on);
    let notify_to = if notify { client } else { None };
    let to = notify_to.clone().unwrap_or_default();
    reasons.push(
        said!(
            "ATD-2",
            if notify {
                format!("Interação nº {count} postada em {} e cópia enviada ao cliente ({to}).", br_date(on))
            } else {
                format!(
                    "Interação nº {count} postada em {} e salva para controle interno, sem notificar o cliente.",
                    br_date(on)
                )
            },
            if notify {
                format!("Interaction #{count} posted on {on} and a copy sent to the client ({to}).")
            } else {
                format!("Interaction #{count} posted on {on} and saved for internal control, the client not notified.")
            },
        )
        .fact("notified", notify)
        .fact("interactions", count)
        .fact("notify_to", notify_to.as_deref()),
    );
    Ok(Decision::new(PostOutcome { accepted: true, atendimento: next, notified: notify, notify_to, warnings }, reasons))
}
