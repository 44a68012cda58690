//! WebAssembly (JS/TS) binding of crm-rules.
//!
//! Thin wrappers only: convert JS values to JSON or dates, call the core, convert the
//! answer back. No rule logic lives here. Every failure is thrown as a JS `Error`
//! whose `name` is `"CrmError"`, with the core's stable `code` and field `path`.
//!
//! Inputs are read as `JSON.stringify` sees them (so a property set to `undefined`
//! counts as absent); answers are plain JS objects and arrays (never `Map`s).

use std::sync::Arc;

use crm_rules::{parse_date, CrmError, Policy};
use serde::Serialize;
use serde_json::Value;
use tsify::Ts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod typescript;

/// What every export returns: the value, or the thrown `CrmError`.
type JsResult<T> = Result<T, JsValue>;

/// The thrown form of a [`CrmError`]: `Error` with `name`, `code`, `path`, `message`.
fn js_error(error: &CrmError) -> JsValue {
    let thrown = js_sys::Error::new(&error.to_string());
    thrown.set_name("CrmError");
    let path = error.path().map_or(JsValue::NULL, JsValue::from_str);
    // Reflect.set on a fresh, extensible Error object cannot fail.
    let _ = js_sys::Reflect::set(&thrown, &JsValue::from_str("code"), &JsValue::from_str(error.code()));
    let _ = js_sys::Reflect::set(&thrown, &JsValue::from_str("path"), &path);
    thrown.into()
}

fn invalid(path: Option<&str>, message: impl Into<String>) -> CrmError {
    CrmError::InvalidInput { path: path.map(str::to_owned), message: message.into() }
}

/// A JS value as JSON, the way `JSON.stringify` serializes it.
fn json_from_js(value: &JsValue, path: Option<&str>) -> Result<Value, CrmError> {
    let text = js_sys::JSON::stringify(value)
        .map_err(|_| invalid(path, "cannot be converted to JSON (a BigInt or a cycle?)"))?
        .as_string()
        .ok_or_else(|| invalid(path, "must be a JSON value, not undefined or a function"))?;
    serde_json::from_str(&text).map_err(|e| invalid(path, format!("not valid JSON: {e}")))
}

/// A Rust answer as plain JS data (objects, arrays, strings, numbers, booleans, null).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&invalid(None, format!("cannot encode the answer: {e}"))))
}

/// `crm_rules::evaluate` on a JS input, answering plain JS data.
fn run(rule: &str, input: &JsValue) -> JsResult<JsValue> {
    let input = json_from_js(input, None).map_err(|e| js_error(&e))?;
    let answer = crm_rules::evaluate(rule, input).map_err(|e| js_error(&e))?;
    to_js(&answer)
}

/// A strict `YYYY-MM-DD` date argument; errors name the argument.
fn date_arg(value: &str, path: &str) -> JsResult<chrono::NaiveDate> {
    parse_date(value).map_err(|e| js_error(&e.at_path(path)))
}

/// A JS number that must be an exact integer (|n| ≤ 2^53 − 1).
fn integer_arg(value: f64, path: &str) -> JsResult<i64> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    if value.is_finite() && value.fract() == 0.0 && value.abs() <= MAX_SAFE_INTEGER {
        // Exact: an integer-valued f64 within ±(2^53 − 1) fits an i64 without loss.
        #[allow(clippy::cast_possible_truncation)]
        Ok(value as i64)
    } else {
        Err(js_error(&invalid(Some(path), format!("{value} is not an integer"))))
    }
}

/// Runs any rule by name on a JSON-shaped input: `{"outcome", "reasons"}`.
/// Typed overloads per rule name are declared in `typescript.rs`.
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(rule: &str, input: JsValue) -> JsResult<JsValue> {
    run(rule, &input)
}

/// Whether `value` is an error thrown by crm-rules (declared in `typescript.rs`).
#[wasm_bindgen(js_name = isCrmError, skip_typescript)]
pub fn is_crm_error(value: &JsValue) -> bool {
    value.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "CrmError")
}

/// Rule `agendamento.create`: a new agendamento's deadline and maximum (AGD-1..3).
#[wasm_bindgen(js_name = createAgendamento, unchecked_return_type = "Decision<CreateOutcome>")]
pub fn create_agendamento(
    #[wasm_bindgen(unchecked_param_type = "CreateAgendamentoInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("agendamento.create", &input)
}

/// Rule `agendamento.renew`: grants or refuses a renewal (AGD-2..4).
#[wasm_bindgen(js_name = renewAgendamento, unchecked_return_type = "Decision<RenewOutcome>")]
pub fn renew_agendamento(
    #[wasm_bindgen(unchecked_param_type = "RenewAgendamentoInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("agendamento.renew", &input)
}

/// Rule `agendamento.evaluate`: where an agendamento stands on a date (AGD-2..4).
#[wasm_bindgen(js_name = evaluateAgendamento, unchecked_return_type = "Decision<AgendamentoStatus>")]
pub fn evaluate_agendamento(
    #[wasm_bindgen(unchecked_param_type = "EvaluateAgendamentoInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("agendamento.evaluate", &input)
}

/// Rule `agendamento.close_after_sale`: the agendamentos a sale closes (AGD-5).
#[wasm_bindgen(js_name = agendamentosToClose, unchecked_return_type = "Decision<CloseAfterSale>")]
pub fn agendamentos_to_close(
    #[wasm_bindgen(unchecked_param_type = "CloseAfterSaleInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("agendamento.close_after_sale", &input)
}

/// Rule `contact.inbound`: everything decided when a client gets in touch (route,
/// debts, open boletos, third party, required actions, commission).
#[wasm_bindgen(js_name = inboundContact, unchecked_return_type = "Decision<InboundOutcome>")]
pub fn inbound_contact(
    #[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("contact.inbound", &input)
}

/// Rule `contact.route`: who attends the contact (REI-1, RCP-1..5).
#[wasm_bindgen(js_name = routeContact, unchecked_return_type = "Decision<RouteOutcome>")]
pub fn route_contact(
    #[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("contact.route", &input)
}

/// Rule `contact.commission`: who earns the commission (COM-1..4).
#[wasm_bindgen(unchecked_return_type = "Decision<Commission>")]
pub fn commission(#[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue) -> JsResult<JsValue> {
    run("contact.commission", &input)
}

/// Rule `contact.reinstatement`: who may re-contract an inactivated account (REI-1..2).
#[wasm_bindgen(unchecked_return_type = "Decision<ReinstatementOutcome>")]
pub fn reinstatement(
    #[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("contact.reinstatement", &input)
}

/// Rule `contact.debt`: whether the account's debts allow the sale (DEB-1..2).
#[wasm_bindgen(js_name = debtDecision, unchecked_return_type = "Decision<DebtOutcome>")]
pub fn debt_decision(
    #[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("contact.debt", &input)
}

/// Rule `contact.open_boletos`: the open-boleto alert (MOV-4); never blocks a sale.
#[wasm_bindgen(js_name = openBoletos, unchecked_return_type = "Decision<BoletoAlert>")]
pub fn open_boletos(#[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue) -> JsResult<JsValue> {
    run("contact.open_boletos", &input)
}

/// Rule `contact.third_party`: what the requester may do (TPC-1..3).
#[wasm_bindgen(js_name = thirdParty, unchecked_return_type = "Decision<ThirdPartyOutcome>")]
pub fn third_party(#[wasm_bindgen(unchecked_param_type = "InboundContactInput")] input: JsValue) -> JsResult<JsValue> {
    run("contact.third_party", &input)
}

/// Rule `interaction.check`: how an interaction was recorded (MOV-1..3).
#[wasm_bindgen(js_name = checkInteraction, unchecked_return_type = "Decision<InteractionCheck>")]
pub fn check_interaction(
    #[wasm_bindgen(unchecked_param_type = "CheckInteractionInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("interaction.check", &input)
}

/// Rule `registration.check`: an initial atendimento: every missing or invalid field at once (CAD-1, CAD-3).
#[wasm_bindgen(js_name = checkRegistration, unchecked_return_type = "Decision<RegistrationCheck>")]
pub fn check_registration(
    #[wasm_bindgen(unchecked_param_type = "RegistrationCheckInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("registration.check", &input)
}

/// Rule `duplicates.candidates`: the likely duplicates of a record (CAD-5).
#[wasm_bindgen(js_name = duplicateCandidates, unchecked_return_type = "Decision<Candidate[]>")]
pub fn duplicate_candidates(
    #[wasm_bindgen(unchecked_param_type = "DuplicateCandidatesInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("duplicates.candidates", &input)
}

/// Rule `duplicates.all`: every likely duplicate pair of a set of records (CAD-5).
#[wasm_bindgen(js_name = allDuplicates, unchecked_return_type = "Decision<CandidatePair[]>")]
pub fn all_duplicates(
    #[wasm_bindgen(unchecked_param_type = "AllDuplicatesInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("duplicates.all", &input)
}

/// Rule `duplicates.task`: the task for handling a duplicate (CAD-6).
#[wasm_bindgen(js_name = duplicateTask, unchecked_return_type = "Decision<DuplicateTask>")]
pub fn duplicate_task(
    #[wasm_bindgen(unchecked_param_type = "DuplicateTaskInput")] input: JsValue,
) -> JsResult<JsValue> {
    run("duplicates.task", &input)
}

/// Rule `merge.plan`: a reviewable, reversible merge plan (CAD-7).
#[wasm_bindgen(js_name = planMerge, unchecked_return_type = "Decision<MergePlan>")]
pub fn plan_merge(#[wasm_bindgen(unchecked_param_type = "MergePlanInput")] input: JsValue) -> JsResult<JsValue> {
    run("merge.plan", &input)
}

/// Rule `merge.apply`: applies a merge plan without losing anything (CAD-7).
#[wasm_bindgen(js_name = applyMerge, unchecked_return_type = "Decision<MergeResult>")]
pub fn apply_merge(#[wasm_bindgen(unchecked_param_type = "MergeApplyInput")] input: JsValue) -> JsResult<JsValue> {
    run("merge.apply", &input)
}

/// Rule `merge.revert`: reverts an applied merge exactly (CAD-7).
#[wasm_bindgen(js_name = revertMerge, unchecked_return_type = "Decision<Reverted>")]
pub fn revert_merge(#[wasm_bindgen(unchecked_param_type = "MergeRevertInput")] input: JsValue) -> JsResult<JsValue> {
    run("merge.revert", &input)
}

/// A business-day calendar (CAL-BD): the national holidays plus the optional sets a
/// policy enables. Build it once and query it many times.
#[wasm_bindgen(js_name = Calendar)]
pub struct BusinessCalendar {
    inner: Arc<crm_rules::Calendar>,
}

#[wasm_bindgen(js_class = Calendar)]
impl BusinessCalendar {
    /// The calendar of `policy` (a partial Policy; omitted: the national calendar).
    #[wasm_bindgen(constructor)]
    pub fn new(policy: Option<Ts<Policy>>) -> JsResult<BusinessCalendar> {
        let inner = match policy {
            None => crm_rules::Calendar::national(),
            Some(p) => {
                let json = json_from_js(&p.into(), Some("policy")).map_err(|e| js_error(&e))?;
                let policy = Policy::from_value(json).map_err(|e| js_error(&e))?;
                crm_rules::Calendar::from_policy(&policy).map_err(|e| js_error(&e))?
            }
        };
        Ok(BusinessCalendar { inner })
    }

    /// Whether `date` (`YYYY-MM-DD`) is a business day.
    #[wasm_bindgen(js_name = isBusinessDay)]
    pub fn is_business_day(&self, date: &str) -> JsResult<bool> {
        self.inner.is_business_day(date_arg(date, "date")?).map_err(|e| js_error(&e.at_path("date")))
    }

    /// The `days`-th business day strictly after `date` (before, for `days < 0`; for
    /// 0, `date` itself when it is a business day, else the next one), `YYYY-MM-DD`.
    #[wasm_bindgen(js_name = addBusinessDays)]
    pub fn add_business_days(&self, date: &str, days: f64) -> JsResult<String> {
        let (date, days) = (date_arg(date, "date")?, integer_arg(days, "days")?);
        let result = self.inner.add_business_days(date, days).map_err(|e| js_error(&e.at_path("days")))?;
        Ok(result.format("%Y-%m-%d").to_string())
    }

    /// Business days in `(start, end]`; negative when `end` is before `start`.
    #[wasm_bindgen(js_name = businessDaysBetween)]
    pub fn business_days_between(&self, start: &str, end: &str) -> JsResult<f64> {
        let (start, end) = (date_arg(start, "start")?, date_arg(end, "end")?);
        let days = self.inner.business_days_between(start, end).map_err(|e| js_error(&e))?;
        // |days| is at most the ~110 000 days of the supported range: exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        Ok(days as f64)
    }

    /// Every holiday and closure of `year` in this calendar, sorted by date.
    #[wasm_bindgen(js_name = holidaysIn, unchecked_return_type = "Holiday[]")]
    pub fn holidays_in(&self, year: f64) -> JsResult<JsValue> {
        let year = integer_arg(year, "year")?;
        let year = i32::try_from(year).map_err(|_| {
            js_error(&CrmError::OutOfRange { path: Some("year".into()), message: format!("year {year}") })
        })?;
        let holidays = self.inner.holidays_in(year).map_err(|e| js_error(&e.at_path("year")))?;
        to_js(&holidays)
    }
}

/// Whether `date` (`YYYY-MM-DD`) is a business day in the calendar of `policy`
/// (omitted: national).
#[wasm_bindgen(js_name = isBusinessDay)]
pub fn is_business_day(date: &str, policy: Option<Ts<Policy>>) -> JsResult<bool> {
    BusinessCalendar::new(policy)?.is_business_day(date)
}

/// [`BusinessCalendar::add_business_days`] in the calendar of `policy` (omitted: national).
#[wasm_bindgen(js_name = addBusinessDays)]
pub fn add_business_days(date: &str, days: f64, policy: Option<Ts<Policy>>) -> JsResult<String> {
    BusinessCalendar::new(policy)?.add_business_days(date, days)
}

/// Business days in `(start, end]` in the calendar of `policy` (omitted: national).
#[wasm_bindgen(js_name = businessDaysBetween)]
pub fn business_days_between(start: &str, end: &str, policy: Option<Ts<Policy>>) -> JsResult<f64> {
    BusinessCalendar::new(policy)?.business_days_between(start, end)
}

/// The holidays and closures of `year` in the calendar of `policy` (omitted: national).
#[wasm_bindgen(js_name = holidaysIn, unchecked_return_type = "Holiday[]")]
pub fn holidays_in(year: f64, policy: Option<Ts<Policy>>) -> JsResult<JsValue> {
    BusinessCalendar::new(policy)?.holidays_in(year)
}

// ---------------------------------------------------------------------------
// Identifiers and text (CAD-2, CAD-4): direct calls, no JSON round trip
// ---------------------------------------------------------------------------

/// A string argument named `value`; anything else throws `CrmError` (`input.invalid`).
fn str_arg(value: &JsValue) -> JsResult<String> {
    value.as_string().ok_or_else(|| js_error(&invalid(Some("value"), "expected a string")))
}

/// Whether `value` is a valid CPF (CAD-4): 11 digits once `.`, `-` and spaces are
/// removed, both check digits right, not one repeated digit.
#[wasm_bindgen(js_name = isValidCpf)]
pub fn is_valid_cpf(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<bool> {
    Ok(crm_rules::identifiers::is_valid_cpf(&str_arg(&value)?))
}

/// Whether `value` is a valid CNPJ, numeric or alphanumeric (CAD-4; Receita Federal,
/// from July 2026). Lower-case letters are accepted.
#[wasm_bindgen(js_name = isValidCnpj)]
pub fn is_valid_cnpj(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<bool> {
    Ok(crm_rules::identifiers::is_valid_cnpj(&str_arg(&value)?))
}

/// A valid CPF written `000.000.000-00` (CAD-4); throws `input.invalid` (path `value`).
#[wasm_bindgen(js_name = formatCpf)]
pub fn format_cpf(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<String> {
    crm_rules::identifiers::format_cpf(&str_arg(&value)?).map_err(|e| js_error(&e))
}

/// A valid CNPJ written `00.000.000/0000-00`, letters upper-cased (CAD-4); throws
/// `input.invalid` (path `value`).
#[wasm_bindgen(js_name = formatCnpj)]
pub fn format_cnpj(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<String> {
    crm_rules::identifiers::format_cnpj(&str_arg(&value)?).map_err(|e| js_error(&e))
}

/// A Brazilian phone number in E.164 form, `+55` + DDD + subscriber (CAD-4); throws
/// `input.invalid` (path `value`) for an unknown DDD, a wrong length or an old
/// 8-digit mobile without the 9th digit.
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<String> {
    crm_rules::identifiers::normalize_phone(&str_arg(&value)?).map_err(|e| js_error(&e))
}

/// An e-mail address trimmed and lower-cased after a shape check (CAD-4); throws
/// `input.invalid` (path `value`).
#[wasm_bindgen(js_name = normalizeEmail)]
pub fn normalize_email(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<String> {
    crm_rules::identifiers::normalize_email(&str_arg(&value)?).map_err(|e| js_error(&e))
}

/// The key texts are compared by (CAD-2): cleaned, lower-cased, accents removed.
#[wasm_bindgen(js_name = searchKey)]
pub fn search_key(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<String> {
    Ok(crm_rules::identifiers::search_key(&str_arg(&value)?))
}

/// Text for display (CAD-2): trimmed, inner white space collapsed, accents kept.
#[wasm_bindgen(js_name = cleanText)]
pub fn clean_text(#[wasm_bindgen(unchecked_param_type = "string")] value: JsValue) -> JsResult<String> {
    Ok(crm_rules::identifiers::clean_text(&str_arg(&value)?))
}
