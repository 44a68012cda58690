use chrono::NaiveDate;

use super::*;
use crate::context::Context;
use crate::model::{
    Atendimento, AtendimentoContact, Channel, DatedQuote, Interaction, Lifecycle, Pipeline, PostedInteraction,
    Purchase, Quote, QuoteItem, QuoteStatus, Tag,
};
use crate::policy::Policy;
use crate::rules::registration::AtendimentoDraft;

pub(super) fn ctx() -> &'static Context {
    Context::shared_default()
}

pub(super) fn d(s: &str) -> NaiveDate {
    crate::parse_date(s).unwrap()
}

pub(super) fn pipeline(id: &str, users: &[&str], tags: &[&str]) -> Pipeline {
    let mut all = vec![Tag::all()];
    all.extend(tags.iter().map(|t| Tag { name: (*t).to_owned(), colour: Some("#f00".into()) }));
    Pipeline {
        id: id.into(),
        name: format!("Fluxo {id}"),
        alias: format!("Fluxo {id}"),
        description: None,
        authorised_users: users.iter().map(|s| (*s).to_owned()).collect(),
        active: true,
        tags: all,
        reordering: false,
        atendimentos: 1,
    }
}

pub(super) fn atendimento() -> Atendimento {
    Atendimento {
        id: "a1".into(),
        reference: "1042".into(),
        title: "Orçamento".into(),
        pipeline: "vendas".into(),
        account: "acc1".into(),
        contact: AtendimentoContact {
            id: "c1".into(),
            name: "Maria".into(),
            phone: Some("+5511987654321".into()),
            email: Some("maria@example.com".into()),
        },
        reason: "Orçamento de certificado".into(),
        status: "Prospecto".into(),
        lifecycle: Lifecycle::Active,
        before_trash: None,
        tags: vec!["Quente".into()],
        due: None,
        closing: None,
        responsible: "ana".into(),
        created_on: d("2024-06-03"),
        updated_on: d("2024-06-03"),
        interactions: Vec::new(),
        quotes: Vec::new(),
        purchases: Vec::new(),
        sale: None,
    }
}

pub(super) fn change(a: &Atendimento, p: &Pipeline, action: AtendimentoAction, on: &str) -> AtendimentoChange {
    change_atendimento(ctx(), "ana", a, p, &action, d(on)).unwrap().outcome
}

fn vendas() -> Pipeline {
    pipeline("vendas", &["ana"], &["Quente", "Frio"])
}

fn quote(status: QuoteStatus, version: u32, conditions: Option<&str>) -> Quote {
    Quote {
        id: "q1".into(),
        account: "acc1".into(),
        version,
        status,
        items: vec![QuoteItem {
            description: "Certificado".into(),
            quantity: 2,
            unit_price_centavos: 15_000,
            discount_centavos: 1_000,
        }],
        conditions: conditions.map(str::to_owned),
        created_by: "ana".into(),
    }
}

fn create_input(tags: &[&str]) -> CreateAtendimentoInput {
    CreateAtendimentoInput {
        user: "ana".into(),
        pipeline: vendas(),
        atendimento: AtendimentoDraft {
            contact_id: Some("c1".into()),
            name: Some(" Maria  Silva ".into()),
            phone: Some("(11) 98765-4321".into()),
            email: Some("Maria@Example.COM".into()),
            reason: Some("Orçamento".into()),
        },
        registered_contact_ids: vec!["c1".into()],
        id: "a1".into(),
        reference: "1042".into(),
        account: "acc1".into(),
        on: d("2024-06-03"),
        title: None,
        responsible: None,
        tags: tags.iter().map(|s| (*s).to_owned()).collect(),
        due: Some(d("2024-06-10")),
    }
}

#[test]
fn create_accepts_registered_contact_and_normalises() {
    let dec = create_atendimento(ctx(), &create_input(&["quente"])).unwrap();
    let a = dec.outcome.atendimento.clone().unwrap();
    assert!(dec.outcome.accepted && dec.outcome.problems.is_empty());
    assert_eq!((a.status.as_str(), a.lifecycle, a.title.as_str()), ("Prospecto", Lifecycle::Active, "Orçamento"));
    assert_eq!(a.contact.phone.as_deref(), Some("+5511987654321"));
    assert_eq!(a.contact.name, "Maria Silva");
    assert_eq!(a.tags, vec!["Quente"]);
    assert_eq!((a.created_on, a.updated_on, a.due), (d("2024-06-03"), d("2024-06-03"), Some(d("2024-06-10"))));
    assert_eq!(a.responsible, "ana");
    for id in ["CAD-1", "CAD-3", "FLX-1", "FLX-2", "ATD-1", "ATD-3"] {
        assert!(dec.cites(id), "{id}");
    }
}

#[test]
fn create_names_every_missing_field_and_unregistered_contact() {
    let mut i = create_input(&[]);
    i.atendimento = AtendimentoDraft { contact_id: Some("c9".into()), ..AtendimentoDraft::default() };
    let dec = create_atendimento(ctx(), &i).unwrap();
    assert!(!dec.outcome.accepted && dec.outcome.atendimento.is_none());
    let paths: Vec<&str> = dec.outcome.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "atendimento.contact_id",
            "atendimento.name",
            "atendimento.phone",
            "atendimento.email",
            "atendimento.reason"
        ]
    );
}

#[test]
fn create_refuses_inactive_unauthorised_missing_tag_reordering_and_todos() {
    let mut i = create_input(&[]);
    i.pipeline.active = false;
    assert!(!create_atendimento(ctx(), &i).unwrap().outcome.accepted);
    let mut i = create_input(&[]);
    i.user = "zé".into();
    assert!(!create_atendimento(ctx(), &i).unwrap().outcome.accepted);
    for tags in [&["Morno"][..], &["TODOS"][..]] {
        let dec = create_atendimento(ctx(), &create_input(tags)).unwrap();
        assert!(!dec.outcome.accepted && dec.cites("FLX-2"), "{tags:?}");
    }
    let mut i = create_input(&["Quente"]);
    i.pipeline.reordering = true;
    assert!(!create_atendimento(ctx(), &i).unwrap().outcome.accepted);
    let mut i = create_input(&[]);
    i.due = Some(d("2024-06-02"));
    let dec = create_atendimento(ctx(), &i).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("ATD-3"));
    let e = create_atendimento(ctx(), &create_input(&["Quente", "QUENTE"])).unwrap_err();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("tags[1]")));
}

#[test]
fn lifecycle_machine() {
    let p = vendas();
    let a = atendimento();
    let archived = change(&a, &p, AtendimentoAction::Archive, "2024-06-04");
    assert!(archived.accepted);
    let b = archived.atendimento;
    assert_eq!((b.lifecycle, b.updated_on), (Lifecycle::Archived, d("2024-06-04")));
    assert!(!change(&b, &p, AtendimentoAction::Archive, "2024-06-04").accepted);
    assert!(!change(&a, &p, AtendimentoAction::Unarchive, "2024-06-04").accepted);
    assert!(!change(&a, &p, AtendimentoAction::Restore, "2024-06-04").accepted);
    let t = change(&b, &p, AtendimentoAction::Trash, "2024-06-05").atendimento;
    assert_eq!((t.lifecycle, t.before_trash), (Lifecycle::Trash, Some(Lifecycle::Archived)));
    let refused = change(&t, &p, AtendimentoAction::Archive, "2024-06-06");
    assert!(!refused.accepted && refused.atendimento == t);
    assert!(!change(&t, &p, AtendimentoAction::Trash, "2024-06-06").accepted);
    let r = change(&t, &p, AtendimentoAction::Restore, "2024-06-06").atendimento;
    assert_eq!((r.lifecycle, r.before_trash), (Lifecycle::Archived, None));
    let back = change(&r, &p, AtendimentoAction::Unarchive, "2024-06-07").atendimento;
    assert_eq!(Atendimento { updated_on: a.updated_on, ..back }, a);
    let dec = change_atendimento(ctx(), "ana", &t, &p, &AtendimentoAction::ClearDue, d("2024-06-06")).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("ATD-1"));
}

#[test]
fn status_phases_and_sale_terms() {
    let p = vendas();
    let a = atendimento();
    let up =
        |s: &str, sale: Option<SaleTerms>| AtendimentoAction::UpdateStatus(StatusUpdate { status: s.into(), sale });
    let out = change(&a, &p, up("em negociacao", None), "2024-06-04");
    assert!(out.accepted);
    assert_eq!(out.atendimento.status, "Em negociação");
    assert!(!change(&a, &p, up("Ganho", None), "2024-06-04").accepted);
    assert!(!change(&a, &p, up("Prospecto", None), "2024-06-04").accepted);
    let dec = change_atendimento(ctx(), "ana", &a, &p, &up("Venda", None), d("2024-06-04")).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("ORC-1"));
    let bad = SaleTerms { value_centavos: 0, conditions: "à vista".into() };
    assert!(!change(&a, &p, up("Venda", Some(bad)), "2024-06-04").accepted);
    let terms = SaleTerms { value_centavos: 50_000, conditions: " 3x ".into() };
    let sold = change(&a, &p, up("Venda", Some(terms)), "2024-06-04").atendimento;
    assert_eq!(sold.sale.as_ref().map(|s| (s.value_centavos, s.conditions.as_str())), Some((50_000, "3x")));
    assert!(!change(&sold, &p, up("Em negociação", None), "2024-06-05").accepted);
    let mut q = a.clone();
    q.quotes = vec![
        DatedQuote { on: d("2024-06-03"), quote: quote(QuoteStatus::Superseded, 1, Some("à vista")) },
        DatedQuote { on: d("2024-06-04"), quote: quote(QuoteStatus::Approved, 2, Some("à vista")) },
    ];
    let sold = change(&q, &p, up("Venda", None), "2024-06-04").atendimento;
    let s = sold.sale.unwrap();
    assert_eq!((s.value_centavos, s.quote.as_deref(), s.version), (29_000, Some("q1"), Some(2)));
}

#[test]
fn close_needs_status_and_a_real_note() {
    let p = vendas();
    let a = atendimento();
    let close = |s: &str, note: &str| {
        AtendimentoAction::Close(CloseAtendimento { status: s.into(), note: note.into(), sale: None })
    };
    let dec = change_atendimento(ctx(), "ana", &a, &p, &close("Resolvido", " [...] "), d("2024-06-04")).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("MOV-2"));
    let dec = change_atendimento(ctx(), "ana", &a, &p, &close("Xyz", "..."), d("2024-06-04")).unwrap();
    assert_eq!(dec.reasons.iter().filter(|r| r.rule() != "FLX-1").count(), 2);
    let out = change(&a, &p, close("resolvido", " Certificado emitido. "), "2024-06-04");
    assert!(out.accepted);
    let c = out.atendimento.closing.clone().unwrap();
    assert_eq!((c.status.as_str(), c.note.as_str(), c.on), ("Resolvido", "Certificado emitido.", d("2024-06-04")));
    assert_eq!(out.atendimento.status, "Resolvido");
    let up = AtendimentoAction::UpdateStatus(StatusUpdate { status: "Venda".into(), sale: None });
    assert!(!change(&out.atendimento, &p, up, "2024-06-05").accepted);
    assert!(!change(&out.atendimento, &p, close("Perda", "De novo."), "2024-06-05").accepted);
    assert!(!change(&a, &p, close("Venda", "Vendido."), "2024-06-04").accepted);
}

#[test]
fn move_carries_tags_and_creates_missing_ones() {
    let p = vendas();
    let mut a = atendimento();
    a.tags = vec!["Quente".into(), "Frio".into()];
    let target = pipeline("pos", &["ana"], &["quente"]);
    let out = change(&a, &p, AtendimentoAction::Move(MoveTo { pipeline: target.clone() }), "2024-06-04");
    assert!(out.accepted);
    assert_eq!(out.atendimento.pipeline, "pos");
    assert_eq!(out.atendimento.tags, vec!["quente", "Frio"]);
    let (from, to) = (&out.pipelines[0], &out.pipelines[1]);
    assert_eq!((from.id.as_str(), from.atendimentos, to.atendimentos), ("vendas", 0, 2));
    assert_eq!(to.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), vec!["TODOS", "quente", "Frio"]);
    assert_eq!(to.tags[2].colour.as_deref(), Some("#f00"));
    let mut closed = target.clone();
    closed.reordering = true;
    let dec = change_atendimento(
        ctx(),
        "ana",
        &a,
        &p,
        &AtendimentoAction::Move(MoveTo { pipeline: closed }),
        d("2024-06-04"),
    )
    .unwrap();
    assert!(!dec.outcome.accepted && dec.cites("FLX-2"));
    let mut inactive = target.clone();
    inactive.active = false;
    assert!(!change(&a, &p, AtendimentoAction::Move(MoveTo { pipeline: inactive }), "2024-06-04").accepted);
    let outsider = pipeline("pos", &["bia"], &[]);
    assert!(!change(&a, &p, AtendimentoAction::Move(MoveTo { pipeline: outsider }), "2024-06-04").accepted);
    assert!(!change(&a, &p, AtendimentoAction::Move(MoveTo { pipeline: p.clone() }), "2024-06-04").accepted);
}

#[test]
fn due_date_and_tags() {
    let p = vendas();
    let a = atendimento();
    assert!(!change(&a, &p, AtendimentoAction::SetDue(SetDue { due: d("2024-06-01") }), "2024-06-04").accepted);
    let set = change(&a, &p, AtendimentoAction::SetDue(SetDue { due: d("2024-06-10") }), "2024-06-04");
    assert_eq!(set.atendimento.due, Some(d("2024-06-10")));
    assert!(!change(&a, &p, AtendimentoAction::ClearDue, "2024-06-04").accepted);
    assert_eq!(change(&set.atendimento, &p, AtendimentoAction::ClearDue, "2024-06-05").atendimento.due, None);
    let bind = |t: &str| AtendimentoAction::BindTag(TagRef { tag: t.into() });
    let unbind = |t: &str| AtendimentoAction::UnbindTag(TagRef { tag: t.into() });
    assert_eq!(change(&a, &p, bind("frio"), "2024-06-04").atendimento.tags, vec!["Quente", "Frio"]);
    assert!(!change(&a, &p, bind("QUENTE"), "2024-06-04").accepted);
    assert!(!change(&a, &p, bind("Morno"), "2024-06-04").accepted);
    assert!(!change(&a, &p, bind("todos"), "2024-06-04").accepted);
    assert!(change(&a, &p, unbind("quente"), "2024-06-04").atendimento.tags.is_empty());
    assert!(!change(&a, &p, unbind("Frio"), "2024-06-04").accepted);
    let mut r = p.clone();
    r.reordering = true;
    assert!(!change(&a, &r, bind("Frio"), "2024-06-04").accepted);
    assert!(!change(&a, &r, unbind("Quente"), "2024-06-04").accepted);
}

#[test]
fn change_typed_errors() {
    let p = vendas();
    let a = atendimento();
    let path = |a: &Atendimento, p: &Pipeline, on: &str| {
        change_atendimento(ctx(), "ana", a, p, &AtendimentoAction::Archive, d(on))
            .unwrap_err()
            .path()
            .map(str::to_owned)
    };
    assert_eq!(path(&a, &p, "2024-06-02").as_deref(), Some("on"));
    assert_eq!(path(&a, &pipeline("outro", &["ana"], &[]), "2024-06-04").as_deref(), Some("pipeline.id"));
    let mut t = a.clone();
    t.lifecycle = Lifecycle::Trash;
    assert_eq!(path(&t, &p, "2024-06-04").as_deref(), Some("atendimento.before_trash"));
    let e = change_atendimento(ctx(), " ", &a, &p, &AtendimentoAction::Archive, d("2024-06-04")).unwrap_err();
    assert_eq!(e.path(), Some("user"));
    let outsider = change_atendimento(ctx(), "zé", &a, &p, &AtendimentoAction::Archive, d("2024-06-04")).unwrap();
    assert!(!outsider.outcome.accepted && outsider.cites("FLX-1"));
}

fn post_input(mode: PostMode, account: Option<&str>, template: Option<&str>) -> PostInteractionInput {
    PostInteractionInput {
        user: "ana".into(),
        atendimento: atendimento(),
        pipeline: vendas(),
        interaction: Interaction {
            channel: Channel::Email,
            reason: Some("Venda".into()),
            answered: true,
            recorded_as_attempt: false,
            note: Some("Enviada a proposta.".into()),
            link: Some("https://bitrix/deal/1".into()),
            first_of_case: false,
            closes_agendamento: false,
        },
        on: d("2024-06-04"),
        mode,
        email_account: account.map(str::to_owned),
        template: template.map(str::to_owned),
    }
}

#[test]
fn post_save_and_notify() {
    let dec = post_interaction(ctx(), &post_input(PostMode::Save, None, None)).unwrap();
    let a = &dec.outcome.atendimento;
    assert!(dec.outcome.accepted && !dec.outcome.notified && dec.outcome.notify_to.is_none());
    assert_eq!((a.interactions.len(), a.updated_on), (1, d("2024-06-04")));
    assert!(a.interactions[0].interaction.first_of_case && a.interactions[0].by == "ana");
    let dec = post_interaction(ctx(), &post_input(PostMode::SaveAndNotify, None, None)).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("ATD-2") && dec.outcome.atendimento.interactions.is_empty());
    let dec = post_interaction(ctx(), &post_input(PostMode::Save, Some(" "), Some("Proposta"))).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("ATD-2"));
    let dec = post_interaction(ctx(), &post_input(PostMode::SaveAndNotify, Some("ana@empresa.com"), Some("Proposta")))
        .unwrap();
    assert!(dec.outcome.accepted && dec.outcome.notified);
    assert_eq!(dec.outcome.notify_to.as_deref(), Some("maria@example.com"));
    assert_eq!(dec.outcome.atendimento.interactions[0].template.as_deref(), Some("Proposta"));
    let mut i = post_input(PostMode::SaveAndNotify, Some("ana@empresa.com"), None);
    i.atendimento.contact.email = None;
    assert!(!post_interaction(ctx(), &i).unwrap().outcome.accepted);
}

#[test]
fn post_keeps_interaction_warnings_and_refuses_errors() {
    let mut i = post_input(PostMode::Save, None, None);
    i.interaction.link = None;
    let dec = post_interaction(ctx(), &i).unwrap();
    assert!(dec.outcome.accepted && dec.cites("MOV-3"));
    assert_eq!(dec.outcome.warnings, vec!["missing_link"]);
    let mut second = i;
    second.atendimento.interactions.push(PostedInteraction {
        on: d("2024-06-03"),
        by: "ana".into(),
        interaction: second.interaction.clone(),
        notified: false,
        template: None,
    });
    let dec = post_interaction(ctx(), &second).unwrap();
    assert!(dec.outcome.warnings.is_empty() && !dec.outcome.atendimento.interactions[1].interaction.first_of_case);
    second.interaction.reason = None;
    let dec = post_interaction(ctx(), &second).unwrap();
    assert!(!dec.outcome.accepted && dec.cites("MOV-1"));
    assert_eq!(dec.outcome.atendimento.interactions.len(), 1);
}

#[test]
fn overdue_calendar_and_business_days() {
    let mut list = Vec::new();
    for (id, due, lifecycle) in [
        ("a1", "2024-06-07", Lifecycle::Active),
        ("a2", "2024-06-10", Lifecycle::Active),
        ("a3", "2024-06-01", Lifecycle::Archived),
        ("a4", "2024-06-05", Lifecycle::Active),
    ] {
        let mut a = atendimento();
        a.id = id.into();
        a.due = Some(d(due));
        a.lifecycle = lifecycle;
        list.push(a);
    }
    let r = overdue(ctx(), d("2024-06-09"), &list).unwrap().outcome;
    let got: Vec<(&str, u32)> = r.overdue.iter().map(|o| (o.id.as_str(), o.days_late)).collect();
    assert_eq!(got, vec![("a1", 2), ("a4", 4)]);
    assert_eq!((r.checked, r.not_followed, r.unit), (3, 1, LatenessUnit::CalendarDays));
    let mut policy = Policy::default();
    policy.atendimentos.overdue_in_business_days = true;
    let bctx = Context::new(policy).unwrap();
    let r = overdue(&bctx, d("2024-06-09"), &list).unwrap().outcome;
    let got: Vec<(&str, u32)> = r.overdue.iter().map(|o| (o.id.as_str(), o.days_late)).collect();
    assert_eq!(got, vec![("a4", 2)]);
}

#[test]
fn timeline_orders_by_date_then_kind() {
    let mut a = atendimento();
    let posted = PostedInteraction {
        on: d("2024-06-05"),
        by: "ana".into(),
        interaction: post_input(PostMode::Save, None, None).interaction,
        notified: false,
        template: None,
    };
    a.interactions = vec![posted.clone(), PostedInteraction { on: d("2024-06-03"), ..posted }];
    a.quotes = vec![
        DatedQuote { on: d("2024-06-05"), quote: quote(QuoteStatus::Approved, 2, Some("x")) },
        DatedQuote { on: d("2024-06-04"), quote: quote(QuoteStatus::Superseded, 1, None) },
    ];
    a.purchases = vec![Purchase { on: d("2024-06-05"), description: "Token".into(), value_centavos: 9_900 }];
    let t = timeline(ctx(), &a).unwrap().outcome;
    let got: Vec<(TimelineKind, usize)> = t.entries.iter().map(|e| (e.kind, e.position)).collect();
    assert_eq!(
        got,
        vec![
            (TimelineKind::Interaction, 1),
            (TimelineKind::Quote, 1),
            (TimelineKind::Interaction, 0),
            (TimelineKind::Sale, 0),
            (TimelineKind::Purchase, 0)
        ]
    );
    assert_eq!(t.entries[3].value_centavos, Some(29_000));
}

#[test]
fn policy_section_is_validated() {
    let p = Policy::default();
    assert_eq!(p.atendimentos.funnel_phases.last().map(String::as_str), Some("Venda"));
    for (json, path) in [
        (r#"{"atendimentos": {"sale_phase": "Ganho"}}"#, "policy.atendimentos.sale_phase"),
        (r#"{"atendimentos": {"funnel_phases": []}}"#, "policy.atendimentos.funnel_phases"),
        (r#"{"atendimentos": {"funnel_phases": ["Venda", " "]}}"#, "policy.atendimentos.funnel_phases[1]"),
        (r#"{"atendimentos": {"closing_statuses": ["venda"]}}"#, "policy.atendimentos.closing_statuses[0]"),
    ] {
        let e = Policy::from_json_str(json).unwrap_err();
        assert_eq!((e.code(), e.path()), ("policy.invalid", Some(path)), "{json}");
    }
}
