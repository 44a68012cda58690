//! `atendimento.change` (ATD-1, ATD-3, FLX-1, FLX-2, MOV-2, ORC-1): one pure function of
//! (atendimento, action, acting user, pipeline(s), policy) giving the new atendimento and
//! its reasons. The input is checked first (typed errors naming the field); then the user
//! must be authorised in the atendimento's pipeline (FLX-1); then the action's own rules.

use chrono::NaiveDate;

use super::create::due_before;
use super::types::{AtendimentoAction, AtendimentoChange, SetDue};
use super::{check_on, check_own_pipeline, check_record, lifecycle, not_active, placement, status};
use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::model::{Atendimento, Lifecycle, Pipeline};
use crate::rules::pipelines::{authorisation, check_user};
use crate::text::br_date;

/// What an action came to: refused with its reasons, or done.
pub(super) enum Step {
    /// Refused: the atendimento stays as it was.
    Refused(Vec<Reason>),
    /// Done: the new atendimento (before `updated_on` is set), the reasons and the
    /// pipelines the action altered.
    Done(Box<Atendimento>, Vec<Reason>, Vec<Pipeline>),
}

impl Step {
    /// Refused for one reason.
    pub(super) fn refused(reason: Reason) -> Step {
        Step::Refused(vec![reason])
    }

    /// Done, altering no pipeline.
    pub(super) fn done(a: Atendimento, reason: Reason) -> Step {
        Step::Done(Box::new(a), vec![reason], Vec::new())
    }
}

/// The refusal of an action that would change nothing.
pub(super) fn unchanged(rule: &'static str, action: &'static str) -> Reason {
    Reason::lazy(rule, move |lang| match lang {
        Lang::Pt => format!("A ação {action} não mudaria nada no atendimento: recusada."),
        Lang::En => format!("Action {action} would change nothing in the atendimento: refused."),
    })
    .fact("action", action)
}

/// Changes an atendimento (ATD-1): see the module documentation for each action. Every
/// accepted change sets `updated_on` to `on`; a refusal leaves the atendimento as it was
/// and says why. A malformed input (blank user, inconsistent atendimento, a pipeline that
/// is not the atendimento's, `on` before the last update) is a typed error.
pub fn change_atendimento(
    ctx: &Context,
    user: &str,
    a: &Atendimento,
    pipeline: &Pipeline,
    action: &AtendimentoAction,
    on: NaiveDate,
) -> Result<Decision<AtendimentoChange>> {
    check_user(user, "user")?;
    check_record(a, "atendimento")?;
    check_own_pipeline(a, pipeline)?;
    check_on(on, a)?;
    placement::check_action(action)?;
    let refused = |reasons: Vec<Reason>| {
        Decision::new(AtendimentoChange { accepted: false, atendimento: a.clone(), pipelines: Vec::new() }, reasons)
    };
    let granted = match authorisation(user, pipeline) {
        Ok(reason) => reason.fact("action", action.name()),
        Err(refusal) => return Ok(refused(vec![refusal.fact("action", action.name())])),
    };
    let lifecycle_action = matches!(
        action,
        AtendimentoAction::Archive
            | AtendimentoAction::Unarchive
            | AtendimentoAction::Trash
            | AtendimentoAction::Restore
    );
    if !lifecycle_action && a.lifecycle != Lifecycle::Active {
        return Ok(refused(vec![granted, not_active(a, action.name())]));
    }
    let policy = &ctx.policy().atendimentos;
    let step = match action {
        AtendimentoAction::UpdateStatus(up) => status::update(policy, a, up)?,
        AtendimentoAction::Close(c) => status::close(policy, a, c, on)?,
        AtendimentoAction::Archive
        | AtendimentoAction::Unarchive
        | AtendimentoAction::Trash
        | AtendimentoAction::Restore => lifecycle::apply(a, action),
        AtendimentoAction::Move(to) => placement::move_to(ctx, user, a, pipeline, &to.pipeline)?,
        AtendimentoAction::SetDue(SetDue { due }) => set_due(a, Some(*due), on),
        AtendimentoAction::ClearDue => set_due(a, None, on),
        AtendimentoAction::BindTag(t) => placement::bind(ctx, user, a, pipeline, &t.tag)?,
        AtendimentoAction::UnbindTag(t) => placement::unbind(a, pipeline, &t.tag),
    };
    match step {
        Step::Refused(mut reasons) => {
            reasons.insert(0, granted);
            Ok(refused(reasons))
        }
        Step::Done(mut next, mut reasons, pipelines) => {
            next.updated_on = on;
            reasons.insert(0, granted);
            Ok(Decision::new(AtendimentoChange { accepted: true, atendimento: *next, pipelines }, reasons))
        }
    }
}

/// Sets (`Some`) or clears (`None`) the due date (ATD-3): a new one not before `on`.
fn set_due(a: &Atendimento, due: Option<NaiveDate>, on: NaiveDate) -> Step {
    let action = if due.is_some() { "set_due" } else { "clear_due" };
    if a.due == due {
        return Step::refused(unchanged("ATD-3", action));
    }
    let mut next = a.clone();
    next.due = due;
    match due {
        Some(d) if d < on => Step::refused(due_before(d, on)),
        Some(d) => Step::done(
            next,
            Reason::lazy("ATD-3", move |lang| match lang {
                Lang::Pt => format!("Vencimento programado para {}.", br_date(d)),
                Lang::En => format!("Due date set to {d}."),
            })
            .fact("due", d),
        ),
        None => Step::done(
            next,
            Reason::new(
                "ATD-3",
                "Vencimento retirado: o atendimento não vence mais.",
                "Due date cleared: the atendimento no longer falls due.",
            )
            .fact("due", None::<NaiveDate>),
        ),
    }
}
