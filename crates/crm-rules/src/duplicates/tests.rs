#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;

use super::*;

fn rec(id: &str, name: &str, document: Option<&str>, emails: &[&str], phones: &[&str]) -> DuplicateRecord {
    DuplicateRecord {
        id: id.to_owned(),
        name: name.to_owned(),
        document: document.map(str::to_owned),
        emails: emails.iter().map(|s| (*s).to_owned()).collect(),
        phones: phones.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn policy() -> DuplicatesPolicy {
    DuplicatesPolicy::default()
}

/// A policy under which a similar name alone makes a candidate (name blocks in use).
fn name_policy() -> DuplicatesPolicy {
    let mut p = DuplicatesPolicy::default();
    p.weights.name = 0.5;
    p
}

fn ids(c: &[Candidate]) -> Vec<&str> {
    c.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn fields_scores_and_order() {
    let records = vec![
        rec("1", "João da Silva", Some("529.982.247-25"), &["joao@silva.adv.br"], &["(11) 98765-4321"]),
        rec("2", "Silva, Joao", Some("52998224725"), &["JOAO@Silva.adv.br"], &["+55 11 987654321"]),
        rec("3", "Maria Souza", Some("52998224725"), &[], &[]),
        rec("4", "Joao Silva", None, &["joao@silva.adv.br"], &[]),
        rec("5", "Pedro Costa", None, &[], &["11 98765-4321"]),
        rec("6", "Ana Lima", Some("123.456.789-00"), &["not an e-mail"], &["123"]),
    ];
    let index = DuplicateIndex::build(&records, &policy());
    assert_eq!(index.len(), 6);
    let found = index.candidates_for(&records[0]);
    assert_eq!(ids(&found), ["2", "4", "3"]);
    assert_eq!(found[0].matched, ["document", "email", "phone", "name"]);
    assert_eq!(found[0].score, 1.0);
    assert_eq!(found[1].matched, ["email", "name"]);
    assert!((found[1].score - 0.7).abs() < 1e-9);
    assert_eq!(found[2].matched, ["document"]);
    assert!((found[2].score - 0.6).abs() < 1e-9);
    // Phone only (0.3) is under the threshold.
    assert!(!ids(&found).contains(&"5"));
    // Invalid keys are no keys.
    let six = rec("7", "Ana Lima", Some("123.456.789-00"), &["not an e-mail"], &["123"]);
    assert!(index.candidates_for(&six).iter().all(|c| c.id != "6"));

    let all = index.all_candidates();
    let pairs: Vec<(&str, &str)> = all.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    assert_eq!(pairs, [("1", "2"), ("1", "4"), ("2", "4"), ("1", "3"), ("2", "3")]);
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_record_is_not_its_own_duplicate_and_ids_are_reported_once() {
    let records = vec![
        rec("a", "Ana Lima", Some("529.982.247-25"), &[], &[]),
        rec("a", "Ana Lima", Some("529.982.247-25"), &[], &[]),
        rec("b", "Ana Lima", Some("529.982.247-25"), &[], &[]),
    ];
    let index = DuplicateIndex::build(&records, &policy());
    let found = index.candidates_for(&records[0]);
    assert_eq!(ids(&found), ["b"]);
    let all = index.all_candidates();
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].a.as_str(), all[0].b.as_str()), ("a", "b"));
    assert_eq!(all[0].matched, ["document", "name"]);
}

#[test]
fn names_alone_need_a_policy_that_lets_them_count() {
    let records = vec![
        rec("1", "Fernanda Carvalho de Oliveira", None, &[], &[]),
        rec("2", "oliveira CARVALHO fernada", None, &[], &[]),
        rec("3", "Roberto Pereira", None, &[], &[]),
        rec("4", "", None, &[], &[]),
        rec("5", "", None, &[], &[]),
    ];
    assert!(DuplicateIndex::build(&records, &policy()).all_candidates().is_empty());
    let index = DuplicateIndex::build(&records, &name_policy());
    let all = index.all_candidates();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!((all[0].a.as_str(), all[0].b.as_str()), ("1", "2"));
    assert_eq!(all[0].matched, ["name"]);
    assert!(index.candidates_for(&rec("x", "", None, &[], &[])).is_empty());
    assert_eq!(ids(&index.candidates_for(&rec("x", "Roberto Pereyra", None, &[], &[]))), ["3"]);
}

#[test]
fn scores_are_capped_and_the_threshold_is_inclusive() {
    let mut p = policy();
    p.weights.phone = 0.5;
    let records = vec![
        rec("1", "Ana", Some("529.982.247-25"), &["a@b.com"], &["11 98765-4321"]),
        rec("2", "Ana", Some("529.982.247-25"), &["a@b.com"], &["11 98765-4321"]),
        rec("3", "Zé", None, &[], &["11 98765-4321"]),
    ];
    let all = DuplicateIndex::build(&records, &p).all_candidates();
    assert_eq!(all[0].score, 1.0);
    assert_eq!(all.len(), 3);
    assert!(all.iter().filter(|c| c.b == "3").all(|c| c.score == 0.5 && c.matched == ["phone"]));
}

#[test]
fn oversized_blocks_are_skipped() {
    let mut records: Vec<DuplicateRecord> = (0..=MAX_EXACT_BLOCK)
        .map(|i| rec(&format!("r{i:05}"), &format!("Person {i}"), None, &["contabilidade@escritorio.com.br"], &[]))
        .collect();
    records.push(rec("x", "Other", Some("529.982.247-25"), &[], &[]));
    records.push(rec("y", "Other", Some("52998224725"), &[], &[]));
    let mut p = policy();
    p.weights.email = 0.5;
    let index = DuplicateIndex::build(&records, &p);
    let all = index.all_candidates();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].a, "x");
    assert!(index.candidates_for(&records[0]).is_empty());
}

#[test]
fn serde_shape() {
    let r: DuplicateRecord = serde_json::from_value(serde_json::json!({"id": "1", "name": "Ana"})).unwrap();
    assert_eq!(r.document, None);
    assert!(r.emails.is_empty() && r.phones.is_empty());
    let bad = serde_json::from_value::<DuplicateRecord>(serde_json::json!({"id": "1", "nome": "Ana"}));
    assert!(bad.is_err());
    let c = Candidate { id: "2".into(), score: 0.7, matched: vec!["email".into(), "name".into()] };
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        serde_json::json!({"id": "2", "score": 0.7, "matched": ["email", "name"]})
    );
}

// --- property tests -------------------------------------------------------------

fn cpf(base: u64) -> String {
    let digits: Vec<u32> = format!("{:09}", base % 1_000_000_000).bytes().map(|b| u32::from(b - b'0')).collect();
    let check = |ds: &[u32]| {
        let n = ds.len() as u32 + 1;
        let s: u32 = ds.iter().enumerate().map(|(i, d)| d * (n - i as u32)).sum();
        let r = (s * 10) % 11;
        if r == 10 {
            0
        } else {
            r
        }
    };
    let mut all = digits.clone();
    all.push(check(&all));
    all.push(check(&all));
    all.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect()
}

const FIRST: &[&str] = &["João", "Maria", "José", "Ana", "Antônio", "Francisca", "Luís", "Márcia", "Cauê", "Lúcia"];
const LAST: &[&str] = &["Silva", "Conceição", "Araújo", "Gonçalves", "Ribeiro", "Simões", "Magalhães", "Brandão"];

fn strip_accents(s: &str) -> String {
    crate::identifiers::search_key(s)
}

prop_compose! {
    fn arb_record(id: usize)(
        first in 0..FIRST.len(), last in proptest::collection::vec(0..LAST.len(), 1..3),
        doc in proptest::option::of(0u64..1_000_000_000),
        phone in proptest::option::of(10_000_000u32..99_999_999),
        email in proptest::option::of(0u32..1_000),
    ) -> DuplicateRecord {
        let mut name = FIRST[first].to_owned();
        for l in &last {
            name.push_str(" da ");
            name.push_str(LAST[*l]);
        }
        DuplicateRecord {
            id: format!("r{id:03}"),
            name,
            document: doc.map(cpf),
            emails: email.map(|e| format!("user{e}@mail.com.br")).into_iter().collect(),
            phones: phone.map(|p| format!("(11) 9{:04}-{:04}", p / 10_000, p % 10_000)).into_iter().collect(),
        }
    }
}

fn arb_records() -> impl Strategy<Value = Vec<DuplicateRecord>> {
    (0usize..30).prop_flat_map(|n| (0..n).map(arb_record).collect::<Vec<_>>())
}

/// The same person typed again: document with the mask, phone in E.164 with spaces,
/// e-mail upper-cased, name words reversed and accents removed.
fn retyped(r: &DuplicateRecord) -> DuplicateRecord {
    let mask = |d: &str| format!("{}.{}.{}-{}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]);
    let phone = |p: &str| {
        let digits: String = p.chars().filter(char::is_ascii_digit).collect();
        format!("+55 {} {}", &digits[0..2], &digits[2..])
    };
    let mut words: Vec<&str> = r.name.split(' ').collect();
    words.reverse();
    DuplicateRecord {
        id: "planted".to_owned(),
        name: strip_accents(&words.join(" ")).to_uppercase(),
        document: r.document.as_deref().map(mask),
        emails: r.emails.iter().map(|e| e.to_uppercase()).collect(),
        phones: r.phones.iter().map(|p| phone(p)).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_retyped_copy_is_always_found(records in arb_records(), pick in any::<prop::sample::Index>(), named in any::<bool>()) {
        prop_assume!(!records.is_empty());
        let original = pick.get(&records).clone();
        prop_assume!(original.document.is_some() || !original.emails.is_empty() || !original.phones.is_empty());
        let copy = retyped(&original);
        let p = if named { name_policy() } else { policy() };
        let mut with_copy = records.clone();
        with_copy.push(copy.clone());
        let index = DuplicateIndex::build(&with_copy, &p);
        let found = index.candidates_for(&copy);
        let hit = found.iter().find(|c| c.id == original.id);
        prop_assert!(hit.is_some(), "{copy:?} not matched to {original:?}: {found:?}");
        prop_assert!(hit.is_some_and(|c| c.matched.iter().any(|m| m == "name")));
        let all = index.all_candidates();
        prop_assert!(all.iter().any(|c| c.a == "planted" && c.b == original.id));
    }

    #[test]
    fn results_do_not_depend_on_input_order(records in arb_records(), seed in any::<u64>(), named in any::<bool>()) {
        let p = if named { name_policy() } else { policy() };
        let mut shuffled = records.clone();
        // Fisher-Yates with a SplitMix64 stream.
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let j = (state % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let a = DuplicateIndex::build(&records, &p);
        let b = DuplicateIndex::build(&shuffled, &p);
        prop_assert_eq!(a.all_candidates(), b.all_candidates());
        for r in &records {
            prop_assert_eq!(a.candidates_for(r), b.candidates_for(r));
        }
    }

    #[test]
    fn all_candidates_agree_with_candidates_for(records in arb_records()) {
        let index = DuplicateIndex::build(&records, &name_policy());
        let all = index.all_candidates();
        for r in &records {
            let mine: Vec<(String, f64)> = all
                .iter()
                .filter_map(|c| if c.a == r.id { Some((c.b.clone(), c.score)) } else if c.b == r.id { Some((c.a.clone(), c.score)) } else { None })
                .collect();
            let mut got: Vec<(String, f64)> = index.candidates_for(r).into_iter().map(|c| (c.id, c.score)).collect();
            let mut want = mine;
            got.sort_by(|x, y| x.0.cmp(&y.0));
            want.sort_by(|x, y| x.0.cmp(&y.0));
            prop_assert_eq!(got, want);
        }
    }
}

/// Records drawn from small pools, so that many pairs share a key.
fn arb_crowded_records() -> impl Strategy<Value = Vec<DuplicateRecord>> {
    let record = (0..FIRST.len(), 0..LAST.len(), proptest::option::of(0u64..4), 0u32..4, 0u32..4);
    proptest::collection::vec(record, 0..40).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (first, last, doc, email, phone))| DuplicateRecord {
                // A few ids repeat: the same record listed twice.
                id: format!("r{:02}", i % 35),
                name: format!("{} {}", FIRST[first], LAST[last]),
                document: doc.map(cpf),
                emails: (email > 0).then(|| format!("User{email}@Mail.com.br")).into_iter().collect(),
                phones: (phone > 0).then(|| format!("(11) 9876{phone}-432{phone}")).into_iter().collect(),
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Blocking loses nothing when a candidate needs an exact key (the name weight is
    /// under the threshold, as in the seed policy): `all_candidates` is exactly the
    /// brute-force comparison of every pair.
    #[test]
    fn all_candidates_equal_brute_force_when_a_key_is_needed(
        records in arb_crowded_records(),
        document in 0.0f64..1.0, email in 0.0f64..1.0, phone in 0.0f64..1.0, name in 0.0f64..1.0,
        threshold in 0.05f64..1.0,
    ) {
        let mut p = policy();
        p.weights = crate::DuplicateWeights { document, email, phone, name: name * threshold * 0.99 };
        p.threshold = threshold;
        let index = DuplicateIndex::build(&records, &p);
        let mut want: BTreeMap<(String, String), (f64, u8)> = BTreeMap::new();
        for (i, x) in index.records.iter().enumerate() {
            for y in index.records.iter().skip(i + 1) {
                if x.id == y.id {
                    continue;
                }
                let (a, b) = if x.id < y.id { (x, y) } else { (y, x) };
                if let Some(s) = index.score(a, b) {
                    // The same pair of ids met through several records: the higher
                    // score, then more fields, then the greater field bits.
                    let e = want.entry((a.id.clone(), b.id.clone())).or_insert((s.value, s.fields));
                    if (s.value, s.fields.count_ones(), s.fields) > (e.0, e.1.count_ones(), e.1) {
                        *e = (s.value, s.fields);
                    }
                }
            }
        }
        let want: BTreeMap<(String, String), (f64, Vec<String>)> =
            want.into_iter().map(|(k, (v, f))| (k, (v, Score { value: v, fields: f }.matched()))).collect();
        let got: BTreeMap<(String, String), (f64, Vec<String>)> =
            index.all_candidates().into_iter().map(|c| ((c.a, c.b), (c.score, c.matched))).collect();
        prop_assert_eq!(got, want);
    }
}
