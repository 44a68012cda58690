use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::model::is_all_tag;

fn ctx() -> &'static Context {
    Context::shared_default()
}

fn tag(name: &str) -> Tag {
    Tag { name: name.into(), colour: None }
}

fn pipeline(id: &str, users: &[&str], tags: &[&str]) -> Pipeline {
    let mut all = vec![Tag::all()];
    all.extend(tags.iter().map(|t| tag(t)));
    Pipeline {
        id: id.into(),
        name: format!("Fluxo {id}"),
        alias: String::new(),
        description: None,
        authorised_users: users.iter().map(|s| (*s).to_owned()).collect(),
        active: true,
        tags: all,
        reordering: false,
        atendimentos: 0,
    }
}

fn names(p: &Pipeline) -> Vec<&str> {
    p.tags.iter().map(|t| t.name.as_str()).collect()
}

fn create_input(user: &str, name: &str, alias: Option<&str>, users: &[&str]) -> CreatePipelineInput {
    CreatePipelineInput {
        user: user.into(),
        id: "f1".into(),
        name: name.into(),
        alias: alias.map(str::to_owned),
        description: None,
        authorised_users: users.iter().map(|s| (*s).to_owned()).collect(),
        active: true,
    }
}

fn change(user: &str, p: &Pipeline, action: PipelineAction) -> PipelineChange {
    change_pipeline(ctx(), user, p, &action).unwrap().outcome
}

fn tags(user: &str, p: &Pipeline, action: TagAction) -> TagChange {
    change_tags(ctx(), user, p, &action).unwrap().outcome
}

#[test]
fn create_defaults_alias_adds_creator_and_starts_with_todos() {
    let d = create_pipeline(ctx(), &create_input("ana", "  Vendas ", None, &["bia"])).unwrap();
    let p = d.outcome.pipeline.unwrap();
    assert!(d.outcome.accepted);
    assert_eq!((p.name.as_str(), p.alias.as_str()), ("Vendas", "Vendas"));
    assert_eq!(p.authorised_users, vec!["bia", "ana"]);
    assert_eq!(names(&p), vec![ALL_TAG]);
    assert!(p.active && !p.reordering && p.atendimentos == 0);
}

#[test]
fn create_keeps_given_alias_and_does_not_repeat_creator() {
    let d = create_pipeline(ctx(), &create_input("ana", "Vendas", Some("VND"), &["ana", "ana"])).unwrap();
    let p = d.outcome.pipeline.unwrap();
    assert_eq!(p.alias, "VND");
    assert_eq!(p.authorised_users, vec!["ana"]);
}

#[test]
fn create_refuses_blank_name_and_rejects_blank_ids() {
    let d = create_pipeline(ctx(), &create_input("ana", "  ", None, &[])).unwrap();
    assert!(!d.outcome.accepted && d.outcome.pipeline.is_none());
    assert!(d.cites("FLX-1"));
    let e = create_pipeline(ctx(), &create_input(" ", "Vendas", None, &[])).err().unwrap();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("user")));
    let e = create_pipeline(ctx(), &create_input("ana", "Vendas", None, &["", "x"])).err().unwrap();
    assert_eq!(e.path(), Some("authorised_users[0]"));
}

#[test]
fn change_by_outsider_is_refused_and_changes_nothing() {
    let p = pipeline("f1", &["ana"], &[]);
    let out = change("zé", &p, PipelineAction::Inactivate);
    assert!(!out.accepted && !out.deleted);
    assert!(out.pipeline.unwrap().active);
}

#[test]
fn edit_changes_given_fields_only_and_refuses_no_op_and_blank_name() {
    let mut p = pipeline("f1", &["ana"], &[]);
    p.alias = "F".into();
    let edit = |name: Option<&str>, alias: Option<&str>, description: Option<&str>| {
        PipelineAction::Edit(EditPipeline {
            name: name.map(str::to_owned),
            alias: alias.map(str::to_owned),
            description: description.map(str::to_owned),
        })
    };
    let out = change("ana", &p, edit(Some("Pós-venda"), None, Some(" acompanhamento ")));
    let q = out.pipeline.unwrap();
    assert!(out.accepted);
    assert_eq!((q.name.as_str(), q.alias.as_str()), ("Pós-venda", "F"));
    assert_eq!(q.description.as_deref(), Some("acompanhamento"));
    let out = change("ana", &q, edit(None, Some(""), None));
    assert_eq!(out.pipeline.unwrap().alias, "Pós-venda");
    assert!(!change("ana", &p, edit(None, None, None)).accepted);
    assert!(!change("ana", &p, edit(Some(" "), None, None)).accepted);
}

#[test]
fn activate_inactivate_refuse_when_already_so() {
    let p = pipeline("f1", &["ana"], &[]);
    assert!(!change("ana", &p, PipelineAction::Activate).accepted);
    let out = change("ana", &p, PipelineAction::Inactivate);
    let q = out.pipeline.unwrap();
    assert!(out.accepted && !q.active);
    assert!(change("ana", &q, PipelineAction::Activate).pipeline.unwrap().active);
}

#[test]
fn set_users_dedupes_refuses_empty_and_same_set() {
    let p = pipeline("f1", &["ana", "bia"], &[]);
    let set = |u: &[&str]| PipelineAction::SetUsers(SetUsers { users: u.iter().map(|s| (*s).to_owned()).collect() });
    let out = change("ana", &p, set(&["caio", "caio", "bia"]));
    assert!(out.accepted);
    assert_eq!(out.pipeline.unwrap().authorised_users, vec!["caio", "bia"]);
    assert!(!change("ana", &p, set(&[])).accepted);
    assert!(!change("ana", &p, set(&["bia", "ana"])).accepted);
    let e = change_pipeline(ctx(), "ana", &p, &set(&["x", " "])).err().unwrap();
    assert_eq!(e.path(), Some("action.set_users.users[1]"));
}

#[test]
fn delete_refused_while_holding_atendimentos() {
    let mut p = pipeline("f1", &["ana"], &[]);
    p.atendimentos = 3;
    let d = change_pipeline(ctx(), "ana", &p, &PipelineAction::Delete).unwrap();
    assert!(!d.outcome.accepted && !d.outcome.deleted);
    assert_eq!(d.outcome.pipeline.as_ref().unwrap().atendimentos, 3);
    let text = serde_json::to_string(&d).unwrap();
    assert!(text.contains("3 atendimento"), "{text}");
    p.atendimentos = 0;
    let out = change("ana", &p, PipelineAction::Delete);
    assert!(out.accepted && out.deleted && out.pipeline.is_none());
}

#[test]
fn malformed_pipeline_is_an_error() {
    let mut p = pipeline("f1", &["ana"], &["a"]);
    p.tags.swap(0, 1);
    let e = change_pipeline(ctx(), "ana", &p, &PipelineAction::Activate).err().unwrap();
    assert_eq!((e.code(), e.path()), ("input.invalid", Some("pipeline.tags")));
    let p = pipeline("f1", &["ana"], &["Ação", "acao"]);
    let e = can_add(ctx(), "ana", &p).err().unwrap();
    assert_eq!(e.path(), Some("pipeline.tags[2].name"));
}

#[test]
fn visible_keeps_input_order_and_counts_hidden() {
    let ps = vec![pipeline("a", &["ana"], &[]), pipeline("b", &["bia"], &[]), pipeline("c", &["bia", "ana"], &[])];
    let out = visible_pipelines(ctx(), "ana", &ps).unwrap().outcome;
    assert_eq!(out, VisiblePipelines { visible: vec!["a".into(), "c".into()], hidden: 1 });
}

#[test]
fn can_add_needs_authorised_and_active() {
    let mut p = pipeline("f1", &["ana"], &[]);
    assert!(can_add(ctx(), "ana", &p).unwrap().outcome.allowed);
    assert!(!can_add(ctx(), "bia", &p).unwrap().outcome.allowed);
    p.active = false;
    let d = can_add(ctx(), "ana", &p).unwrap();
    assert!(!d.outcome.allowed);
    assert_eq!(d.reasons.len(), 2);
}

#[test]
fn tag_names_unique_ignoring_accents_and_case() {
    let p = pipeline("f1", &["ana"], &["Ação"]);
    let create = |n: &str| TagAction::Create(NewTag { name: n.into(), colour: None });
    assert!(!tags("ana", &p, create("acao")).accepted);
    assert!(!tags("ana", &p, create("todos")).accepted);
    assert!(!tags("ana", &p, create(" ")).accepted);
    let out = tags("ana", &p, TagAction::Create(NewTag { name: " VIP ".into(), colour: Some("#f00".into()) }));
    assert!(out.accepted);
    assert_eq!(names(&out.pipeline), vec![ALL_TAG, "Ação", "VIP"]);
    assert_eq!(out.pipeline.tags[2].colour.as_deref(), Some("#f00"));
    // renaming to the same name in other case is a change of that tag only
    let out = tags("ana", &p, TagAction::Rename(TagRename { tag: "acao".into(), to: "AÇÃO".into() }));
    assert!(out.accepted);
    assert_eq!(names(&out.pipeline), vec![ALL_TAG, "AÇÃO"]);
}

#[test]
fn todos_cannot_be_renamed_or_deleted() {
    let p = pipeline("f1", &["ana"], &["a"]);
    assert!(!tags("ana", &p, TagAction::Rename(TagRename { tag: "Todos".into(), to: "Geral".into() })).accepted);
    assert!(!tags("ana", &p, TagAction::Delete(TagName { tag: "TODOS".into() })).accepted);
    let out = tags("ana", &p, TagAction::Recolour(TagColour { tag: "todos".into(), colour: Some("azul".into()) }));
    assert!(out.accepted);
    assert!(!tags("ana", &p, TagAction::Delete(TagName { tag: "b".into() })).accepted);
    let out = tags("ana", &p, TagAction::Delete(TagName { tag: "A".into() }));
    assert!(out.accepted);
    assert_eq!(names(&out.pipeline), vec![ALL_TAG]);
}

#[test]
fn reordering_needs_two_tags_keeps_todos_first_and_blocks_binding() {
    let p = pipeline("f1", &["ana"], &["a"]);
    assert!(!tags("ana", &p, TagAction::StartReordering).accepted);
    let p = pipeline("f1", &["ana"], &["a", "b", "c"]);
    assert!(!tags("ana", &p, TagAction::Reorder(Reorder { order: vec!["c".into(), "b".into(), "a".into()] })).accepted);
    let open = tags("ana", &p, TagAction::StartReordering);
    assert!(open.accepted && open.pipeline.reordering);
    let q = open.pipeline;
    assert!(!can_bind_tag(ctx(), "ana", &q, "a").unwrap().outcome.allowed);
    assert!(!tags("ana", &q, TagAction::Create(NewTag { name: "d".into(), colour: None })).accepted);
    let order = |o: &[&str]| TagAction::Reorder(Reorder { order: o.iter().map(|s| (*s).to_owned()).collect() });
    let out = tags("ana", &q, order(&["C", "todos", "a", "b"]));
    assert!(out.accepted);
    assert_eq!(names(&out.pipeline), vec![ALL_TAG, "c", "a", "b"]);
    assert!(!tags("ana", &q, order(&["c", "a"])).accepted);
    assert!(!tags("ana", &q, order(&["c", "a", "a", "b"])).accepted);
    assert!(!tags("ana", &q, order(&["c", "a", "b", "x"])).accepted);
    assert!(!tags("ana", &q, order(&["a", "b", "c"])).accepted);
    let done = tags("ana", &out.pipeline, TagAction::FinishReordering);
    assert!(done.accepted && !done.pipeline.reordering);
    assert!(can_bind_tag(ctx(), "ana", &done.pipeline, "A").unwrap().outcome.allowed);
    assert!(!tags("ana", &done.pipeline, TagAction::FinishReordering).accepted);
}

#[test]
fn can_bind_refuses_unknown_tag_and_outsider() {
    let p = pipeline("f1", &["ana"], &["a"]);
    assert!(!can_bind_tag(ctx(), "ana", &p, "b").unwrap().outcome.allowed);
    assert!(!can_bind_tag(ctx(), "bia", &p, "a").unwrap().outcome.allowed);
}

#[test]
fn rules_answer_through_evaluate() {
    let answer = crate::evaluate(
        "pipeline.change",
        json!({"user": "ana", "pipeline": {"id": "f", "name": "F", "authorised_users": ["ana"]}, "action": "inactivate"}),
    )
    .unwrap();
    assert_eq!(answer["outcome"]["accepted"], json!(true));
    assert_eq!(answer["outcome"]["pipeline"]["alias"], json!("F"));
    let answer = crate::evaluate(
        "tag.change",
        json!({"user": "ana", "pipeline": {"id": "f", "name": "F", "authorised_users": ["ana"]},
                "action": {"create": {"name": "VIP"}}}),
    )
    .unwrap();
    assert_eq!(
        answer["outcome"]["pipeline"]["tags"],
        json!([{"name": "TODOS", "colour": null}, {"name": "VIP", "colour": null}])
    );
    let e = crate::evaluate(
        "tag.change",
        json!({"user": "ana", "pipeline": {"id": "f", "name": "F"}, "action": {"create": {"nome": "VIP"}}}),
    )
    .err()
    .unwrap();
    assert_eq!(e.code(), "input.invalid");
}

const USERS: [&str; 4] = ["u0", "u1", "u2", "u3"];
const NAMES: [&str; 7] = ["todos", "Tódos", "a", "A", "b", "c", "d"];

fn any_pipeline() -> impl Strategy<Value = Pipeline> {
    (proptest::collection::vec(0usize..4, 0..4), any::<bool>(), any::<bool>(), 0u32..3, 0usize..4).prop_map(
        |(users, active, reordering, atendimentos, n)| {
            let chosen: Vec<&str> = users.iter().filter_map(|k| USERS.get(*k).copied()).collect();
            let mut p = pipeline("f", &chosen, &["x", "y", "z"][..n.min(3)]);
            p.active = active;
            p.reordering = reordering;
            p.atendimentos = atendimentos;
            p
        },
    )
}

fn name_of(k: usize) -> String {
    NAMES.get(k % NAMES.len()).copied().unwrap_or("a").to_owned()
}

fn any_tag_action() -> impl Strategy<Value = TagAction> {
    (0u8..7, 0usize..7, 0usize..7, proptest::collection::vec(0usize..7, 0..6)).prop_map(
        |(kind, a, b, order)| match kind {
            0 => TagAction::Create(NewTag { name: name_of(a), colour: None }),
            1 => TagAction::Rename(TagRename { tag: name_of(a), to: name_of(b) }),
            2 => TagAction::Recolour(TagColour { tag: name_of(a), colour: Some(format!("c{b}")) }),
            3 => TagAction::Delete(TagName { tag: name_of(a) }),
            4 => TagAction::StartReordering,
            5 => TagAction::Reorder(Reorder { order: order.into_iter().map(name_of).collect() }),
            _ => TagAction::FinishReordering,
        },
    )
}

fn any_pipeline_action() -> impl Strategy<Value = PipelineAction> {
    (0u8..5, proptest::collection::vec(0usize..4, 0..3)).prop_map(|(kind, users)| match kind {
        0 => PipelineAction::Edit(EditPipeline { name: Some("Novo".into()), alias: None, description: None }),
        1 => PipelineAction::Activate,
        2 => PipelineAction::Inactivate,
        3 => PipelineAction::SetUsers(SetUsers {
            users: users.iter().filter_map(|k| USERS.get(*k).map(|u| (*u).to_owned())).collect(),
        }),
        _ => PipelineAction::Delete,
    })
}

proptest! {
    #[test]
    fn outsiders_never_see_change_or_add(
        p in any_pipeline(), who in 0usize..5, pa in any_pipeline_action(), ta in any_tag_action(),
    ) {
        let user = USERS.get(who).copied().unwrap_or("stranger");
        let inside = p.authorised_users.iter().any(|u| u == user);
        let seen = visible_pipelines(ctx(), user, std::slice::from_ref(&p)).unwrap().outcome;
        prop_assert_eq!(seen.visible.len() == 1, inside);
        let changed = change_pipeline(ctx(), user, &p, &pa).unwrap().outcome;
        let tagged = change_tags(ctx(), user, &p, &ta).unwrap().outcome;
        let adds = can_add(ctx(), user, &p).unwrap().outcome.allowed;
        let binds = can_bind_tag(ctx(), user, &p, "x").unwrap().outcome.allowed;
        if !inside {
            prop_assert!(!changed.accepted && !changed.deleted);
            prop_assert_eq!(changed.pipeline, Some(normalised(&p)));
            prop_assert!(!tagged.accepted);
            prop_assert_eq!(tagged.pipeline, normalised(&p));
            prop_assert!(!adds && !binds);
        } else {
            prop_assert_eq!(adds, p.active);
        }
    }

    #[test]
    fn tag_sequences_never_lose_a_tag_and_keep_todos_first(
        start in 0usize..4, actions in proptest::collection::vec(any_tag_action(), 0..25),
    ) {
        let mut p = normalised(&pipeline("f", &["u0"], &["a", "b", "c"][..start.min(3)]));
        for action in &actions {
            let out = change_tags(ctx(), "u0", &p, action).unwrap().outcome;
            let next = out.pipeline;
            prop_assert!(next.tags.first().is_some_and(|t| t.name == ALL_TAG));
            prop_assert_eq!(next.tags.iter().filter(|t| is_all_tag(&t.name)).count(), 1);
            prop_assert!(check_pipeline(&next, "pipeline").is_ok());
            if !out.accepted {
                prop_assert_eq!(&next, &p);
            } else {
                let (before, after) = (p.tags.len(), next.tags.len());
                match action {
                    TagAction::Create(NewTag { .. }) => prop_assert_eq!(after, before + 1),
                    TagAction::Delete(TagName { .. }) => prop_assert_eq!(after + 1, before),
                    _ => prop_assert_eq!(after, before),
                }
                let key = |t: &Tag| crate::identifiers::search_key(&t.name);
                for old in &p.tags {
                    let touched = match action {
                        TagAction::Delete(TagName { tag }) | TagAction::Rename(TagRename { tag, .. }) => {
                            crate::identifiers::search_key(tag) == key(old)
                        }
                        _ => false,
                    };
                    if !touched {
                        prop_assert!(next.tags.iter().any(|t| t.name == old.name), "lost {}", old.name);
                    }
                }
            }
            p = next;
        }
    }
}
