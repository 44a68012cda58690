//! Property tests of `atendimento.change` and `atendimento.post`: trash → restore gives
//! back the atendimento exactly except `updated_on` (which becomes the restore date);
//! random sequences of actions never lose the atendimento, an interaction or a tag (a
//! tag leaves only by an explicit `unbind_tag`).

use proptest::prelude::*;

use super::tests::{atendimento, ctx, d, pipeline};
use super::*;
use crate::identifiers::search_key;
use crate::model::{Channel, Interaction, Lifecycle};

const TAGS: [&str; 4] = ["Quente", "Frio", "Morno", "VIP"];

fn action() -> impl Strategy<Value = (u8, usize, bool)> {
    (0u8..14, 0usize..TAGS.len(), any::<bool>())
}

fn to_action(kind: u8, tag: usize, flag: bool) -> Option<AtendimentoAction> {
    let t = TAGS.get(tag).copied().unwrap_or("Quente").to_owned();
    let phases = ["Prospecto", "Em atendimento", "Em negociação", "Venda"];
    Some(match kind {
        0 => AtendimentoAction::Archive,
        1 => AtendimentoAction::Unarchive,
        2 => AtendimentoAction::Trash,
        3 => AtendimentoAction::Restore,
        4 => AtendimentoAction::BindTag(TagRef { tag: t }),
        5 => AtendimentoAction::UnbindTag(TagRef { tag: t }),
        6 => AtendimentoAction::UpdateStatus(StatusUpdate {
            status: phases.get(tag).copied().unwrap_or("Venda").to_owned(),
            sale: flag.then(|| SaleTerms { value_centavos: 100, conditions: "à vista".into() }),
        }),
        7 => AtendimentoAction::Close(CloseAtendimento {
            status: if flag { "Resolvido" } else { "Perda" }.into(),
            note: if tag == 0 { "..." } else { "Feito." }.into(),
            sale: None,
        }),
        8 => AtendimentoAction::SetDue(SetDue { due: d("2024-12-31") }),
        9 => AtendimentoAction::ClearDue,
        10 | 11 => {
            let mut target = pipeline(if flag { "pos" } else { "suporte" }, &["ana"], &TAGS[..tag]);
            target.reordering = kind == 11 && tag == 0;
            AtendimentoAction::Move(MoveTo { pipeline: target })
        }
        _ => return None, // post an interaction
    })
}

fn keys(tags: &[String]) -> Vec<String> {
    tags.iter().map(|t| search_key(t)).collect()
}

proptest! {
    #[test]
    fn trash_then_restore_gives_back_exactly(archived in any::<bool>(), tags in proptest::sample::subsequence(TAGS.to_vec(), 0..=4), due in any::<bool>()) {
        let mut a = atendimento();
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        a.due = due.then(|| d("2024-07-01"));
        if archived {
            a.lifecycle = Lifecycle::Archived;
        }
        let p = pipeline("vendas", &["ana"], &TAGS);
        let trashed = change_atendimento(ctx(), "ana", &a, &p, &AtendimentoAction::Trash, d("2024-06-04")).unwrap().outcome;
        prop_assert!(trashed.accepted);
        let restored = change_atendimento(ctx(), "ana", &trashed.atendimento, &p, &AtendimentoAction::Restore, d("2024-06-05")).unwrap().outcome;
        prop_assert!(restored.accepted);
        prop_assert_eq!(restored.atendimento.updated_on, d("2024-06-05"));
        prop_assert_eq!(Atendimento { updated_on: a.updated_on, ..restored.atendimento }, a);
    }

    #[test]
    fn sequences_lose_nothing(steps in proptest::collection::vec(action(), 1..40)) {
        let mut a = atendimento();
        let mut pipelines = vec![pipeline("vendas", &["ana"], &TAGS)];
        let mut on = a.updated_on;
        for (kind, tag, flag) in steps {
            on = on.succ_opt().unwrap();
            let p = pipelines.iter().find(|p| p.id == a.pipeline).cloned().unwrap_or_else(|| pipeline(&a.pipeline, &["ana"], &TAGS));
            let before = a.clone();
            match to_action(kind, tag, flag) {
                Some(action) => {
                    let out = change_atendimento(ctx(), "ana", &a, &p, &action, on).unwrap().outcome;
                    let next = out.atendimento;
                    prop_assert_eq!(&next.id, &before.id);
                    prop_assert_eq!(&next.interactions, &before.interactions);
                    if !out.accepted {
                        prop_assert_eq!(&next, &before);
                    } else {
                        prop_assert_eq!(next.updated_on, on);
                    }
                    let unbound = match &action {
                        AtendimentoAction::UnbindTag(t) if out.accepted => Some(search_key(&t.tag)),
                        _ => None,
                    };
                    let now = keys(&next.tags);
                    for k in keys(&before.tags) {
                        prop_assert!(now.contains(&k) || unbound.as_ref() == Some(&k), "tag {} lost by {:?}", k, action);
                    }
                    for changed in out.pipelines {
                        pipelines.retain(|q| q.id != changed.id);
                        pipelines.push(changed);
                    }
                    a = next;
                }
                None => {
                    let input = PostInteractionInput {
                        user: "ana".into(),
                        atendimento: a.clone(),
                        pipeline: p,
                        interaction: Interaction {
                            channel: Channel::Phone,
                            reason: Some("Retorno".into()),
                            answered: flag,
                            recorded_as_attempt: false,
                            note: None,
                            link: Some("x".into()),
                            first_of_case: false,
                            closes_agendamento: false,
                        },
                        on,
                        mode: PostMode::Save,
                        email_account: None,
                        template: None,
                    };
                    let out = post_interaction(ctx(), &input).unwrap().outcome;
                    let next = out.atendimento;
                    prop_assert_eq!(&next.interactions[..before.interactions.len()], &before.interactions[..]);
                    let added = usize::from(out.accepted);
                    prop_assert_eq!(next.interactions.len(), before.interactions.len() + added);
                    prop_assert_eq!(&next.tags, &before.tags);
                    a = next;
                }
            }
        }
    }
}
