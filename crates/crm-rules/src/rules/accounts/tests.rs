use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::model::{AccountContact, InterestArea, Relationship, Scope};
use crate::policy::Policy;

fn user(id: &str, scope: Scope, team: &[&str]) -> PortfolioUser {
    PortfolioUser { id: id.into(), scope, team: team.iter().map(|s| (*s).to_owned()).collect() }
}

fn account(id: &str, classification: Classification, responsibles: &[&str]) -> AccountRecord {
    AccountRecord {
        id: id.into(),
        name: format!("Conta {id}"),
        classification,
        other_label: None,
        responsibles: responsibles.iter().map(|s| (*s).to_owned()).collect(),
        contacts: Vec::new(),
        relationships: Vec::new(),
        characteristics: Vec::new(),
        interests: Vec::new(),
        unmet_needs: Vec::new(),
        documents: Vec::new(),
    }
}

fn rel(account: &str, reason: &str) -> Relationship {
    Relationship { account: account.into(), reason: reason.into() }
}

fn problems(check: &AccountCheck) -> Vec<(String, ProblemCode)> {
    check.problems.iter().map(|p| (p.path.clone(), p.code)).collect()
}

fn with_catalogues() -> Context {
    let mut policy = Policy::default();
    policy.accounts.characteristics = vec!["Inadimplente".into()];
    policy.accounts.interest_areas = vec!["Tributário".into(), "Trabalhista".into()];
    Context::new(policy).unwrap()
}

#[test]
fn a_complete_account_is_valid() {
    let mut a = account("C-1", Classification::Client, &["ana"]);
    a.contacts.push(AccountContact {
        name: "Ana Souza".into(),
        cpf: Some("529.982.247-25".into()),
        email: Some("ana@souza.adv.br".into()),
        phones: vec!["(11) 98765-4321".into()],
    });
    a.relationships.push(rel("C-2", "Mesmo grupo econômico"));
    a.characteristics.push("inadimplente".into());
    a.interests.push(InterestArea { area: "tributario".into(), interested: true });
    let d = validate_account(&with_catalogues(), &a).unwrap();
    assert!(d.outcome.valid, "{:?}", d.outcome.problems);
    assert_eq!(d.reasons.len(), 1);
    assert_eq!(d.reasons[0].message(Lang::En), "The record of account C-1 is complete and valid.");
}

#[test]
fn every_problem_at_once() {
    let mut a = account(" ", Classification::Lead, &["ana", "", "ana"]);
    a.name = String::new();
    a.other_label = Some("Parceiro".into());
    a.contacts.push(AccountContact {
        name: " ".into(),
        cpf: Some("529.982.247-24".into()),
        email: Some("ana@silva".into()),
        phones: vec!["(11) 98765-4321".into(), "(11) 8765-4321".into(), String::new()],
    });
    a.relationships = vec![rel("", "x"), rel("C-2", ""), rel("C-2", "de novo")];
    a.characteristics = vec!["Inadimplente".into(), "VIP".into(), " ".into()];
    a.interests = vec![
        InterestArea { area: "Tributário".into(), interested: true },
        InterestArea { area: "tributario".into(), interested: true },
        InterestArea { area: "TRIBUTÁRIO".into(), interested: false },
        InterestArea { area: "Penal".into(), interested: true },
    ];
    a.unmet_needs = vec![String::new()];
    a.documents.push(crate::model::DocumentMeta {
        name: String::new(),
        kind: " ".into(),
        date: crate::parse_date("2026-01-05").unwrap(),
    });
    let d = validate_account(&with_catalogues(), &a).unwrap();
    use ProblemCode::*;
    let want: Vec<(String, ProblemCode)> = [
        ("account.id", Missing),
        ("account.name", Missing),
        ("account.other_label", NotAllowed),
        ("account.responsibles[1]", Missing),
        ("account.responsibles[2]", Duplicate),
        ("account.contacts[0].name", Missing),
        ("account.contacts[0].cpf", Invalid),
        ("account.contacts[0].email", Invalid),
        ("account.contacts[0].phones[1]", Invalid),
        ("account.contacts[0].phones[2]", Missing),
        ("account.relationships[0].account", Missing),
        ("account.relationships[1].reason", Missing),
        ("account.relationships[2].account", Duplicate),
        ("account.characteristics[1]", NotInCatalogue),
        ("account.characteristics[2]", Missing),
        ("account.interests[1].area", Duplicate),
        ("account.interests[2].area", Conflict),
        ("account.interests[3].area", NotInCatalogue),
        ("account.unmet_needs[0]", Missing),
        ("account.documents[0].name", Missing),
        ("account.documents[0].kind", Missing),
    ]
    .into_iter()
    .map(|(p, c)| (p.to_owned(), c))
    .collect();
    assert!(!d.outcome.valid);
    assert_eq!(problems(&d.outcome), want);
    let en = d.reasons[0].message(Lang::En);
    assert!(en.contains("account.characteristics[1] “VIP”: not in the catalogue"), "{en}");
    assert!(d.reasons[0].message(Lang::Pt).contains("“Penal”: fora do catálogo"));
}

#[test]
fn other_needs_its_label_and_self_relationship_is_a_problem() {
    let mut a = account("C-1", Classification::Other, &["ana"]);
    a.relationships.push(rel("C-1", "ela mesma"));
    a.characteristics.push("Qualquer uma".into());
    let d = validate_account(&Context::default(), &a).unwrap();
    use ProblemCode::*;
    assert_eq!(
        problems(&d.outcome),
        vec![
            ("account.other_label".to_owned(), Missing),
            ("account.relationships[0].account".to_owned(), SelfRelationship)
        ]
    );
}

#[test]
fn access_is_the_same_for_reading_and_writing() {
    let ctx = Context::default();
    let a = account("C-1", Classification::Lead, &["ana"]);
    for action in [AccountAction::Read, AccountAction::Write] {
        let yes = account_access(&ctx, &user("ana", Scope::Own, &[]), &a, action).unwrap();
        let no = account_access(&ctx, &user("bia", Scope::Own, &["ana"]), &a, action).unwrap();
        assert!(yes.outcome.allowed && !no.outcome.allowed);
        let facts = serde_json::to_value(&no.reasons[0]).unwrap()["facts"].clone();
        assert_eq!(facts["action"], action.name());
        assert_eq!(no.reasons[0].rule(), "ACC-2");
    }
}

#[test]
fn visible_keeps_input_order_and_counts_the_hidden() {
    let accounts = [
        account("C-3", Classification::Lead, &["caio"]),
        account("C-1", Classification::Lead, &["ana"]),
        account("C-2", Classification::Lead, &["bia"]),
        account("C-4", Classification::Lead, &[]),
    ];
    let d = visible_accounts(&Context::default(), &user("ana", Scope::Team, &["caio"]), &accounts).unwrap();
    assert_eq!(d.outcome, VisibleAccounts { visible: vec!["C-3".into(), "C-1".into()], hidden: 2 });
    let all = visible_accounts(&Context::default(), &user("x", Scope::All, &[]), &accounts).unwrap();
    assert_eq!(all.outcome.hidden, 0);
}

#[test]
fn classify_paths() {
    let ctx = Context::default();
    let ana = user("ana", Scope::Own, &[]);
    let lead = account("C-1", Classification::Lead, &["ana"]);
    let ok = classify(&ctx, &ana, &lead, Classification::Prospect, None).unwrap();
    assert!(ok.outcome.accepted);
    assert_eq!(ok.outcome.account.classification, Classification::Prospect);
    assert_eq!(ok.reasons.iter().map(Reason::rule).collect::<Vec<_>>(), ["ACC-2", "ACC-1"]);
    // Same classification: refused, explained.
    let same = classify(&ctx, &ana, &lead, Classification::Lead, None).unwrap();
    assert!(!same.outcome.accepted && same.outcome.account == lead);
    assert!(same.reasons[1].message(Lang::En).contains("already lead"));
    // Lead → client is not in the default table.
    let skip = classify(&ctx, &ana, &lead, Classification::Client, None).unwrap();
    assert!(!skip.outcome.accepted);
    let facts = serde_json::to_value(&skip.reasons[1]).unwrap()["facts"].clone();
    assert_eq!(facts["allowed"], json!(["prospect", "other"]));
    // Other needs a label; it is cleaned; leaving other clears it.
    assert!(!classify(&ctx, &ana, &lead, Classification::Other, Some("  ")).unwrap().outcome.accepted);
    let other = classify(&ctx, &ana, &lead, Classification::Other, Some(" Parceiro  jurídico ")).unwrap();
    assert_eq!(other.outcome.account.other_label.as_deref(), Some("Parceiro jurídico"));
    let back = classify(&ctx, &ana, &other.outcome.account, Classification::Client, None).unwrap();
    assert!(back.outcome.accepted);
    assert_eq!(back.outcome.account.other_label, None);
    // A label for another target is an input error.
    let err = classify(&ctx, &ana, &lead, Classification::Prospect, Some("x")).unwrap_err();
    assert_eq!((err.code(), err.path()), ("input.invalid", Some("other_label")));
    // No access: the refusal only.
    let bia = classify(&ctx, &user("bia", Scope::Own, &[]), &lead, Classification::Prospect, None).unwrap();
    assert!(!bia.outcome.accepted);
    assert_eq!(bia.reasons.iter().map(Reason::rule).collect::<Vec<_>>(), ["ACC-2"]);
}

#[test]
fn a_sale_makes_a_client() {
    let ctx = Context::default();
    let ana = user("ana", Scope::Own, &[]);
    let mut other = account("C-1", Classification::Other, &["ana"]);
    other.other_label = Some("Parceiro".into());
    let d = after_sale(&ctx, &ana, &other).unwrap();
    assert!(d.outcome.accepted);
    assert_eq!((d.outcome.account.classification, d.outcome.account.other_label), (Classification::Client, None));
    // Lead → client is not in the table, but a sale does it.
    let lead = after_sale(&ctx, &ana, &account("C-2", Classification::Lead, &["ana"])).unwrap();
    assert_eq!(lead.outcome.account.classification, Classification::Client);
    let client = account("C-3", Classification::Client, &["ana"]);
    let stays = after_sale(&ctx, &ana, &client).unwrap();
    assert!(stays.outcome.accepted && stays.outcome.account == client);
    assert!(stays.reasons[1].message(Lang::En).contains("stays one"));
    let refused = after_sale(&ctx, &user("bia", Scope::Own, &[]), &other).unwrap();
    assert!(!refused.outcome.accepted && refused.outcome.account == other);
}

#[test]
fn relationships_from_both_sides() {
    // A, B, C are ana's; D is bia's. E (bia's) also points to A.
    let mut a = account("A", Classification::Client, &["ana"]);
    a.relationships = vec![rel("B", "filial"), rel("C", "mesmo sócio")];
    let mut b = account("B", Classification::Client, &["ana"]);
    b.relationships = vec![rel("A", "matriz")];
    let c = account("C", Classification::Lead, &["ana"]);
    let mut d = account("D", Classification::Lead, &["ana"]);
    d.relationships = vec![rel("C", "x"), rel("A", "indicação")];
    let mut e = account("E", Classification::Lead, &["bia"]);
    e.relationships = vec![rel("A", "concorrente")];
    let accounts = [a, b, c, d, e];
    let ana = user("ana", Scope::Own, &[]);
    let got = account_relationships(&Context::default(), &ana, "A", &accounts).unwrap().outcome;
    assert!(got.allowed);
    // E's relationship is declared on an account ana may not see: counted, not shown.
    assert_eq!(got.hidden, 1);
    let got: Vec<(&str, &str, Direction)> =
        got.relationships.iter().map(|r| (&*r.account, &*r.reason, r.direction)).collect();
    use Direction::*;
    assert_eq!(
        got,
        [
            ("B", "filial", Outgoing),
            ("C", "mesmo sócio", Outgoing),
            ("B", "matriz", Incoming),
            ("D", "indicação", Incoming)
        ]
    );
    // bia may not read A: an explained refusal, nothing listed.
    let refused = account_relationships(&Context::default(), &user("bia", Scope::Own, &[]), "A", &accounts).unwrap();
    assert!(!refused.outcome.allowed && refused.outcome.relationships.is_empty());
    assert_eq!(refused.reasons.iter().map(|r| r.rule()).collect::<Vec<_>>(), ["ACC-2"]);
    let err = account_relationships(&Context::default(), &ana, "Z", &accounts).unwrap_err();
    assert_eq!((err.code(), err.path()), ("input.invalid", Some("account")));
}

#[test]
fn through_evaluate() {
    let a = json!({"id": "C-1", "name": "Silva", "classification": "lead", "responsibles": ["ana"]});
    let u = json!({"id": "ana", "scope": "own"});
    let out = crate::evaluate("account.classify", json!({"user": u, "account": a, "to": "prospect"})).unwrap();
    assert_eq!(out["outcome"]["accepted"], true);
    assert_eq!(out["outcome"]["account"]["classification"], "prospect");
    let err = crate::evaluate("account.classify", json!({"user": u, "account": a, "to": "customer"})).unwrap_err();
    assert_eq!((err.code(), err.path()), ("input.invalid", Some("to")));
}

/// The default transitions table, written out by hand (ACC-1, `AccountsPolicy::default`).
fn default_allows(from: Classification, to: Classification) -> bool {
    use Classification::*;
    matches!(
        (from, to),
        (Lead, Prospect) | (Prospect, Client) | (Lead | Prospect | Client, Other) | (Other, Lead | Prospect | Client)
    )
}

proptest! {
    /// Nobody outside the responsibles and the scope gets an accepted answer from
    /// access, classify or after_sale; those inside get the classification results
    /// of the default table.
    #[test]
    fn nobody_outside_the_portfolio_changes_an_account(
        id in 0u8..6, scope in 0u8..3, team in proptest::collection::vec(0u8..6, 0..4),
        responsibles in proptest::collection::vec(0u8..6, 0..4),
        from in 0u8..4, to in 0u8..4, label in proptest::option::of("[ a-z]{0,4}"),
    ) {
        let ctx = Context::default();
        let name = |n: u8| format!("u{n}");
        let kinds = [Classification::Lead, Classification::Prospect, Classification::Client, Classification::Other];
        let (from, to) = (kinds[usize::from(from)], kinds[usize::from(to)]);
        let u = PortfolioUser {
            id: name(id),
            scope: [Scope::Own, Scope::Team, Scope::All][usize::from(scope)],
            team: team.iter().copied().map(name).collect(),
        };
        let mut a = account("C-1", from, &[]);
        a.responsibles = responsibles.iter().copied().map(name).collect();
        if from == Classification::Other {
            a.other_label = Some("Parceiro".into());
        }
        let granted = access::grant(&u, &a.responsibles).is_some();
        for action in [AccountAction::Read, AccountAction::Write] {
            prop_assert_eq!(account_access(&ctx, &u, &a, action).unwrap().outcome.allowed, granted);
        }
        let label = if to == Classification::Other { label } else { None };
        let c = classify(&ctx, &u, &a, to, label.as_deref()).unwrap().outcome;
        let labelled = label.as_deref().is_some_and(|l| !l.trim().is_empty());
        let expected = granted && from != to && default_allows(from, to) && (to != Classification::Other || labelled);
        prop_assert_eq!(c.accepted, expected);
        if c.accepted {
            prop_assert_eq!(c.account.classification, to);
            prop_assert_eq!(c.account.other_label.is_some(), to == Classification::Other);
        } else {
            prop_assert_eq!(&c.account, &a);
        }
        let s = after_sale(&ctx, &u, &a).unwrap().outcome;
        prop_assert_eq!(s.accepted, granted);
        if granted {
            prop_assert_eq!((s.account.classification, s.account.other_label), (Classification::Client, None));
        } else {
            prop_assert_eq!(&s.account, &a);
        }
        let v = visible_accounts(&ctx, &u, std::slice::from_ref(&a)).unwrap().outcome;
        prop_assert_eq!(v.visible.len(), usize::from(granted));
    }
}
