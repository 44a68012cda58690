//! WebAssembly (JS/TS) binding of crm-rules.
//!
//! Thin wrappers only: convert JS values to JSON or dates, call the core, convert the
//! answer back. No rule logic lives here. Every failure is thrown as a JS `Error`
//! whose `name` is `"CrmError"`, with the core's stable `code` and field `path`.
//!
//! Inputs are read as `JSON.stringify` sees them (so a property set to `undefined`
//! counts as absent); answers are plain JS objects and arrays (never `Map`s).

use crm_rules::CrmError;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(not(feature = "records"))]
mod calendar;
#[rustfmt::skip] // Written by scripts/generate.py, compared byte for byte by its --check.
mod generated;

/// What every export returns: the value, or the thrown `CrmError`.
pub(crate) type JsResult<T> = Result<T, JsValue>;

/// The thrown form of a [`CrmError`]: `Error` with `name`, `code`, `path`, `message`
/// (Reflect.set on a fresh, extensible Error object cannot fail).
fn js_error(error: &CrmError) -> JsValue {
    let thrown = js_sys::Error::new(&error.to_string());
    thrown.set_name("CrmError");
    let path = error.path().map_or(JsValue::NULL, JsValue::from_str);
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

/// This module's areas: `CONTACT` by default, `RECORDS` with the feature `records` (see
/// build.sh); the generator puts each JS export in its module (`WASM_CORE_PREFIXES`).
#[cfg(not(feature = "records"))]
const AREAS: &[crm_rules::registry::areas::Area] = crm_rules::registry::areas::CONTACT;
#[cfg(feature = "records")]
const AREAS: &[crm_rules::registry::areas::Area] = crm_rules::registry::areas::RECORDS;

/// The names of this module's rules (package.mjs routes `evaluate` by them).
#[wasm_bindgen(js_name = __ruleNames, skip_typescript)]
pub fn rule_names() -> Vec<String> {
    AREAS.iter().flat_map(|area| area().iter().map(|r| r.name.to_owned())).collect()
}

/// `crm_rules::evaluate` on a JS input, answered as JSON text read by `JSON.parse`.
pub(crate) fn run(rule: &str, input: &JsValue) -> JsResult<JsValue> {
    let input = json_from_js(input, None).map_err(|e| js_error(&e))?;
    let text = crm_rules::registry::evaluate_to_json_in(AREAS, generated::RULE_NAMES, rule, input)
        .map_err(|e| js_error(&e))?;
    js_sys::JSON::parse(&text).map_err(|_| js_error(&invalid(None, "cannot encode the answer")))
}

/// Runs any rule by name: `{"outcome", "reasons"}` (typed per rule in `generated.rs`).
/// `rule` is a `JsValue`: with `&str`, wasm-bindgen's glue would throw a `TypeError`
/// or trap (out of bounds) on a non-string before our checks run.
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(rule: JsValue, input: JsValue) -> JsResult<JsValue> {
    let rule = rule.as_string().ok_or_else(|| {
        js_error(&invalid(Some("rule"), format!("expected a rule name string, got {}", js_type(&rule))))
    })?;
    run(&rule, &input)
}

/// Whether `value` is an error thrown by crm-rules (declared in the custom section below).
#[cfg(not(feature = "records"))]
#[wasm_bindgen(js_name = isCrmError, skip_typescript)]
pub fn is_crm_error(value: &JsValue) -> bool {
    value.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "CrmError")
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

/// The version of the package, e.g. `"0.1.0"`.
#[cfg(not(feature = "records"))]
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A string argument named `value`; anything else throws `CrmError` (`input.invalid`).
#[cfg(not(feature = "records"))]
pub(crate) fn str_arg(value: &JsValue) -> JsResult<String> {
    value.as_string().ok_or_else(|| js_error(&invalid(Some("value"), "expected a string")))
}

/// The answer of a core function called directly (a rule's `native` function).
#[cfg(not(feature = "records"))]
fn native<T>(answer: impl crm_rules::registry::NativeAnswer<T>) -> JsResult<T> {
    answer.into_result().map_err(|e| js_error(&e))
}
