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
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[rustfmt::skip] // Written by scripts/generate.py, compared byte for byte by its --check.
mod generated;

/// What every export returns: the value, or the thrown `CrmError`.
pub(crate) type JsResult<T> = Result<T, JsValue>;

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

/// `crm_rules::evaluate` on a JS input, answering plain JS data: the decision is
/// written as JSON text and read by the engine's own `JSON.parse` (one crossing of
/// the boundary, instead of one per value).
pub(crate) fn run(rule: &str, input: &JsValue) -> JsResult<JsValue> {
    let input = json_from_js(input, None).map_err(|e| js_error(&e))?;
    let text = crm_rules::evaluate_to_json(rule, input).map_err(|e| js_error(&e))?;
    js_sys::JSON::parse(&text).map_err(|_| js_error(&invalid(None, "cannot encode the answer")))
}

/// Runs any rule by name on a JSON-shaped input: `{"outcome", "reasons"}`.
/// Typed per rule name in `generated.rs` (`Rules[R]["input"]` → `Rules[R]["answer"]`).
/// `rule` is taken as a `JsValue`: a `&str` parameter would let wasm-bindgen's glue
/// throw a `TypeError` (for `null`/`undefined`) or trap (`memory access out of
/// bounds`, for a number or an object) before our checks run.
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(rule: JsValue, input: JsValue) -> JsResult<JsValue> {
    let rule = rule.as_string().ok_or_else(|| {
        js_error(&invalid(Some("rule"), format!("expected a rule name string, got {}", js_type(&rule))))
    })?;
    run(&rule, &input)
}

/// Whether `value` is an error thrown by crm-rules (declared in the custom section below).
#[wasm_bindgen(js_name = isCrmError, skip_typescript)]
pub fn is_crm_error(value: &JsValue) -> bool {
    value.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "CrmError")
}

/// A business-day calendar (CAL-BD): the national holidays plus the optional sets a
/// policy enables. Build it once and query it many times.
#[wasm_bindgen(js_name = Calendar)]
pub struct BusinessCalendar {
    inner: Arc<crm_rules::Calendar>,
}

/// A `YYYY-MM-DD` string argument; anything else (a number, a `Date`, `null`,
/// `undefined`) throws `CrmError` (`input.invalid`) naming the argument.
fn date_arg(value: &JsValue, path: &str) -> JsResult<chrono::NaiveDate> {
    let text = value.as_string().ok_or_else(|| {
        js_error(&invalid(Some(path), format!("expected a YYYY-MM-DD string, got {}", js_type(value))))
    })?;
    parse_date(&text).map_err(|e| js_error(&e.at_path(path)))
}

/// An integer argument (a JS number that is an exact integer, |n| ≤ 2^53 − 1).
fn integer_arg(value: &JsValue, path: &str) -> JsResult<i64> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    match value.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => {
            // Exact: an integer-valued f64 within ±(2^53 − 1) fits an i64 without loss.
            #[allow(clippy::cast_possible_truncation)]
            Ok(n as i64)
        }
        // Written by JS (`1.5`, `NaN`, `Infinity`, `9007199254740992`): Rust's float
        // formatting would add 30 KB to the module for this one message.
        Some(n) => {
            let shown =
                js_sys::Number::from(n).to_string_with_radix(10).map_or_else(|_| "the number".into(), String::from);
            Err(js_error(&invalid(Some(path), format!("{shown} is not an integer"))))
        }
        None => Err(js_error(&invalid(Some(path), format!("expected an integer, got {}", js_type(value))))),
    }
}

/// How an argument's type is named in an error: `a number`, `a Date`, `null`, ….
fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if value.is_instance_of::<js_sys::Date>() {
        "a Date".into()
    } else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {kind}")
    }
}

/// A policy argument: omitted, `null` or `undefined` give the national calendar.
fn calendar_of(policy: Option<JsValue>) -> JsResult<Arc<crm_rules::Calendar>> {
    // wasm-bindgen passes `null` and `undefined` as `None`.
    let Some(policy) = policy else { return Ok(crm_rules::Calendar::national()) };
    let json = json_from_js(&policy, Some("policy")).map_err(|e| js_error(&e))?;
    let policy = Policy::from_value(json).map_err(|e| js_error(&e))?;
    crm_rules::Calendar::from_policy(&policy).map_err(|e| js_error(&e))
}

#[wasm_bindgen(js_class = Calendar)]
impl BusinessCalendar {
    /// The calendar of `policy` (a partial Policy; omitted: the national calendar).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
    ) -> JsResult<BusinessCalendar> {
        Ok(BusinessCalendar { inner: calendar_of(policy)? })
    }

    /// Whether `date` (`YYYY-MM-DD`) is a business day.
    #[wasm_bindgen(js_name = isBusinessDay)]
    pub fn is_business_day(&self, #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue) -> JsResult<bool> {
        self.inner.is_business_day(date_arg(&date, "date")?).map_err(|e| js_error(&e.at_path("date")))
    }

    /// The `days`-th business day strictly after `date` (before, for `days < 0`; for
    /// 0, `date` itself when it is a business day, else the next one), `YYYY-MM-DD`.
    #[wasm_bindgen(js_name = addBusinessDays)]
    pub fn add_business_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    ) -> JsResult<String> {
        let (date, days) = (date_arg(&date, "date")?, integer_arg(&days, "days")?);
        let result = self.inner.add_business_days(date, days).map_err(|e| js_error(&e.at_path("days")))?;
        // `NaiveDate`'s Display is `YYYY-MM-DD` for the calendar's years, without strftime.
        Ok(result.to_string())
    }

    /// Business days in `(start, end]`; negative when `end` is before `start`.
    #[wasm_bindgen(js_name = businessDaysBetween)]
    pub fn business_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] end: JsValue,
    ) -> JsResult<f64> {
        let (start, end) = (date_arg(&start, "start")?, date_arg(&end, "end")?);
        let days = self.inner.business_days_between(start, end).map_err(|e| js_error(&e))?;
        // |days| is at most the ~110 000 days of the supported range: exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        Ok(days as f64)
    }

    /// Every holiday and closure of `year` in this calendar, sorted by date.
    #[wasm_bindgen(js_name = holidaysIn, unchecked_return_type = "Holiday[]")]
    pub fn holidays_in(&self, #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue) -> JsResult<JsValue> {
        let year = integer_arg(&year, "year")?;
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
pub fn is_business_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> JsResult<bool> {
    BusinessCalendar::new(policy)?.is_business_day(date)
}

/// [`BusinessCalendar::add_business_days`] in the calendar of `policy` (omitted: national).
#[wasm_bindgen(js_name = addBusinessDays)]
pub fn add_business_days(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> JsResult<String> {
    BusinessCalendar::new(policy)?.add_business_days(date, days)
}

/// Business days in `(start, end]` in the calendar of `policy` (omitted: national).
#[wasm_bindgen(js_name = businessDaysBetween)]
pub fn business_days_between(
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] end: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> JsResult<f64> {
    BusinessCalendar::new(policy)?.business_days_between(start, end)
}

/// The holidays and closures of `year` in the calendar of `policy` (omitted: national).
#[wasm_bindgen(js_name = holidaysIn, unchecked_return_type = "Holiday[]")]
pub fn holidays_in(
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> JsResult<JsValue> {
    BusinessCalendar::new(policy)?.holidays_in(year)
}

/// The version of the package, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

// Identifiers and text (CAD-2, CAD-4): direct calls, no JSON round trip

/// A string argument named `value`; anything else throws `CrmError` (`input.invalid`).
pub(crate) fn str_arg(value: &JsValue) -> JsResult<String> {
    value.as_string().ok_or_else(|| js_error(&invalid(Some("value"), "expected a string")))
}

/// The answer of a core function called directly (a rule's `native` function).
fn native<T>(answer: impl crm_rules::registry::NativeAnswer<T>) -> JsResult<T> {
    answer.into_result().map_err(|e| js_error(&e))
}
