use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::model::{Agendamento, AgendamentoKind, Classification, Scope};

fn ctx() -> Context {
    Context::default()
}

fn user(id: &str, scope: Scope) -> PortfolioUser {
    PortfolioUser { id: id.into(), scope, team: Vec::new() }
}

fn account() -> AccountRecord {
    AccountRecord {
        id: "C-1".into(),
        name: "Silva Advocacia".into(),
        classification: Classification::Prospect,
        other_label: None,
        responsibles: vec!["ana".into()],
        contacts: Vec::new(),
        relationships: Vec::new(),
        characteristics: Vec::new(),
        interests: Vec::new(),
        unmet_needs: Vec::new(),
        documents: Vec::new(),
    }
}

fn item(q: u32, price: u64, discount: u64) -> QuoteItem {
    QuoteItem {
        description: "Plano anual".into(),
        quantity: q,
        unit_price_centavos: price,
        discount_centavos: discount,
    }
}

fn ana() -> PortfolioUser {
    user("ana", Scope::Own)
}

fn created(conditions: Option<&str>) -> Quote {
    create(&ctx(), &ana(), &account(), "Q-1", &[item(2, 10_000, 500)], conditions).unwrap().outcome.quote.unwrap()
}

#[test]
fn create_version_one_awaiting_with_total() {
    let d = create(&ctx(), &ana(), &account(), "Q-1", &[item(2, 10_000, 500), item(1, 999, 0)], None).unwrap();
    assert!(d.outcome.accepted);
    assert_eq!(d.outcome.total_centavos, Some(20_499));
    let q = d.outcome.quote.clone().unwrap();
    assert_eq!((q.version, q.status, q.created_by.as_str()), (1, QuoteStatus::AwaitingApproval, "ana"));
    assert!(d.cites("ACC-2") && d.cites("ORC-1"));
    assert!(d.reasons[1].message(Lang::Pt).contains("R$ 204,99"));
}

#[test]
fn create_refused_without_access() {
    let d = create(&ctx(), &user("bia", Scope::Own), &account(), "Q-1", &[item(1, 1, 0)], None).unwrap();
    assert!(!d.outcome.accepted);
    assert_eq!(d.outcome.quote, None);
    assert_eq!(d.reasons.len(), 1);
    assert!(d.cites("ACC-2"));
}

#[test]
fn create_errors_name_fields() {
    let e = create(&ctx(), &ana(), &account(), "Q-1", &[item(1, 1, 0), item(2, 100, 201)], None).unwrap_err();
    assert_eq!(e.path(), Some("items[1].discount_centavos"));
    let e = create(&ctx(), &ana(), &account(), "Q-1", &[item(u32::MAX, u64::MAX, 0)], None).unwrap_err();
    assert_eq!(e.path(), Some("items[0].unit_price_centavos"));
    let e = create(&ctx(), &ana(), &account(), "Q-1", &[item(1, u64::MAX, 0), item(1, 1, 0)], None).unwrap_err();
    assert_eq!(e.path(), Some("items"));
    let e = create(&ctx(), &ana(), &account(), "Q-1", &[], None).unwrap_err();
    assert_eq!(e.path(), Some("items"));
    let e = create(&ctx(), &ana(), &account(), "Q-1", &[item(0, 1, 0)], None).unwrap_err();
    assert_eq!(e.path(), Some("items[0].quantity"));
    let e = create(&ctx(), &ana(), &account(), " ", &[item(1, 1, 0)], None).unwrap_err();
    assert_eq!(e.path(), Some("id"));
}

#[test]
fn revise_supersedes_and_approve_only_current() {
    let v1 = created(Some("30 dias"));
    let changes = QuoteChanges { items: vec![item(3, 10_000, 0)], conditions: None };
    let r = revise(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), &changes).unwrap();
    assert!(r.outcome.accepted);
    assert_eq!(r.outcome.version, Some(2));
    assert_eq!(r.outcome.quotes.len(), 2);
    assert_eq!(r.outcome.quotes[0].status, QuoteStatus::Superseded);
    assert_eq!(r.outcome.quotes[1].status, QuoteStatus::AwaitingApproval);
    assert_eq!(r.outcome.quotes[1].conditions.as_deref(), Some("30 dias"));
    let old = approve(&ctx(), &ana(), &account(), &r.outcome.quotes, 1, &[], None).unwrap();
    assert!(!old.outcome.accepted);
    assert!(old.cites("ORC-2"));
    assert!(old.reasons[1].message(Lang::En).contains("current version is 2"));
    let ok = approve(&ctx(), &ana(), &account(), &r.outcome.quotes, 2, &[], None).unwrap();
    assert!(ok.outcome.accepted);
    let sale = ok.outcome.sale.clone().unwrap();
    assert_eq!((sale.version, sale.value_centavos, sale.conditions.as_str()), (2, 30_000, "30 dias"));
    assert_eq!(ok.outcome.account.classification, Classification::Client);
    assert!(ok.cites("ACC-1"));
    assert_eq!(ok.reasons.iter().filter(|r| r.rule() == "ACC-2").count(), 1);
}

#[test]
fn revise_refusals() {
    let v1 = created(None);
    let same = QuoteChanges { items: v1.items.clone(), conditions: None };
    let d = revise(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), &same).unwrap();
    assert!(!d.outcome.accepted && d.cites("ORC-2"));
    let mut sold = v1.clone();
    sold.status = QuoteStatus::Approved;
    let changes = QuoteChanges { items: vec![item(1, 1, 0)], conditions: None };
    let d = revise(&ctx(), &ana(), &account(), &[sold], &changes).unwrap();
    assert!(!d.outcome.accepted && d.cites("ORC-1"));
    let d = revise(&ctx(), &user("bia", Scope::Own), &account(), std::slice::from_ref(&v1), &changes).unwrap();
    assert!(!d.outcome.accepted && d.cites("ACC-2") && d.reasons.len() == 1);
}

#[test]
fn inconsistent_versions_are_errors() {
    let v1 = created(None);
    let mut v2 = v1.clone();
    v2.version = 2;
    let e = approve(&ctx(), &ana(), &account(), &[v1.clone(), v2.clone()], 2, &[], None).unwrap_err();
    assert_eq!(e.path(), Some("quotes[0].status"));
    let e = approve(&ctx(), &ana(), &account(), &[v1.clone(), v1.clone()], 1, &[], None).unwrap_err();
    assert_eq!(e.path(), Some("quotes[1].version"));
    let e = approve(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), 3, &[], None).unwrap_err();
    assert_eq!(e.path(), Some("version"));
    let mut other = v1.clone();
    other.account = "C-9".into();
    let e = approve(&ctx(), &ana(), &account(), &[other], 1, &[], None).unwrap_err();
    assert_eq!(e.path(), Some("quotes[0].account"));
    let e = approve(&ctx(), &ana(), &account(), &[], 1, &[], None).unwrap_err();
    assert_eq!(e.path(), Some("quotes"));
}

#[test]
fn approve_needs_conditions_and_refuses_twice() {
    let v1 = created(None);
    let d = approve(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), 1, &[], None).unwrap();
    assert!(!d.outcome.accepted && d.cites("ORC-1") && d.outcome.sale.is_none());
    assert_eq!(d.outcome.account, account());
    let v1 = created(Some("à vista"));
    let d = approve(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), 1, &[], None).unwrap();
    let approved = d.outcome.quote.unwrap();
    let again = approve(&ctx(), &ana(), &account(), &[approved], 1, &[], None).unwrap();
    assert!(!again.outcome.accepted && again.cites("ORC-1"));
}

fn agendamento(id: &str, subject: &str) -> Agendamento {
    Agendamento {
        id: Some(id.into()),
        kind: AgendamentoKind::SalesWithContact,
        subject: subject.into(),
        owner: "ana".into(),
        created_on: chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
        deadline: None,
        renewals: 0,
        manager_validated: false,
        purpose: None,
    }
}

#[test]
fn approve_closes_agendamentos_by_subject() {
    let v1 = created(Some("à vista"));
    let ags = [agendamento("A-1", "Plano Anual"), agendamento("A-2", "Consultoria")];
    let d = approve(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), 1, &ags, Some("plano anual")).unwrap();
    assert_eq!(d.outcome.agendamentos_to_close, vec![Some("A-1".to_owned())]);
    assert!(d.cites("AGD-5"));
    let e = approve(&ctx(), &ana(), &account(), std::slice::from_ref(&v1), 1, &ags, None).unwrap_err();
    assert_eq!(e.code(), "input.invalid");
    assert_eq!(e.path(), Some("subject"));
}

#[test]
fn register_is_a_quote_created_approved() {
    let input: RegisterSaleInput = serde_json::from_value(json!({
        "user": {"id": "ana", "scope": "own"},
        "account": {"id": "C-1", "name": "Silva", "classification": "lead", "responsibles": ["ana"]},
        "id": "V-1",
        "items": [{"description": "Plano", "quantity": 1, "unit_price_centavos": 120000, "discount_centavos": 20000}],
        "conditions": "10x sem juros"
    }))
    .unwrap();
    let d = register(&ctx(), &input).unwrap();
    assert!(d.outcome.accepted);
    let q = d.outcome.quote.unwrap();
    assert_eq!((q.version, q.status), (1, QuoteStatus::Approved));
    assert_eq!(d.outcome.sale.unwrap().value_centavos, 100_000);
    assert_eq!(d.outcome.account.classification, Classification::Client);
    let mut none = input;
    none.conditions = None;
    let d = register(&ctx(), &none).unwrap();
    assert!(!d.outcome.accepted && d.outcome.quote.is_none() && d.cites("ORC-1"));
}

#[test]
fn nfe_lists_what_is_missing() {
    let c = NfeCustomer {
        name: Some("Ana".into()),
        document: Some("529.982.247-25".into()),
        address: Some("Rua A, 1".into()),
    };
    let d = nfe_check(&ctx(), &ana(), &account(), &c).unwrap();
    assert!(d.outcome.ready && d.outcome.missing.is_empty());
    let c = NfeCustomer { name: Some(" ".into()), document: Some("111.111.111-11".into()), address: None };
    let d = nfe_check(&ctx(), &ana(), &account(), &c).unwrap();
    assert!(d.outcome.accepted && !d.outcome.ready);
    assert_eq!(d.outcome.missing, vec![NfeField::Document, NfeField::Name, NfeField::Address]);
    let d = nfe_check(&ctx(), &user("bia", Scope::Own), &account(), &c).unwrap();
    assert!(!d.outcome.accepted && !d.outcome.ready && d.outcome.missing.is_empty());
}

proptest! {
    /// The total is the sum of the lines minus their discounts, and a discount over its
    /// line is an error naming it: never a negative (wrapped) total.
    #[test]
    fn totals_are_lines_minus_discounts(lines in proptest::collection::vec((1u32..50, 0u64..1_000_000, 0u64..60_000_000), 1..8)) {
        let items: Vec<QuoteItem> = lines.iter().map(|&(q, p, d)| item(q, p, d)).collect();
        let expected: Option<i128> = lines.iter().try_fold(0i128, |acc, &(q, p, d)| {
            let line = i128::from(q) * i128::from(p) - i128::from(d);
            (line >= 0).then_some(acc + line)
        });
        match (items_total(&items, "items"), expected) {
            (Ok(total), Some(e)) => prop_assert_eq!(i128::from(total), e),
            (Err(err), None) => {
                let first = lines.iter().position(|&(q, p, d)| u64::from(q) * p < d).unwrap();
                let path = format!("items[{first}].discount_centavos");
                prop_assert_eq!(err.path(), Some(path.as_str()));
            }
            (got, e) => prop_assert!(false, "{:?} vs {:?}", got, e),
        }
    }

    /// Whatever sequence of edits and approvals, a superseded version is never approved,
    /// at most one version is approved and it is the newest.
    #[test]
    fn superseded_never_approved(ops in proptest::collection::vec((any::<bool>(), 1u32..6, 1u64..5), 1..12)) {
        let mut quotes = vec![created(Some("30 dias"))];
        for (is_approve, version, price) in ops {
            if is_approve {
                let before = quotes.iter().find(|q| q.version == version).cloned();
                match approve(&ctx(), &ana(), &account(), &quotes, version, &[], None) {
                    Err(e) => prop_assert!(before.is_none() && e.path() == Some("version")),
                    Ok(d) => {
                        let before = before.unwrap();
                        prop_assert_eq!(d.outcome.accepted, before.status == QuoteStatus::AwaitingApproval);
                        if d.outcome.accepted {
                            let approved = d.outcome.quote.unwrap();
                            for q in quotes.iter_mut().filter(|q| q.version == version) {
                                *q = approved.clone();
                            }
                        }
                    }
                }
            } else {
                let changes = QuoteChanges { items: vec![item(1, price, 0)], conditions: None };
                let d = revise(&ctx(), &ana(), &account(), &quotes, &changes).unwrap();
                if d.outcome.accepted {
                    quotes = d.outcome.quotes;
                }
            }
            let max = quotes.iter().map(|q| q.version).max().unwrap();
            for q in &quotes {
                prop_assert!(q.version == max || q.status == QuoteStatus::Superseded);
            }
        }
    }
}
