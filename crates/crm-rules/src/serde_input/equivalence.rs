//! The reader before this one (`serde_path_to_error` over serde_json's `&Value`
//! deserializer), kept in tests only: every vector input, and thousands of broken
//! variants of them, must give the same answer or the same error (code, path and
//! message) through both — but for a record given as an array, which the old reader
//! read positionally and the new one refuses (the schemas say object).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::cell::Cell;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::error::Result;

thread_local! {
    /// Set by the test below to route `from_value` through the old reader.
    pub(super) static OLD_READER: Cell<bool> = const { Cell::new(false) };
}

pub(super) fn old_from_value<T: DeserializeOwned>(v: Value) -> Result<T> {
    serde_path_to_error::deserialize(v).map_err(|e| super::classify(&e.path().to_string(), &e.inner().to_string()))
}

/// Every variant of `v` with one value replaced by each of `bad`, one key removed, or
/// one unknown key added, paired with nothing else (the caller evaluates them).
fn variants(v: &Value, out: &mut Vec<Value>) {
    fn walk(root: &Value, here: &mut Vec<PathStep>, node: &Value, out: &mut Vec<Value>) {
        let bad = [
            json!(null),
            json!(true),
            json!(-1),
            json!(1.5),
            json!(7),
            json!("x"),
            json!("2026-02-30"),
            json!([]),
            json!({}),
        ];
        for b in &bad {
            out.push(replaced(root, here, Some(b.clone())));
        }
        match node {
            Value::Object(o) => {
                let mut extra = node.clone();
                extra.as_object_mut().unwrap().insert("zz_unknown".into(), json!(1));
                out.push(replaced(root, here, Some(extra)));
                for (k, child) in o {
                    here.push(PathStep::Key(k.clone()));
                    out.push(replaced(root, here, None));
                    walk(root, here, child, out);
                    here.pop();
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    here.push(PathStep::Index(i));
                    walk(root, here, child, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    walk(v, &mut Vec::new(), v, out);
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

/// `root` with the node at `path` replaced by `with`, or removed when `None`.
fn replaced(root: &Value, path: &[PathStep], with: Option<Value>) -> Value {
    let mut copy = root.clone();
    let Some((last, parents)) = path.split_last() else { return with.unwrap_or(Value::Null) };
    let mut node = &mut copy;
    for step in parents {
        node = match step {
            PathStep::Key(k) => &mut node[k.as_str()],
            PathStep::Index(i) => &mut node[*i],
        };
    }
    match (last, with) {
        (PathStep::Key(k), Some(w)) => node[k.as_str()] = w,
        (PathStep::Key(k), None) => {
            node.as_object_mut().unwrap().remove(k);
        }
        (PathStep::Index(i), Some(w)) => node[*i] = w,
        (PathStep::Index(i), None) => {
            node.as_array_mut().unwrap().remove(*i);
        }
    }
    copy
}

fn outcome(rule: &str, input: &Value, old: bool) -> String {
    OLD_READER.with(|f| f.set(old));
    let got = crate::evaluate(rule, input.clone());
    OLD_READER.with(|f| f.set(false));
    match got {
        Ok(v) => v.to_string(),
        Err(e) => format!("{} {:?} {}", e.code(), e.path(), e),
    }
}

#[test]
fn same_answers_and_errors_as_the_old_reader() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let (mut compared, mut errors) = (0usize, 0usize);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file["cases"].as_array().unwrap() {
            let rule = case["rule"].as_str().unwrap();
            let mut inputs = vec![case["input"].clone()];
            variants(&case["input"], &mut inputs);
            for input in &inputs {
                let (old, new) = (outcome(rule, input, true), outcome(rule, input, false));
                // The one intended difference: a record must be a JSON object, as the
                // schemas say. The old reader also took an array, read positionally
                // (serde_json's struct-as-sequence form, never documented).
                if old != new && new.contains("invalid type: sequence, expected struct") {
                    continue;
                }
                assert_eq!(old, new, "{rule} on {input}");
                compared += 1;
                errors += usize::from(!old.starts_with('{'));
            }
        }
    }
    // The variants must mostly fail, or this compares little.
    assert!(compared > 10_000 && errors * 2 > compared, "{compared} compared, {errors} errors");
}

/// Enum variants (none of the rule inputs had struct or tuple variants when this was
/// written): every way of getting one wrong, through both readers.
#[test]
fn enum_variants_as_the_old_reader() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case", deny_unknown_fields)]
    #[allow(dead_code)]
    enum E {
        Unit,
        New(u32),
        Pair(u32, u32),
        Rec { x: u32 },
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        e: E,
    }
    let bad = [
        json!({"e": {"rec": null}}),
        json!({"e": {"rec": 5}}),
        json!({"e": "rec"}),
        json!({"e": {"rec": {"x": "y"}}}),
        json!({"e": {"rec": {"z": 1}}}),
        json!({"e": {"pair": 5}}),
        json!({"e": "pair"}),
        json!({"e": {"pair": [1, "x"]}}),
        json!({"e": {"new": "x"}}),
        json!({"e": "new"}),
        json!({"e": {"unit": 3}}),
        json!({"e": {"other": 1}}),
        json!({"e": {"new": 1, "unit": null}}),
        json!({"e": 7}),
    ];
    for v in bad {
        let show = |r: Result<Outer>| match r {
            Ok(o) => format!("{o:?}"),
            Err(e) => format!("{} {:?} {}", e.code(), e.path(), e),
        };
        assert_eq!(show(old_from_value(v.clone())), show(super::from_value(v.clone())), "{v}");
    }
}
