use super::*;
use crate::model::{Classification, Scope};
use crate::policy::Policy;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    crate::date::parse_date(s).unwrap()
}

fn user(id: &str, scope: Scope) -> PortfolioUser {
    PortfolioUser { id: id.into(), scope, team: vec![] }
}

fn account(id: &str, responsibles: &[&str]) -> AccountRecord {
    AccountRecord {
        id: id.into(),
        name: "Padaria Pão Quente".into(),
        classification: Classification::Client,
        other_label: None,
        responsibles: responsibles.iter().map(|s| (*s).to_owned()).collect(),
        contacts: vec![],
        relationships: vec![],
        characteristics: vec![],
        interests: vec![],
        unmet_needs: vec![],
        documents: vec![],
    }
}

fn input(matter: &str, reason: Option<&str>, other: Option<&str>) -> RecordLossInput {
    RecordLossInput {
        user: user("ana", Scope::Own),
        account: account("c1", &["ana"]),
        pending_matter: matter.into(),
        reason: reason.map(Into::into),
        other_reason: other.map(Into::into),
        on: d("2025-03-10"),
    }
}

fn record(i: &RecordLossInput) -> Decision<LossRecording> {
    record_loss(Context::shared_default(), i).unwrap()
}

fn rules_of<T>(dec: &Decision<T>) -> Vec<&'static str> {
    dec.reasons.iter().map(Reason::rule).collect()
}

fn problem<T>(dec: &Decision<T>) -> Option<String> {
    dec.reasons.iter().find(|r| r.rule() == "DSC-2").and_then(|r| {
        r.facts().find(|(k, _)| *k == "problem").map(|(_, v)| serde_json::to_value(v).unwrap().to_string())
    })
}

#[test]
fn records_with_the_policy_spelling() {
    let dec = record(&input("  assistencia   TECNICA ", Some("Boleto Negado"), None));
    let loss = dec.outcome.loss.clone().unwrap();
    assert!(dec.outcome.recorded);
    assert_eq!(loss.pending_matter, "assistência técnica");
    assert_eq!(loss.reason, "boleto negado");
    assert_eq!(loss.other_reason, None);
    assert_eq!((loss.account.as_str(), loss.recorded_by.as_str()), ("c1", "ana"));
    assert_eq!((loss.recorded_on, loss.last_reviewed_on), (d("2025-03-10"), None));
    assert_eq!(rules_of(&dec), ["ACC-2", "DSC-1", "DSC-2"]);
    assert!(dec.reasons[1].message(Lang::Pt).contains("10/03/2025"));
}

#[test]
fn records_other_with_its_text() {
    let dec = record(&input("NCC", Some("Other"), Some("  cliente   mudou de cidade ")));
    let loss = dec.outcome.loss.unwrap();
    assert_eq!((loss.reason.as_str(), loss.other_reason.as_deref()), ("other", Some("cliente mudou de cidade")));
    // A blank text with a listed reason is no text at all.
    assert!(record(&input("NCC", Some("NCC"), Some("   "))).outcome.recorded);
}

#[test]
fn refusals_are_explained_and_record_nothing() {
    let cases = [
        (input("NCC", None, None), "\"missing\""),
        (input("NCC", Some("  "), None), "\"missing\""),
        (input("NCC", Some("preço alto"), None), "\"unknown\""),
        (input("NCC", Some("other"), None), "\"other_without_text\""),
        (input("NCC", Some("other"), Some(" ")), "\"other_without_text\""),
        (input("NCC", Some("NCC"), Some("e também outra coisa")), "\"ambiguous\""),
    ];
    for (i, want) in cases {
        let dec = record(&i);
        assert_eq!(dec.outcome, LossRecording { recorded: false, loss: None }, "{want}");
        assert_eq!(rules_of(&dec), ["ACC-2", "DSC-2"], "{want}");
        assert_eq!(problem(&dec).as_deref(), Some(want));
    }
    let dec = record(&input("reclamação", Some("NCC"), None));
    assert_eq!((dec.outcome.recorded, rules_of(&dec)), (false, vec!["ACC-2", "DSC-1"]));
    assert!(dec.reasons[1].message(Lang::En).contains("pós-venda, NCC"));
    let dec = record(&input("", None, None));
    assert_eq!(rules_of(&dec), ["ACC-2", "DSC-1", "DSC-2"]);
}

#[test]
fn access_is_checked_first() {
    let mut i = input("nada disso", None, None);
    i.user = user("bia", Scope::Own);
    let dec = record(&i);
    assert_eq!(dec.outcome, LossRecording { recorded: false, loss: None });
    assert_eq!(rules_of(&dec), ["ACC-2"]);
    assert!(dec.reasons[0].message(Lang::En).starts_with("Access refused"));
}

fn loss(account: &str, recorded: &str, reviewed: Option<&str>) -> Loss {
    Loss {
        account: account.into(),
        pending_matter: "NCC".into(),
        reason: "NCC".into(),
        other_reason: None,
        recorded_by: "ana".into(),
        recorded_on: d(recorded),
        last_reviewed_on: reviewed.map(d),
    }
}

#[test]
fn review_due_dates_and_order() {
    let losses = [
        loss("b", "2025-01-01", Some("2025-02-10")), // due 2025-03-12: not yet
        loss("c", "2025-01-20", None),               // due 2025-02-19
        loss("a", "2025-01-01", Some("2025-01-20")), // due 2025-02-19, reviewed
        loss("z", "2025-02-09", None),               // due 2025-03-11: that very day
    ];
    let dec = losses_due_for_review(Context::shared_default(), &losses, d("2025-03-11")).unwrap();
    let got: Vec<(&str, NaiveDate, u32, bool)> =
        dec.outcome.due.iter().map(|x| (x.account.as_str(), x.due_on, x.days_overdue, x.reviewed_before)).collect();
    assert_eq!(
        got,
        [("a", d("2025-02-19"), 20, true), ("c", d("2025-02-19"), 20, false), ("z", d("2025-03-11"), 0, false)]
    );
    assert_eq!(dec.outcome.not_due, 1);
    assert_eq!(dec.reasons.len(), 4);
    assert!(dec.reasons[2].message(Lang::Pt).contains("vence no próprio dia"));
    assert!(dec.reasons[0].message(Lang::En).contains("last reviewed on 2025-01-20"));
    assert!(dec.reasons[1].message(Lang::Pt).contains("registrada em 20/01/2025 e nunca revisada"));
    assert!(dec.reasons[3].message(Lang::En).contains("3 loss(es) due"));
}

#[test]
fn review_date_errors() {
    let ctx = Context::shared_default();
    let on = d("2025-03-11");
    let err = |l: Loss| losses_due_for_review(ctx, &[loss("ok", "2025-01-01", None), l], on).unwrap_err();
    let e = err(loss("x", "2025-02-01", Some("2025-01-31")));
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("losses[1].last_reviewed_on")));
    let e = err(loss("x", "2025-03-12", None));
    assert_eq!(e.path(), Some("losses[1].recorded_on"));
    let e = err(loss("x", "2025-03-01", Some("2025-03-12")));
    assert_eq!(e.path(), Some("losses[1].last_reviewed_on"));
    // Reviewed the day it was recorded, and on the day of the review: fine.
    assert!(losses_due_for_review(ctx, &[loss("x", "2025-03-11", Some("2025-03-11"))], on).is_ok());
}

#[test]
fn review_at_the_end_of_the_calendar_is_not_due() {
    let dec =
        losses_due_for_review(Context::shared_default(), &[loss("x", "2199-12-30", None)], d("2199-12-31")).unwrap();
    assert_eq!((dec.outcome.due.len(), dec.outcome.not_due), (0, 1));
}

fn day(offset: u64) -> NaiveDate {
    d("2024-01-01").checked_add_days(Days::new(offset)).unwrap()
}

proptest! {
    /// The due list is exactly the losses whose due date is on or before `on`, sorted
    /// by due date (then account, then input order); the rest are counted.
    #[test]
    fn due_list_is_exact_and_sorted(
        every in 1u32..60,
        on_offset in 0u64..200,
        raw in proptest::collection::vec((0u8..4, 0u64..200, proptest::option::of(0u64..200)), 0..25),
    ) {
        let mut policy = Policy::default();
        policy.losses.review_every_days = every;
        let ctx = Context::new(policy).unwrap();
        let on = day(on_offset);
        // Recorded on or before `on`; reviewed (if ever) between recording and `on`.
        let losses: Vec<Loss> = raw
            .iter()
            .map(|(acc, rec, rev)| {
                let rec_off = rec % (on_offset + 1);
                let rev_off = rev.map(|r| rec_off + r % (on_offset - rec_off + 1));
                Loss {
                    account: format!("acc{acc}"),
                    pending_matter: "NCC".into(),
                    reason: "NCC".into(),
                    other_reason: None,
                    recorded_by: "ana".into(),
                    recorded_on: day(rec_off),
                    last_reviewed_on: rev_off.map(day),
                }
            })
            .collect();
        let dec = losses_due_for_review(&ctx, &losses, on).unwrap();
        // Oracle: by day numbers, independently of the rule's date arithmetic.
        let mut want: Vec<(u64, String, usize)> = raw
            .iter()
            .enumerate()
            .filter_map(|(n, (acc, rec, rev))| {
                let rec_off = rec % (on_offset + 1);
                let since = rev.map_or(rec_off, |r| rec_off + r % (on_offset - rec_off + 1));
                let due = since + u64::from(every);
                (due <= on_offset).then(|| (due, format!("acc{acc}"), n))
            })
            .collect();
        want.sort();
        let got: Vec<(NaiveDate, String)> = dec.outcome.due.iter().map(|x| (x.due_on, x.account.clone())).collect();
        let want_pairs: Vec<(NaiveDate, String)> = want.iter().map(|(due, acc, _)| (day(*due), acc.clone())).collect();
        prop_assert_eq!(got, want_pairs);
        prop_assert_eq!(dec.outcome.not_due, losses.len() - want.len());
        prop_assert!(dec.outcome.due.windows(2).all(|w| w[0].due_on <= w[1].due_on));
        for x in &dec.outcome.due {
            prop_assert_eq!(x.due_on, x.since.checked_add_days(Days::new(u64::from(every))).unwrap());
            prop_assert_eq!(i64::from(x.days_overdue), (on - x.due_on).num_days());
        }
        prop_assert_eq!(dec.reasons.len(), dec.outcome.due.len() + 1);
        prop_assert!(dec.reasons.iter().all(|r| r.rule() == "DSC-3"));
    }

    /// A loss is never recorded for a user without access (ACC-2), nor with a
    /// reason outside the policy's list unless `other` with a text.
    #[test]
    fn never_recorded_without_access_or_a_listed_reason(
        scope in 0u8..3,
        responsible in 0u8..3,
        team in proptest::collection::vec(0u8..3, 0..3),
        matter in 0usize..7,
        reason in 0usize..8,
        other in proptest::option::of(0usize..3),
    ) {
        let scope = [Scope::Own, Scope::Team, Scope::All][usize::from(scope)];
        let who = PortfolioUser { id: "u0".into(), scope, team: team.iter().map(|t| format!("u{t}")).collect() };
        let acc = account("c9", &[&format!("u{responsible}")]);
        let matters = ["pós-venda", "NCC", "chamado", "troca de pagamento", "assistência técnica", "reclamação", ""];
        let reasons = ["NCC", "boleto negado", "retorno do mesmo dia", "other", "OTHER", "preço", " ", "Boleto  NEGADO"];
        let texts = ["", "  ", "mudou de cidade"];
        let i = RecordLossInput {
            user: who.clone(),
            account: acc.clone(),
            pending_matter: matters[matter].into(),
            reason: Some(reasons[reason].into()),
            other_reason: other.map(|o| texts[o].to_owned()),
            on: d("2025-05-05"),
        };
        let dec = record(&i);
        let has_access = acc.responsibles.contains(&who.id)
            || scope == Scope::All
            || (scope == Scope::Team && acc.responsibles.iter().any(|r| who.team.contains(r)));
        let text_given = other.is_some_and(|o| o == 2);
        let reason_ok = match reason {
            0 | 1 | 2 | 7 => !text_given,
            3 | 4 => text_given,
            _ => false,
        };
        let matter_ok = matter < 5;
        prop_assert_eq!(dec.outcome.recorded, has_access && reason_ok && matter_ok);
        prop_assert_eq!(dec.outcome.loss.is_some(), dec.outcome.recorded);
        if !has_access {
            prop_assert_eq!(rules_of(&dec), vec!["ACC-2"]);
        }
        if let Some(loss) = &dec.outcome.loss {
            let listed = ctx_reasons();
            prop_assert!(listed.contains(&loss.reason) || (loss.reason == "other" && loss.other_reason.is_some()));
        }
    }
}

fn ctx_reasons() -> Vec<String> {
    Context::shared_default().policy().losses.loss_reasons.clone()
}
