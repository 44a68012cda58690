//! The lifecycle of an atendimento (ATD-1, seed 003: "o atendimento arquivado pode ser
//! desarquivado | o atendimento excluído pode ser restaurado"): active ⇄ archived;
//! active or archived → trash → restored to exactly the lifecycle it had.

use super::change::Step;
use super::types::AtendimentoAction;
use crate::decision::{Lang, Reason};
use crate::model::{Atendimento, Lifecycle};

/// The lifecycle after `action` from `from`, or `None` when the machine refuses it.
pub(crate) fn target(
    from: Lifecycle,
    before_trash: Option<Lifecycle>,
    action: &AtendimentoAction,
) -> Option<Lifecycle> {
    match (action, from) {
        (AtendimentoAction::Archive, Lifecycle::Active) => Some(Lifecycle::Archived),
        (AtendimentoAction::Unarchive, Lifecycle::Archived) => Some(Lifecycle::Active),
        (AtendimentoAction::Trash, Lifecycle::Active | Lifecycle::Archived) => Some(Lifecycle::Trash),
        (AtendimentoAction::Restore, Lifecycle::Trash) => before_trash,
        _ => None,
    }
}

/// Applies a lifecycle action (archive, unarchive, trash, restore), or refuses it with
/// the reason the machine gives.
pub(super) fn apply(a: &Atendimento, action: &AtendimentoAction) -> Step {
    let (id, from, name) = (a.id.clone(), a.lifecycle, action.name());
    let Some(to) = target(a.lifecycle, a.before_trash, action) else {
        let why = Reason::lazy("ATD-1", move |lang| {
            let hint_pt = match from {
                Lifecycle::Trash => "está na lixeira: só pode ser restaurado",
                Lifecycle::Archived => "está arquivado: pode ser desarquivado ou ir para a lixeira",
                Lifecycle::Active => "está ativo: pode ser arquivado ou ir para a lixeira",
            };
            let hint_en = match from {
                Lifecycle::Trash => "is in the trash: it can only be restored",
                Lifecycle::Archived => "is archived: it can be unarchived or trashed",
                Lifecycle::Active => "is active: it can be archived or trashed",
            };
            match lang {
                Lang::Pt => format!("Ação {name} recusada: o atendimento {id} {hint_pt}."),
                Lang::En => format!("Action {name} refused: atendimento {id} {hint_en}."),
            }
        })
        .fact("lifecycle", from.name())
        .fact("action", name);
        return Step::refused(why);
    };
    let mut next = a.clone();
    next.lifecycle = to;
    next.before_trash = (to == Lifecycle::Trash).then_some(from);
    let done = Reason::lazy("ATD-1", move |lang| {
        let (f, t) = (from.name(), to.name());
        match (lang, to) {
            (Lang::Pt, Lifecycle::Trash) => {
                format!("Atendimento {id} na lixeira (estava {f}; restaurá-lo o devolve a {f}).")
            }
            (Lang::En, Lifecycle::Trash) => {
                format!("Atendimento {id} in the trash (it was {f}; restoring gives back {f}).")
            }
            (Lang::Pt, _) => format!("Atendimento {id}: {f} → {t}."),
            (Lang::En, _) => format!("Atendimento {id}: {f} → {t}."),
        }
    })
    .fact("from", from.name())
    .fact("to", to.name())
    .fact("action", name);
    Step::done(next, done)
}
