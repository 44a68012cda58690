//! The inputs and outcomes of the atendimento rules (ATD-1..3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Atendimento, Interaction, Pipeline};
use crate::rules::registration::{AtendimentoDraft, Problem};

/// Input of `atendimento.create`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAtendimentoInput {
    /// The id of the user creating it (must be authorised in the pipeline, FLX-1).
    pub user: String,
    /// The pipeline (fluxo) it is created in (must be active, FLX-1).
    pub pipeline: Pipeline,
    /// The initial registration, as `registration.check` reads it (CAD-1, CAD-3): the
    /// registered contact's id, name, phone, e-mail and reason for the contact.
    pub atendimento: AtendimentoDraft,
    /// The ids of the contacts registered in the CRM (CAD-3).
    pub registered_contact_ids: Vec<String>,
    /// The new atendimento's id.
    pub id: String,
    /// Its reference number (referência).
    pub reference: String,
    /// The account (client) it is about.
    pub account: String,
    /// The creation date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// Title; absent or blank: the reason for the contact.
    #[serde(default)]
    pub title: Option<String>,
    /// The responsible user; absent or blank: the acting user.
    #[serde(default)]
    pub responsible: Option<String>,
    /// Names of the pipeline's tags to bind (FLX-2), compared ignoring accents and case.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Due date (vencimento), not before `on` (ATD-3).
    #[serde(default, deserialize_with = "crate::date::de_opt_date")]
    pub due: Option<NaiveDate>,
}

/// Outcome of `atendimento.create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AtendimentoCreation {
    /// The atendimento may be created as asked.
    pub accepted: bool,
    /// The new atendimento (active, first funnel phase) when accepted; `null` when refused.
    pub atendimento: Option<Atendimento>,
    /// The registration problems (CAD-1, CAD-3), every one, as `registration.check`
    /// reports them; empty when the registration is complete.
    pub problems: Vec<Problem>,
}

/// The value and conditions of a sale given when marking an atendimento `Venda`
/// (000 §2, ORC-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SaleTerms {
    /// Value in centavos (more than zero).
    pub value_centavos: u64,
    /// Payment conditions (not blank).
    pub conditions: String,
}

/// A status change: the funnel phase to move to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusUpdate {
    /// One of `policy.atendimentos.funnel_phases` (accents and case ignored).
    pub status: String,
    /// For the sale phase, the value and conditions when no approved quote gives them.
    #[serde(default)]
    pub sale: Option<SaleTerms>,
}

/// Concluding an atendimento (000 §1): the status reached and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseAtendimento {
    /// A funnel phase or one of `policy.atendimentos.closing_statuses`.
    pub status: String,
    /// What was done (observações): not empty nor only dots (MOV-2).
    pub note: String,
    /// For the sale phase, the value and conditions when no approved quote gives them.
    #[serde(default)]
    pub sale: Option<SaleTerms>,
}

/// Moving to another pipeline ("mudar de fluxo").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveTo {
    /// The target pipeline as it is now (active, the user authorised in it).
    pub pipeline: Pipeline,
}

/// A due date to set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetDue {
    /// The new due date (vencimento), not before the action's date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub due: NaiveDate,
}

/// A tag to bind or unbind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagRef {
    /// The tag's name (accents and case ignored).
    pub tag: String,
}

/// What to do to an atendimento: `{"update_status": {…}}`, `{"close": {…}}`,
/// `"archive"`, `"unarchive"`, `"trash"`, `"restore"`, `{"move": {"pipeline": …}}`,
/// `{"set_due": {"due": …}}`, `"clear_due"`, `{"bind_tag": {"tag": …}}` or
/// `{"unbind_tag": {"tag": …}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AtendimentoAction {
    /// Move to a funnel phase (ATD-1; the sale phase needs value and conditions, ORC-1).
    UpdateStatus(StatusUpdate),
    /// Conclude it with a status and a note (000 §1, MOV-2).
    Close(CloseAtendimento),
    /// Active → archived.
    Archive,
    /// Archived → active.
    Unarchive,
    /// Active or archived → trash (the lifecycle it had is remembered).
    Trash,
    /// Trash → the lifecycle it had before.
    Restore,
    /// Move to another pipeline, with its tags.
    Move(MoveTo),
    /// Set the due date (ATD-3).
    SetDue(SetDue),
    /// Clear the due date (ATD-3).
    ClearDue,
    /// Bind one of the pipeline's tags (FLX-2).
    BindTag(TagRef),
    /// Unbind a tag (FLX-2).
    UnbindTag(TagRef),
}

impl AtendimentoAction {
    /// The name used in JSON, e.g. `update_status`.
    pub fn name(&self) -> &'static str {
        match self {
            AtendimentoAction::UpdateStatus(_) => "update_status",
            AtendimentoAction::Close(_) => "close",
            AtendimentoAction::Archive => "archive",
            AtendimentoAction::Unarchive => "unarchive",
            AtendimentoAction::Trash => "trash",
            AtendimentoAction::Restore => "restore",
            AtendimentoAction::Move(_) => "move",
            AtendimentoAction::SetDue(_) => "set_due",
            AtendimentoAction::ClearDue => "clear_due",
            AtendimentoAction::BindTag(_) => "bind_tag",
            AtendimentoAction::UnbindTag(_) => "unbind_tag",
        }
    }
}

/// Input of `atendimento.change`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeAtendimentoInput {
    /// The id of the user acting (must be authorised in the pipeline, FLX-1).
    pub user: String,
    /// The atendimento as it is now.
    pub atendimento: Atendimento,
    /// The pipeline it is in, as it is now.
    pub pipeline: Pipeline,
    /// What to do.
    pub action: AtendimentoAction,
    /// The date of the action (becomes `updated_on`); not before the last update.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
}

/// Outcome of `atendimento.change`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AtendimentoChange {
    /// The change was made.
    pub accepted: bool,
    /// The atendimento after the change (unchanged when refused).
    pub atendimento: Atendimento,
    /// The pipelines the change altered: for an accepted move, the source (one
    /// atendimento fewer) and the target (one more, with any tag created); else empty.
    pub pipelines: Vec<Pipeline>,
}

/// "Salvar" or "salvar e notificar" (ATD-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PostMode {
    /// Save for internal control only.
    #[default]
    Save,
    /// Save and send the client a copy by e-mail.
    SaveAndNotify,
}

/// Input of `atendimento.post`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostInteractionInput {
    /// The id of the user posting (must be authorised in the pipeline, FLX-1).
    pub user: String,
    /// The atendimento as it is now (must be active).
    pub atendimento: Atendimento,
    /// The pipeline it is in.
    pub pipeline: Pipeline,
    /// The interaction (MOV-1..3; `first_of_case` is set from the atendimento).
    pub interaction: Interaction,
    /// The date it is posted (becomes `updated_on`).
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// `save` (default) or `save_and_notify`.
    #[serde(default)]
    pub mode: PostMode,
    /// The user's e-mail account configured in the Webmail, if any.
    #[serde(default)]
    pub email_account: Option<String>,
    /// An e-mail template (modelo) to use; needs an e-mail account.
    #[serde(default)]
    pub template: Option<String>,
}

/// Outcome of `atendimento.post`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PostOutcome {
    /// The interaction was posted.
    pub accepted: bool,
    /// The atendimento with the interaction appended (unchanged when refused).
    pub atendimento: Atendimento,
    /// A copy goes to the client.
    pub notified: bool,
    /// The client's e-mail the copy goes to, when notified.
    pub notify_to: Option<String>,
    /// The interaction's warnings kept (`missing_link`, MOV-3).
    pub warnings: Vec<String>,
}

/// Input of `atendimento.overdue`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OverdueInput {
    /// The date to look on.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// The atendimentos to look through.
    pub atendimentos: Vec<Atendimento>,
}

/// How lateness is counted (`policy.atendimentos.overdue_in_business_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LatenessUnit {
    /// Calendar days after the due date.
    CalendarDays,
    /// Business days of the policy calendar after the due date.
    BusinessDays,
}

/// One overdue atendimento.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OverdueAtendimento {
    /// Its id.
    pub id: String,
    /// Its reference number.
    pub reference: String,
    /// Its pipeline.
    pub pipeline: String,
    /// Its responsible user.
    pub responsible: String,
    /// Its due date.
    pub due: NaiveDate,
    /// Days after the due date (in `unit`), at least 1.
    pub days_late: u32,
}

/// Outcome of `atendimento.overdue`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OverdueReport {
    /// How `days_late` is counted.
    pub unit: LatenessUnit,
    /// The overdue ones, in input order.
    pub overdue: Vec<OverdueAtendimento>,
    /// Active, open atendimentos with a due date that were looked at.
    pub checked: usize,
    /// Atendimentos not followed (archived, in the trash or closed), not reported.
    pub not_followed: usize,
}

/// Input of `atendimento.timeline`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineInput {
    /// The atendimento.
    pub atendimento: Atendimento,
}

/// What a timeline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// An interaction posted.
    Interaction,
    /// A version of a quote, awaiting approval or superseded.
    Quote,
    /// A sale: an approved version of a quote.
    Sale,
    /// A purchase (compra).
    Purchase,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimelineEntry {
    /// What it is.
    pub kind: TimelineKind,
    /// Its date.
    pub on: NaiveDate,
    /// Its position in its list of the atendimento (`interactions`, `quotes`, `purchases`).
    pub position: usize,
    /// A short summary: the interaction's channel and reason; the quote's id and
    /// version; the purchase's description.
    pub summary: String,
    /// Who posted it (interaction) or created it (quote, sale).
    pub by: Option<String>,
    /// Its value in centavos (quote, sale, purchase).
    pub value_centavos: Option<u64>,
}

/// Outcome of `atendimento.timeline`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Timeline {
    /// By date; on one date interactions, quotes, sales, purchases, each in list order.
    pub entries: Vec<TimelineEntry>,
}
