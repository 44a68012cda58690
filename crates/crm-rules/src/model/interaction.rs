//! Interactions (movimentações) — seed 001, general procedures §1–2.

use serde::{Deserialize, Serialize};

use super::Channel;

fn yes() -> bool {
    true
}

/// One recorded contact with a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    /// Channel.
    pub channel: Channel,
    /// Why the contact happened (retorno de erro, venda, oferecimento de produto, …).
    #[serde(default)]
    pub reason: Option<String>,
    /// The client answered (for calls).
    #[serde(default = "yes")]
    pub answered: bool,
    /// Recorded as a contact attempt (tentativa).
    #[serde(default)]
    pub recorded_as_attempt: bool,
    /// Free-text note of what was done.
    #[serde(default)]
    pub note: Option<String>,
    /// Link to the external conversation/task/deal (e.g. Bitrix).
    #[serde(default)]
    pub link: Option<String>,
    /// First interaction of the case.
    #[serde(default)]
    pub first_of_case: bool,
    /// This interaction closes an agendamento.
    #[serde(default)]
    pub closes_agendamento: bool,
}
