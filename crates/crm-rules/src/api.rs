//! The JSON entry point: `evaluate(rule, input)`, the one request/answer layer that
//! the Python and wasm bindings wrap.
//!
//! Every input is a JSON object; it may carry a (partial) `"policy"`. Every answer is
//! a [`Decision`](crate::Decision) as JSON: `{"outcome": ..., "reasons": [...]}`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::context::Context;
use crate::decision::Decision;
use crate::error::{CrmError, Result};
use crate::model::{Agendamento, InboundContact, Interaction};
use crate::policy::Policy;
use crate::rules;
use crate::serde_input::from_value;

/// Every rule name `evaluate` knows, stable across versions.
pub const RULES: &[&str] = &[
    "calendar.is_business_day",
    "calendar.add_business_days",
    "calendar.business_days_between",
    "calendar.holidays_in",
    "agendamento.create",
    "agendamento.renew",
    "agendamento.evaluate",
    "agendamento.close_after_sale",
    "contact.inbound",
    "contact.route",
    "contact.commission",
    "contact.reinstatement",
    "contact.debt",
    "contact.open_boletos",
    "contact.third_party",
    "interaction.check",
    "identifier.is_valid_cpf",
    "identifier.is_valid_cnpj",
    "identifier.format_cpf",
    "identifier.format_cnpj",
    "identifier.normalize_phone",
    "identifier.normalize_email",
    "identifier.search_key",
    "identifier.clean_text",
    "registration.check",
    "duplicates.candidates",
    "duplicates.all",
    "duplicates.task",
    "merge.plan",
    "merge.apply",
    "merge.revert",
];

/// Keys that, wherever they appear in an answer, hold an ISO date (or `null`). The
/// Python binding uses this list to hand out `datetime.date` values.
pub const DATE_KEYS: &[&str] = &[
    "date",
    "created_on",
    "deadline",
    "maximum",
    "on",
    "previous_deadline",
    "requested_deadline",
    "result",
    "start",
    "end",
    "since",
    "due",
    "inactivated_on",
    "contact_on",
    "window_ends",
    "old_after",
];

/// The names of every rule, e.g. `agendamento.evaluate`.
pub fn rule_names() -> &'static [&'static str] {
    RULES
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateInput {
    #[serde(deserialize_with = "crate::date::de_date")]
    date: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddInput {
    #[serde(deserialize_with = "crate::date::de_date")]
    date: NaiveDate,
    days: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BetweenInput {
    #[serde(deserialize_with = "crate::date::de_date")]
    start: NaiveDate,
    #[serde(deserialize_with = "crate::date::de_date")]
    end: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearInput {
    year: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RenewInput {
    agendamento: Agendamento,
    #[serde(deserialize_with = "crate::date::de_date")]
    on: NaiveDate,
    #[serde(default)]
    days: Option<u32>,
    #[serde(default)]
    manager_approved: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluateInput {
    agendamento: Agendamento,
    #[serde(deserialize_with = "crate::date::de_date")]
    on: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CloseAfterSaleInput {
    agendamentos: Vec<Agendamento>,
    sale: rules::agendamento::ClosingSale,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistrationInput {
    atendimento: rules::registration::AtendimentoDraft,
    registered_contact_ids: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValueInput {
    value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CandidatesInput {
    records: Vec<crate::duplicates::DuplicateRecord>,
    record: crate::duplicates::DuplicateRecord,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AllInput {
    records: Vec<crate::duplicates::DuplicateRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskInput {
    records: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanInput {
    records: Vec<rules::merge::MergeRecord>,
    survivor: String,
    #[serde(default)]
    choices: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplyInput {
    records: Vec<rules::merge::MergeRecord>,
    plan: rules::merge::MergePlan,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevertInput {
    survivor: rules::merge::MergeRecord,
    plan: rules::merge::MergePlan,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InteractionInput {
    interaction: Interaction,
}

/// Splits the optional `policy` off an input object and builds its context.
fn split_policy(input: Value) -> Result<(Context, Value)> {
    let Value::Object(mut map) = input else {
        return Err(CrmError::InvalidInput { path: None, message: "the input must be a JSON object".into() });
    };
    let ctx = match map.remove("policy") {
        None | Some(Value::Null) => Context::default(),
        Some(p) => Context::new(Policy::from_value(p)?)?,
    };
    Ok((ctx, Value::Object(map)))
}

fn answer<T: Serialize>(d: Decision<T>) -> Result<Value> {
    serde_json::to_value(d)
        .map_err(|e| CrmError::InvalidInput { path: None, message: format!("cannot encode the answer: {e}") })
}

/// Runs the rule named `rule` on a JSON input and returns its decision as JSON.
///
/// ```
/// use serde_json::json;
/// let answer = crm_rules::evaluate("calendar.add_business_days", json!({"date": "2024-11-19", "days": 1})).unwrap();
/// assert_eq!(answer["outcome"], "2024-11-21");
/// assert_eq!(answer["reasons"][0]["rule"], "CAL-BD-2");
///
/// let err = crm_rules::evaluate("calendar.add_business_days", json!({"date": "2024-02-30", "days": 1})).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("input.invalid_date", Some("date")));
/// ```
pub fn evaluate(rule: &str, input: Value) -> Result<Value> {
    if !RULES.contains(&rule) {
        return Err(CrmError::UnknownRule { rule: rule.to_owned(), known: RULES.join(", ") });
    }
    let (ctx, input) = split_policy(input)?;
    match rule {
        "calendar.is_business_day" => {
            let i: DateInput = from_value(input)?;
            answer(rules::calendar::is_business_day(&ctx, i.date)?)
        }
        "calendar.add_business_days" => {
            let i: AddInput = from_value(input)?;
            answer(rules::calendar::add_business_days(&ctx, i.date, i.days)?)
        }
        "calendar.business_days_between" => {
            let i: BetweenInput = from_value(input)?;
            answer(rules::calendar::business_days_between(&ctx, i.start, i.end)?)
        }
        "calendar.holidays_in" => {
            let i: YearInput = from_value(input)?;
            answer(rules::calendar::holidays_in(&ctx, i.year)?)
        }
        "agendamento.create" => {
            let i: rules::agendamento::CreateRequest = from_value(input)?;
            answer(rules::agendamento::create(&ctx, &i)?)
        }
        "agendamento.renew" => {
            let i: RenewInput = from_value(input)?;
            answer(rules::agendamento::renew(&ctx, &i.agendamento, i.on, i.days, i.manager_approved)?)
        }
        "agendamento.evaluate" => {
            let i: EvaluateInput = from_value(input)?;
            answer(rules::agendamento::evaluate(&ctx, &i.agendamento, i.on)?)
        }
        "agendamento.close_after_sale" => {
            let i: CloseAfterSaleInput = from_value(input)?;
            answer(rules::agendamento::close_after_sale(&ctx, &i.agendamentos, &i.sale)?)
        }
        "interaction.check" => {
            let i: InteractionInput = from_value(input)?;
            answer(rules::interaction::check_interaction(&ctx, &i.interaction)?)
        }
        identifier if identifier.starts_with("identifier.") => {
            let i: ValueInput = from_value(input)?;
            answer(rules::identifiers::run(&ctx, identifier.trim_start_matches("identifier."), &i.value)?)
        }
        "duplicates.candidates" => {
            let i: CandidatesInput = from_value(input)?;
            answer(rules::duplicates::candidates(&ctx, &i.records, &i.record))
        }
        "duplicates.all" => {
            let i: AllInput = from_value(input)?;
            answer(rules::duplicates::all(&ctx, &i.records))
        }
        "registration.check" => {
            let i: RegistrationInput = from_value(input)?;
            answer(rules::registration::check_atendimento(&ctx, &i.atendimento, &i.registered_contact_ids)?)
        }
        "duplicates.task" => {
            let i: TaskInput = from_value(input)?;
            answer(rules::registration::duplicate_task(&ctx, &i.records)?)
        }
        "merge.plan" => {
            let i: PlanInput = from_value(input)?;
            answer(rules::merge::plan(&ctx, &i.records, &i.survivor, &i.choices)?)
        }
        "merge.apply" => {
            let i: ApplyInput = from_value(input)?;
            answer(rules::merge::apply(&ctx, &i.records, &i.plan)?)
        }
        "merge.revert" => {
            let i: RevertInput = from_value(input)?;
            answer(rules::merge::revert(&ctx, &i.survivor, &i.plan)?)
        }
        contact if contact.starts_with("contact.") => {
            let c: InboundContact = from_value(input)?;
            match contact {
                "contact.inbound" => answer(rules::inbound::inbound_contact(&ctx, &c)?),
                "contact.route" => answer(rules::routing::route(&ctx, &c)?),
                "contact.commission" => answer(rules::commission::commission(&ctx, &c)?),
                "contact.reinstatement" => answer(rules::reinstatement::reinstatement(&ctx, &c)?),
                "contact.debt" => answer(rules::debt::debt(&ctx, &c)?),
                "contact.open_boletos" => answer(rules::boletos::open_boletos(&ctx, &c)?),
                _ => answer(rules::third_party::third_party(&ctx, &c)?),
            }
        }
        _ => Err(CrmError::UnknownRule { rule: rule.to_owned(), known: RULES.join(", ") }),
    }
}

/// [`evaluate`] on JSON text, answering JSON text: `{"outcome", "reasons"}` or, on
/// failure, `{"error": {"code", "path", "message"}}`. Handy across any FFI.
pub fn evaluate_json(rule: &str, input: &str) -> String {
    let result = serde_json::from_str::<Value>(input)
        .map_err(|e| CrmError::InvalidInput { path: None, message: format!("not valid JSON: {e}") })
        .and_then(|v| evaluate(rule, v));
    let v = match result {
        Ok(v) => v,
        Err(e) => {
            let mut m = Map::new();
            m.insert("error".into(), e.to_json());
            Value::Object(m)
        }
    };
    v.to_string()
}
