//! The JSON Schemas checked in under `schema/` are what the code emits: regenerate
//! them with `cargo run -p crm-rules-cli -- schema schema` (or `bash scripts/generate.sh`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;

#[test]
fn checked_in_schemas_are_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    let files = crm_rules::schema::files();
    let mut stale = Vec::new();
    for (name, value) in &files {
        let want = serde_json::to_string_pretty(value).unwrap() + "\n";
        match std::fs::read_to_string(dir.join(name)) {
            Ok(have) if have == want => {}
            Ok(_) => stale.push(format!("{name} differs")),
            Err(_) => stale.push(format!("{name} is missing")),
        }
    }
    let on_disk = std::fs::read_dir(dir.join("rules")).unwrap().count();
    let expected = files.keys().filter(|k| k.starts_with("rules/")).count();
    assert_eq!(on_disk, expected, "schema/rules holds files of rules that no longer exist");
    assert!(stale.is_empty(), "schema/ is not current (run `bash scripts/generate.sh`):\n{}", stale.join("\n"));
}
