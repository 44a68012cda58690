//! ATD-4 at CRM scale: `atendimento.list` over 100 000 atendimentos of one pipeline —
//! no search, a text search, sorted by two columns — through the typed API and through
//! `evaluate_json` (text in, text out), with a serde_json round trip of the same input
//! as baseline. The goal: under 100 ms in Rust.
//! Run: cargo bench -p crm-rules --bench atendimentos
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crm_rules::model::{Atendimento, Pipeline};
use crm_rules::rules::atendimento_list::{list_atendimentos, Column, Direction, ListInput};
use crm_rules::Context;
use serde_json::json;

const SURNAMES: [&str; 5] = ["Silva", "Conceição", "Souza", "Araújo", "Lima"];
const STATUSES: [&str; 5] = ["Novo", "Em negociação", "Proposta enviada", "Ganho", "Perdido"];
const SUBJECTS: [&str; 4] = ["Certificado digital", "Treinamento", "Renovação de licença", "Integração"];

/// A small deterministic generator (xorshift), so every run sees the same atendimentos.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// `n` atendimentos as JSON: 90 % in pipeline `vendas`, 80 % of them active, 10 %
/// archived, 10 % in the trash; 0–2 quotes of 1–2 versions, 1–3 items; 0–2 interactions.
fn atendimentos(n: usize) -> Vec<serde_json::Value> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let created = base + chrono::Days::new(r.next(700) as u64);
            let updated = created + chrono::Days::new(r.next(60) as u64);
            let lifecycle = ["active", "active", "active", "active", "active", "active", "active", "active", "archived", "trash"][r.next(10)];
            let quotes: Vec<_> = (0..r.next(3))
                .flat_map(|q| {
                    let versions = 1 + r.next(2);
                    let approved = r.next(4) == 0;
                    let items: Vec<_> = (0..1 + r.next(3))
                        .map(|k| json!({"description": format!("Item {k}"), "quantity": 1 + r.next(5), "unit_price_centavos": 1000 * (1 + r.next(500))}))
                        .collect();
                    (1..=versions)
                        .map(|v| {
                            let status = if v < versions { "superseded" } else if approved { "approved" } else { "awaiting_approval" };
                            json!({"on": updated, "quote": {"id": format!("q{i}-{q}"), "account": format!("acc-{i}"), "version": v, "status": status, "items": items, "created_by": "u1"}})
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            let interactions: Vec<_> = (0..r.next(3))
                .map(|k| json!({"on": created + chrono::Days::new(k as u64), "by": format!("u{}", r.next(20)), "interaction": {"channel": "phone", "reason": "Retorno", "note": "Cliente pediu proposta."}}))
                .collect();
            json!({
                "id": format!("at-{i}"),
                "reference": format!("{}", 1000 + i),
                "title": format!("{} {i}", SUBJECTS[r.next(4)]),
                "pipeline": if r.next(10) == 0 { "suporte" } else { "vendas" },
                "account": format!("acc-{i}"),
                "contact": {"id": format!("c{i}"), "name": format!("{} {} {i}", ["Ana", "João", "Márcia", "Zé"][r.next(4)], SURNAMES[r.next(5)]), "phone": "(11) 98765-4321", "email": format!("c{i}@exemplo.com.br")},
                "reason": "Interesse",
                "status": STATUSES[r.next(5)],
                "lifecycle": lifecycle,
                "tags": if r.next(3) == 0 { vec!["Quente"] } else { vec![] },
                "responsible": format!("u{}", r.next(20)),
                "created_on": created,
                "updated_on": updated,
                "interactions": interactions,
                "quotes": quotes,
            })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let ctx = Context::default();
    let n = 100_000usize;
    let list = atendimentos(n);
    let pipeline = json!({"id": "vendas", "name": "Vendas", "authorised_users": ["u0", "u1"]});
    let typed: Vec<Atendimento> = serde_json::from_value(json!(list)).unwrap();
    let pipeline_typed: Pipeline = serde_json::from_value(pipeline.clone()).unwrap();
    let input = |search: Option<&str>, sort_by: Column, direction: Direction| ListInput {
        user: "u1".into(),
        pipeline: pipeline_typed.clone(),
        atendimentos: typed.clone(),
        view: crm_rules::model::Lifecycle::Active,
        search: search.map(str::to_owned),
        sort_by,
        direction,
        current: None,
    };
    let mut g = c.benchmark_group("atendimento_list");
    g.sample_size(10);
    for (name, i) in [
        ("typed_no_search_updated_desc", input(None, Column::Updated, Direction::Descending)),
        ("typed_search_conceicao_updated_desc", input(Some("conceicao"), Column::Updated, Direction::Descending)),
        ("typed_search_date_03_2025", input(Some("03/2025"), Column::Updated, Direction::Descending)),
        ("typed_no_search_title_asc", input(None, Column::Title, Direction::Ascending)),
        ("typed_no_search_value_desc", input(None, Column::Value, Direction::Descending)),
    ] {
        g.bench_function(BenchmarkId::new(name, n), |b| b.iter(|| list_atendimentos(&ctx, black_box(&i)).unwrap()));
    }
    let text = serde_json::to_string(&json!({"user": "u1", "pipeline": pipeline, "atendimentos": list, "sort_by": "title", "direction": "ascending"})).unwrap();
    g.bench_function(BenchmarkId::new("evaluate_json_title_asc", n), |b| {
        b.iter(|| crm_rules::evaluate_json("atendimento.list", black_box(&text)))
    });
    g.bench_function(BenchmarkId::new("json_round_trip", n), |b| {
        b.iter(|| serde_json::to_string(&serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
