//! `Policy`: every number and list of the procedures, with the seeds' values as
//! defaults. Loaded from JSON or TOML, validated with errors that name the field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{CrmError, Result};
use crate::model::Purpose;
use crate::serde_input;

mod accounts;
mod atendimentos;

pub use accounts::{AccountsPolicy, ClassificationMove, LossesPolicy};
pub use atendimentos::AtendimentosPolicy;

/// The longest span, in days, any policy number may give (ten years).
const MAX_DAYS: u32 = 3660;

/// Brazilian federative units (UF) whose state holidays can be enabled.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Uf {
    AC,
    AL,
    AM,
    AP,
    BA,
    CE,
    DF,
    ES,
    GO,
    MA,
    MG,
    MS,
    MT,
    PA,
    PB,
    PE,
    PI,
    PR,
    RJ,
    RN,
    RO,
    RR,
    RS,
    SC,
    SE,
    SP,
    TO,
}

impl Uf {
    /// All 27 units, in alphabetical order of their codes.
    pub const ALL: [Uf; 27] = [
        Uf::AC,
        Uf::AL,
        Uf::AM,
        Uf::AP,
        Uf::BA,
        Uf::CE,
        Uf::DF,
        Uf::ES,
        Uf::GO,
        Uf::MA,
        Uf::MG,
        Uf::MS,
        Uf::MT,
        Uf::PA,
        Uf::PB,
        Uf::PE,
        Uf::PI,
        Uf::PR,
        Uf::RJ,
        Uf::RN,
        Uf::RO,
        Uf::RR,
        Uf::RS,
        Uf::SC,
        Uf::SE,
        Uf::SP,
        Uf::TO,
    ];

    /// The two-letter code, e.g. `"SP"`.
    pub fn code(self) -> &'static str {
        match self {
            Uf::AC => "AC",
            Uf::AL => "AL",
            Uf::AM => "AM",
            Uf::AP => "AP",
            Uf::BA => "BA",
            Uf::CE => "CE",
            Uf::DF => "DF",
            Uf::ES => "ES",
            Uf::GO => "GO",
            Uf::MA => "MA",
            Uf::MG => "MG",
            Uf::MS => "MS",
            Uf::MT => "MT",
            Uf::PA => "PA",
            Uf::PB => "PB",
            Uf::PE => "PE",
            Uf::PI => "PI",
            Uf::PR => "PR",
            Uf::RJ => "RJ",
            Uf::RN => "RN",
            Uf::RO => "RO",
            Uf::RR => "RR",
            Uf::RS => "RS",
            Uf::SC => "SC",
            Uf::SE => "SE",
            Uf::SP => "SP",
            Uf::TO => "TO",
        }
    }
}

/// A holiday that repeats every year on the same month and day (e.g. a municipal one).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecurringHoliday {
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31 (a 29 February only counts in leap years).
    pub day: u32,
    /// Name shown in reasons and in `holidays_in`.
    pub name: String,
    /// First year it applies (inclusive); none = always.
    #[serde(default)]
    pub from_year: Option<i32>,
    /// Last year it applies (inclusive); none = always.
    #[serde(default)]
    pub until_year: Option<i32>,
}

/// A single closed date (company closure).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedClosure {
    /// The closed date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub date: NaiveDate,
    /// Name shown in reasons and in `holidays_in`.
    pub name: String,
}

/// Which days are not business days (CAL-BD-1). National holidays always apply.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarPolicy {
    /// Carnival Monday and Tuesday closed (pontos facultativos). Default: open.
    pub carnival: bool,
    /// Ash Wednesday closed (ponto facultativo until 14h). Default: a business day.
    pub ash_wednesday: bool,
    /// Corpus Christi closed. Default: open.
    pub corpus_christi: bool,
    /// States (UF) whose state holidays apply.
    pub states: Vec<Uf>,
    /// Municipal (or other recurring) holidays.
    pub municipal_holidays: Vec<RecurringHoliday>,
    /// Company closures on given dates.
    pub company_closures: Vec<DatedClosure>,
    /// Dates worked even though they fall on a weekend or a holiday.
    #[serde(deserialize_with = "crate::date::de_date_vec")]
    pub extra_working_days: Vec<NaiveDate>,
}

/// Deadlines of agendamentos (AGD-2..4), in business days of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AgendamentoPolicy {
    /// AGD-2: deadline of an agendamento with contact, from creation. Seed: 2.
    pub with_contact_initial_days: u32,
    /// AGD-2: business days one renewal adds. Seed: 4.
    pub with_contact_renewal_days: u32,
    /// AGD-2: hard maximum from creation. Seed: 6.
    pub with_contact_max_days: u32,
    /// AGD-3: deadline of an agendamento without contact. Seed: 2.
    pub without_contact_initial_days: u32,
    /// AGD-3: maximum without contact (no renewal). Seed: 2.
    pub without_contact_max_days: u32,
    /// AGD-4: an agendamento longer than this (creation to deadline) is disregarded
    /// unless a manager validated it. Seed: 7.
    pub disregard_after_days: u32,
    /// AGD-4: purposes that never give sales priority. Seed: onboarding, inactivation.
    pub no_sales_priority_purposes: Vec<Purpose>,
}

impl Default for AgendamentoPolicy {
    fn default() -> Self {
        AgendamentoPolicy {
            with_contact_initial_days: 2,
            with_contact_renewal_days: 4,
            with_contact_max_days: 6,
            without_contact_initial_days: 2,
            without_contact_max_days: 2,
            disregard_after_days: 7,
            no_sales_priority_purposes: vec![Purpose::Onboarding, Purpose::Inactivation],
        }
    }
}

/// Reinstatement of inactivated accounts (REI-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ReinstatementPolicy {
    /// REI-1: calendar days after a manual inactivation during which the client, if
    /// they answered the message, goes back to who inactivated them. Seed: 15.
    pub manual_window_days: u32,
}

impl Default for ReinstatementPolicy {
    fn default() -> Self {
        ReinstatementPolicy { manual_window_days: 15 }
    }
}

/// Contracting with a debt (DEB-1..2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DebtPolicy {
    /// DEB-1: a debt older than this many months is forgiven on contracting. Seed: one year.
    pub forgive_after_months: u32,
}

impl Default for DebtPolicy {
    fn default() -> Self {
        DebtPolicy { forgive_after_months: 12 }
    }
}

/// Contracting by third parties (TPC-1..3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ThirdPartyPolicy {
    /// TPC-1: registration fields a third party must confirm correctly.
    pub confirmation_fields: Vec<String>,
    /// TPC-3: fields whose change needs the holder's validation.
    pub sensitive_fields: Vec<String>,
}

impl Default for ThirdPartyPolicy {
    fn default() -> Self {
        ThirdPartyPolicy {
            confirmation_fields: vec!["name".into(), "document".into()],
            sensitive_fields: vec!["name".into(), "document".into(), "email".into(), "administrator".into()],
        }
    }
}

/// Recording interactions (MOV-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct InteractionPolicy {
    /// MOV-1: the accepted contact reasons; empty = any non-empty reason.
    pub allowed_reasons: Vec<String>,
}

/// Weights of the fields that match between duplicate records (CAD-5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DuplicateWeights {
    /// Same CPF/CNPJ.
    pub document: f64,
    /// A same e-mail.
    pub email: f64,
    /// A same phone.
    pub phone: f64,
    /// Similar names.
    pub name: f64,
}

impl Default for DuplicateWeights {
    fn default() -> Self {
        DuplicateWeights { document: 0.6, email: 0.4, phone: 0.3, name: 0.3 }
    }
}

/// Duplicate registrations (CAD-5, CAD-6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DuplicatesPolicy {
    /// CAD-5: weight of each matching field.
    pub weights: DuplicateWeights,
    /// CAD-5: a pair is a candidate from this score on (0–1).
    pub threshold: f64,
    /// CAD-5: two name keys match from this similarity on (0–1).
    pub name_similarity: f64,
    /// CAD-5: words ignored when comparing names.
    pub name_particles: Vec<String>,
    /// CAD-6: the team that handles duplicates (seed: `central`); any team name.
    pub team: String,
    /// CAD-6: the general onboarding checklist of a registration task.
    pub onboarding_checklist: Vec<String>,
    /// CAD-6: the steps specific to a duplicate.
    pub duplicate_steps: Vec<String>,
}

impl Default for DuplicatesPolicy {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect();
        DuplicatesPolicy {
            weights: DuplicateWeights::default(),
            threshold: 0.5,
            name_similarity: 0.88,
            name_particles: s(&["de", "da", "do", "dos", "das", "e"]),
            team: "central".to_owned(),
            onboarding_checklist: s(&[
                "Habilitar intimação",
                "Fazer o onboarding (ligação)",
                "Apresentar o sistema",
                "Agendar treinamentos",
                "Incluir mais produtos (mais advogados, estados e beneficiários)",
            ]),
            duplicate_steps: s(&[
                "Informar a duplicidade ao cliente",
                "Fazer o ajuste do cadastro",
                "Verificar qual ficha deseja ser mantida",
            ]),
        }
    }
}

/// Every configurable number and list, with the seeds' values as defaults.
///
/// ```
/// use crm_rules::Policy;
/// let p = Policy::from_json_str(r#"{"calendar": {"states": ["SP"]}}"#).unwrap();
/// assert_eq!(p.agendamento.with_contact_max_days, 6);
/// let e = Policy::from_json_str(r#"{"agendamento": {"with_contact_max_days": 1}}"#).unwrap_err();
/// assert_eq!(e.code(), "policy.invalid");
/// assert_eq!(e.path(), Some("policy.agendamento.with_contact_max_days"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Business-day calendar (CAL-BD).
    pub calendar: CalendarPolicy,
    /// Agendamento deadlines (AGD).
    pub agendamento: AgendamentoPolicy,
    /// Reinstatement (REI).
    pub reinstatement: ReinstatementPolicy,
    /// Debt (DEB).
    pub debt: DebtPolicy,
    /// Third-party contracting (TPC).
    pub third_party: ThirdPartyPolicy,
    /// Interactions (MOV).
    pub interaction: InteractionPolicy,
    /// Duplicate registrations (CAD-5, CAD-6).
    pub duplicates: DuplicatesPolicy,
    /// Accounts: catalogues and classification moves (ACC).
    pub accounts: AccountsPolicy,
    /// Losses: pending matters, reasons, review period (DSC).
    pub losses: LossesPolicy,
    /// Atendimentos: funnel phases, the sale phase, closing statuses, lateness (ATD).
    #[serde(default)]
    pub atendimentos: AtendimentosPolicy,
}

impl Policy {
    /// Parses and validates a policy from JSON text. Error paths start with `policy`.
    pub fn from_json_str(s: &str) -> Result<Policy> {
        let v: serde_json::Value =
            serde_json::from_str(s).map_err(|e| CrmError::policy("policy", format!("not valid JSON: {e}")))?;
        Policy::from_value(v)
    }

    /// Parses and validates a policy from TOML text.
    ///
    /// ```
    /// let p = crm_rules::Policy::from_toml_str("[calendar]\ncarnival = true\n").unwrap();
    /// assert!(p.calendar.carnival);
    /// ```
    pub fn from_toml_str(s: &str) -> Result<Policy> {
        let v: serde_json::Value =
            toml::from_str(s).map_err(|e| CrmError::policy("policy", format!("not valid TOML: {e}")))?;
        Policy::from_value(v)
    }

    /// Parses and validates a policy from a JSON value.
    pub fn from_value(v: serde_json::Value) -> Result<Policy> {
        if !v.is_object() {
            // serde would read a struct from an array too (`[]` as the defaults).
            return Err(CrmError::InvalidPolicy {
                path: Some("policy".into()),
                message: "a policy is an object".into(),
            });
        }
        let p: Policy = serde_input::from_value(v).map_err(|e| as_policy_error(e).prefixed("policy"))?;
        p.validate()?;
        Ok(p)
    }

    /// The policy as JSON.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Checks the consistency of the numbers and lists.
    pub fn validate(&self) -> Result<()> {
        let a = &self.agendamento;
        let f = |name: &str| format!("policy.agendamento.{name}");
        if a.with_contact_initial_days == 0 {
            return Err(CrmError::policy(f("with_contact_initial_days"), "must be at least 1 business day"));
        }
        if a.without_contact_initial_days == 0 {
            return Err(CrmError::policy(f("without_contact_initial_days"), "must be at least 1 business day"));
        }
        if a.with_contact_max_days < a.with_contact_initial_days {
            return Err(CrmError::policy(
                f("with_contact_max_days"),
                format!(
                    "the maximum ({}) must be at least the initial deadline ({})",
                    a.with_contact_max_days, a.with_contact_initial_days
                ),
            ));
        }
        if a.without_contact_max_days < a.without_contact_initial_days {
            return Err(CrmError::policy(
                f("without_contact_max_days"),
                format!(
                    "the maximum ({}) must be at least the initial deadline ({})",
                    a.without_contact_max_days, a.without_contact_initial_days
                ),
            ));
        }
        // Day counts are business days of a 300-year calendar: anything above this is a typo.
        for (name, v) in [
            ("with_contact_initial_days", a.with_contact_initial_days),
            ("with_contact_renewal_days", a.with_contact_renewal_days),
            ("with_contact_max_days", a.with_contact_max_days),
            ("without_contact_initial_days", a.without_contact_initial_days),
            ("without_contact_max_days", a.without_contact_max_days),
            ("disregard_after_days", a.disregard_after_days),
        ] {
            if v > MAX_DAYS {
                return Err(CrmError::policy(f(name), format!("{v} business days is more than {MAX_DAYS}")));
            }
        }
        for (i, h) in self.calendar.municipal_holidays.iter().enumerate() {
            let path = format!("policy.calendar.municipal_holidays[{i}]");
            // 2000 is a leap year, so 29 February is accepted here.
            if NaiveDate::from_ymd_opt(2000, h.month, h.day).is_none() {
                return Err(CrmError::policy(
                    format!("{path}.day"),
                    format!("{}/{} is not a day of the year", h.day, h.month),
                ));
            }
            if h.name.trim().is_empty() {
                return Err(CrmError::policy(format!("{path}.name"), "must not be empty"));
            }
            if let (Some(a), Some(b)) = (h.from_year, h.until_year) {
                if b < a {
                    return Err(CrmError::policy(format!("{path}.until_year"), "must not be before from_year"));
                }
            }
        }
        if self.reinstatement.manual_window_days > MAX_DAYS {
            return Err(CrmError::policy(
                "policy.reinstatement.manual_window_days",
                format!("more than {MAX_DAYS} days"),
            ));
        }
        if self.debt.forgive_after_months > 1200 {
            return Err(CrmError::policy("policy.debt.forgive_after_months", "more than 1200 months"));
        }
        let d = &self.duplicates;
        for (name, v) in [
            ("weights.document", d.weights.document),
            ("weights.email", d.weights.email),
            ("weights.phone", d.weights.phone),
            ("weights.name", d.weights.name),
            ("threshold", d.threshold),
            ("name_similarity", d.name_similarity),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(CrmError::policy(
                    format!("policy.duplicates.{name}"),
                    format!("{} is not between 0 and 1", crate::text::decimal(v)),
                ));
            }
        }
        if d.team.trim().is_empty() {
            return Err(CrmError::policy("policy.duplicates.team", "must not be empty"));
        }
        for (list, values) in [
            ("third_party.confirmation_fields", &self.third_party.confirmation_fields),
            ("third_party.sensitive_fields", &self.third_party.sensitive_fields),
            ("interaction.allowed_reasons", &self.interaction.allowed_reasons),
            ("duplicates.name_particles", &self.duplicates.name_particles),
            ("duplicates.onboarding_checklist", &self.duplicates.onboarding_checklist),
            ("duplicates.duplicate_steps", &self.duplicates.duplicate_steps),
        ] {
            if let Some(i) = values.iter().position(|v| v.trim().is_empty()) {
                return Err(CrmError::policy(format!("policy.{list}[{i}]"), "must not be empty"));
            }
        }
        accounts::validate(&self.accounts, &self.losses)?;
        atendimentos::validate(&self.atendimentos)?;
        for (i, c) in self.calendar.company_closures.iter().enumerate() {
            if c.name.trim().is_empty() {
                return Err(CrmError::policy(
                    format!("policy.calendar.company_closures[{i}].name"),
                    "must not be empty",
                ));
            }
        }
        Ok(())
    }
}

/// Any problem while reading a policy is a policy error, whatever serde said.
fn as_policy_error(e: CrmError) -> CrmError {
    match e {
        CrmError::InvalidPolicy { .. } | CrmError::UnknownRule { .. } => e,
        CrmError::MissingField { path } => {
            CrmError::InvalidPolicy { path, message: "required field is missing".into() }
        }
        CrmError::InvalidInput { path, message }
        | CrmError::InvalidDate { path, message }
        | CrmError::OutOfRange { path, message } => CrmError::InvalidPolicy { path, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_seed_values() {
        let p = Policy::default();
        assert_eq!(p.agendamento.with_contact_initial_days, 2);
        assert_eq!(p.agendamento.with_contact_renewal_days, 4);
        assert_eq!(p.agendamento.with_contact_max_days, 6);
        assert_eq!(p.agendamento.without_contact_initial_days, 2);
        assert_eq!(p.agendamento.without_contact_max_days, 2);
        assert_eq!(p.agendamento.disregard_after_days, 7);
        assert!(!p.calendar.carnival && !p.calendar.ash_wednesday && !p.calendar.corpus_christi);
        assert!(p.validate().is_ok());
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (r#"{"agendamento": {"with_contact_max_days": -1}}"#, "policy.agendamento.with_contact_max_days"),
            (
                r#"{"agendamento": {"without_contact_max_days": 1, "without_contact_initial_days": 2}}"#,
                "policy.agendamento.without_contact_max_days",
            ),
            (r#"{"calendar": {"states": ["SP", "XX"]}}"#, "policy.calendar.states[1]"),
            (r#"{"calendar": {"extra_working_days": ["2026-02-30"]}}"#, "policy.calendar.extra_working_days[0]"),
            (
                r#"{"calendar": {"municipal_holidays": [{"month": 2, "day": 30, "name": "x"}]}}"#,
                "policy.calendar.municipal_holidays[0].day",
            ),
            (r#"{"calendr": {}}"#, "policy.calendr"),
        ];
        for (json, path) in cases {
            let e = Policy::from_json_str(json).unwrap_err();
            assert_eq!((e.code(), e.path()), ("policy.invalid", Some(path)), "{json}: {e}");
        }
    }

    #[test]
    fn toml_and_json_agree() {
        let t = Policy::from_toml_str(
            "[calendar]\nstates = [\"RJ\"]\ncarnival = true\n[agendamento]\nwith_contact_max_days = 8\n",
        )
        .unwrap();
        let j = Policy::from_json_str(
            r#"{"calendar":{"states":["RJ"],"carnival":true},"agendamento":{"with_contact_max_days":8}}"#,
        )
        .unwrap();
        assert_eq!(t, j);
        assert_eq!(Policy::from_value(j.to_value()).unwrap(), j);
    }
}
