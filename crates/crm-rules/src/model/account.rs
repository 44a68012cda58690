//! Accounts (contas) as the sales rules see them: status, debts, open boletos,
//! registration data and agendamentos (seed 001, sales §1, §5–7; general §3).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Agendamento;

/// Whether the account is active, and how it was inactivated.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum AccountStatus {
    /// Active client.
    #[default]
    Active,
    /// Inactivated by a user (REI-1).
    InactiveManual {
        /// User who inactivated it.
        by: String,
        /// Date of the inactivation.
        #[serde(deserialize_with = "crate::date::de_date")]
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        on: NaiveDate,
        /// The client answered the inactivation message (even negatively).
        client_answered: bool,
    },
    /// Inactivated automatically (REI-2).
    InactiveAutomatic {
        /// Date of the inactivation.
        #[serde(deserialize_with = "crate::date::de_date")]
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        on: NaiveDate,
    },
}

/// A debt (dívida) of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Debt {
    /// Identifier in the host system.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string | null"))]
    pub id: Option<String>,
    /// Since when it is owed.
    #[serde(deserialize_with = "crate::date::de_date")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub since: NaiveDate,
    /// Amount in centavos (BRL).
    pub amount_centavos: u64,
}

/// An open (unpaid) boleto (bank slip).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Boleto {
    /// Identifier in the host system.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string | null"))]
    pub id: Option<String>,
    /// Due date.
    #[serde(deserialize_with = "crate::date::de_date")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub due: NaiveDate,
    /// Amount in centavos (BRL).
    pub amount_centavos: u64,
}

/// An account (conta) with what the sales rules need.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Account {
    /// Identifier in the host CRM.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string | null"))]
    pub id: Option<String>,
    /// Active or inactive (and how).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub status: AccountStatus,
    /// Registration data by field name (name, document, email, phone, …).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub registration: BTreeMap<String, String>,
    /// Debts.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub debts: Vec<Debt>,
    /// Open boletos.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub open_boletos: Vec<Boleto>,
    /// Agendamentos on the account.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub agendamentos: Vec<Agendamento>,
}
