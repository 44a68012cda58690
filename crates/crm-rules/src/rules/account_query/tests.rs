#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::model::{AccountContact, InterestArea, Relationship, Scope};

fn account(id: &str, responsible: &str) -> AccountRecord {
    AccountRecord {
        id: id.into(),
        name: format!("Conta {id}"),
        classification: Classification::Lead,
        other_label: None,
        responsibles: vec![responsible.into()],
        contacts: vec![],
        relationships: vec![],
        characteristics: vec![],
        interests: vec![],
        unmet_needs: vec![],
        documents: vec![],
    }
}

fn all() -> PortfolioUser {
    PortfolioUser { id: "root".into(), scope: Scope::All, team: vec![] }
}

fn run(user: &PortfolioUser, accounts: &[AccountRecord], q: serde_json::Value) -> Result<Vec<String>> {
    let q: Query = crate::serde_input::from_value(q)?;
    query_accounts(&Context::default(), user, accounts, &q).map(|d| d.outcome.matches)
}

fn sample() -> Vec<AccountRecord> {
    let mut a = account("a", "ana");
    a.classification = Classification::Client;
    a.characteristics = vec!["Inadimplente".into()];
    a.interests = vec![
        InterestArea { area: "Tributário".into(), interested: true },
        InterestArea { area: "Trabalhista".into(), interested: false },
    ];
    a.unmet_needs = vec!["Certificado digital".into()];
    a.contacts = vec![AccountContact {
        name: "João Conceição".into(),
        cpf: Some("529.982.247-25".into()),
        email: Some("Joao@Exemplo.com.br".into()),
        phones: vec!["(11) 98765-4321".into()],
    }];
    a.relationships = vec![Relationship { account: "c".into(), reason: "Filial".into() }];
    let mut b = account("b", "bia");
    b.unmet_needs = vec!["certificado DIGITAL".into()];
    b.interests = vec![InterestArea { area: "tributario".into(), interested: false }];
    let c = account("c", "caio");
    let mut d = account("d", "ana");
    d.relationships = vec![Relationship { account: "a".into(), reason: "Mesmo grupo".into() }];
    vec![a, b, c, d]
}

#[test]
fn each_condition() {
    let s = sample();
    let q = |v| run(&all(), &s, v).unwrap();
    assert_eq!(q(json!({"classification": "client"})), ["a"]);
    assert_eq!(q(json!({"responsible": "ana"})), ["a", "d"]);
    assert_eq!(q(json!({"characteristic": "INADIMPLENTE"})), ["a"]);
    assert_eq!(q(json!({"interested_in": "tributario"})), ["a"]);
    assert_eq!(q(json!({"disinterested_in": "Tributário"})), ["b"]);
    assert_eq!(q(json!({"unmet_need": "Certificado Digital"})), ["a", "b"]);
    // From both sides: a names c; d names a.
    assert_eq!(q(json!({"related_to": "a"})), ["c", "d"]);
    assert_eq!(q(json!({"related_to": "c"})), ["a"]);
    assert_eq!(q(json!({"contact_email": "joao@exemplo.com.br"})), ["a"]);
    assert_eq!(q(json!({"contact_phone": "+55 11 98765-4321"})), ["a"]);
    assert_eq!(q(json!({"contact_document": "52998224725"})), ["a"]);
    assert_eq!(q(json!({"text": "conceicao"})), ["a"]);
    assert_eq!(q(json!({"text": "CONTA"})), ["a", "b", "c", "d"]);
}

#[test]
fn the_worked_example_of_the_readme() {
    // "Which accounts I may see have the unmet need X and no disinterest in area Y":
    // ana sees a and d; a has the need and no disinterest in Tributário. b has the need
    // but is bia's (and disinterested anyway).
    let ana = PortfolioUser { id: "ana".into(), scope: Scope::Own, team: vec![] };
    let q = json!({"and": [{"unmet_need": "Certificado digital"}, {"not": {"disinterested_in": "Tributário"}}]});
    assert_eq!(run(&ana, &sample(), q.clone()).unwrap(), ["a"]);
    assert_eq!(run(&all(), &sample(), q).unwrap(), ["a"]);
}

#[test]
fn combinations() {
    let s = sample();
    let q = |v| run(&all(), &s, v).unwrap();
    assert_eq!(q(json!({"or": [{"classification": "client"}, {"responsible": "caio"}]})), ["a", "c"]);
    assert_eq!(q(json!({"not": {"responsible": "ana"}})), ["b", "c"]);
    assert_eq!(q(json!({"and": [{"responsible": "ana"}, {"not": {"classification": "client"}}]})), ["d"]);
}

#[test]
fn invalid_queries_name_the_bad_condition() {
    let s = sample();
    let err = |v| {
        let e = run(&all(), &s, v).unwrap_err();
        (e.code().to_owned(), e.path().map(str::to_owned))
    };
    assert_eq!(err(json!({"and": []})), ("input.invalid".into(), Some("query.and".into())));
    assert_eq!(
        err(json!({"or": [{"responsible": "ana"}, {"contact_email": "nope"}]})),
        ("input.invalid".into(), Some("query.or[1].contact_email".into()))
    );
    assert_eq!(err(json!({"not": {"text": "  "}})), ("input.invalid".into(), Some("query.not.text".into())));
    assert_eq!(err(json!({"and": [{"colour": "red"}]})).1, Some("and[0]".into()));
    assert_eq!(err(json!({"classification": "vip"})).0, "input.invalid");
    let mut deep = json!({"responsible": "ana"});
    for _ in 0..40 {
        deep = json!({"not": deep});
    }
    assert_eq!(err(deep).0, "input.invalid");
}

fn arb_account(i: usize) -> impl Strategy<Value = AccountRecord> {
    (0u8..4, 0u8..4, any::<bool>(), 0u8..3).prop_map(move |(resp, class, need, area)| {
        let mut a = account(&format!("x{i}"), &format!("u{resp}"));
        a.classification =
            [Classification::Lead, Classification::Prospect, Classification::Client, Classification::Other]
                [usize::from(class)];
        if need {
            a.unmet_needs.push("Treinamento".into());
        }
        if area > 0 {
            a.interests.push(InterestArea { area: "Cível".into(), interested: area == 1 });
        }
        a
    })
}

fn arb_query() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        (0usize..4).prop_map(|c| {
            let class = ["lead", "prospect", "client", "other"][c];
            json!({ "classification": class })
        }),
        (0u8..4).prop_map(|u| json!({"responsible": format!("u{u}")})),
        Just(json!({"unmet_need": "treinamento"})),
        Just(json!({"interested_in": "civel"})),
        Just(json!({"disinterested_in": "Cível"})),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"and": v})),
            proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"or": v})),
            inner.prop_map(|q| json!({"not": q})),
        ]
    })
}

proptest! {
    /// A query never answers an account the user may not see; a query and its `not`
    /// split the visible accounts in two.
    #[test]
    fn a_query_and_its_negation_partition_the_visible_accounts(
        accounts in (0usize..12).prop_flat_map(|n| (0..n).map(arb_account).collect::<Vec<_>>()),
        q in arb_query(),
        uid in 0u8..4, scope in 0u8..3, team in proptest::collection::vec(0u8..4, 0..3),
    ) {
        let user = PortfolioUser {
            id: format!("u{uid}"),
            scope: [Scope::Own, Scope::Team, Scope::All][usize::from(scope)],
            team: team.iter().map(|t| format!("u{t}")).collect(),
        };
        let yes = run(&user, &accounts, q.clone()).unwrap();
        let no = run(&user, &accounts, json!({"not": q})).unwrap();
        let visible: Vec<String> =
            accounts.iter().filter(|a| access::may_access(&user, a)).map(|a| a.id.clone()).collect();
        for id in yes.iter().chain(no.iter()) {
            prop_assert!(visible.contains(id), "{} is not visible to {}", id, user.id);
        }
        let mut both: Vec<String> = yes.iter().chain(no.iter()).cloned().collect();
        both.sort();
        let mut all_visible = visible.clone();
        all_visible.sort();
        prop_assert_eq!(both, all_visible);
        prop_assert!(yes.iter().all(|id| !no.contains(id)));
    }
}
