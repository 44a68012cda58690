//! Runs every case of `tests/vectors/*.json` (shared with the Python and JS suites).
//! Semantics: tests/vectors/README.md.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use jsonschema::Validator;
use serde_json::Value;

/// The compiled input and answer schemas of every rule (formats checked: a date must
/// be a real `YYYY-MM-DD`).
struct Schemas(BTreeMap<&'static str, (Validator, Validator)>);

impl Schemas {
    fn new() -> Schemas {
        let compile = |s: Value| jsonschema::options().should_validate_formats(true).build(&s).unwrap();
        Schemas(
            crm_rules::registry::rules()
                .map(|r| {
                    let input = compile(crm_rules::schema::input_schema(r.name).unwrap());
                    let answer = compile(crm_rules::schema::answer_schema(r.name).unwrap());
                    (r.name, (input, answer))
                })
                .collect(),
        )
    }

    fn problems(v: &Validator, value: &Value) -> Option<String> {
        let errors: Vec<String> = v.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        (!errors.is_empty()).then(|| errors.join("; "))
    }
}

fn vector_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// `want` is included in `got`: objects by key (extra keys allowed), anything else equal.
fn includes(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w.iter().all(|(k, v)| g.get(k).is_some_and(|gv| includes(gv, v))),
        _ => got == want,
    }
}

/// Checks one case; `Err` describes the mismatch.
fn check(case: &Value, schemas: &Schemas) -> Result<(), String> {
    let rule = case["rule"].as_str().ok_or("case without a rule")?;
    let expected = &case["expected"];
    let got = crm_rules::evaluate(rule, case["input"].clone());
    let validators = schemas.0.get(rule);
    match (expected.get("error"), got) {
        (Some(want), Err(e)) => {
            // A missing field is something the input schema sees too.
            if let (Some((input, _)), "input.missing_field") = (validators, e.code()) {
                if input.is_valid(&case["input"]) {
                    return Err("the input schema accepts an input missing a required field".into());
                }
            }
            if want["code"] != e.code() {
                return Err(format!("expected error code {}, got {} ({e})", want["code"], e.code()));
            }
            if let Some(path) = want.get("path") {
                if *path != serde_json::to_value(e.path()).unwrap() {
                    return Err(format!("expected error path {path}, got {:?} ({e})", e.path()));
                }
            }
            Ok(())
        }
        (Some(want), Ok(answer)) => Err(format!("expected error {want}, got answer {answer}")),
        (None, Err(e)) => Err(format!("expected an answer, got error {} at {:?}: {e}", e.code(), e.path())),
        (None, Ok(answer)) => {
            let (input, output) = validators.ok_or("a rule without schemas")?;
            if let Some(why) = Schemas::problems(input, &case["input"]) {
                return Err(format!("the input does not validate against its schema: {why}"));
            }
            if let Some(why) = Schemas::problems(output, &answer) {
                return Err(format!("the answer does not validate against its schema: {why}"));
            }
            if let Some(want) = expected.get("outcome") {
                if answer["outcome"] != *want {
                    return Err(format!("outcome differs\n  expected: {want}\n  got:      {}", answer["outcome"]));
                }
            } else if let Some(want) = expected.get("outcome_includes") {
                if !includes(&answer["outcome"], want) {
                    return Err(format!(
                        "outcome does not include\n  expected: {want}\n  got:      {}",
                        answer["outcome"]
                    ));
                }
            } else {
                return Err("expected has neither outcome, outcome_includes nor error".into());
            }
            let cited: BTreeSet<&str> =
                answer["reasons"].as_array().unwrap().iter().filter_map(|r| r["rule"].as_str()).collect();
            for want in expected.get("reason_rules").and_then(Value::as_array).into_iter().flatten() {
                let want = want.as_str().unwrap_or_default();
                if !cited.contains(want) {
                    return Err(format!("reason {want} not cited; cited: {cited:?}"));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn shared_vectors() {
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    let mut count = 0;
    let schemas = Schemas::new();
    for file in vector_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in doc["cases"].as_array().unwrap_or_else(|| panic!("{}: no cases", file.display())) {
            count += 1;
            let name = case["name"].as_str().unwrap_or("<unnamed>").to_owned();
            assert!(names.insert(name.clone()), "duplicate case name {name}");
            if let Err(why) = check(case, &schemas) {
                failures.push(format!("{} / {name}: {why}", file.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(count >= 40, "only {count} vectors");
    assert!(failures.is_empty(), "{} of {count} vectors failed:\n{}", failures.len(), failures.join("\n"));
    println!("{count} vectors passed");
}
