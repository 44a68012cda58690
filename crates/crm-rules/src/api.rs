//! The JSON entry point: `evaluate(rule, input)`, the one request/answer layer that
//! the Python and wasm bindings wrap.
//!
//! Every input is a JSON object; it may carry a (partial) `"policy"`. Every answer is
//! a [`Decision`](crate::Decision) as JSON: `{"outcome": ..., "reasons": [...]}`.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::context::Context;
use crate::error::{CrmError, Result};
use crate::policy::Policy;
use crate::registry::{self, Answer};

/// Splits the optional `policy` off an input object and builds its context (the
/// default one, built once per process, when there is none).
fn split_policy(input: Value) -> Result<(Cow<'static, Context>, Value)> {
    let Value::Object(mut map) = input else {
        return Err(CrmError::InvalidInput { path: None, message: "the input must be a JSON object".into() });
    };
    let ctx = match map.remove("policy") {
        None | Some(Value::Null) => Cow::Borrowed(Context::shared_default()),
        Some(p) => Cow::Owned(Context::new(Policy::from_value(p)?)?),
    };
    Ok((ctx, Value::Object(map)))
}

/// Runs `rule` on `input`: its decision, ready to be written out.
fn answer(rule: &str, input: Value) -> Result<Box<dyn Answer>> {
    let info = registry::rule(rule).ok_or_else(|| registry::unknown(rule))?;
    run_rule(info, input)
}

/// Runs the rule `info` on `input` (its `policy`, if any, still in it).
pub(crate) fn run_rule(info: &registry::RuleInfo, input: Value) -> Result<Box<dyn Answer>> {
    let (ctx, input) = split_policy(input)?;
    info.run(&ctx, input)
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
    answer(rule, input)?.to_value()
}

/// [`evaluate`], answering the decision as JSON text (written straight from the
/// decision): what a binding hands to a fast JSON parser of its own language.
pub fn evaluate_to_json(rule: &str, input: Value) -> Result<String> {
    answer(rule, input)?.to_json()
}

/// [`evaluate`] on JSON text, answering JSON text: `{"outcome", "reasons"}` or, on
/// failure, `{"error": {"code", "path", "message"}}`. Handy across any FFI.
pub fn evaluate_json(rule: &str, input: &str) -> String {
    // The answer is written straight to text, with no `serde_json::Value` in between.
    let result = serde_json::from_str::<Value>(input)
        .map_err(|e| CrmError::InvalidInput { path: None, message: format!("not valid JSON: {e}") })
        .and_then(|v| answer(rule, v)?.to_json());
    result.unwrap_or_else(|e| {
        let mut m = Map::new();
        m.insert("error".into(), e.to_json());
        Value::Object(m).to_string()
    })
}
