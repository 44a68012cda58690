//! Every answer to the shared vectors — outcome *and* reasons, messages and facts
//! included — is what it was when `tests/vectors/answers.fnv` was recorded: a guard
//! for refactorings of how decisions and reasons are built (e.g. rendering messages
//! on demand). The vectors themselves check outcomes against the spec; this checks
//! that nothing else moved.
//!
//! After a deliberate change of a message or fact, record again with
//! `CRM_RECORD_ANSWERS=1 cargo test -p crm-rules --test answers_unchanged` and
//! review the diff of `answers.fnv` (one line per vector).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

/// FNV-1a, 64 bits: enough to notice any change of a canonical answer.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The answer as canonical JSON text (object keys sorted), or the error's code and path.
fn canonical(rule: &str, input: &Value) -> String {
    match crm_rules::evaluate(rule, input.clone()) {
        // `Value` keeps its keys sorted: its text is canonical.
        Ok(answer) => answer.to_string(),
        Err(e) => format!("error {} {:?}", e.code(), e.path()),
    }
}

#[test]
fn answers_to_the_vectors_are_unchanged() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut now = BTreeMap::new();
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let text = canonical(case["rule"].as_str().unwrap(), &case["input"]);
            now.insert(case["name"].as_str().unwrap().to_owned(), format!("{:016x}", fnv(&text)));
        }
    }
    let recorded_path = root.join("answers.fnv");
    let text: String = now.iter().map(|(name, hash)| format!("{hash} {name}\n")).collect();
    if std::env::var_os("CRM_RECORD_ANSWERS").is_some() {
        std::fs::write(&recorded_path, &text).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(&recorded_path).unwrap();
    let changed: Vec<&str> = text
        .lines()
        .zip(recorded.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.split_once(' ').map_or(a, |(_, n)| n))
        .collect();
    assert_eq!(text.lines().count(), recorded.lines().count(), "vectors added or removed: record again");
    assert!(changed.is_empty(), "{} answers changed: {changed:?}", changed.len());
}
