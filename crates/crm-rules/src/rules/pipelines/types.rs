//! The inputs and outcomes of the pipeline rules (FLX-1).

use serde::{Deserialize, Serialize};

use super::tags::TagAction;
use crate::model::Pipeline;

/// Input of `pipeline.create`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePipelineInput {
    /// The id of the user creating it (added to the authorised users when absent).
    pub user: String,
    /// The new pipeline's id.
    pub id: String,
    /// Name (nome do fluxo); must not be blank.
    pub name: String,
    /// Alias (pseudônimo); absent or blank: the name.
    #[serde(default)]
    pub alias: Option<String>,
    /// Description, shown under the name.
    #[serde(default)]
    pub description: Option<String>,
    /// The ids of the users authorised ("usuários autorizados").
    #[serde(default)]
    pub authorised_users: Vec<String>,
    /// Active ("o fluxo está ativo"); default `true`.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// What to do to a pipeline (FLX-1): `{"edit": {…}}`, `"activate"`, `"inactivate"`,
/// `{"set_users": {"users": […]}}` or `"delete"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PipelineAction {
    /// Change the name, the alias or the description (each only when given).
    Edit(EditPipeline),
    /// Mark it active: it takes new atendimentos again.
    Activate,
    /// Mark it inactive: it takes no new atendimentos.
    Inactivate,
    /// Replace the authorised users (at least one).
    SetUsers(SetUsers),
    /// Delete it (only when it holds no atendimentos).
    Delete,
}

/// The fields of an `edit`: each changes only when given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditPipeline {
    /// New name; must not be blank.
    #[serde(default)]
    pub name: Option<String>,
    /// New alias; blank: the name.
    #[serde(default)]
    pub alias: Option<String>,
    /// New description; blank: none.
    #[serde(default)]
    pub description: Option<String>,
}

/// The authorised users of a `set_users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetUsers {
    /// The ids of the users authorised from now on.
    pub users: Vec<String>,
}

impl PipelineAction {
    /// The name used in JSON, e.g. `set_users`.
    pub fn name(&self) -> &'static str {
        match self {
            PipelineAction::Edit(_) => "edit",
            PipelineAction::Activate => "activate",
            PipelineAction::Inactivate => "inactivate",
            PipelineAction::SetUsers(_) => "set_users",
            PipelineAction::Delete => "delete",
        }
    }
}

/// Input of `pipeline.change`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePipelineInput {
    /// The id of the user making the change (must be authorised).
    pub user: String,
    /// The pipeline as it is now.
    pub pipeline: Pipeline,
    /// What to do.
    pub action: PipelineAction,
}

/// Input of `pipeline.visible`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VisiblePipelinesInput {
    /// The id of the user asking.
    pub user: String,
    /// The pipelines to look through.
    pub pipelines: Vec<Pipeline>,
}

/// Input of `pipeline.can_add`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CanAddInput {
    /// The id of the user who wants to add an atendimento.
    pub user: String,
    /// The pipeline.
    pub pipeline: Pipeline,
}

/// Input of `tag.change`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeTagsInput {
    /// The id of the user making the change (must be authorised in the pipeline).
    pub user: String,
    /// The pipeline as it is now.
    pub pipeline: Pipeline,
    /// What to do to its tags.
    pub action: TagAction,
}

/// Input of `tag.can_bind`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CanBindInput {
    /// The id of the user who wants to bind the tag (must be authorised).
    pub user: String,
    /// The pipeline of the atendimento.
    pub pipeline: Pipeline,
    /// The tag's name (compared ignoring accents and case).
    pub tag: String,
}

/// Outcome of `pipeline.create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PipelineCreation {
    /// The pipeline may be created as asked.
    pub accepted: bool,
    /// The new pipeline, when accepted.
    pub pipeline: Option<Pipeline>,
}

/// Outcome of `pipeline.change`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PipelineChange {
    /// The change was made.
    pub accepted: bool,
    /// The pipeline after the change (unchanged when refused); null once deleted.
    pub pipeline: Option<Pipeline>,
    /// The pipeline was deleted.
    pub deleted: bool,
}

/// Outcome of `pipeline.visible`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VisiblePipelines {
    /// The ids of the pipelines the user sees, in input order.
    pub visible: Vec<String>,
    /// How many pipelines the user does not see.
    pub hidden: usize,
}

/// Outcome of `pipeline.can_add`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddPermission {
    /// The user may add an atendimento to the pipeline now.
    pub allowed: bool,
}
