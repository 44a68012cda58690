//! The default module's calendar (CAL-BD): `Calendar` and one-call functions.

use std::sync::Arc;

use crate::{invalid, js_error, js_type, json_from_js, JsResult};
use crm_rules::{parse_date, CrmError, Policy};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A Rust answer as plain JS data, through JSON text (one serializer in the module).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    let cannot = |e: &dyn std::fmt::Display| js_error(&invalid(None, format!("cannot encode the answer: {e}")));
    let text = serde_json::to_string(value).map_err(|e| cannot(&e))?;
    js_sys::JSON::parse(&text).map_err(|_| cannot(&"JSON.parse failed"))
}

/// A business-day calendar (CAL-BD) of a policy: build it once, query it often.
#[wasm_bindgen(js_name = Calendar)]
pub struct BusinessCalendar {
    inner: Arc<crm_rules::Calendar>,
}

/// A `YYYY-MM-DD` string argument; anything else throws `CrmError` naming it.
fn date_arg(value: &JsValue, path: &str) -> JsResult<chrono::NaiveDate> {
    let text = value.as_string().ok_or_else(|| {
        js_error(&invalid(Some(path), format!("expected a YYYY-MM-DD string, got {}", js_type(value))))
    })?;
    parse_date(&text).map_err(|e| js_error(&e.at_path(path)))
}

/// An integer argument (a JS number that is an exact integer, |n| ≤ 2^53 − 1: an
/// integer-valued f64 in that range fits an i64 without loss).
fn integer_arg(value: &JsValue, path: &str) -> JsResult<i64> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    match value.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Ok(n as i64)
        }
        // Written by JS (`1.5`, `NaN`): Rust's float formatting would add 30 KB.
        Some(n) => {
            let shown = js_sys::Number::from(n).to_string_with_radix(10).map_or_else(|_| "?".into(), String::from);
            Err(js_error(&invalid(Some(path), format!("{shown} is not an integer"))))
        }
        None => Err(js_error(&invalid(Some(path), format!("expected an integer, got {}", js_type(value))))),
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

    /// The `days`-th business day after `date` (before, if negative; 0: itself or the next).
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

/// Whether `date` is a business day in the calendar of `policy` (omitted: national).
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
