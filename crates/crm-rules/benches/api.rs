//! Per-call cost of the JSON API, for comparison with the Python and JS bindings
//! (`bindings/python/bench/bench_api.py`, `bindings/wasm/bench/bench_api.mjs`), on the
//! cases of `benches/manifest.json` (inputs under `benches/inputs/`); `scripts/bench.sh`
//! runs the three and prints one table.
//!
//! `cargo bench -p crm-rules --bench api -- --warm-up-time 1 --measurement-time 3`
//!
//! Per case: `evaluate` (Value in, Value out; the input's clone is made outside the
//! timing by `iter_batched`), `evaluate_json` (text in, text out) and, as the baseline,
//! a serde_json round trip of the input text (`from_str::<Value>` then `to_string`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use serde_json::Value;

fn bench(c: &mut Criterion) {
    let benches = concat!(env!("CARGO_MANIFEST_DIR"), "/../../benches/");
    let inputs = format!("{benches}inputs/");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{benches}manifest.json")).unwrap()).unwrap();
    let mut g = c.benchmark_group("api");
    for case in manifest["cases"].as_array().unwrap() {
        let (id, rule, file) =
            (case["name"].as_str().unwrap(), case["rule"].as_str().unwrap(), case["input"].as_str().unwrap());
        let text = std::fs::read_to_string(format!("{inputs}{file}")).expect(file);
        let value: Value = serde_json::from_str(&text).unwrap();
        // The input must give a decision, not an error.
        let answer = crm_rules::evaluate(rule, value.clone()).unwrap_or_else(|e| panic!("{rule}: {e}"));
        assert!(answer.get("outcome").is_some(), "{rule}: {answer}");

        g.bench_function(BenchmarkId::new("evaluate", id), |b| {
            b.iter_batched(
                || value.clone(),
                |v| crm_rules::evaluate(black_box(rule), v).unwrap(),
                BatchSize::SmallInput,
            )
        });
        g.bench_function(BenchmarkId::new("evaluate_json", id), |b| {
            b.iter(|| crm_rules::evaluate_json(black_box(rule), black_box(&text)))
        });
        g.bench_function(BenchmarkId::new("json_round_trip", id), |b| {
            b.iter(|| serde_json::to_string(&serde_json::from_str::<Value>(black_box(&text)).unwrap()).unwrap())
        });
    }
    // The typed API: the input already read, the decision built with its reasons
    // (rendered only when read).
    let text = std::fs::read_to_string(format!("{inputs}contact_inbound_20.json")).unwrap();
    let contact: crm_rules::InboundContact = serde_json::from_str(&text).unwrap();
    let ctx = crm_rules::Context::default();
    g.bench_function(BenchmarkId::new("typed", "contact.inbound.20"), |b| {
        b.iter(|| crm_rules::rules::inbound::inbound_contact(&ctx, black_box(&contact)).unwrap())
    });
    let date = crm_rules::parse_date("2026-11-20").unwrap();
    g.bench_function(BenchmarkId::new("typed", "calendar.is_business_day"), |b| {
        b.iter(|| crm_rules::rules::calendar::is_business_day(&ctx, black_box(date)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
