//! Where an atendimento sits: its pipeline ("mudar de fluxo", ATD-1, the tags going
//! along) and its tags (FLX-2: bound from the pipeline's tags, never while a reordering
//! is open).

use super::change::Step;
use super::create::todos_not_bound;
use super::said;
use super::types::AtendimentoAction;
use crate::context::Context;
use crate::decision::Reason;
use crate::error::{CrmError, Result};
use crate::identifiers::search_key;
use crate::model::{is_all_tag, Atendimento, Pipeline};
use crate::rules::pipelines::{can_add, can_bind_tag, change_tags, check_pipeline, normalised, NewTag, TagAction};

/// The action's own fields, checked before anything is decided (typed errors).
pub(super) fn check_action(action: &AtendimentoAction) -> Result<()> {
    match action {
        AtendimentoAction::Move(to) => check_pipeline(&to.pipeline, "action.move.pipeline"),
        AtendimentoAction::BindTag(t) if search_key(&t.tag).is_empty() => {
            Err(CrmError::invalid("action.bind_tag.tag", "a tag name must not be blank"))
        }
        AtendimentoAction::UnbindTag(t) if search_key(&t.tag).is_empty() => {
            Err(CrmError::invalid("action.unbind_tag.tag", "a tag name must not be blank"))
        }
        _ => Ok(()),
    }
}

/// The position of the tag bound to `a` named `tag` (accents and case ignored).
fn bound(a: &Atendimento, tag: &str) -> Option<usize> {
    let key = search_key(tag);
    a.tags.iter().position(|t| search_key(t) == key)
}

/// Moves the atendimento to `target` (ATD-1): the target active and the user authorised
/// in it (FLX-1); its tags go along, each one the target lacks created there as
/// `tag.change` creates it (FLX-2: refused while the target's reordering is open).
pub(super) fn move_to(
    ctx: &Context,
    user: &str,
    a: &Atendimento,
    source: &Pipeline,
    target: &Pipeline,
) -> Result<Step> {
    if target.id == source.id {
        let pid = target.id.clone();
        return Ok(Step::refused(
            said!(
                "ATD-1",
                format!("O atendimento já está no fluxo {pid}: nada a mudar."),
                format!("The atendimento is already in pipeline {pid}: nothing to move."),
            )
            .fact("pipeline", &target.id),
        ));
    }
    let admission = can_add(ctx, user, target)?;
    if !admission.outcome.allowed {
        return Ok(Step::Refused(admission.reasons));
    }
    let mut reasons = admission.reasons;
    let mut to = normalised(target);
    let mut tags: Vec<String> = Vec::with_capacity(a.tags.len());
    let mut created: Vec<String> = Vec::new();
    for tag in &a.tags {
        if let Some(existing) = to.tag_position(tag).and_then(|k| to.tags.get(k)) {
            tags.push(existing.name.clone());
            continue;
        }
        let colour = source.tag_position(tag).and_then(|k| source.tags.get(k)).and_then(|t| t.colour.clone());
        let made = change_tags(ctx, user, &to, &TagAction::Create(NewTag { name: tag.clone(), colour }))?;
        let flx2 = made.reasons.into_iter().filter(|r| r.rule() == "FLX-2");
        if !made.outcome.accepted {
            return Ok(Step::Refused(flx2.collect()));
        }
        reasons.extend(flx2);
        to = made.outcome.pipeline;
        tags.push(tag.trim().to_owned());
        created.push(tag.trim().to_owned());
    }
    to.atendimentos = to.atendimentos.checked_add(1).ok_or_else(|| {
        CrmError::invalid("action.move.pipeline.atendimentos", "the target pipeline cannot count one more atendimento")
    })?;
    let mut from = normalised(source);
    from.atendimentos = from.atendimentos.saturating_sub(1);
    let mut next = a.clone();
    next.pipeline = to.id.clone();
    next.tags = tags;
    let (aid, fid, tid, carried, new) =
        (a.id.clone(), from.id.clone(), to.id.clone(), next.tags.join(", "), created.join(", "));
    let (pt_new, en_new) = if created.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" (criadas no fluxo de destino: {new})"), format!(" (created in the target pipeline: {new})"))
    };
    reasons.push(
        said!(
            "ATD-1",
            format!("Atendimento {aid} mudou do fluxo {fid} para {tid}, com as tags [{carried}]{pt_new}."),
            format!("Atendimento {aid} moved from pipeline {fid} to {tid}, with its tags [{carried}]{en_new}."),
        )
        .fact("from", &from.id)
        .fact("to", &to.id)
        .fact_json("tags", &next.tags)
        .fact_json("tags_created", &created),
    );
    Ok(Step::Done(Box::new(next), reasons, vec![from, to]))
}

/// Binds one of the pipeline's tags (FLX-2): the tag exists, is not `TODOS`, is not bound
/// already, and no reordering is open (`tag.can_bind`).
pub(super) fn bind(ctx: &Context, user: &str, a: &Atendimento, p: &Pipeline, tag: &str) -> Result<Step> {
    if is_all_tag(tag) {
        return Ok(Step::refused(todos_not_bound()));
    }
    if let Some(name) = bound(a, tag).and_then(|k| a.tags.get(k)) {
        let name = name.clone();
        return Ok(Step::refused(
            said!(
                "FLX-2",
                [name],
                format!("A tag \"{name}\" já está vinculada ao atendimento."),
                format!("Tag \"{name}\" is already bound to the atendimento."),
            )
            .fact("tag", name),
        ));
    }
    let check = can_bind_tag(ctx, user, p, tag)?;
    let mut flx2: Vec<Reason> = check.reasons.into_iter().filter(|r| r.rule() == "FLX-2").collect();
    if !check.outcome.allowed {
        return Ok(Step::Refused(flx2));
    }
    let name =
        p.tag_position(tag).and_then(|k| p.tags.get(k)).map_or_else(|| tag.trim().to_owned(), |t| t.name.clone());
    let mut next = a.clone();
    next.tags.push(name.clone());
    flx2.push(
        said!(
            "FLX-2",
            [name],
            format!("Tag \"{name}\" vinculada ao atendimento."),
            format!("Tag \"{name}\" bound to the atendimento."),
        )
        .fact("tag", name),
    );
    Ok(Step::Done(Box::new(next), flx2, Vec::new()))
}

/// Unbinds a tag (FLX-2): it must be bound, and no reordering open.
pub(super) fn unbind(a: &Atendimento, p: &Pipeline, tag: &str) -> Step {
    let Some(k) = bound(a, tag) else {
        let t = tag.trim().to_owned();
        return Step::refused(
            said!(
                "FLX-2",
                [t],
                format!("A tag \"{t}\" não está vinculada ao atendimento."),
                format!("Tag \"{t}\" is not bound to the atendimento."),
            )
            .fact("tag", t)
            .fact("bound", false),
        );
    };
    if p.reordering {
        return Step::refused(
            Reason::new(
                "FLX-2",
                "Há uma reordenação das tags aberta: enquanto não for finalizada, as tags dos atendimentos não mudam.",
                "A reordering of the tags is open: until it is finished, the atendimentos' tags do not change.",
            )
            .fact("reordering", true),
        );
    }
    let mut next = a.clone();
    let name = next.tags.remove(k);
    Step::done(
        next,
        said!(
            "FLX-2",
            [name],
            format!("Tag \"{name}\" desvinculada do atendimento."),
            format!("Tag \"{name}\" unbound from the atendimento."),
        )
        .fact("tag", name),
    )
}
