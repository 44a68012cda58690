//! An atendimento (a case followed inside a pipeline) — seed 003 ("Criar Atendimentos",
//! "Gerenciar atendimentos dentro de fluxos"), seed 000 §1–2 (ATD-1..5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Interaction, Quote};

/// Where an atendimento stands in its lifecycle (ATD-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// In the pipeline's main list.
    Active,
    /// Archived ("arquivados"); can be unarchived.
    Archived,
    /// In the trash ("lixeira"); can be restored to the state it had.
    Trash,
}

impl Lifecycle {
    /// The name used in JSON, e.g. `archived`.
    pub fn name(self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::Archived => "archived",
            Lifecycle::Trash => "trash",
        }
    }
}

fn active() -> Lifecycle {
    Lifecycle::Active
}

/// The contact an atendimento is about, as registered (seed 000 §1: name, phone, e-mail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AtendimentoContact {
    /// The registered contact's id (CAD-1/CAD-3: registered before the atendimento).
    pub id: String,
    /// Name.
    pub name: String,
    /// Phone, as typed.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail, as typed.
    #[serde(default)]
    pub email: Option<String>,
}

/// How an atendimento was concluded (seed 000 §1: the status reached and the notes; MOV-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    /// The status it was closed with (e.g. `Venda`, `Resolvido`).
    pub status: String,
    /// What was done (never empty nor just dots, MOV-2).
    pub note: String,
    /// When.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
}

/// The value and conditions of the sale an atendimento was marked with (seed 000 §2,
/// ORC-1): from an approved quote of the atendimento, or given when marking it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SaleRecord {
    /// Value of the sale, in centavos.
    pub value_centavos: u64,
    /// Payment conditions (condições).
    pub conditions: String,
    /// The approved quote it comes from, when it comes from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// That quote's approved version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

/// One interaction posted on an atendimento (ATD-2), dated, by a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostedInteraction {
    /// When it was posted.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// The user who posted it.
    pub by: String,
    /// The interaction itself (MOV-1..3 apply).
    pub interaction: Interaction,
    /// A copy was sent to the client by e-mail ("salvar e notificar").
    #[serde(default)]
    pub notified: bool,
    /// The e-mail template (modelo) used, if any (needs an e-mail account, ATD-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
}

/// An atendimento: a case followed inside a pipeline (ATD-1..5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Atendimento {
    /// Identifier.
    pub id: String,
    /// Reference number shown in the list (referência), e.g. `1042`.
    pub reference: String,
    /// Title.
    pub title: String,
    /// The pipeline (fluxo) it belongs to.
    pub pipeline: String,
    /// The account (client) it is about.
    pub account: String,
    /// The contact, as registered.
    pub contact: AtendimentoContact,
    /// Why the client got in touch (motivo do contato).
    pub reason: String,
    /// The current status (situação), e.g. `Em negociação`; for a sales pipeline, the
    /// funnel phase it is in (000 §2).
    pub status: String,
    /// Lifecycle: active, archived or in the trash.
    #[serde(default = "active")]
    pub lifecycle: Lifecycle,
    /// While in the trash: the lifecycle it had before, to restore it exactly.
    #[serde(default)]
    pub before_trash: Option<Lifecycle>,
    /// Names of the pipeline's tags bound to it (never `TODOS`, which is every one).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Due date (vencimento), if one is set.
    #[serde(default, deserialize_with = "crate::date::de_opt_date")]
    pub due: Option<NaiveDate>,
    /// How it was concluded, once closed.
    #[serde(default)]
    pub closing: Option<Closing>,
    /// The user responsible for it.
    pub responsible: String,
    /// Created on.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub created_on: NaiveDate,
    /// Last updated on.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub updated_on: NaiveDate,
    /// Its interactions, oldest first.
    #[serde(default)]
    pub interactions: Vec<PostedInteraction>,
    /// Its quotes and sales (every version, as `quote.*` keeps them), each dated.
    #[serde(default)]
    pub quotes: Vec<DatedQuote>,
    /// Its purchases (compras).
    #[serde(default)]
    pub purchases: Vec<Purchase>,
    /// The sale it was marked with (status `Venda`, 000 §2): value and conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sale: Option<SaleRecord>,
}

/// A version of a quote (or a sale: an approved one) registered on an atendimento.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedQuote {
    /// When this version was registered (for a sale: approved).
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// The version.
    pub quote: Quote,
}

/// A purchase (compra) registered on an atendimento (seed 003, "nova compra").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purchase {
    /// When.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// What was bought.
    pub description: String,
    /// Value in centavos.
    pub value_centavos: u64,
}
