//! Reading inputs with serde while keeping the path of the offending field and a
//! stable error code.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::date::{INVALID_DATE_MARK, OUT_OF_RANGE_MARK};
use crate::error::{join_path, CrmError, Result};

mod tracked;

/// Deserializes `v`, turning serde's error into a [`CrmError`] with the field path.
/// One pass: the path is collected only by an error, on its way out.
pub(crate) fn from_value<T: DeserializeOwned>(v: Value) -> Result<T> {
    #[cfg(test)]
    if equivalence::OLD_READER.with(std::cell::Cell::get) {
        return equivalence::old_from_value(v);
    }
    tracked::deserialize(&v).map_err(|e| classify(&e.path(), &e.message()))
}

fn classify(path: &str, message: &str) -> CrmError {
    let path = if path == "." { String::new() } else { path.to_owned() };
    let some = |p: String| if p.is_empty() { None } else { Some(p) };
    if let Some(field) = backticked(message, "missing field `") {
        return CrmError::MissingField { path: some(join_path(&path, &field)) };
    }
    if let Some(field) = backticked(message, "unknown field `") {
        // The path already ends with the unknown key.
        let p = if path.ends_with(&field) { path } else { join_path(&path, &field) };
        return CrmError::InvalidInput { path: some(p), message: message.to_owned() };
    }
    if let Some(pos) = message.find(INVALID_DATE_MARK) {
        let m = message.get(pos + INVALID_DATE_MARK.len()..).unwrap_or(message);
        return CrmError::InvalidDate { path: some(path), message: m.to_owned() };
    }
    if let Some(pos) = message.find(OUT_OF_RANGE_MARK) {
        let m = message.get(pos + OUT_OF_RANGE_MARK.len()..).unwrap_or(message);
        return CrmError::OutOfRange { path: some(path), message: m.to_owned() };
    }
    CrmError::InvalidInput { path: some(path), message: message.to_owned() }
}

fn backticked(message: &str, prefix: &str) -> Option<String> {
    let start = message.find(prefix)? + prefix.len();
    let rest = message.get(start..)?;
    let end = rest.find('`')?;
    rest.get(..end).map(str::to_owned)
}

#[cfg(test)]
mod equivalence;

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        #[serde(deserialize_with = "crate::date::de_date")]
        when: chrono::NaiveDate,
        n: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Inner,
        list: Vec<Inner>,
    }

    fn err(v: Value) -> (String, Option<String>) {
        let e = from_value::<Outer>(v).unwrap_err();
        (e.code().to_owned(), e.path().map(str::to_owned))
    }

    #[test]
    fn paths_and_codes() {
        use serde_json::json;
        let ok = json!({"when": "2024-01-02", "n": 1});
        assert_eq!(err(json!({"list": []})), ("input.missing_field".into(), Some("inner".into())));
        assert_eq!(
            err(json!({"inner": {"n": 1}, "list": []})),
            ("input.missing_field".into(), Some("inner.when".into()))
        );
        assert_eq!(
            err(json!({"inner": {"when": "2024-13-01", "n": 1}, "list": []})),
            ("input.invalid_date".into(), Some("inner.when".into()))
        );
        assert_eq!(
            err(json!({"inner": ok, "list": [ok, {"when": "1800-01-01", "n": 1}]})),
            ("calendar.out_of_range".into(), Some("list[1].when".into()))
        );
        assert_eq!(err(json!({"inner": ok, "list": [], "x": 1})), ("input.invalid".into(), Some("x".into())));
        assert_eq!(
            err(json!({"inner": {"when": "2024-01-02", "n": -1}, "list": []})),
            ("input.invalid".into(), Some("inner.n".into()))
        );
        assert_eq!(err(json!("text")), ("input.invalid".into(), None));
        // A record is an object, never an array read positionally.
        assert_eq!(
            err(json!({"inner": ["2024-01-02", 1], "list": []})),
            ("input.invalid".into(), Some("inner".into()))
        );
    }
}
