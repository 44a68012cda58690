//! An account as the accounts module keeps it (seed 002): classification, responsibles,
//! contacts, relationships, characteristics, interests, unmet needs and documents
//! (ACC-1, ACC-3); the user asking and the reach of their portfolio (ACC-2); and a
//! client recorded as a loss (DSC-1..3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How an account is classified (ACC-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// Lead: a possible client, not yet classified by interests.
    Lead,
    /// Prospect: fits the profile of a future client, showed interest, has not bought.
    Prospect,
    /// Cliente: has a contracted commercial relationship.
    Client,
    /// Outros: a fourth kind, named by `other_label`.
    Other,
}

impl Classification {
    /// The name used in JSON, e.g. `prospect`.
    pub fn name(self) -> &'static str {
        match self {
            Classification::Lead => "lead",
            Classification::Prospect => "prospect",
            Classification::Client => "client",
            Classification::Other => "other",
        }
    }
}

/// A person the company relates to at the account (contato).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountContact {
    /// Name.
    pub name: String,
    /// CPF (checked by the identifiers, CAD-4).
    #[serde(default)]
    pub cpf: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Phones.
    #[serde(default)]
    pub phones: Vec<String>,
}

/// An interdependence with another account, and why (relacionamento).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// The other account's id.
    pub account: String,
    /// Why they are related.
    pub reason: String,
}

/// An area of interest of the account, interested or not (área de interesse).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestArea {
    /// The area (from `Policy.accounts.interest_areas` when it is set).
    pub area: String,
    /// Interested (`true`) or not interested (`false`: a disinterest).
    pub interested: bool,
}

/// A document attached to the account: its metadata only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// File or title.
    pub name: String,
    /// Kind (contrato, procuração, …).
    pub kind: String,
    /// Date of the document.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub date: NaiveDate,
}

/// An account of the accounts module (ACC-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountRecord {
    /// Identifier.
    pub id: String,
    /// Name (razão social or the person's name).
    pub name: String,
    /// Classification (ACC-1).
    pub classification: Classification,
    /// The fourth kind's name, when `classification` is `other`.
    #[serde(default)]
    pub other_label: Option<String>,
    /// Responsibles: the users who administer the account (its portfolio).
    #[serde(default)]
    pub responsibles: Vec<String>,
    /// Contacts.
    #[serde(default)]
    pub contacts: Vec<AccountContact>,
    /// Relationships to other accounts.
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// Characteristics (from `Policy.accounts.characteristics` when it is set).
    #[serde(default)]
    pub characteristics: Vec<String>,
    /// Areas of interest and disinterest.
    #[serde(default)]
    pub interests: Vec<InterestArea>,
    /// Needs not met yet: possible offers.
    #[serde(default)]
    pub unmet_needs: Vec<String>,
    /// Documents (metadata).
    #[serde(default)]
    pub documents: Vec<DocumentMeta>,
}

/// How far a user's portfolio reaches (abrangência de acesso, ACC-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Only the accounts the user is responsible for.
    Own,
    /// Also the accounts one of the user's team is responsible for.
    Team,
    /// Every account.
    All,
}

/// The user acting or asking (ACC-2): who they are, their scope and their team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortfolioUser {
    /// User id.
    pub id: String,
    /// Scope of the user's portfolio.
    pub scope: Scope,
    /// The ids of the users in this user's team (used by the `team` scope).
    #[serde(default)]
    pub team: Vec<String>,
}

/// A client recorded as a loss to be analysed (DSC-1, DSC-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Loss {
    /// The account.
    pub account: String,
    /// The pending matter the client came back for (from `Policy.losses.pending_matters`).
    pub pending_matter: String,
    /// The loss reason (from `Policy.losses.loss_reasons`, or `other`).
    pub reason: String,
    /// The text of an `other` reason.
    #[serde(default)]
    pub other_reason: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub recorded_on: NaiveDate,
    /// When it was last reviewed (DSC-3), if ever.
    #[serde(default, deserialize_with = "crate::date::de_opt_date")]
    pub last_reviewed_on: Option<NaiveDate>,
}
