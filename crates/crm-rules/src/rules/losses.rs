//! Losses and disregarded clients — DSC-1..3 (seed 000 §3, "Clientes a Ser Analisados
//! para Desconsiderar"), behind the portfolio access check (ACC-2).
//!
//! - DSC-1: a client who comes back only to settle a pending matter (one of
//!   `losses.pending_matters`: pós-venda, NCC, chamado, …) is recorded as a loss
//!   (perda) to be analysed.
//! - DSC-2: the loss reason (motivo do desconsidera/perda) is mandatory: one of
//!   `losses.loss_reasons`, or `other` with its text. **Reading:** a text of another
//!   reason given with a listed reason is ambiguous and refused; nothing is recorded
//!   half-filled.
//! - DSC-3: periodic review (reavaliação) of the disregarded clients, to catch
//!   registration errors: a loss is due `losses.review_every_days` calendar days after
//!   it was recorded or last reviewed. **Reading:** a review dated before the loss was
//!   recorded, or a date after the day of the review, is an input error.
//!
//! Recording a loss is an account operation: the user's access (ACC-2) is checked
//! first, and a user without it gets an explained refusal.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::identifiers::{clean_text, search_key};
use crate::model::{AccountRecord, Loss, PortfolioUser};
use crate::rules::access;
use crate::text::br_date;

/// The reason to give when the loss reason is none of the listed ones (then
/// `other_reason` says what it is).
pub const OTHER: &str = "other";

/// Input of `loss.record`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordLossInput {
    /// The user recording the loss (their access to the account is checked first, ACC-2).
    pub user: PortfolioUser,
    /// The account of the client who came back.
    pub account: AccountRecord,
    /// The pending matter the client came back only to settle (pendência): one of
    /// `Policy.losses.pending_matters`, compared without accents, case or extra spaces.
    pub pending_matter: String,
    /// The loss reason (motivo, mandatory): one of `Policy.losses.loss_reasons`
    /// (compared without accents, case or extra spaces), or `other` with `other_reason`.
    /// Missing or blank: the loss is not recorded.
    #[serde(default)]
    pub reason: Option<String>,
    /// The text of the reason when `reason` is `other`; must be left out (or blank) with
    /// a listed reason.
    #[serde(default)]
    pub other_reason: Option<String>,
    /// The day the loss is recorded.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
}

/// Input of `loss.review`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewLossesInput {
    /// The losses recorded (none may be recorded or reviewed after `on`, nor reviewed
    /// before it was recorded).
    pub losses: Vec<Loss>,
    /// The day of the review.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "loss.record",
            ids: ["DSC-1", "DSC-2", "ACC-2"],
            pt: "Registra como perda a analisar o cliente que voltou só para resolver uma pendência, com o motivo obrigatório.",
            en: "Records a client who came back only to settle a pending matter as a loss to analyse, with its mandatory reason.",
            python: "record_loss(user, account, pending_matter, reason, on, other_reason=None)",
            js: "recordLoss",
            input: RecordLossInput,
            outcome: LossRecording,
            run: |ctx, i| record_loss(ctx, &i),
        },
        {
            name: "loss.review",
            ids: ["DSC-3"],
            pt: "As perdas registradas que estão na hora de ser revisadas, da mais antiga à mais recente.",
            en: "The recorded losses due for review, oldest first.",
            python: "losses_due_for_review(losses, on)",
            js: "lossesDueForReview",
            input: ReviewLossesInput,
            outcome: LossReview,
            run: |ctx, i| losses_due_for_review(ctx, &i.losses, i.on),
        },
    ];
}

/// Outcome of [`record_loss`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LossRecording {
    /// The loss was recorded.
    pub recorded: bool,
    /// The loss as recorded, or `null` when refused (never half-filled).
    pub loss: Option<Loss>,
}

/// One loss due for review (DSC-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DueLoss {
    /// The account.
    pub account: String,
    /// The date the review period is counted from: the last review, or the recording
    /// when never reviewed.
    pub since: NaiveDate,
    /// `since` + `Policy.losses.review_every_days` calendar days.
    pub due_on: NaiveDate,
    /// Calendar days from `due_on` to the day of the review (0: due that very day).
    pub days_overdue: u32,
    /// The loss was reviewed before (`since` is its last review).
    pub reviewed_before: bool,
}

/// Outcome of [`losses_due_for_review`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LossReview {
    /// The losses due for review, oldest due date first (then by account, then in the
    /// order given).
    pub due: Vec<DueLoss>,
    /// How many losses are not due yet.
    pub not_due: usize,
}

/// The policy's entry equal to `value` under [`search_key`], in the policy's spelling.
fn listed<'a>(list: &'a [String], value: &str) -> Option<&'a String> {
    let key = search_key(value);
    list.iter().find(|entry| search_key(entry) == key)
}

/// `Some(text)` cleaned (CAD-2), or `None` when absent or blank.
fn given(value: Option<&str>) -> Option<String> {
    value.map(clean_text).filter(|v| !v.is_empty())
}

/// What was wrong with the loss reason (DSC-2).
enum ReasonProblem {
    /// No reason, or a blank one.
    Missing,
    /// A reason that is neither listed nor `other`.
    Unknown(String),
    /// `other` without its text.
    OtherWithoutText,
    /// A listed reason and also the text of another reason.
    Ambiguous(String, String),
}

/// The loss reason (DSC-2): `(reason, other_reason)` as stored, or what is wrong.
fn loss_reason(
    list: &[String],
    reason: Option<&str>,
    other: Option<&str>,
) -> std::result::Result<(String, Option<String>), ReasonProblem> {
    let Some(reason) = given(reason) else {
        return Err(ReasonProblem::Missing);
    };
    let other = given(other);
    if let Some(entry) = listed(list, &reason) {
        return match other {
            None => Ok((entry.clone(), None)),
            Some(text) => Err(ReasonProblem::Ambiguous(entry.clone(), text)),
        };
    }
    if search_key(&reason) != OTHER {
        return Err(ReasonProblem::Unknown(reason));
    }
    match other {
        Some(text) => Ok((OTHER.to_owned(), Some(text))),
        None => Err(ReasonProblem::OtherWithoutText),
    }
}

/// The DSC-1 refusal: the pending matter is not one of the policy's.
fn unknown_matter(matter: &str, accepted: &[String]) -> Reason {
    let (text, list) = (matter.to_owned(), accepted.to_vec());
    Reason::lazy("DSC-1", move |lang| match lang {
        Lang::Pt => format!(
            "Pendência \"{text}\" não é uma das que marcam o cliente como perda a analisar ({}): perda não registrada.",
            list.join(", ")
        ),
        Lang::En => format!(
            "Pending matter \"{text}\" is not one of those that make the client a loss to analyse ({}): loss not recorded.",
            list.join(", ")
        ),
    })
    .fact("pending_matter", matter)
    .fact_json("pending_matters", accepted)
}

/// The DSC-2 refusal for `problem`.
fn reason_refusal(
    problem: ReasonProblem,
    given_reason: Option<&str>,
    given_other: Option<&str>,
    accepted: &[String],
) -> Reason {
    let (kind, reason) = match problem {
        ReasonProblem::Missing => (
            "missing",
            Reason::new(
                "DSC-2",
                "O motivo da perda é obrigatório: perda não registrada.",
                "The loss reason is mandatory: loss not recorded.",
            ),
        ),
        ReasonProblem::OtherWithoutText => (
            "other_without_text",
            Reason::new(
                "DSC-2",
                "Motivo \"other\" (outro) sem o texto do motivo (other_reason): perda não registrada.",
                "Reason \"other\" without the text of the reason (other_reason): loss not recorded.",
            ),
        ),
        ReasonProblem::Unknown(r) => {
            let list = accepted.to_vec();
            (
                "unknown",
                Reason::lazy("DSC-2", move |lang| match lang {
                    Lang::Pt => format!(
                        "Motivo \"{r}\" não está na lista ({}) nem é \"other\" com o texto: perda não registrada.",
                        list.join(", ")
                    ),
                    Lang::En => format!(
                        "Reason \"{r}\" is not in the list ({}) nor \"other\" with its text: loss not recorded.",
                        list.join(", ")
                    ),
                }),
            )
        }
        ReasonProblem::Ambiguous(r, text) => (
            "ambiguous",
            Reason::lazy("DSC-2", move |lang| match lang {
                Lang::Pt => format!(
                    "Motivo \"{r}\" da lista e também o texto de outro motivo (\"{text}\"): ambíguo, {}",
                    "informe só um; perda não registrada."
                ),
                Lang::En => format!(
                    "Listed reason \"{r}\" and also the text of another reason (\"{text}\"): ambiguous, {}",
                    "give only one; loss not recorded."
                ),
            }),
        ),
    };
    reason
        .fact("problem", kind)
        .fact("reason", given_reason)
        .fact("other_reason", given_other)
        .fact_json("loss_reasons", accepted)
}

/// Records a client who came back only to settle a pending matter as a loss to analyse
/// (DSC-1), with its mandatory reason (DSC-2), after the access check (ACC-2).
pub fn record_loss(ctx: &Context, i: &RecordLossInput) -> Result<Decision<LossRecording>> {
    let refused = |reasons| Ok(Decision::new(LossRecording { recorded: false, loss: None }, reasons));
    let grant = match access::check(&i.user, &i.account) {
        Ok(grant) => grant,
        Err(refusal) => return refused(vec![refusal]),
    };
    let policy = &ctx.policy().losses;
    let matter = listed(&policy.pending_matters, &i.pending_matter);
    let reason = loss_reason(&policy.loss_reasons, i.reason.as_deref(), i.other_reason.as_deref());
    let (Some(matter), Ok((reason, other_reason))) = (matter, &reason) else {
        let mut reasons = vec![grant];
        if matter.is_none() {
            reasons.push(unknown_matter(&i.pending_matter, &policy.pending_matters));
        }
        if let Err(problem) = reason {
            reasons.push(reason_refusal(problem, i.reason.as_deref(), i.other_reason.as_deref(), &policy.loss_reasons));
        }
        return refused(reasons);
    };
    let loss = Loss {
        account: i.account.id.clone(),
        pending_matter: matter.clone(),
        reason: reason.clone(),
        other_reason: other_reason.clone(),
        recorded_by: i.user.id.clone(),
        recorded_on: i.on,
        last_reviewed_on: None,
    };
    let matter_reason = {
        let (account, matter, by, on) =
            (loss.account.clone(), loss.pending_matter.clone(), loss.recorded_by.clone(), i.on);
        Reason::lazy("DSC-1", move |lang| match lang {
            Lang::Pt => format!(
                "O cliente da conta {account} voltou só para resolver uma pendência ({matter}): registrado como perda a analisar em {}, por {by}.",
                br_date(on)
            ),
            Lang::En => format!(
                "The client of account {account} came back only to settle a pending matter ({matter}): recorded as a loss to analyse on {on}, by {by}."
            ),
        })
        .fact("account", &loss.account)
        .fact("pending_matter", &loss.pending_matter)
        .fact("recorded_by", &loss.recorded_by)
        .fact("recorded_on", i.on)
    };
    let reason_reason = {
        let (reason, other) = (loss.reason.clone(), loss.other_reason.clone());
        Reason::lazy("DSC-2", move |lang| match (lang, &other) {
            (Lang::Pt, None) => format!("Motivo da perda: {reason}."),
            (Lang::En, None) => format!("Loss reason: {reason}."),
            (Lang::Pt, Some(text)) => format!("Motivo da perda: outro — {text}."),
            (Lang::En, Some(text)) => format!("Loss reason: other — {text}."),
        })
        .fact("reason", &loss.reason)
        .fact("other_reason", loss.other_reason.clone())
    };
    Ok(Decision::new(LossRecording { recorded: true, loss: Some(loss) }, vec![grant, matter_reason, reason_reason]))
}

/// Checks the dates of the `index`th loss against each other and the day of the review.
fn check_dates(index: usize, loss: &Loss, on: NaiveDate) -> Result<()> {
    let path = |field: &str| format!("losses[{index}].{field}");
    if let Some(reviewed) = loss.last_reviewed_on {
        if reviewed < loss.recorded_on {
            return Err(CrmError::invalid(
                path("last_reviewed_on"),
                format!("reviewed on {reviewed}, before the loss was recorded ({})", loss.recorded_on),
            ));
        }
    }
    if loss.recorded_on > on {
        return Err(CrmError::invalid(
            path("recorded_on"),
            format!("recorded on {}, after the day of the review ({on})", loss.recorded_on),
        ));
    }
    if let Some(reviewed) = loss.last_reviewed_on.filter(|r| *r > on) {
        return Err(CrmError::invalid(
            path("last_reviewed_on"),
            format!("reviewed on {reviewed}, after the day of the review ({on})"),
        ));
    }
    Ok(())
}

/// How late a review is, in pt-BR.
fn late_pt(days: u32) -> String {
    match days {
        0 => "vence no próprio dia".to_owned(),
        1 => "1 dia de atraso".to_owned(),
        n => format!("{n} dias de atraso"),
    }
}

/// How late a review is, in English.
fn late_en(days: u32) -> String {
    match days {
        0 => "due that very day".to_owned(),
        1 => "1 day overdue".to_owned(),
        n => format!("{n} days overdue"),
    }
}

/// The reason one loss is due for review (DSC-3).
fn due_reason(due: &DueLoss, every: u32, on: NaiveDate) -> Reason {
    let d = due.clone();
    Reason::lazy("DSC-3", move |lang| {
        let (account, since, due_on, overdue) = (&d.account, d.since, d.due_on, d.days_overdue);
        match (lang, d.reviewed_before) {
            (Lang::Pt, true) => format!(
                "Perda da conta {account} revisada pela última vez em {}: revisão a cada {every} dias, devida em {} ({}).",
                br_date(since),
                br_date(due_on),
                late_pt(overdue)
            ),
            (Lang::Pt, false) => format!(
                "Perda da conta {account} registrada em {} e nunca revisada: revisão a cada {every} dias, devida em {} ({}).",
                br_date(since),
                br_date(due_on),
                late_pt(overdue)
            ),
            (Lang::En, true) => format!(
                "Loss of account {account} last reviewed on {since}: reviewed every {every} days, due on {due_on} ({}).",
                late_en(overdue)
            ),
            (Lang::En, false) => format!(
                "Loss of account {account} recorded on {since} and never reviewed: reviewed every {every} days, due on {due_on} ({}).",
                late_en(overdue)
            ),
        }
    })
    .fact("account", &due.account)
    .fact("since", due.since)
    .fact("due_on", due.due_on)
    .fact("days_overdue", due.days_overdue)
    .fact("reviewed_before", due.reviewed_before)
    .fact("review_every_days", every)
    .fact("on", on)
}

/// The losses due for review on `on` (DSC-3): those whose last review — or recording,
/// when never reviewed — is at least `losses.review_every_days` calendar days before
/// `on`; oldest due date first. Linear in the losses, plus the sort of the due ones.
pub fn losses_due_for_review(ctx: &Context, losses: &[Loss], on: NaiveDate) -> Result<Decision<LossReview>> {
    let every = ctx.policy().losses.review_every_days;
    let mut due = Vec::new();
    let mut not_due = 0usize;
    for (index, loss) in losses.iter().enumerate() {
        check_dates(index, loss, on)?;
        let since = loss.last_reviewed_on.unwrap_or(loss.recorded_on);
        // Past the end of chrono's calendar is long after `on`: not due.
        match since.checked_add_days(Days::new(u64::from(every))).filter(|due_on| *due_on <= on) {
            Some(due_on) => due.push(DueLoss {
                account: loss.account.clone(),
                since,
                due_on,
                days_overdue: u32::try_from((on - due_on).num_days()).unwrap_or(u32::MAX),
                reviewed_before: loss.last_reviewed_on.is_some(),
            }),
            None => not_due += 1,
        }
    }
    crate::sort::sort_by(&mut due, |a, b| a.due_on.cmp(&b.due_on).then_with(|| a.account.cmp(&b.account)));
    let mut reasons: Vec<Reason> = due.iter().map(|d| due_reason(d, every, on)).collect();
    let count = due.len();
    reasons.push(
        Reason::lazy("DSC-3", move |lang| match lang {
            Lang::Pt => format!(
                "Revisão de {}: {count} perda(s) a revisar (revisão a cada {every} dias), {not_due} ainda não.",
                br_date(on)
            ),
            Lang::En => {
                format!("Review on {on}: {count} loss(es) due for review (every {every} days), {not_due} not yet due.")
            }
        })
        .fact("on", on)
        .fact("due", count)
        .fact("not_due", not_due)
        .fact("review_every_days", every),
    );
    Ok(Decision::new(LossReview { due, not_due }, reasons))
}

#[cfg(test)]
mod tests;
