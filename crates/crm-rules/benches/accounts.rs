//! ACC-4 at CRM scale: `account.query` over 100 000 accounts (the README's worked
//! query, and a text search), through the typed API and through `evaluate_json`
//! (text in, text out), with a serde_json round trip of the same input as baseline.
//! The goal: under 50 ms in Rust, linear in the accounts (10 000 vs 100 000).
//! Run: cargo bench -p crm-rules --bench accounts
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crm_rules::rules::account_query::{query_accounts, Query};
use crm_rules::{AccountContact, AccountRecord, Classification, Context, InterestArea, PortfolioUser, Scope};
use serde_json::json;

const NEEDS: [&str; 4] = ["Certificado digital", "Treinamento", "Mais advogados", "Integração com o tribunal"];
const AREAS: [&str; 5] = ["Tributário", "Trabalhista", "Cível", "Previdenciário", "Família"];
const CLASSES: [Classification; 4] =
    [Classification::Lead, Classification::Prospect, Classification::Client, Classification::Other];

/// A small deterministic generator (xorshift), so every run sees the same accounts.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn accounts(n: usize) -> Vec<AccountRecord> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let classification = CLASSES[r.next(4)];
            AccountRecord {
                id: format!("acc-{i}"),
                name: format!("{} Advogados {i}", ["Silva", "Conceição", "Souza", "Araújo"][r.next(4)]),
                classification,
                other_label: (classification == Classification::Other).then(|| "Parceiro".into()),
                responsibles: vec![format!("u{}", r.next(20))],
                contacts: vec![AccountContact {
                    name: format!("Contato {i}"),
                    cpf: None,
                    email: Some(format!("contato{i}@exemplo.com.br")),
                    phones: vec!["(11) 98765-4321".into()],
                }],
                relationships: vec![],
                characteristics: vec![],
                interests: (0..r.next(4))
                    .map(|_| InterestArea { area: AREAS[r.next(5)].into(), interested: r.next(10) < 6 })
                    .collect(),
                unmet_needs: (0..r.next(3)).map(|_| NEEDS[r.next(4)].into()).collect(),
                documents: vec![],
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let ctx = Context::default();
    let user = PortfolioUser { id: "u0".into(), scope: Scope::Team, team: (1..5).map(|i| format!("u{i}")).collect() };
    let worked: Query = serde_json::from_value(
        json!({"and": [{"unmet_need": "Certificado digital"}, {"not": {"disinterested_in": "Tributário"}}]}),
    )
    .unwrap();
    let text: Query = serde_json::from_value(json!({"text": "conceicao"})).unwrap();
    let mut g = c.benchmark_group("account_query");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        let all = accounts(n);
        g.bench_function(BenchmarkId::new("typed_worked_query", n), |b| {
            b.iter(|| query_accounts(&ctx, black_box(&user), black_box(&all), &worked).unwrap())
        });
        g.bench_function(BenchmarkId::new("typed_text_search", n), |b| {
            b.iter(|| query_accounts(&ctx, black_box(&user), black_box(&all), &text).unwrap())
        });
        let input = serde_json::to_string(&json!({"user": user, "accounts": all, "query": worked})).unwrap();
        g.bench_function(BenchmarkId::new("evaluate_json_worked_query", n), |b| {
            b.iter(|| crm_rules::evaluate_json("account.query", black_box(&input)))
        });
        g.bench_function(BenchmarkId::new("json_round_trip", n), |b| {
            b.iter(|| {
                serde_json::to_string(&serde_json::from_str::<serde_json::Value>(black_box(&input)).unwrap()).unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
