#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::model::{Atendimento, Pipeline, QuoteStatus};

/// An atendimento of pipeline `vendas` with the given fields over a minimal one.
fn at(id: &str, extra: Value) -> Atendimento {
    let mut v = json!({
        "id": id, "reference": id, "title": format!("Título {id}"), "pipeline": "vendas", "account": "acc",
        "contact": {"id": "c", "name": format!("Contato {id}")}, "reason": "Interesse", "status": "Novo",
        "responsible": "ana", "created_on": "2026-03-01", "updated_on": "2026-03-05",
    });
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    serde_json::from_value(v).unwrap()
}

fn quote(id: &str, version: u32, status: &str, unit: u64, on: &str) -> Value {
    json!({"on": on, "quote": {"id": id, "account": "acc", "version": version, "status": status,
        "items": [{"description": "x", "quantity": 1, "unit_price_centavos": unit}], "created_by": "ana"}})
}

fn pipeline() -> Pipeline {
    serde_json::from_value(json!({"id": "vendas", "name": "Vendas", "authorised_users": ["ana"]})).unwrap()
}

fn input(atendimentos: Vec<Atendimento>, extra: Value) -> ListInput {
    let mut v = json!({"user": "ana", "pipeline": pipeline(), "atendimentos": atendimentos});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    crate::serde_input::from_value(v).unwrap()
}

fn list(i: &ListInput) -> Result<AtendimentoList> {
    list_atendimentos(&Context::default(), i).map(|d| d.outcome)
}

fn ids(l: &AtendimentoList) -> Vec<&str> {
    l.rows.iter().map(|r| r.id()).collect()
}

fn sample() -> Vec<Atendimento> {
    vec![
        at(
            "1042",
            json!({"title": "Renovação do certificado", "contact": {"id": "c1", "name": "João Conceição"}, "updated_on": "2026-03-12"}),
        ),
        at(
            "999",
            json!({"title": "Treinamento", "status": "Em negociação", "created_on": "2026-02-10", "updated_on": "2026-02-28"}),
        ),
        at("1100", json!({"lifecycle": "archived", "title": "Arquivado"})),
        at("1200", json!({"lifecycle": "trash", "before_trash": "active"})),
        at("1300", json!({"pipeline": "suporte"})),
    ]
}

#[test]
fn refused_without_authorisation() {
    let mut i = input(sample(), json!({}));
    i.user = "bia".into();
    let d = list_atendimentos(&Context::default(), &i).unwrap();
    assert!(!d.outcome.accepted);
    assert!(d.outcome.rows.is_empty() && d.outcome.receivable.is_none());
    assert_eq!(d.reasons.len(), 1);
    assert_eq!(d.reasons[0].rule(), "FLX-1");
}

#[test]
fn views_and_default_order() {
    let l = list(&input(sample(), json!({}))).unwrap();
    assert_eq!(ids(&l), ["1042", "999"]); // updated, descending
    assert_eq!(l.in_view, 2);
    assert_eq!(ids(&list(&input(sample(), json!({"view": "archived"}))).unwrap()), ["1100"]);
    assert_eq!(ids(&list(&input(sample(), json!({"view": "trash"}))).unwrap()), ["1200"]);
}

#[test]
fn search_fields_accents_and_dates() {
    let s = |q: &str| ids(&list(&input(sample(), json!({"search": q}))).unwrap()).join(",");
    assert_eq!(s("104"), "1042");
    assert_eq!(s("  RENOVACAO "), "1042");
    assert_eq!(s("conceição"), "1042");
    assert_eq!(s("treinamento"), "999");
    assert_eq!(s("12/03/2026"), "1042");
    assert_eq!(s("2026-02-28"), "999");
    assert_eq!(s("10/02/2026"), "999"); // creation date
    assert_eq!(s("03/2026"), "1042"); // 999: 10/02/2026 and 28/02/2026
    assert_eq!(s("2026-02"), "999");
    assert_eq!(s("12/3/2026"), "");
    assert_eq!(s(""), "1042,999");
}

#[test]
fn neighbours_and_ends() {
    let three = vec![at("a", json!({})), at("b", json!({})), at("c", json!({}))];
    let n = |cur: &str| list(&input(three.clone(), json!({"current": cur}))).map(|l| l.neighbours.unwrap());
    // All updated the same day: ties keep the input order even descending.
    let first = n("a").unwrap();
    assert_eq!((first.previous, first.next.as_deref(), first.position), (None, Some("b"), 1));
    let mid = n("b").unwrap();
    assert_eq!((mid.previous.as_deref(), mid.next.as_deref()), (Some("a"), Some("c")));
    let last = n("c").unwrap();
    assert_eq!((last.previous.as_deref(), last.next, last.position), (Some("b"), None, 3));
    let e = n("zzz").unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("current")));
}

#[test]
fn value_is_the_current_version_of_the_last_quote() {
    let a = at(
        "a",
        json!({"quotes": [
            quote("q1", 1, "superseded", 100, "2026-03-01"),
            quote("q1", 2, "awaiting_approval", 250, "2026-03-02"),
            quote("q2", 1, "approved", 900, "2026-03-01"),
        ]}),
    );
    let b =
        at("b", json!({"lifecycle": "archived", "quotes": [quote("q3", 1, "awaiting_approval", 40, "2026-03-01")]}));
    let t = at("t", json!({"lifecycle": "trash", "quotes": [quote("q4", 1, "awaiting_approval", 7, "2026-03-01")]}));
    let o = at("o", json!({"pipeline": "outro", "quotes": [quote("q5", 1, "awaiting_approval", 7, "2026-03-01")]}));
    let l = list(&input(vec![a, b, t, o], json!({"search": "zzz-nothing"}))).unwrap();
    // The search filters the rows, not the pipeline's a receber: q1 v2 (250) + q3 (40).
    assert!(l.rows.is_empty());
    assert_eq!(l.receivable, Some(Receivable { centavos: 290, quotes: 2 }));
    let l = list(&input(vec![at("a", json!({"quotes": [quote("q1", 2, "awaiting_approval", 250, "2026-03-02"), quote("q1", 1, "superseded", 100, "2026-03-01")]}))], json!({}))).unwrap();
    assert_eq!(l.rows.get(0).map(|r| r.value_centavos()), Some(Some(250)));
    let none = list(&input(vec![at("a", json!({}))], json!({}))).unwrap();
    assert_eq!(none.rows.get(0).map(|r| r.value_centavos()), Some(None));
}

#[test]
fn money_errors_name_their_path() {
    let big = u64::MAX / 2 + 1;
    let a = at("a", json!({"quotes": [quote("q1", 1, "awaiting_approval", big, "2026-03-01")]}));
    let b = at("b", json!({"quotes": [quote("q2", 1, "awaiting_approval", big, "2026-03-01")]}));
    let e = list(&input(vec![a, b], json!({}))).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("atendimentos[1].quotes[0]")));
    let mut over = quote("q1", 1, "awaiting_approval", u64::MAX, "2026-03-01");
    over["quote"]["items"][0]["quantity"] = json!(2);
    let e = list(&input(vec![at("a", json!({"quotes": [over]}))], json!({}))).unwrap_err();
    assert_eq!(e.path(), Some("atendimentos[0].quotes[0].quote.items[0].unit_price_centavos"));
    let twice = at(
        "a",
        json!({"quotes": [quote("q1", 1, "superseded", 1, "2026-03-01"), quote("q1", 1, "awaiting_approval", 1, "2026-03-01")]}),
    );
    let e = list(&input(vec![twice], json!({}))).unwrap_err();
    assert_eq!(e.path(), Some("atendimentos[0].quotes[1].quote.version"));
}

fn tricky() -> Vec<Atendimento> {
    vec![
        at(
            "a",
            json!({"reference": "1042", "title": "Proposta; versão \"final\", revisada", "contact": {"id": "c", "name": "Conceição, Maria", "phone": "(11) 98765-4321", "email": "maria@exemplo.com.br"},
            "interactions": [
                {"on": "2026-03-04", "by": "bia", "interaction": {"channel": "email", "note": "segunda"}},
                {"on": "2026-03-03", "by": "ana", "interaction": {"channel": "phone", "reason": "Retorno", "note": "Linha 1\r\nLinha 2; fim"}},
            ]}),
        ),
        at("b", json!({"reference": "7", "title": "Simples"})),
    ]
}

#[test]
fn csv_reads_back_with_the_same_fields() {
    let d = export_atendimentos(&Context::default(), &tricky(), &["a".into(), "b".into()]).unwrap();
    let csv_text = &d.outcome.csv;
    assert!(csv_text.ends_with("\r\n"));
    assert!(csv_text.contains("\"Proposta; versão \"\"final\"\", revisada\""));
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, CSV_HEADER);
    let records: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    assert_eq!(
        records,
        [
            vec![
                "1042",
                "Proposta; versão \"final\", revisada",
                "Conceição, Maria",
                "(11) 98765-4321",
                "maria@exemplo.com.br",
                "03/03/2026",
                "ana",
                "Retorno",
                "Linha 1\r\nLinha 2; fim"
            ],
            vec!["7", "Simples", "Contato b", "", "", "", "", "", ""],
        ]
    );
    // A field with `;` alone is quoted too.
    let mut one = tricky();
    one[1].title = "a;b".into();
    let d = export_atendimentos(&Context::default(), &one, &["b".into()]).unwrap();
    assert!(d.outcome.csv.ends_with("7,\"a;b\",Contato b,,,,,,\r\n"), "{}", d.outcome.csv);
}

#[test]
fn export_text_order_and_errors() {
    let d = export_atendimentos(&Context::default(), &tricky(), &["b".into(), "a".into()]).unwrap();
    assert_eq!(ids_export(&d.outcome), ["b", "a"]);
    assert_eq!(
        d.outcome.text,
        "Atendimento 7 — Simples\nContato: Contato b\nTelefone: não informado\nE-mail: não informado\nPrimeira interação: nenhuma\n\n\
         Atendimento 1042 — Proposta; versão \"final\", revisada\nContato: Conceição, Maria\nTelefone: (11) 98765-4321\n\
         E-mail: maria@exemplo.com.br\nPrimeira interação: 03/03/2026, por ana\nMotivo: Retorno\nNota: Linha 1\r\nLinha 2; fim\n"
    );
    let err = |sel: &[&str]| {
        let sel: Vec<String> = sel.iter().map(|s| (*s).to_owned()).collect();
        export_atendimentos(&Context::default(), &tricky(), &sel).unwrap_err().path().map(str::to_owned)
    };
    assert_eq!(err(&["a", "b", "x"]).as_deref(), Some("selected[2]"));
    assert_eq!(err(&["a", "a"]).as_deref(), Some("selected[1]"));
    assert_eq!(err(&[]).as_deref(), Some("selected"));
}

fn ids_export(e: &Export) -> Vec<&str> {
    e.rows.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn print_has_every_interaction() {
    let d = print_atendimento(&Context::default(), &tricky()[0]).unwrap();
    assert_eq!(d.outcome.interactions, 2);
    let t = &d.outcome.text;
    assert!(t.starts_with("Atendimento 1042 — Proposta; versão \"final\", revisada\nSituação: Novo\n"));
    assert!(t.contains(
        "\nInterações (2):\n\n1. 04/03/2026 — bia — E-mail\nNota: segunda\n\n2. 03/03/2026 — ana — Telefone\n"
    ));
    let none = print_atendimento(&Context::default(), &tricky()[1]).unwrap();
    assert!(none.outcome.text.ends_with("Interações (0):\nnenhuma\n"));
}

const COLUMNS: [Column; 7] = [
    Column::Status,
    Column::Reference,
    Column::Title,
    Column::Contact,
    Column::Value,
    Column::Updated,
    Column::Created,
];

/// status, reference, name, day, quotes (quote id, version, status, price), lifecycle.
type Spec = (u8, u8, u8, u8, Vec<(u8, u8, u8, u16)>, u8);

fn arb_atendimento() -> impl Strategy<Value = Spec> {
    // status, reference, name, day, quotes (quote id, version, status, price), lifecycle
    (0u8..4, 0u8..6, 0u8..4, 1u8..5, proptest::collection::vec((0u8..3, 1u8..4, 0u8..3, 0u16..1000), 0..4), 0u8..3)
}

fn build(n: usize, (s, r, name, day, quotes, life): Spec) -> Atendimento {
    let statuses = ["Novo", "novo", "Ganho", "Em negociação"];
    let refs = ["7", "07", "1042", "A-1", "a-1", "999"];
    let names = ["Ana", "ana", "Álvaro", "Zé"];
    let mut seen = std::collections::HashSet::new();
    let quotes: Vec<Value> = quotes
        .into_iter()
        .filter(|(q, v, _, _)| seen.insert((*q, *v)))
        .map(|(q, v, st, p)| {
            let st = ["awaiting_approval", "approved", "superseded"][usize::from(st)];
            quote(&format!("q{q}"), u32::from(v), st, u64::from(p), &format!("2026-03-0{day}"))
        })
        .collect();
    let lifecycle = ["active", "archived", "trash"][usize::from(life)];
    at(
        &format!("id{n}"),
        json!({"status": statuses[usize::from(s)], "reference": refs[usize::from(r)], "contact": {"id": "c", "name": names[usize::from(name)]},
            "title": names[usize::from(name)], "updated_on": format!("2026-03-0{day}"), "created_on": format!("2026-02-0{}", 5 - day),
            "lifecycle": lifecycle, "quotes": quotes}),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A receber = the sum of the awaiting current versions (the highest version of each
    /// quote), over the pipeline's atendimentos not in the trash, computed independently.
    #[test]
    fn receivable_is_the_sum_of_awaiting_current_versions(specs in proptest::collection::vec(arb_atendimento(), 0..12)) {
        let all: Vec<Atendimento> = specs.into_iter().enumerate().map(|(n, s)| build(n, s)).collect();
        let mut want = (0u64, 0usize);
        for a in all.iter().filter(|a| a.lifecycle != Lifecycle::Trash) {
            for q in &a.quotes {
                let highest = a.quotes.iter().filter(|o| o.quote.id == q.quote.id).map(|o| o.quote.version).max();
                if Some(q.quote.version) == highest && q.quote.status == QuoteStatus::AwaitingApproval {
                    want.0 += q.quote.items.iter().map(|i| i.unit_price_centavos * u64::from(i.quantity)).sum::<u64>();
                    want.1 += 1;
                }
            }
        }
        let got = list(&input(all, json!({"search": "no such text"}))).unwrap().receivable.unwrap();
        prop_assert_eq!((got.centavos, got.quotes), want);
    }

    /// For every column and direction: the rows are a permutation of the view, in order,
    /// and equal keys keep their input order.
    #[test]
    fn sort_is_a_stable_permutation(specs in proptest::collection::vec(arb_atendimento(), 0..16)) {
        let mut all: Vec<Atendimento> = specs.into_iter().enumerate().map(|(n, s)| build(n, s)).collect();
        for a in &mut all {
            a.lifecycle = Lifecycle::Active;
        }
        for column in COLUMNS {
            for direction in [Direction::Ascending, Direction::Descending] {
                let i = input(all.clone(), json!({"sort_by": column, "direction": direction}));
                let l = list(&i).unwrap();
                let pos = |id: &str| all.iter().position(|a| a.id == id).unwrap();
                let mut got: Vec<usize> = l.rows.iter().map(|r| pos(r.id())).collect();
                for w in got.windows(2) {
                    let (a, b) = (&all[w[0]], &all[w[1]]);
                    let (va, vb) = (l.rows.iter().find(|r| r.id() == a.id).unwrap().value_centavos(), l.rows.iter().find(|r| r.id() == b.id).unwrap().value_centavos());
                    let mut f = order::Folded::default();
                    let (ka, kb) = (order::key(column, a, va, &mut f), order::key(column, b, vb, &mut f));
                    let ord = order::compare(&ka, &kb, direction, &f);
                    prop_assert!(ord != std::cmp::Ordering::Greater, "{:?} {:?}", column, direction);
                    if ord == std::cmp::Ordering::Equal {
                        prop_assert!(w[0] < w[1], "tie out of input order: {:?} {:?}", column, direction);
                    }
                }
                got.sort_unstable();
                prop_assert_eq!(got, (0..all.len()).collect::<Vec<_>>());
            }
        }
    }
}
