//! Interactions (movimentações) — seed 001, general procedures §1–2.

use serde::{Deserialize, Serialize};

use super::Channel;

fn yes() -> bool {
    true
}

/// One recorded contact with a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Interaction {
    /// Channel.
    pub channel: Channel,
    /// Why the contact happened (retorno de erro, venda, oferecimento de produto, …).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string | null"))]
    pub reason: Option<String>,
    /// The client answered (for calls).
    #[serde(default = "yes")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub answered: bool,
    /// Recorded as a contact attempt (tentativa).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub recorded_as_attempt: bool,
    /// Free-text note of what was done.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string | null"))]
    pub note: Option<String>,
    /// Link to the external conversation/task/deal (e.g. Bitrix).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string | null"))]
    pub link: Option<String>,
    /// First interaction of the case.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub first_of_case: bool,
    /// This interaction closes an agendamento.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub closes_agendamento: bool,
}
