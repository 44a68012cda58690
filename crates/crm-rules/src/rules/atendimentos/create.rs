//! `atendimento.create` (ATD-1, seed 003 "Criar Atendimentos", seed 000 §1): the
//! registration check (CAD-1, CAD-3), the pipeline (FLX-1), the tags (FLX-2) and the due
//! date (ATD-3), every problem reported at once.

use super::types::{AtendimentoCreation, CreateAtendimentoInput};
use super::{funnel_phase, said};
use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::identifiers::search_key;
use crate::model::{is_all_tag, Atendimento, AtendimentoContact, Lifecycle, ALL_TAG};
use crate::rules::pipelines::{can_add, can_bind_tag, check_pipeline, check_user, trimmed};
use crate::rules::registration::check_atendimento;
use crate::text::br_date;

/// Creates an atendimento (ATD-1): the contact registered before (CAD-3), name, phone,
/// e-mail and reason (CAD-1, every missing one named), the pipeline active and the user
/// authorised (FLX-1), the tags existing and bindable (FLX-2), the due date not before
/// the creation (ATD-3). Accepted: the atendimento, active, in the first funnel phase.
pub fn create_atendimento(ctx: &Context, i: &CreateAtendimentoInput) -> Result<Decision<AtendimentoCreation>> {
    check_user(&i.user, "user")?;
    check_pipeline(&i.pipeline, "pipeline")?;
    let id = trimmed(&i.id).ok_or_else(|| CrmError::invalid("id", "the atendimento id must not be blank"))?;
    let reference = trimmed(&i.reference).ok_or_else(|| CrmError::invalid("reference", "must not be blank"))?;
    let account = trimmed(&i.account).ok_or_else(|| CrmError::invalid("account", "must not be blank"))?;
    let mut keys: Vec<String> = Vec::with_capacity(i.tags.len());
    for (k, tag) in i.tags.iter().enumerate() {
        let key = search_key(tag);
        if key.is_empty() {
            return Err(CrmError::invalid(format!("tags[{k}]"), "a tag name must not be blank"));
        }
        if keys.contains(&key) {
            return Err(CrmError::invalid(format!("tags[{k}]"), format!("tag `{tag}` is listed twice")));
        }
        keys.push(key);
    }
    let policy = &ctx.policy().atendimentos;
    let registration = check_atendimento(ctx, &i.atendimento, &i.registered_contact_ids)?;
    let mut reasons = registration.reasons;
    let check = registration.outcome;
    let mut ok = check.accepted;
    let pipeline_check = can_add(ctx, &i.user, &i.pipeline)?;
    ok &= pipeline_check.outcome.allowed;
    reasons.extend(pipeline_check.reasons);
    let mut tags: Vec<String> = Vec::with_capacity(i.tags.len());
    for tag in &i.tags {
        if is_all_tag(tag) {
            ok = false;
            reasons.push(todos_not_bound());
            continue;
        }
        let bind = can_bind_tag(ctx, &i.user, &i.pipeline, tag)?;
        if bind.outcome.allowed {
            let name = i.pipeline.tag_position(tag).and_then(|k| i.pipeline.tags.get(k)).map(|t| t.name.clone());
            tags.push(name.unwrap_or_else(|| tag.trim().to_owned()));
        } else {
            ok = false;
            for r in bind.reasons.into_iter().filter(|r| r.rule() == "FLX-2") {
                if !reasons.contains(&r) {
                    reasons.push(r);
                }
            }
        }
    }
    if ok && !tags.is_empty() {
        let list = tags.join(", ");
        reasons.push(
            said!("FLX-2", format!("Tags vinculadas: {list}."), format!("Tags bound: {list}."))
                .fact_json("tags", &tags),
        );
    }
    if let Some(due) = i.due {
        if due < i.on {
            ok = false;
            reasons.push(due_before(due, i.on));
        }
    }
    let first = policy.funnel_phases.first().map(String::as_str).and_then(|f| funnel_phase(policy, f));
    let normalized = check.normalized.clone();
    let (Some(contact_id), Some(name), Some(reason), Some(status), true) = (
        i.atendimento.contact_id.as_deref().and_then(trimmed),
        normalized.name,
        normalized.reason,
        first.map(str::to_owned),
        ok,
    ) else {
        return Ok(Decision::new(
            AtendimentoCreation { accepted: false, atendimento: None, problems: check.problems },
            reasons,
        ));
    };
    let title = i.title.as_deref().and_then(trimmed).unwrap_or_else(|| reason.clone());
    let responsible = i.responsible.as_deref().and_then(trimmed).unwrap_or_else(|| i.user.trim().to_owned());
    let atendimento = Atendimento {
        id,
        reference,
        title,
        pipeline: i.pipeline.id.clone(),
        account,
        contact: AtendimentoContact { id: contact_id, name, phone: normalized.phone, email: normalized.email },
        reason,
        status,
        lifecycle: Lifecycle::Active,
        before_trash: None,
        tags,
        due: i.due,
        closing: None,
        responsible,
        created_on: i.on,
        updated_on: i.on,
        interactions: Vec::new(),
        quotes: Vec::new(),
        purchases: Vec::new(),
        sale: None,
    };
    if let Some(due) = atendimento.due {
        reasons.push(
            Reason::lazy("ATD-3", move |lang| match lang {
                Lang::Pt => format!("Vencimento programado para {}.", br_date(due)),
                Lang::En => format!("Due date set to {due}."),
            })
            .fact("due", due),
        );
    }
    let (aid, pid, st, on) = (atendimento.id.clone(), atendimento.pipeline.clone(), atendimento.status.clone(), i.on);
    reasons.push(
        Reason::lazy("ATD-1", move |lang| match lang {
            Lang::Pt => {
                format!("Atendimento {aid} criado no fluxo {pid} em {}: ativo, situação \"{st}\".", br_date(on))
            }
            Lang::En => format!("Atendimento {aid} created in pipeline {pid} on {on}: active, status \"{st}\"."),
        })
        .fact("atendimento", &atendimento.id)
        .fact("lifecycle", Lifecycle::Active.name())
        .fact("status", &atendimento.status),
    );
    Ok(Decision::new(
        AtendimentoCreation { accepted: true, atendimento: Some(atendimento), problems: Vec::new() },
        reasons,
    ))
}

/// `TODOS` is every atendimento: it is never bound (FLX-2).
pub(crate) fn todos_not_bound() -> Reason {
    Reason::new(
        "FLX-2",
        "A tag TODOS reúne todos os atendimentos: não é vinculada a um atendimento.",
        "The TODOS tag gathers every atendimento: it is not bound to one.",
    )
    .fact("tag", ALL_TAG)
}

/// The refusal of a due date before the date it is set on (ATD-3).
pub(crate) fn due_before(due: chrono::NaiveDate, on: chrono::NaiveDate) -> Reason {
    Reason::lazy("ATD-3", move |lang| match lang {
        Lang::Pt => {
            format!("O vencimento {} é anterior a {}: seria um atendimento já vencido.", br_date(due), br_date(on))
        }
        Lang::En => format!("Due date {due} is before {on}: the atendimento would be overdue already."),
    })
    .fact("due", due)
    .fact("on", on)
}
