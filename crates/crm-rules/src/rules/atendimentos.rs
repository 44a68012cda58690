//! Atendimentos (cases followed inside a pipeline) — ATD-1, ATD-2, ATD-3 (seed 003
//! "Criar Atendimentos", "Gerenciar atendimentos dentro de fluxos"; seed 000 §1–2), with
//! CAD-1/CAD-3 (registration), FLX-1/FLX-2 (pipelines and tags), MOV-1..3
//! (interactions) and ORC-1 (a sale carries value and conditions) where they apply.
//!
//! - `atendimento.create` (ATD-1, CAD-1, CAD-3, FLX-1, FLX-2, ATD-3): the registration
//!   check of `registration.check` (every missing field named), the pipeline active and
//!   the user authorised (`pipeline.can_add`), the tags bindable (`tag.can_bind`).
//! - `atendimento.change` (ATD-1, ATD-3, FLX-1, FLX-2, MOV-2, ORC-1): one pure function
//!   of (atendimento, action, acting user, pipeline(s), policy): status, close,
//!   archive/unarchive, trash/restore, move, due date, bind/unbind a tag.
//! - `atendimento.post` (ATD-2, MOV-1..3): post an interaction, "salvar" or "salvar e
//!   notificar".
//! - `atendimento.overdue` (ATD-3): the atendimentos past their due date, and how late.
//! - `atendimento.timeline` (ATD-2): interactions, quotes, sales and purchases in time
//!   order.
//!
//! An illegal change is an explained refusal (`accepted: false`, the atendimento
//! unchanged); a malformed input is a typed error naming the field.
//!
//! Readings (also in docs/SPEC.md, ATD-1..3, **Interpretation**):
//! - A new atendimento starts `active`, in the first funnel phase of
//!   `policy.atendimentos.funnel_phases`; the contact is stored as `registration.check`
//!   normalises it (E.164 phone, lower-case e-mail domain); the title defaults to the
//!   reason; the responsible defaults to the acting user.
//! - Status: `update_status` moves to any funnel phase (not only forward); the sale phase
//!   (`Venda`) needs value and conditions — the given ones, else the newest approved quote
//!   of the atendimento that has conditions — and is never left again. `close` takes a
//!   funnel phase or a closing status (`Resolvido`, `Perda`) and a note (MOV-2: not empty
//!   nor only dots); a closed atendimento takes no more status changes or closing.
//! - Lifecycle: active ⇄ archived; active or archived → trash (remembered in
//!   `before_trash`) → restore gives back exactly what it was, except `updated_on`, which
//!   is the restore date. Anything else (archiving from the trash, restoring what is not
//!   in the trash, archiving twice) is refused with its reason. Every other action
//!   (status, close, move, due date, tags, posting) needs the atendimento active.
//! - Move: the target must be active and the user authorised in both pipelines; the tags
//!   go along (seed: "as tags irão para o novo fluxo"): a tag the target lacks is created
//!   there (as `tag.change` creates it, with the source's colour), which is refused while
//!   the target's reordering is open (FLX-2); the answer gives both pipelines with their
//!   counts and tags updated.
//! - Due date: a new due date must not be before the action's date; overdue means at
//!   least one day (calendar, or business day of the policy calendar when
//!   `overdue_in_business_days`) after the due date; only active, open (not closed)
//!   atendimentos are reported — archived, trashed and closed ones are counted as not
//!   followed.
//! - Posting: the interaction is checked by `interaction.check` (its errors refuse, its
//!   warnings stay as reasons), its `first_of_case` set from the atendimento (it is the
//!   first when the atendimento has none yet, MOV-3); notifying needs an e-mail account
//!   of the user and a valid client e-mail, a template needs an e-mail account; every
//!   problem is reported at once.
//! - Timeline: by date; on one date interactions, then quotes, then sales, then
//!   purchases, each in the order of its list. A quote version approved is a sale.
//! - Every accepted change sets `updated_on` to the action's date, which may not be
//!   before the atendimento's last update (an input error at `on`).

use chrono::NaiveDate;

use crate::decision::{Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{Atendimento, Lifecycle, Pipeline};
use crate::policy::AtendimentosPolicy;
use crate::rules::pipelines::check_pipeline;
use crate::text::fold;

mod change;
mod create;
mod lifecycle;
mod overdue;
mod placement;
mod post;
mod status;
mod timeline;
mod types;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use change::change_atendimento;
pub use create::create_atendimento;
pub use overdue::overdue;
pub use post::post_interaction;
pub use timeline::timeline;
pub use types::*;

crate::rules! {
    pub(crate) RULES = [
        {
            name: "atendimento.create",
            ids: ["ATD-1", "CAD-1", "CAD-3", "FLX-1", "FLX-2", "ATD-3"],
            pt: "Cria um atendimento: contato já cadastrado, nome, telefone, e-mail e motivo; fluxo ativo e usuário autorizado; tags existentes e sem reordenação aberta.",
            en: "Creates an atendimento: contact already registered, name, phone, e-mail and reason; pipeline active and user authorised; tags existing and no reordering open.",
            python: "create_atendimento(user, pipeline, atendimento, registered_contact_ids, id, reference, account, on, *, title=None, responsible=None, tags=None, due=None)",
            js: "createAtendimento",
            input: CreateAtendimentoInput,
            outcome: AtendimentoCreation,
            run: |ctx, i| create_atendimento(ctx, &i),
        },
        {
            name: "atendimento.change",
            ids: ["ATD-1", "ATD-3", "FLX-1", "FLX-2", "MOV-2", "ORC-1"],
            pt: "Muda um atendimento: situação (fases do funil; Venda com valor e condições), conclusão com nota, arquivar, lixeira, restaurar, mudar de fluxo com as tags, vencimento, tags.",
            en: "Changes an atendimento: status (funnel phases; Venda with value and conditions), closing with a note, archive, trash, restore, move to another pipeline with its tags, due date, tags.",
            python: "change_atendimento(user, atendimento, pipeline, action, on)",
            js: "changeAtendimento",
            input: ChangeAtendimentoInput,
            outcome: AtendimentoChange,
            run: |ctx, i| change_atendimento(ctx, &i.user, &i.atendimento, &i.pipeline, &i.action, i.on),
        },
        {
            name: "atendimento.post",
            ids: ["ATD-2", "ATD-1", "FLX-1", "MOV-1", "MOV-2", "MOV-3"],
            pt: "Posta uma interação num atendimento: salvar, ou salvar e notificar (só com e-mail do usuário configurado e e-mail do cliente).",
            en: "Posts an interaction on an atendimento: save, or save and notify (only with the user's e-mail account configured and the client's e-mail).",
            python: "post_interaction(user, atendimento, pipeline, interaction, on, *, mode=None, email_account=None, template=None)",
            js: "postInteraction",
            input: PostInteractionInput,
            outcome: PostOutcome,
            run: |ctx, i| post_interaction(ctx, &i),
        },
        {
            name: "atendimento.overdue",
            ids: ["ATD-3"],
            pt: "Os atendimentos ativos com o vencimento passado numa data, e quantos dias de atraso.",
            en: "The active atendimentos whose due date has passed on a date, and how many days late.",
            python: "overdue_atendimentos(on, atendimentos)",
            js: "overdueAtendimentos",
            input: OverdueInput,
            outcome: OverdueReport,
            run: |ctx, i| overdue(ctx, i.on, &i.atendimentos),
        },
        {
            name: "atendimento.timeline",
            ids: ["ATD-2"],
            pt: "A linha do tempo de um atendimento: interações, orçamentos (cada versão), vendas e compras, por data.",
            en: "An atendimento's timeline: interactions, quotes (each version), sales and purchases, by date.",
            python: "atendimento_timeline(atendimento)",
            js: "atendimentoTimeline",
            input: TimelineInput,
            outcome: Timeline,
            run: |ctx, i| timeline(ctx, &i.atendimento),
        },
    ];
}

/// `said!(rule, pt, en)`: a reason whose two messages — `format!` expressions over
/// values the closure owns — are written only when read (`Reason::lazy`).
/// `said!(rule, [a, b], pt, en)` clones `a` and `b` for the closure first, for values
/// still used after it (e.g. as facts).
macro_rules! said {
    ($rule:expr, [$($kept:ident),* $(,)?], $pt:expr, $en:expr $(,)?) => {{
        $(let $kept = $kept.clone();)*
        $crate::rules::atendimentos::said!($rule, $pt, $en)
    }};
    ($rule:expr, $pt:expr, $en:expr $(,)?) => {
        $crate::decision::Reason::lazy($rule, move |lang| match lang {
            $crate::decision::Lang::Pt => $pt,
            $crate::decision::Lang::En => $en,
        })
    };
}
pub(crate) use said;

/// An atendimento as the rules expect it: ids not blank, the lifecycle and
/// `before_trash` consistent, not updated before it was created. Anything else is a
/// malformed input at `path`.
pub(crate) fn check_record(a: &Atendimento, path: &str) -> Result<()> {
    for (field, value) in [("id", &a.id), ("pipeline", &a.pipeline), ("responsible", &a.responsible)] {
        if value.trim().is_empty() {
            return Err(CrmError::invalid(format!("{path}.{field}"), "must not be blank"));
        }
    }
    match (a.lifecycle, a.before_trash) {
        (Lifecycle::Trash, Some(Lifecycle::Active | Lifecycle::Archived))
        | (Lifecycle::Active | Lifecycle::Archived, None) => {}
        (Lifecycle::Trash, _) => {
            return Err(CrmError::invalid(
                format!("{path}.before_trash"),
                "an atendimento in the trash remembers whether it was active or archived",
            ))
        }
        (_, Some(_)) => {
            return Err(CrmError::invalid(format!("{path}.before_trash"), "only an atendimento in the trash has it"))
        }
    }
    if a.updated_on < a.created_on {
        return Err(CrmError::invalid(
            format!("{path}.updated_on"),
            format!("updated on {} before it was created on {}", a.updated_on, a.created_on),
        ));
    }
    Ok(())
}

/// The action's date: not before the atendimento's last update (time does not go back).
pub(crate) fn check_on(on: NaiveDate, a: &Atendimento) -> Result<()> {
    if on < a.updated_on {
        return Err(CrmError::invalid(
            "on",
            format!("{on} is before the atendimento's last update ({})", a.updated_on),
        ));
    }
    Ok(())
}

/// The pipeline the atendimento is in, checked: well formed and the atendimento's.
pub(crate) fn check_own_pipeline(a: &Atendimento, p: &Pipeline) -> Result<()> {
    check_pipeline(p, "pipeline")?;
    if p.id != a.pipeline {
        return Err(CrmError::invalid(
            "pipeline.id",
            format!("the atendimento is in pipeline {}, not in {}", a.pipeline, p.id),
        ));
    }
    Ok(())
}

/// The funnel phase named `status` (accents and case ignored), as the policy spells it.
pub(crate) fn funnel_phase<'p>(p: &'p AtendimentosPolicy, status: &str) -> Option<&'p str> {
    let key = fold(status);
    p.funnel_phases.iter().find(|f| fold(f) == key).map(String::as_str)
}

/// Whether `status` is the sale phase (`Venda`).
pub(crate) fn is_sale_phase(p: &AtendimentosPolicy, status: &str) -> bool {
    fold(status) == fold(&p.sale_phase)
}

/// The refusal of an action that needs the atendimento active (ATD-1).
pub(crate) fn not_active(a: &Atendimento, action: &'static str) -> Reason {
    let (id, state) = (a.id.clone(), a.lifecycle);
    Reason::lazy("ATD-1", move |lang| match (lang, state) {
        (Lang::Pt, Lifecycle::Archived) => {
            format!("O atendimento {id} está arquivado: desarquive-o antes de {action}.")
        }
        (Lang::Pt, _) => format!("O atendimento {id} está na lixeira: restaure-o antes de {action}."),
        (Lang::En, Lifecycle::Archived) => format!("Atendimento {id} is archived: unarchive it before {action}."),
        (Lang::En, _) => format!("Atendimento {id} is in the trash: restore it before {action}."),
    })
    .fact("lifecycle", state.name())
    .fact("action", action)
}
