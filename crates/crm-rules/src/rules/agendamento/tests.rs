use super::*;
use crate::parse_date;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn ag(kind: AgendamentoKind, created: &str, deadline: Option<&str>) -> Agendamento {
    Agendamento {
        id: Some("A-1".into()),
        kind,
        subject: "intimação".into(),
        owner: "ana".into(),
        created_on: d(created),
        deadline: deadline.map(d),
        renewals: 0,
        manager_validated: false,
        purpose: None,
    }
}

fn req(kind: AgendamentoKind, created: &str, deadline: Option<&str>) -> CreateRequest {
    CreateRequest {
        id: None,
        kind,
        subject: "intimação".into(),
        owner: "ana".into(),
        created_on: d(created),
        deadline: deadline.map(d),
        purpose: None,
    }
}

use AgendamentoKind::*;

#[test]
fn create_with_and_without_contact() {
    let ctx = Context::default();
    // Fri 2026-11-27: +2 business days = Tue 2026-12-01; +6 = Mon 2026-12-07.
    let c = create(&ctx, &req(SalesWithContact, "2026-11-27", None)).unwrap();
    assert!(c.outcome.accepted);
    assert_eq!(c.outcome.agendamento.as_ref().unwrap().deadline, Some(d("2026-12-01")));
    assert_eq!(c.outcome.maximum, d("2026-12-07"));
    // Without contact: maximum = deadline = +2.
    let c = create(&ctx, &req(WithoutContact, "2026-11-27", None)).unwrap();
    assert_eq!(c.outcome.maximum, d("2026-12-01"));
    assert!(c.cites("AGD-3"));
}

#[test]
fn create_refuses_past_the_maximum() {
    let ctx = Context::default();
    let c = create(&ctx, &req(SalesWithContact, "2026-11-27", Some("2026-12-08"))).unwrap();
    assert!(!c.outcome.accepted && c.outcome.agendamento.is_none() && c.cites("AGD-2"));
    let c = create(&ctx, &req(SalesWithContact, "2026-11-27", Some("2026-12-07"))).unwrap();
    assert!(c.outcome.accepted);
    let c = create(&ctx, &req(SalesWithoutContact, "2026-11-27", Some("2026-12-02"))).unwrap();
    assert!(!c.outcome.accepted && c.cites("AGD-3"));
    let e = create(&ctx, &req(SalesWithContact, "2026-11-27", Some("2026-11-27"))).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("deadline")));
    let mut r = req(Support, "2026-11-27", None);
    r.subject = "  ".into();
    assert_eq!(create(&ctx, &r).unwrap_err().path(), Some("subject"));
}

#[test]
fn renewal_up_to_the_maximum_then_refused() {
    let ctx = Context::default();
    let a = ag(SalesWithContact, "2026-11-27", Some("2026-12-01"));
    let r = renew(&ctx, &a, d("2026-12-01"), None, false).unwrap();
    assert!(r.outcome.accepted);
    assert_eq!(r.outcome.agendamento.deadline, Some(d("2026-12-07")));
    assert_eq!(r.outcome.agendamento.renewals, 1);
    let again = renew(&ctx, &r.outcome.agendamento, d("2026-12-02"), None, false).unwrap();
    assert!(!again.outcome.accepted && again.cites("AGD-2"));
    assert_eq!(again.outcome.agendamento, r.outcome.agendamento);
    // An explicit renewal that would pass the maximum is refused, not capped.
    let r = renew(&ctx, &a, d("2026-11-30"), Some(5), false).unwrap();
    assert!(!r.outcome.accepted);
    let r = renew(&ctx, &a, d("2026-11-30"), Some(2), false).unwrap();
    assert_eq!(r.outcome.agendamento.deadline, Some(d("2026-12-03")));
    // A manager lifts the maximum.
    let r = renew(&ctx, &a, d("2026-11-30"), Some(5), true).unwrap();
    assert!(r.outcome.accepted && r.outcome.agendamento.manager_validated);
}

#[test]
fn no_renewal_without_contact_or_after_expiry() {
    let ctx = Context::default();
    let a = ag(SalesWithoutContact, "2026-11-27", None);
    let r = renew(&ctx, &a, d("2026-11-30"), None, false).unwrap();
    assert!(!r.outcome.accepted && r.cites("AGD-3"));
    let r = renew(&ctx, &a, d("2026-11-30"), Some(1), true).unwrap();
    assert!(r.outcome.accepted);
    let a = ag(SalesWithContact, "2026-11-27", Some("2026-12-01"));
    let r = renew(&ctx, &a, d("2026-12-02"), None, false).unwrap();
    assert!(!r.outcome.accepted && r.cites("AGD-2"));
    assert_eq!(renew(&ctx, &a, d("2026-11-26"), None, false).unwrap_err().path(), Some("on"));
    assert_eq!(renew(&ctx, &a, d("2026-11-27"), Some(0), false).unwrap_err().path(), Some("days"));
}

#[test]
fn live_on_deadline_expired_after() {
    let ctx = Context::default();
    let a = ag(SalesWithContact, "2026-11-27", Some("2026-12-07"));
    let s = |on: &str| evaluate(&ctx, &a, d(on)).unwrap().outcome;
    assert_eq!(s("2026-12-07").status, Status::Live);
    assert!(s("2026-12-07").sales_priority);
    assert_eq!(s("2026-12-08").status, Status::Expired);
    assert!(!s("2026-12-08").sales_priority);
    assert_eq!(s("2026-11-26").status, Status::NotStarted);
    assert_eq!(s("2026-11-27").span_business_days, 6);
}

#[test]
fn agd_4_disregard_and_manager_validation() {
    let ctx = Context::default();
    // 8 business days from Fri 2026-11-27: 30, 1, 2, 3, 4, 7, 8, 9 → 2026-12-09.
    let mut a = ag(SalesWithContact, "2026-11-27", Some("2026-12-09"));
    let e = evaluate(&ctx, &a, d("2026-11-30")).unwrap();
    assert_eq!(e.outcome.status, Status::Disregarded);
    assert!(e.cites("AGD-4") && !e.outcome.sales_priority);
    a.manager_validated = true;
    let e = evaluate(&ctx, &a, d("2026-11-30")).unwrap();
    assert_eq!(e.outcome.status, Status::Live);
    assert!(e.outcome.sales_priority && !e.outcome.within_maximum);
    // Exactly 7 business days: not disregarded, but past the maximum of 6.
    let a = ag(SalesWithContact, "2026-11-27", Some("2026-12-08"));
    let e = evaluate(&ctx, &a, d("2026-11-30")).unwrap().outcome;
    assert_eq!((e.status, e.within_maximum, e.sales_priority), (Status::Live, false, false));
}

#[test]
fn onboarding_inactivation_and_no_contact_give_no_priority() {
    let ctx = Context::default();
    let on = d("2026-11-30");
    let e = evaluate(&ctx, &ag(OnboardingFirstContact, "2026-11-27", None), on).unwrap();
    assert_eq!(e.outcome.status, Status::Live);
    assert!(!e.outcome.sales_priority && e.cites("AGD-4"));
    let mut a = ag(SalesWithContact, "2026-11-27", None);
    a.purpose = Some(Purpose::Inactivation);
    let e = evaluate(&ctx, &a, on).unwrap();
    assert!(!e.outcome.sales_priority && e.cites("AGD-4"));
    let e = evaluate(&ctx, &ag(SalesWithoutContact, "2026-11-27", None), on).unwrap();
    assert!(!e.outcome.sales_priority && e.cites("RCP-1"));
    let e = evaluate(&ctx, &ag(SalesWithContact, "2026-11-27", Some("2026-11-26")), on).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("agendamento.deadline")));
}

#[test]
fn policy_numbers_are_used() {
    let p = crate::Policy::from_json_str(
        r#"{"agendamento": {"with_contact_initial_days": 3, "with_contact_max_days": 10, "disregard_after_days": 9}}"#,
    )
    .unwrap();
    let ctx = Context::new(p).unwrap();
    let c = create(&ctx, &req(SalesWithContact, "2026-11-27", None)).unwrap().outcome;
    assert_eq!(c.agendamento.unwrap().deadline, Some(d("2026-12-02")));
    assert_eq!(c.maximum, d("2026-12-11"));
    let a = ag(SalesWithContact, "2026-11-27", Some("2026-12-09"));
    assert_eq!(evaluate(&ctx, &a, d("2026-11-30")).unwrap().outcome.status, Status::Live);
}

mod properties {
    use super::*;
    use chrono::Days;
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = AgendamentoKind> {
        prop_oneof![
            Just(SalesWithContact),
            Just(SalesWithoutContact),
            Just(WithoutContact),
            Just(OnboardingFirstContact),
            Just(Support)
        ]
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0u64..36_500).prop_map(|i| d("1950-01-01").checked_add_days(Days::new(i)).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// AGD-2/3: a created deadline is after creation and never past the maximum;
        /// the agendamento is live on its deadline and expired the next day.
        #[test]
        fn created_deadline_within_maximum(k in kind(), created in date()) {
            let ctx = Context::default();
            let c = create(&ctx, &req(k, &created.to_string(), None)).unwrap().outcome;
            let a = c.agendamento.unwrap();
            let deadline = a.deadline.unwrap();
            prop_assert!(created < deadline && deadline <= c.maximum);
            prop_assert_eq!(evaluate(&ctx, &a, deadline).unwrap().outcome.status, Status::Live);
            let next = deadline.succ_opt().unwrap();
            prop_assert_eq!(evaluate(&ctx, &a, next).unwrap().outcome.status, Status::Expired);
        }

        /// Without a manager, renewals never pass the maximum, never apply to kinds
        /// without contact, and at most reach the maximum.
        #[test]
        fn renewals_respect_the_maximum(k in kind(), created in date(), steps in proptest::collection::vec(proptest::option::of(1u32..6), 1..5)) {
            let ctx = Context::default();
            let mut a = create(&ctx, &req(k, &created.to_string(), None)).unwrap().outcome.agendamento.unwrap();
            let maximum = evaluate(&ctx, &a, created).unwrap().outcome.maximum;
            for days in steps {
                let r = renew(&ctx, &a, created, days, false).unwrap();
                if k.schedule() == Schedule::WithoutContact {
                    prop_assert!(!r.outcome.accepted);
                }
                prop_assert!(r.outcome.agendamento.deadline.unwrap() <= maximum);
                prop_assert_eq!(r.outcome.accepted, r.outcome.agendamento != a);
                a = r.outcome.agendamento;
            }
        }

        /// Sales priority only for a live, sales, with-contact agendamento.
        #[test]
        fn sales_priority_needs_live_sales_with_contact(k in kind(), created in date(), span in 0u64..15, offset in 0u64..20, validated: bool) {
            let ctx = Context::default();
            let mut a = ag(k, &created.to_string(), None);
            a.deadline = created.checked_add_days(Days::new(span));
            a.manager_validated = validated;
            let on = created.checked_add_days(Days::new(offset)).unwrap();
            let s = evaluate(&ctx, &a, on).unwrap().outcome;
            if s.sales_priority {
                prop_assert_eq!(k, SalesWithContact);
                prop_assert_eq!(s.status, Status::Live);
                prop_assert!(on <= a.deadline.unwrap());
            }
            if s.status == Status::Disregarded {
                prop_assert!(!validated && s.span_business_days > 7);
            }
        }
    }
}
