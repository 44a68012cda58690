use super::*;
use proptest::prelude::*;
use serde_json::json;

fn rec(v: Value) -> MergeRecord {
    serde_json::from_value(v).unwrap()
}

fn sample() -> Vec<MergeRecord> {
    vec![
        rec(json!({"id": "A", "fields": {"name": "João da Silva", "phone": "+5511987654321", "city": "São Paulo"},
                   "children": {"contacts": ["c1"], "sales": ["s1"]}})),
        rec(json!({"id": "B", "fields": {"name": "JOAO DA SILVA", "email": "joao@x.com.br", "city": "Campinas"},
                   "children": {"contacts": ["c2"], "interactions": ["i1", "i2"], "documents": ["d1"]}})),
    ]
}

#[test]
fn plan_lists_moves_provenance_and_conflicts() {
    let ctx = Context::default();
    let p = plan(&ctx, &sample(), "A", &BTreeMap::new()).unwrap().outcome;
    assert_eq!(p.merged, ["B"]);
    assert_eq!(p.moves.len(), 4);
    assert_eq!(p.fields["name"], FieldSource { value: json!("João da Silva"), from: "A".into() });
    assert_eq!(p.fields["email"].from, "B");
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(p.conflicts[0].field, "city");
    let e = apply(&ctx, &sample(), &p).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("plan.conflicts")));
    let choices = BTreeMap::from([("city".to_owned(), "B".to_owned())]);
    let p = plan(&ctx, &sample(), "A", &choices).unwrap().outcome;
    assert_eq!(p.fields["city"], FieldSource { value: json!("Campinas"), from: "B".into() });
    let merged = apply(&ctx, &sample(), &p).unwrap().outcome;
    assert_eq!(merged.survivor.children.contacts, ["c1", "c2"]);
    assert_eq!(merged.survivor.children.interactions, ["i1", "i2"]);
    let back = revert(&ctx, &merged.survivor, &p).unwrap().outcome;
    assert_eq!(back.records, sample());
}

#[test]
fn bad_input_names_the_field() {
    let ctx = Context::default();
    let e = plan(&ctx, &sample(), "Z", &BTreeMap::new()).unwrap_err();
    assert_eq!(e.path(), Some("survivor"));
    let e = plan(&ctx, &sample()[..1], "A", &BTreeMap::new()).unwrap_err();
    assert_eq!(e.path(), Some("records"));
    let mut dup = sample();
    dup[1].id = "A".into();
    assert_eq!(plan(&ctx, &dup, "A", &BTreeMap::new()).unwrap_err().path(), Some("records[1].id"));
}

fn record(id: usize) -> impl Strategy<Value = MergeRecord> {
    let ids = proptest::collection::vec(0u8..20, 0..4);
    (
        proptest::collection::btree_map(
            prop_oneof![Just("name"), Just("city"), Just("phone")],
            prop_oneof![Just("a"), Just("A"), Just("b"), Just("")],
            0..3,
        ),
        (ids.clone(), ids.clone(), ids.clone(), ids.clone(), ids.clone(), ids),
    )
        .prop_map(move |(fields, (c, i, a, q, s, d))| {
            let name = |kind: &str, v: Vec<u8>| v.into_iter().map(|x| format!("{kind}{id}-{x}")).collect();
            MergeRecord {
                id: format!("R{id}"),
                fields: fields.into_iter().map(|(k, v)| (k.to_owned(), json!(v))).collect(),
                children: Children {
                    contacts: name("c", c),
                    interactions: name("i", i),
                    agendamentos: name("a", a),
                    quotes: name("q", q),
                    sales: name("s", s),
                    documents: name("d", d),
                },
            }
        })
}

fn all_children(records: &[MergeRecord]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = records
        .iter()
        .flat_map(|r| {
            CHILD_KINDS
                .iter()
                .flat_map(move |k| r.children.of_kind(k).iter().map(move |c| ((*k).to_owned(), c.clone())))
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// CAD-7: applying loses no child record (the multiset is preserved) and
    /// reverting gives back the original records exactly.
    #[test]
    fn merge_loses_nothing_and_reverts_exactly(
        records in (record(0), record(1), record(2)).prop_map(|(a, b, c)| vec![a, b, c]),
        survivor in 0usize..3,
        pick in proptest::collection::vec(0usize..3, 3),
    ) {
        let ctx = Context::default();
        let survivor_id = records[survivor].id.clone();
        let first = plan(&ctx, &records, &survivor_id, &BTreeMap::new()).unwrap().outcome;
        let choices: BTreeMap<String, String> = first.conflicts.iter().zip(pick.iter().cycle())
            .map(|(c, p)| (c.field.clone(), c.values[p % c.values.len()].record.clone())).collect();
        let p = plan(&ctx, &records, &survivor_id, &choices).unwrap().outcome;
        prop_assert!(p.conflicts.is_empty());
        let merged = apply(&ctx, &records, &p).unwrap().outcome;
        prop_assert_eq!(all_children(std::slice::from_ref(&merged.survivor)), all_children(&records));
        for field in records.iter().flat_map(|r| r.fields.iter()).filter(|(_, v)| !is_absent(v)).map(|(k, _)| k) {
            prop_assert!(merged.survivor.fields.contains_key(field), "field {} lost", field);
        }
        let back = revert(&ctx, &merged.survivor, &p).unwrap().outcome;
        prop_assert_eq!(back.records, records);
    }
}
