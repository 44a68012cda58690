//! Pipelines (fluxos) and their tags — FLX-1, FLX-2 (seed 003, "Criar Fluxos",
//! "Gerenciar fluxos", the tags of "Criar Atendimentos").
//!
//! Every change is a pure function of (pipeline, action, acting user, policy) giving
//! the new pipeline and its reasons; an illegal change is an explained refusal
//! (`accepted: false`, the pipeline unchanged), a malformed input a typed error.
//!
//! - FLX-1 (`pipeline.create`, `pipeline.change`, `pipeline.visible`,
//!   `pipeline.can_add`): only authorised users see a pipeline, change it or add
//!   atendimentos to it; an inactive one takes no new atendimentos; one holding
//!   atendimentos is never deleted.
//! - FLX-2 (`tag.change`, `tag.can_bind`, [`tags`]): tag names unique ignoring accents
//!   and case; `TODOS` fixed first; an open reordering blocks tagging.
//!
//! Readings: the creator is always added to the authorised users (else the new
//! pipeline would be invisible to them); names, aliases, descriptions and tag names are
//! kept without outer spaces (the seed asks for none); a change that would change
//! nothing is refused, with its reason, rather than accepted silently.

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::identifiers::search_key;
use crate::model::{Pipeline, Tag, ALL_TAG};

pub mod tags;
mod types;

pub use types::*;

#[cfg(test)]
mod tests;

pub use tags::{
    can_bind_tag, change_tags, BindPermission, NewTag, Reorder, TagAction, TagChange, TagColour, TagName, TagRename,
};

crate::rules! {
    pub(crate) RULES = [
        {
            name: "pipeline.create",
            ids: ["FLX-1"],
            pt: "Cria um fluxo: nome obrigatório, pseudônimo igual ao nome quando ausente, o criador entre os usuários autorizados, a tag TODOS em primeiro.",
            en: "Creates a pipeline: name required, alias defaulting to the name, the creator among the authorised users, the TODOS tag first.",
            python: "create_pipeline(user, id, name, alias=None, description=None, *, authorised_users=None, active=True)",
            js: "createPipeline",
            input: CreatePipelineInput,
            outcome: PipelineCreation,
            run: |ctx, i| create_pipeline(ctx, &i),
        },
        {
            name: "pipeline.change",
            ids: ["FLX-1"],
            pt: "Edita, ativa, inativa, muda os usuários autorizados ou exclui um fluxo, se o usuário é autorizado; um fluxo com atendimentos não é excluído.",
            en: "Edits, activates, inactivates, sets the authorised users of or deletes a pipeline, when the user is authorised; a pipeline holding atendimentos is not deleted.",
            python: "change_pipeline(user, pipeline, action)",
            js: "changePipeline",
            input: ChangePipelineInput,
            outcome: PipelineChange,
            run: |ctx, i| change_pipeline(ctx, &i.user, &i.pipeline, &i.action),
        },
        {
            name: "pipeline.visible",
            ids: ["FLX-1"],
            pt: "Os fluxos que o usuário vê (é autorizado), na ordem dada, e quantos ficam ocultos.",
            en: "The pipelines the user sees (is authorised in), in the order given, and how many are hidden.",
            python: "visible_pipelines(user, pipelines)",
            js: "visiblePipelines",
            input: VisiblePipelinesInput,
            outcome: VisiblePipelines,
            run: |ctx, i| visible_pipelines(ctx, &i.user, &i.pipelines),
        },
        {
            name: "pipeline.can_add",
            ids: ["FLX-1"],
            pt: "Se o usuário pode adicionar um atendimento ao fluxo agora: autorizado e fluxo ativo.",
            en: "Whether the user may add an atendimento to the pipeline now: authorised and the pipeline active.",
            python: "can_add_to_pipeline(user, pipeline)",
            js: "canAddToPipeline",
            input: CanAddInput,
            outcome: AddPermission,
            run: |ctx, i| can_add(ctx, &i.user, &i.pipeline),
        },
        {
            name: "tag.change",
            ids: ["FLX-2", "FLX-1"],
            pt: "Cria, renomeia, recolore, exclui ou reordena as tags de um fluxo; TODOS fica sempre em primeiro e não é renomeada nem excluída.",
            en: "Creates, renames, recolours, deletes or reorders a pipeline's tags; TODOS always stays first and is never renamed or deleted.",
            python: "change_tags(user, pipeline, action)",
            js: "changeTags",
            input: ChangeTagsInput,
            outcome: TagChange,
            run: |ctx, i| change_tags(ctx, &i.user, &i.pipeline, &i.action),
        },
        {
            name: "tag.can_bind",
            ids: ["FLX-2", "FLX-1"],
            pt: "Se uma tag pode ser vinculada a um atendimento agora: a tag existe e nenhuma reordenação está aberta.",
            en: "Whether a tag may be bound to an atendimento now: the tag exists and no reordering is open.",
            python: "can_bind_tag(user, pipeline, tag)",
            js: "canBindTag",
            input: CanBindInput,
            outcome: BindPermission,
            run: |ctx, i| can_bind_tag(ctx, &i.user, &i.pipeline, &i.tag),
        },
    ];
}

/// `value` without outer spaces, or `None` when blank.
pub(crate) fn trimmed(value: &str) -> Option<String> {
    let t = value.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// A user id: not blank.
pub(crate) fn check_user(user: &str, path: &str) -> Result<()> {
    if user.trim().is_empty() {
        return Err(CrmError::invalid(path, "a user id must not be blank"));
    }
    Ok(())
}

/// A pipeline as the rules expect it: id and name not blank, tags named, unique
/// ignoring accents and case, `TODOS` first. Anything else is a malformed input.
pub(crate) fn check_pipeline(p: &Pipeline, path: &str) -> Result<()> {
    if p.id.trim().is_empty() {
        return Err(CrmError::invalid(format!("{path}.id"), "the pipeline id must not be blank"));
    }
    if p.name.trim().is_empty() {
        return Err(CrmError::invalid(format!("{path}.name"), "the pipeline name must not be blank"));
    }
    match p.tags.first() {
        Some(first) if first.is_all() => {}
        _ => {
            return Err(CrmError::invalid(format!("{path}.tags"), format!("the first tag must be `{ALL_TAG}` (FLX-2)")))
        }
    }
    let mut seen: Vec<String> = Vec::with_capacity(p.tags.len());
    for (k, tag) in p.tags.iter().enumerate() {
        let key = search_key(&tag.name);
        if key.is_empty() {
            return Err(CrmError::invalid(format!("{path}.tags[{k}].name"), "a tag name must not be blank"));
        }
        if seen.contains(&key) {
            return Err(CrmError::invalid(
                format!("{path}.tags[{k}].name"),
                format!("tag `{}` repeats an earlier tag (names are compared ignoring accents and case)", tag.name),
            ));
        }
        seen.push(key);
    }
    Ok(())
}

/// The pipeline as the rules answer it: alias filled from the name when blank, a blank
/// description dropped.
pub(crate) fn normalised(p: &Pipeline) -> Pipeline {
    let mut out = p.clone();
    out.alias = p.alias_or_name().to_owned();
    out.description = p.description.as_deref().and_then(trimmed);
    out
}

/// Whether `user` is authorised in `p` (FLX-1): the grant or the refusal, explained.
pub(crate) fn authorisation(user: &str, p: &Pipeline) -> std::result::Result<Reason, Reason> {
    let (who, id) = (user.to_owned(), p.id.clone());
    if p.authorises(user) {
        Ok(Reason::lazy("FLX-1", move |lang| match lang {
            Lang::Pt => format!("{who} é usuário autorizado do fluxo {id}."),
            Lang::En => format!("{who} is an authorised user of pipeline {id}."),
        })
        .fact("user", user)
        .fact("pipeline", &p.id)
        .fact("authorised", true))
    } else {
        Err(Reason::lazy("FLX-1", move |lang| match lang {
            Lang::Pt => {
                format!("{who} não é usuário autorizado do fluxo {id}: não o vê, não o altera nem lhe adiciona.")
            }
            Lang::En => format!("{who} is not an authorised user of pipeline {id}: may not see, change or add to it."),
        })
        .fact("user", user)
        .fact("pipeline", &p.id)
        .fact("authorised", false))
    }
}

/// Creates a pipeline (FLX-1): the name must not be blank (else an explained
/// refusal); the alias is the name when absent or blank; the creator is added to the
/// authorised users when not among them; the tags start as `TODOS` alone (FLX-2).
/// A blank id or user id is a malformed input.
pub fn create_pipeline(_ctx: &Context, i: &CreatePipelineInput) -> Result<Decision<PipelineCreation>> {
    check_user(&i.user, "user")?;
    let id = trimmed(&i.id).ok_or_else(|| CrmError::invalid("id", "the pipeline id must not be blank"))?;
    let mut users: Vec<String> = Vec::with_capacity(i.authorised_users.len() + 1);
    for (k, u) in i.authorised_users.iter().enumerate() {
        let u = trimmed(u)
            .ok_or_else(|| CrmError::invalid(format!("authorised_users[{k}]"), "a user id must not be blank"))?;
        if !users.contains(&u) {
            users.push(u);
        }
    }
    let Some(name) = trimmed(&i.name) else {
        let refusal = Reason::new(
            "FLX-1",
            "O nome do fluxo é obrigatório: está em branco.",
            "The pipeline's name is required: it is blank.",
        )
        .fact("field", "name");
        return Ok(Decision::new(PipelineCreation { accepted: false, pipeline: None }, vec![refusal]));
    };
    let creator = i.user.trim().to_owned();
    let added = !users.contains(&creator);
    if added {
        users.push(creator.clone());
    }
    let alias = i.alias.as_deref().and_then(trimmed);
    let alias_defaulted = alias.is_none();
    let pipeline = Pipeline {
        id,
        alias: alias.unwrap_or_else(|| name.clone()),
        name,
        description: i.description.as_deref().and_then(trimmed),
        authorised_users: users,
        active: i.active,
        tags: vec![Tag::all()],
        reordering: false,
        atendimentos: 0,
    };
    let (pid, pname, palias, active, who) =
        (pipeline.id.clone(), pipeline.name.clone(), pipeline.alias.clone(), pipeline.active, creator.clone());
    let created = Reason::lazy("FLX-1", move |lang| match lang {
        Lang::Pt => format!(
            "Fluxo {pid} criado: nome \"{pname}\", pseudônimo \"{palias}\"{}, {}; tags: {ALL_TAG}.",
            if alias_defaulted { " (o nome, por não ter sido dado)" } else { "" },
            if active { "ativo" } else { "inativo" }
        ),
        Lang::En => format!(
            "Pipeline {pid} created: name \"{pname}\", alias \"{palias}\"{}, {}; tags: {ALL_TAG}.",
            if alias_defaulted { " (the name, none given)" } else { "" },
            if active { "active" } else { "inactive" }
        ),
    })
    .fact("pipeline", &pipeline.id)
    .fact("alias_defaulted", alias_defaulted)
    .fact("active", active);
    let who2 = who.clone();
    let creator_reason = Reason::lazy("FLX-1", move |lang| match (lang, added) {
        (Lang::Pt, true) => format!("{who2} criou o fluxo e foi incluído entre os usuários autorizados."),
        (Lang::Pt, false) => format!("{who2} criou o fluxo e já está entre os usuários autorizados."),
        (Lang::En, true) => format!("{who2} created the pipeline and was added to its authorised users."),
        (Lang::En, false) => format!("{who2} created the pipeline and is already among its authorised users."),
    })
    .fact("user", who)
    .fact("creator_added", added)
    .fact_json("authorised_users", &pipeline.authorised_users);
    let answer = PipelineCreation { accepted: true, pipeline: Some(pipeline) };
    Ok(Decision::new(answer, vec![created, creator_reason]))
}

/// A refusal of `pipeline.change`: the pipeline unchanged.
fn refused(p: Pipeline, reasons: Vec<Reason>) -> Decision<PipelineChange> {
    Decision::new(PipelineChange { accepted: false, pipeline: Some(p), deleted: false }, reasons)
}

/// The refusal of a change that would change nothing.
fn nothing_changes(action: &'static str) -> Reason {
    Reason::lazy("FLX-1", move |lang| match lang {
        Lang::Pt => format!("A ação {action} não mudaria nada no fluxo: recusada."),
        Lang::En => format!("Action {action} would change nothing in the pipeline: refused."),
    })
    .fact("action", action)
}

/// Changes a pipeline (FLX-1), when `user` is authorised in it: edit its name, alias
/// or description, activate or inactivate it, replace its authorised users (at least
/// one; the acting user may leave) or delete it (refused while it holds atendimentos,
/// with their count). Every refusal leaves the pipeline unchanged and says why.
pub fn change_pipeline(
    _ctx: &Context,
    user: &str,
    pipeline: &Pipeline,
    action: &PipelineAction,
) -> Result<Decision<PipelineChange>> {
    check_user(user, "user")?;
    check_pipeline(pipeline, "pipeline")?;
    let current = normalised(pipeline);
    let granted = match authorisation(user, &current) {
        Ok(reason) => reason.fact("action", action.name()),
        Err(refusal) => return Ok(refused(current, vec![refusal.fact("action", action.name())])),
    };
    let mut next = current.clone();
    let done: Reason = match action {
        PipelineAction::Edit(EditPipeline { name, alias, description }) => {
            if let Some(n) = name {
                match trimmed(n) {
                    Some(n) => next.name = n,
                    None => {
                        let refusal = Reason::new(
                            "FLX-1",
                            "O nome do fluxo não pode ficar em branco.",
                            "The pipeline's name cannot be blank.",
                        )
                        .fact("field", "name");
                        return Ok(refused(current, vec![granted, refusal]));
                    }
                }
            }
            if let Some(a) = alias {
                next.alias = trimmed(a).unwrap_or_else(|| next.name.clone());
            }
            if let Some(d) = description {
                next.description = trimmed(d);
            }
            if next == current {
                return Ok(refused(current, vec![granted, nothing_changes("edit")]));
            }
            let (name, alias) = (next.name.clone(), next.alias.clone());
            Reason::lazy("FLX-1", move |lang| match lang {
                Lang::Pt => format!("Fluxo editado: nome \"{name}\", pseudônimo \"{alias}\"."),
                Lang::En => format!("Pipeline edited: name \"{name}\", alias \"{alias}\"."),
            })
            .fact("name", &next.name)
            .fact("alias", &next.alias)
        }
        PipelineAction::Activate | PipelineAction::Inactivate => {
            let active = matches!(action, PipelineAction::Activate);
            if current.active == active {
                return Ok(refused(current, vec![granted, nothing_changes(action.name())]));
            }
            next.active = active;
            let reason = if active {
                Reason::new(
                    "FLX-1",
                    "Fluxo ativado: volta a receber atendimentos.",
                    "Pipeline activated: it takes new atendimentos again.",
                )
            } else {
                Reason::new(
                    "FLX-1",
                    "Fluxo inativado: não recebe novos atendimentos; os que tem continuam nele.",
                    "Pipeline inactivated: it takes no new atendimentos; those it holds stay.",
                )
            };
            reason.fact("active", active)
        }
        PipelineAction::SetUsers(SetUsers { users }) => {
            let mut list: Vec<String> = Vec::with_capacity(users.len());
            for (k, u) in users.iter().enumerate() {
                let u = trimmed(u).ok_or_else(|| {
                    CrmError::invalid(format!("action.set_users.users[{k}]"), "a user id must not be blank")
                })?;
                if !list.contains(&u) {
                    list.push(u);
                }
            }
            if list.is_empty() {
                let refusal = Reason::new(
                    "FLX-1",
                    "Um fluxo precisa de ao menos um usuário autorizado: sem nenhum, ninguém o veria.",
                    "A pipeline needs at least one authorised user: with none, nobody would see it.",
                );
                return Ok(refused(current, vec![granted, refusal]));
            }
            let (mut before, mut after) = (current.authorised_users.clone(), list.clone());
            crate::sort::sort(&mut before);
            before.dedup();
            crate::sort::sort(&mut after);
            if before == after {
                return Ok(refused(current, vec![granted, nothing_changes("set_users")]));
            }
            let stays = list.iter().any(|u| u == user);
            next.authorised_users = list;
            let count = next.authorised_users.len();
            let who = user.to_owned();
            Reason::lazy("FLX-1", move |lang| match (lang, stays) {
                (Lang::Pt, true) => format!("Usuários autorizados trocados: agora {count}."),
                (Lang::Pt, false) => {
                    format!("Usuários autorizados trocados: agora {count}; {who} deixa de ter acesso ao fluxo.")
                }
                (Lang::En, true) => format!("Authorised users replaced: now {count}."),
                (Lang::En, false) => {
                    format!("Authorised users replaced: now {count}; {who} loses access to the pipeline.")
                }
            })
            .fact_json("authorised_users", &next.authorised_users)
            .fact("user_keeps_access", stays)
        }
        PipelineAction::Delete => {
            let held = current.atendimentos;
            if held > 0 {
                let refusal = Reason::lazy("FLX-1", move |lang| match lang {
                    Lang::Pt => format!("O fluxo tem {held} atendimento(s): não pode ser excluído (nada se perde)."),
                    Lang::En => {
                        format!("The pipeline holds {held} atendimento(s): it cannot be deleted (nothing is dropped).")
                    }
                })
                .fact("atendimentos", held);
                return Ok(refused(current, vec![granted, refusal]));
            }
            let deleted = Reason::new(
                "FLX-1",
                "Fluxo excluído: não tinha atendimentos.",
                "Pipeline deleted: it held no atendimentos.",
            )
            .fact("atendimentos", 0u32);
            let answer = PipelineChange { accepted: true, pipeline: None, deleted: true };
            return Ok(Decision::new(answer, vec![granted, deleted]));
        }
    };
    let answer = PipelineChange { accepted: true, pipeline: Some(next), deleted: false };
    Ok(Decision::new(answer, vec![granted, done]))
}

/// The pipelines `user` sees — those where they are authorised — in input order, and
/// how many are hidden (FLX-1). Linear in the pipelines and their users.
pub fn visible_pipelines(_ctx: &Context, user: &str, pipelines: &[Pipeline]) -> Result<Decision<VisiblePipelines>> {
    check_user(user, "user")?;
    for (k, p) in pipelines.iter().enumerate() {
        check_pipeline(p, &format!("pipelines[{k}]"))?;
    }
    let visible: Vec<String> = pipelines.iter().filter(|p| p.authorises(user)).map(|p| p.id.clone()).collect();
    let (shown, hidden) = (visible.len(), pipelines.len() - visible.len());
    let who = user.to_owned();
    let reason = Reason::lazy("FLX-1", move |lang| match lang {
        Lang::Pt => format!(
            "{who} vê {shown} de {} fluxo(s); {hidden} oculto(s) por não ser usuário autorizado.",
            shown + hidden
        ),
        Lang::En => {
            format!("{who} sees {shown} of {} pipeline(s); {hidden} hidden, not an authorised user.", shown + hidden)
        }
    })
    .fact("user", user)
    .fact("visible", shown)
    .fact("hidden", hidden);
    Ok(Decision::new(VisiblePipelines { visible, hidden }, vec![reason]))
}

/// Whether `user` may add an atendimento to `pipeline` now (FLX-1): authorised and
/// the pipeline active; a refusal gives every reason that applies.
pub fn can_add(_ctx: &Context, user: &str, pipeline: &Pipeline) -> Result<Decision<AddPermission>> {
    check_user(user, "user")?;
    check_pipeline(pipeline, "pipeline")?;
    let mut reasons = Vec::with_capacity(2);
    let authorised = match authorisation(user, pipeline) {
        Ok(r) => {
            reasons.push(r);
            true
        }
        Err(r) => {
            reasons.push(r);
            false
        }
    };
    let id = pipeline.id.clone();
    if pipeline.active {
        reasons.push(
            Reason::lazy("FLX-1", move |lang| match lang {
                Lang::Pt => format!("O fluxo {id} está ativo: recebe novos atendimentos."),
                Lang::En => format!("Pipeline {id} is active: it takes new atendimentos."),
            })
            .fact("active", true),
        );
    } else {
        reasons.push(
            Reason::lazy("FLX-1", move |lang| match lang {
                Lang::Pt => format!("O fluxo {id} está inativo: não recebe novos atendimentos."),
                Lang::En => format!("Pipeline {id} is inactive: it takes no new atendimentos."),
            })
            .fact("active", false),
        );
    }
    let allowed = authorised && pipeline.active;
    Ok(Decision::new(AddPermission { allowed }, reasons))
}
