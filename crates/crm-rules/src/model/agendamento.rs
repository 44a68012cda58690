//! Agendamento (scheduled follow-up) — seed 001, general §5 and sales §2–4.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The five kinds (tags) of agendamento (AGD-1). The seed's tag is accepted as an
/// alias when reading, e.g. `"#venda/tratativas com contato"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendamentoKind {
    /// `#venda/tratativas com contato`: quote sent, talks going on (AGD-2).
    #[serde(alias = "#venda/tratativas com contato")]
    SalesWithContact,
    /// `#venda/tratativas sem contato`: sales follow-up, nobody reached (AGD-3).
    #[serde(alias = "#venda/tratativas sem contato")]
    SalesWithoutContact,
    /// `#tratativas sem contato`: follow-up, nobody reached (AGD-3).
    #[serde(alias = "#tratativas sem contato")]
    WithoutContact,
    /// `#onboarding 1º contato`: first onboarding contact.
    #[serde(alias = "#onboarding 1º contato")]
    OnboardingFirstContact,
    /// `#suporte`: support follow-up.
    #[serde(alias = "#suporte")]
    Support,
}

/// Which deadline schedule a kind follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// AGD-2: 2 business days, renewable by 4, maximum 6.
    WithContact,
    /// AGD-3: 2 business days, no renewal.
    WithoutContact,
}

impl AgendamentoKind {
    /// Every kind, in declaration order.
    pub const ALL: [AgendamentoKind; 5] = [
        AgendamentoKind::SalesWithContact,
        AgendamentoKind::SalesWithoutContact,
        AgendamentoKind::WithoutContact,
        AgendamentoKind::OnboardingFirstContact,
        AgendamentoKind::Support,
    ];

    /// The seed's tag.
    pub fn tag(self) -> &'static str {
        match self {
            AgendamentoKind::SalesWithContact => "#venda/tratativas com contato",
            AgendamentoKind::SalesWithoutContact => "#venda/tratativas sem contato",
            AgendamentoKind::WithoutContact => "#tratativas sem contato",
            AgendamentoKind::OnboardingFirstContact => "#onboarding 1º contato",
            AgendamentoKind::Support => "#suporte",
        }
    }

    /// The deadline schedule. **Interpretation:** the seed gives deadlines for "with
    /// contact" and "without contact"; the kinds whose tag does not say "sem contato"
    /// (onboarding, support) follow the with-contact schedule.
    pub fn schedule(self) -> Schedule {
        match self {
            AgendamentoKind::SalesWithoutContact | AgendamentoKind::WithoutContact => Schedule::WithoutContact,
            AgendamentoKind::SalesWithContact | AgendamentoKind::OnboardingFirstContact | AgendamentoKind::Support => {
                Schedule::WithContact
            }
        }
    }

    /// Only a sales agendamento with contact holds the client for its owner (RCP-1).
    pub fn gives_sales_priority(self) -> bool {
        self == AgendamentoKind::SalesWithContact
    }

    /// The purpose implied by the kind when none is given.
    pub fn implied_purpose(self) -> Purpose {
        match self {
            AgendamentoKind::SalesWithContact | AgendamentoKind::SalesWithoutContact => Purpose::Sale,
            AgendamentoKind::OnboardingFirstContact => Purpose::Onboarding,
            AgendamentoKind::Support => Purpose::Support,
            AgendamentoKind::WithoutContact => Purpose::Other,
        }
    }
}

/// The kinds by name; where read (an input), the seed's tags are accepted too.
impl schemars::JsonSchema for AgendamentoKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AgendamentoKind".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut names: Vec<serde_json::Value> = Self::ALL.iter().filter_map(|k| serde_json::to_value(k).ok()).collect();
        if g.contract().is_deserialize() {
            names.extend(Self::ALL.iter().map(|k| serde_json::Value::from(k.tag())));
        }
        schemars::json_schema!({
            "description": "The kind (tag) of an agendamento (AGD-1).",
            "type": "string",
            "enum": names
        })
    }
}

/// What an agendamento is for; onboarding and inactivation never give sales
/// priority (AGD-4, `Policy.agendamento.no_sales_priority_purposes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A sale.
    Sale,
    /// Onboarding a new client.
    Onboarding,
    /// Inactivating an account.
    Inactivation,
    /// Support.
    Support,
    /// Anything else.
    Other,
}

/// A scheduled follow-up on an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agendamento {
    /// Identifier in the host CRM.
    #[serde(default)]
    pub id: Option<String>,
    /// Kind (tag), AGD-1.
    pub kind: AgendamentoKind,
    /// The product or service it is about (AGD-1: always named).
    pub subject: String,
    /// User who owns it.
    pub owner: String,
    /// Creation date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub created_on: NaiveDate,
    /// Deadline (last live day). When absent on input, creation + the initial days.
    #[serde(default, deserialize_with = "crate::date::de_opt_date")]
    pub deadline: Option<NaiveDate>,
    /// Renewals granted so far.
    #[serde(default)]
    pub renewals: u32,
    /// A manager validated it as an exception (AGD-3, AGD-4).
    #[serde(default)]
    pub manager_validated: bool,
    /// What it is for; when absent, implied by the kind.
    #[serde(default)]
    pub purpose: Option<Purpose>,
}

impl Agendamento {
    /// The purpose, given or implied by the kind.
    pub fn effective_purpose(&self) -> Purpose {
        self.purpose.unwrap_or_else(|| self.kind.implied_purpose())
    }
}
