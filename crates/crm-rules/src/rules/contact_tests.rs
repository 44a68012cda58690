//! Boundaries and properties of the inbound-contact rules (issue 3).

use serde_json::{json, Value};

use crate::api::evaluate;

fn outcome(rule: &str, input: Value) -> Value {
    evaluate(rule, input).unwrap()["outcome"].clone()
}

fn rules_cited(rule: &str, input: Value) -> Vec<String> {
    evaluate(rule, input).unwrap()["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap().to_owned())
        .collect()
}

fn users() -> Value {
    json!([
        {"id": "ana", "team": "commercial"},
        {"id": "bruno", "team": "support"},
        {"id": "carla", "team": "commercial"},
        {"id": "duda", "team": "commercial"}
    ])
}

fn base(on: &str) -> Value {
    json!({
        "on": on, "attendant": "bruno", "users": users(),
        "account": {}, "contact": {"channel": "phone", "subject": "intimação"}
    })
}

#[test]
fn rei_1_fifteenth_and_sixteenth_day() {
    // Inactivated on 2026-11-02: the 15th day after is 2026-11-17.
    let mut c = base("2026-11-17");
    c["account"]["status"] =
        json!({"state": "inactive_manual", "by": "carla", "on": "2026-11-02", "client_answered": true});
    assert_eq!(outcome("contact.reinstatement", c.clone())["reserved_for"], "carla");
    assert_eq!(outcome("contact.route", c.clone())["route"], "inactivating_user");
    c["on"] = json!("2026-11-18");
    assert_eq!(outcome("contact.reinstatement", c.clone())["reserved_for"], Value::Null);
    assert_eq!(outcome("contact.route", c.clone())["route"], "attendant");
    // Within the window but the client never answered: anyone.
    c["on"] = json!("2026-11-10");
    c["account"]["status"]["client_answered"] = json!(false);
    assert_eq!(outcome("contact.reinstatement", c.clone())["reserved_for"], Value::Null);
    // REI-2.
    c["account"]["status"] = json!({"state": "inactive_automatic", "on": "2026-11-09"});
    assert!(rules_cited("contact.route", c).contains(&"REI-2".to_owned()));
}

#[test]
fn deb_boundaries() {
    let with_debt = |on: &str, since: &str| {
        let mut c = base(on);
        c["account"]["debts"] = json!([{"id": "D", "since": since, "amount_centavos": 12_345}]);
        c["contact"]["sale"] = json!({"discount_centavos": 1_000});
        outcome("contact.debt", c)
    };
    // Exactly one year: not older than one year → DEB-2 blocks.
    let d = with_debt("2026-11-23", "2025-11-23");
    assert_eq!((d["sale_allowed"].clone(), d["blocking_debts"][0]["id"].clone()), (json!(false), json!("D")));
    // One year and a day: forgiven, no discount.
    let d = with_debt("2026-11-24", "2025-11-23");
    assert_eq!(d["sale_allowed"], true);
    assert_eq!(d["discount_allowed"], false);
    assert_eq!(d["forgiven_centavos"], 12_345);
    // From 29 February the anniversary is 28 February.
    assert_eq!(with_debt("2025-02-28", "2024-02-29")["sale_allowed"], false);
    assert_eq!(with_debt("2025-03-01", "2024-02-29")["sale_allowed"], true);
    // Two debts, only one old: blocked, nothing forgiven.
    let mut c = base("2026-11-23");
    c["account"]["debts"] = json!([
        {"id": "old", "since": "2024-01-10", "amount_centavos": 100},
        {"id": "new", "since": "2026-06-01", "amount_centavos": 200}
    ]);
    let d = outcome("contact.debt", c.clone());
    assert_eq!(d["sale_allowed"], false);
    assert_eq!(d["debts_forgiven"], json!([]));
    assert_eq!(d["blocking_debts"].as_array().unwrap().len(), 1);
    let inbound = outcome("contact.inbound", c);
    assert_eq!(inbound["required_actions"].as_array().unwrap().last().unwrap()["code"], "settle_debt_or_manager");
    // A dispatch campaign allows the discount after forgiving.
    let mut c = base("2026-11-24");
    c["account"]["debts"] = json!([{"since": "2025-11-23", "amount_centavos": 1}]);
    c["contact"]["sale"] = json!({"via_dispatch_campaign": true});
    assert_eq!(outcome("contact.debt", c)["discount_allowed"], true);
}

fn with_agendamento(on: &str) -> Value {
    // Created Thu 2026-11-12, renewed to its maximum: 13, 16, 17, 18, 19, 23 (20 Nov is a
    // holiday) → deadline Mon 2026-11-23.
    let mut c = base(on);
    c["account"]["agendamentos"] = json!([{
        "id": "A-1", "kind": "sales_with_contact", "subject": "Intimação", "owner": "ana",
        "created_on": "2026-11-12", "deadline": "2026-11-23", "renewals": 1
    }]);
    c
}

#[test]
fn renewed_agendamento_last_live_day_and_the_day_after() {
    let r = outcome("contact.route", with_agendamento("2026-11-23"));
    assert_eq!((r["route"].clone(), r["user"].clone()), (json!("agendamento_owner"), json!("ana")));
    assert_eq!(r["holding_agendamento"], "A-1");
    let r = outcome("contact.route", with_agendamento("2026-11-24"));
    assert_eq!((r["route"].clone(), r["user"].clone()), (json!("attendant"), json!("bruno")));
}

#[test]
fn vacation_wins_over_absence_on_the_same_day() {
    let mut c = with_agendamento("2026-11-23");
    c["users"][0]["vacations"] = json!([{"start": "2026-11-20", "end": "2026-11-30"}]);
    c["users"][0]["absences"] = json!(["2026-11-23"]);
    c["closed_by"] = json!("carla");
    let r = outcome("contact.route", c.clone());
    assert_eq!((r["route"].clone(), r["user"].clone()), (json!("available_seller"), json!("carla")));
    let com = evaluate("contact.commission", c.clone()).unwrap();
    assert_eq!(com["outcome"], json!({"to": "user", "user": "carla"}));
    assert_eq!(com["reasons"][0]["rule"], "COM-1");
    // Only absent: commission to the initial handler, the owner.
    c["users"][0]["vacations"] = json!([]);
    let com = evaluate("contact.commission", c).unwrap();
    assert_eq!(com["outcome"], json!({"to": "user", "user": "ana"}));
    assert_eq!(com["reasons"][0]["rule"], "COM-2");
}

#[test]
fn owner_not_responding_goes_to_any_seller_and_the_manager_decides() {
    let mut c = with_agendamento("2026-11-23");
    c["owner_responded"] = json!(false);
    let r = outcome("contact.route", c.clone());
    assert_eq!((r["route"].clone(), r["user"].clone()), (json!("available_seller"), json!("carla")));
    assert_eq!(outcome("contact.commission", c), json!({"to": "manager_decides", "user": null}));
}

#[test]
fn other_product_price_gathering_and_third_parties() {
    let mut c = with_agendamento("2026-11-23");
    c["contact"]["subject"] = json!("pesquisa de processos");
    assert_eq!(outcome("contact.route", c.clone())["route"], "attendant");
    assert!(rules_cited("contact.route", c.clone()).contains(&"RCP-4".to_owned()));
    c["contact"]["decided"] = json!(false);
    let r = outcome("contact.route", c.clone());
    assert_eq!((r["route"].clone(), r["user"].clone()), (json!("commercial_team"), json!("ana")));
    let mut t = base("2026-11-23");
    t["account"]["registration"] = json!({"name": "Silva Advocacia", "document": "12.345.678/0001-95"});
    t["contact"]["requester"] = json!("third_party");
    t["contact"]["confirmed_data"] = json!({"name": "silva  advocácia", "document": "12345678000195"});
    t["contact"]["field_changes"] = json!({"phone": "+5511988887777", "document": "98.765.432/0001-10"});
    let o = outcome("contact.third_party", t.clone());
    assert_eq!(o["sale_allowed"], true);
    assert_eq!(o["changes_applied"], json!(["phone"]));
    assert_eq!(o["changes_pending_holder"], json!(["document"]));
    assert_eq!(o["send_copy_to_administrator"], true);
    t["contact"]["confirmed_data"]["document"] = json!("12.345.678/0001-96");
    let o = outcome("contact.third_party", t.clone());
    assert_eq!((o["sale_allowed"].clone(), o["mismatches"].clone()), (json!(false), json!(["document"])));
    let codes: Vec<Value> = outcome("contact.inbound", t)["required_actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].clone())
        .collect();
    assert_eq!(
        codes,
        [
            json!("record_interaction"),
            json!("confirm_data"),
            json!("send_copy_to_administrator"),
            json!("holder_validation")
        ]
    );
}

#[test]
fn interaction_checks() {
    let check = |i: Value| outcome("interaction.check", json!({ "interaction": i }));
    for note in ["...", "[...]", "…", "  . . ", ""] {
        let o = check(json!({"channel": "chat", "reason": "venda", "closes_agendamento": true, "note": note}));
        assert_eq!(o["errors"], json!(["empty_closing_note"]), "{note:?}");
    }
    let o = check(
        json!({"channel": "chat", "reason": "venda", "closes_agendamento": true, "note": "concluindo agendamento: abri ficha errada"}),
    );
    assert_eq!(o["valid"], true);
    let o = check(json!({"channel": "phone", "reason": "retorno de erro", "answered": false}));
    assert_eq!(o["errors"], json!(["unanswered_call_not_attempt"]));
    let o = check(json!({"channel": "email", "reason": " ", "first_of_case": true}));
    assert_eq!((o["errors"].clone(), o["warnings"].clone()), (json!(["missing_reason"]), json!(["missing_link"])));
}

#[test]
fn errors_name_the_field() {
    let mut c = base("2026-11-23");
    c["attendant"] = json!("zé");
    let e = evaluate("contact.inbound", c).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("attendant")));
    let mut c = with_agendamento("2026-11-23");
    c["account"]["agendamentos"][0]["deadline"] = json!("2026-11-01");
    let e = evaluate("contact.route", c).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("account.agendamentos[0].deadline")));
    let mut c = base("2026-11-23");
    c["account"]["debts"] = json!([{"since": "2026-01-01", "amount_centavos": -5}]);
    let e = evaluate("contact.debt", c).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("account.debts[0].amount_centavos")));
}

mod properties {
    use super::*;
    use crate::model::{Availability, InboundContact};
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    const KINDS: [&str; 5] =
        ["sales_with_contact", "sales_without_contact", "without_contact", "onboarding_first_contact", "support"];
    const IDS: [&str; 4] = ["ana", "bruno", "carla", "duda"];
    const TEAMS: [&str; 4] = ["commercial", "support", "central", "manager"];
    const SUBJECTS: [&str; 2] = ["intimação", "pesquisa"];
    const ASKED: [&str; 2] = ["Intimação", "pesquisa"];

    fn day(offset: u64) -> String {
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap().checked_add_days(Days::new(offset)).unwrap().to_string()
    }

    prop_compose! {
        fn user(i: usize)(team in 0usize..4, vac in proptest::option::of((0u64..60, 0u64..10)), absent in proptest::collection::vec(0u64..60, 0..3)) -> Value {
            json!({
                "id": IDS[i], "team": if i == 0 { "commercial" } else { TEAMS[team] },
                "vacations": vac.map(|(s, len)| vec![json!({"start": day(s), "end": day(s + len)})]).unwrap_or_default(),
                "absences": absent.into_iter().map(day).collect::<Vec<_>>()
            })
        }
    }

    prop_compose! {
        fn agendamento()(kind in 0usize..5, owner in 0usize..4, created in 0u64..50, span in 0u64..14, subject in 0usize..2, validated: bool, inactivation: bool) -> Value {
            json!({
                "kind": KINDS[kind], "owner": IDS[owner], "subject": SUBJECTS[subject],
                "created_on": day(created), "deadline": day(created + span),
                "manager_validated": validated, "purpose": if inactivation { json!("inactivation") } else { Value::Null }
            })
        }
    }

    prop_compose! {
        fn contact()(
            users in (user(0), user(1), user(2), user(3)),
            attendant in 0usize..4,
            on in 0u64..60,
            responded: bool,
            decided: bool,
            agendamentos in proptest::collection::vec(agendamento(), 0..4),
            subject in 0usize..2,
        ) -> Value {
            json!({
                "on": day(on), "attendant": IDS[attendant], "owner_responded": responded,
                "users": [users.0, users.1, users.2, users.3],
                "account": {"agendamentos": agendamentos},
                "contact": {"channel": "chat", "subject": ASKED[subject], "decided": decided}
            })
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        /// Never to an owner (or any named user other than the attendant) away that day;
        /// an agendamento without contact, expired or disregarded never holds the client;
        /// commission is exactly one outcome; same input, same output.
        #[test]
        fn inbound_invariants(input in contact()) {
            let first = evaluate("contact.inbound", input.clone()).unwrap();
            let again = evaluate("contact.inbound", input.clone()).unwrap();
            prop_assert_eq!(&first, &again);

            let c: InboundContact = serde_json::from_value(input.clone()).unwrap();
            let o = &first["outcome"];
            let route = o["route"]["route"].as_str().unwrap();
            if let Some(user) = o["route"]["user"].as_str() {
                if route != "attendant" {
                    let u = c.user(user).unwrap();
                    prop_assert_eq!(u.availability(c.on), Availability::Available, "routed to {} who is away", user);
                }
            }
            if route == "agendamento_owner" || route == "available_seller" {
                // The holding agendamento must be live, with contact, within its maximum.
                let holds = c.account.agendamentos.iter().any(|a| {
                    let s = crate::rules::agendamento::evaluate(&crate::Context::default(), a, c.on).unwrap().outcome;
                    a.kind == crate::AgendamentoKind::SalesWithContact
                        && s.status == crate::rules::agendamento::Status::Live
                        && s.sales_priority
                        && crate::text::fold(&a.subject) == crate::text::fold(&c.contact.subject)
                });
                prop_assert!(holds);
            }
            let com = &o["commission"];
            match com["to"].as_str().unwrap() {
                "user" => prop_assert!(com["user"].is_string()),
                "manager_decides" => prop_assert!(com["user"].is_null()),
                other => prop_assert!(false, "unexpected commission {}", other),
            }
        }
    }
}

#[test]
fn account_status_errors_keep_their_path() {
    let with_status = |status: Value| {
        let mut c = base("2026-11-23");
        c["account"]["status"] = status;
        evaluate("contact.reinstatement", c).unwrap_err()
    };
    let e = with_status(json!({"state": "inactive_manual", "by": "carla", "client_answered": true}));
    assert_eq!((e.code(), e.path()), ("input.missing_field", Some("account.status.on")));
    let e =
        with_status(json!({"state": "inactive_manual", "by": "carla", "on": "2026-02-30", "client_answered": true}));
    assert_eq!((e.code(), e.path()), ("input.invalid_date", Some("account.status.on")));
    let e = with_status(json!({"state": "active", "by": "carla"}));
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("account.status.by")));
    let e = with_status(json!({"state": "paused"}));
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("account.status.state")));
}
