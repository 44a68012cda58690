//! Accounts (contas) as the sales rules see them: status, debts, open boletos,
//! registration data and agendamentos (seed 001, sales §1, §5–7; general §3).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Agendamento;

/// Whether the account is active, and how it was inactivated.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "RawStatus")]
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
        on: NaiveDate,
        /// The client answered the inactivation message (even negatively).
        client_answered: bool,
    },
    /// Inactivated automatically (REI-2).
    InactiveAutomatic {
        /// Date of the inactivation.
        #[serde(deserialize_with = "crate::date::de_date")]
        on: NaiveDate,
    },
}

/// The flat form `AccountStatus` is read through, so that errors keep the exact field
/// path (serde loses it inside internally tagged enums).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    state: StateName,
    #[serde(default)]
    by: Option<String>,
    #[serde(default, deserialize_with = "crate::date::de_opt_date")]
    on: Option<NaiveDate>,
    #[serde(default)]
    client_answered: Option<bool>,
}

/// Read through `RawStatus`, an `AccountStatus` still has the shape it is written
/// in: its schema is the enum's own (one object per `state`).
impl schemars::JsonSchema for RawStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AccountStatus".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut written = schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator();
        AccountStatus::json_schema(&mut written)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StateName {
    Active,
    InactiveManual,
    InactiveAutomatic,
}

impl TryFrom<RawStatus> for AccountStatus {
    type Error = String;

    fn try_from(r: RawStatus) -> Result<Self, String> {
        let missing = |f: &str| format!("missing field `{f}`");
        let unexpected = |f: &str, state: &str| format!("unknown field `{f}`: not used by state `{state}`");
        match r.state {
            StateName::Active => match (&r.by, &r.on, &r.client_answered) {
                (Some(_), _, _) => Err(unexpected("by", "active")),
                (_, Some(_), _) => Err(unexpected("on", "active")),
                (_, _, Some(_)) => Err(unexpected("client_answered", "active")),
                _ => Ok(AccountStatus::Active),
            },
            StateName::InactiveManual => Ok(AccountStatus::InactiveManual {
                by: r.by.ok_or_else(|| missing("by"))?,
                on: r.on.ok_or_else(|| missing("on"))?,
                client_answered: r.client_answered.ok_or_else(|| missing("client_answered"))?,
            }),
            StateName::InactiveAutomatic => {
                if r.by.is_some() {
                    return Err(unexpected("by", "inactive_automatic"));
                }
                if r.client_answered.is_some() {
                    return Err(unexpected("client_answered", "inactive_automatic"));
                }
                Ok(AccountStatus::InactiveAutomatic { on: r.on.ok_or_else(|| missing("on"))? })
            }
        }
    }
}

/// A debt (dívida) of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Debt {
    /// Identifier in the host system.
    #[serde(default)]
    pub id: Option<String>,
    /// Since when it is owed.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub since: NaiveDate,
    /// Amount in centavos (BRL).
    pub amount_centavos: u64,
}

/// An open (unpaid) boleto (bank slip).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boleto {
    /// Identifier in the host system.
    #[serde(default)]
    pub id: Option<String>,
    /// Due date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub due: NaiveDate,
    /// Amount in centavos (BRL).
    pub amount_centavos: u64,
}

/// An account (conta) with what the sales rules need.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Identifier in the host CRM.
    #[serde(default)]
    pub id: Option<String>,
    /// Active or inactive (and how).
    #[serde(default)]
    pub status: AccountStatus,
    /// Registration data by field name (name, document, email, phone, …).
    #[serde(default)]
    pub registration: BTreeMap<String, String>,
    /// Debts.
    #[serde(default)]
    pub debts: Vec<Debt>,
    /// Open boletos.
    #[serde(default)]
    pub open_boletos: Vec<Boleto>,
    /// Agendamentos on the account.
    #[serde(default)]
    pub agendamentos: Vec<Agendamento>,
}
