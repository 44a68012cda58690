//! The tags (etiquetas) of a pipeline — FLX-2 (seed 003, "Criar Atendimentos"): created,
//! renamed, recoloured and deleted in the edit mode; reordered in the ordering mode,
//! which must be finished before tags can be bound again. `TODOS` is fixed in first
//! place whatever the reordering, and is never renamed or deleted.
//!
//! Reading: while a reordering is open only `reorder` and `finish_reordering` are
//! accepted (the seed's two modes are exclusive), so the order being built cannot be
//! changed under it.

use serde::{Deserialize, Serialize};

use super::{authorisation, check_pipeline, check_user, normalised, trimmed};
use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::identifiers::search_key;
use crate::model::{is_all_tag, Pipeline, Tag, ALL_TAG};

/// What to do to a pipeline's tags (FLX-2): `{"create": {…}}`, `{"rename": {…}}`,
/// `{"recolour": {…}}`, `{"delete": {…}}`, `"start_reordering"`,
/// `{"reorder": {"order": […]}}` or `"finish_reordering"`. Tags are named ignoring
/// accents and case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TagAction {
    /// Create a tag, last in the order.
    Create(NewTag),
    /// Rename a tag (not `TODOS`).
    Rename(TagRename),
    /// Change a tag's colour.
    Recolour(TagColour),
    /// Delete a tag (not `TODOS`).
    Delete(TagName),
    /// Open a reordering (needs more than one tag besides `TODOS`).
    StartReordering,
    /// Set the order of the tags while a reordering is open.
    Reorder(Reorder),
    /// Finish the reordering: tags can be bound again.
    FinishReordering,
}

/// The tag of a `create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTag {
    /// Its name: not blank, not the name of another tag.
    pub name: String,
    /// Its colour; absent or blank: none.
    #[serde(default)]
    pub colour: Option<String>,
}

/// A `rename`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagRename {
    /// The tag's current name.
    pub tag: String,
    /// The new name: not blank, not the name of another tag.
    pub to: String,
}

/// A `recolour`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagColour {
    /// The tag's name.
    pub tag: String,
    /// The new colour; absent or blank: none.
    #[serde(default)]
    pub colour: Option<String>,
}

/// The tag of a `delete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagName {
    /// The tag's name.
    pub tag: String,
}

/// The new order of a `reorder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reorder {
    /// Every tag besides `TODOS`, once, in the new order; `TODOS` may be listed
    /// anywhere or left out: it goes back to first place.
    pub order: Vec<String>,
}

impl TagAction {
    /// The name used in JSON, e.g. `start_reordering`.
    pub fn name(&self) -> &'static str {
        match self {
            TagAction::Create(_) => "create",
            TagAction::Rename(_) => "rename",
            TagAction::Recolour(_) => "recolour",
            TagAction::Delete(_) => "delete",
            TagAction::StartReordering => "start_reordering",
            TagAction::Reorder(_) => "reorder",
            TagAction::FinishReordering => "finish_reordering",
        }
    }
}

/// Outcome of `tag.change`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TagChange {
    /// The change was made.
    pub accepted: bool,
    /// The pipeline after the change (unchanged when refused).
    pub pipeline: Pipeline,
}

/// Outcome of `tag.can_bind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BindPermission {
    /// The tag may be bound to an atendimento of the pipeline now.
    pub allowed: bool,
}

fn refused(p: Pipeline, reasons: Vec<Reason>) -> Result<Decision<TagChange>> {
    Ok(Decision::new(TagChange { accepted: false, pipeline: p }, reasons))
}

/// A reason citing FLX-2 with one formatted text in each language.
fn said(pt: String, en: String) -> Reason {
    Reason::lazy("FLX-2", move |lang| match lang {
        Lang::Pt => pt.clone(),
        Lang::En => en.clone(),
    })
}

fn no_such_tag(tag: &str) -> Reason {
    said(format!("O fluxo não tem a tag \"{tag}\"."), format!("The pipeline has no tag \"{tag}\"."))
        .fact("tag", tag)
        .fact("exists", false)
}

fn fixed_all(action: &'static str) -> Reason {
    Reason::lazy("FLX-2", move |lang| match lang {
        Lang::Pt => format!("A tag {ALL_TAG} é fixa em 1º lugar: não pode ser alvo de {action}."),
        Lang::En => format!("The {ALL_TAG} tag is fixed in first place: it cannot be the target of {action}."),
    })
    .fact("tag", ALL_TAG)
    .fact("action", action)
}

/// The position of another tag already named like `name` (ignoring accents and case),
/// other than the one at `except`.
fn clash(p: &Pipeline, name: &str, except: Option<usize>) -> Option<usize> {
    let key = search_key(name);
    p.tags.iter().enumerate().position(|(k, t)| Some(k) != except && search_key(&t.name) == key)
}

fn duplicate(name: &str, existing: &str) -> Reason {
    said(
        format!("Já existe a tag \"{existing}\": \"{name}\" repetiria o nome (acentos e maiúsculas não contam)."),
        format!("Tag \"{existing}\" already exists: \"{name}\" would repeat the name (accents and case ignored)."),
    )
    .fact("tag", name)
    .fact("existing", existing)
}

fn blank_name() -> Reason {
    Reason::new("FLX-2", "O nome da tag não pode ficar em branco.", "A tag's name cannot be blank.")
}

fn unchanged(action: &'static str) -> Reason {
    Reason::lazy("FLX-2", move |lang| match lang {
        Lang::Pt => format!("A ação {action} não mudaria nada nas tags: recusada."),
        Lang::En => format!("Action {action} would change nothing in the tags: refused."),
    })
    .fact("action", action)
}

/// Changes the tags of `pipeline` (FLX-2), when `user` is authorised in it (FLX-1).
/// Names are unique ignoring accents and case; `TODOS` stays first and is never
/// renamed or deleted; a reordering needs more than one tag besides `TODOS` and, while
/// open, only takes `reorder` and `finish_reordering`. Every refusal leaves the
/// pipeline unchanged and says why. Linear in the tags (quadratic only in `reorder`'s
/// look-ups, over a handful of tags).
pub fn change_tags(_ctx: &Context, user: &str, pipeline: &Pipeline, action: &TagAction) -> Result<Decision<TagChange>> {
    check_user(user, "user")?;
    check_pipeline(pipeline, "pipeline")?;
    let current = normalised(pipeline);
    let granted = match authorisation(user, &current) {
        Ok(reason) => reason.fact("action", action.name()),
        Err(refusal) => return refused(current, vec![refusal.fact("action", action.name())]),
    };
    let reorders = matches!(action, TagAction::Reorder(_) | TagAction::FinishReordering | TagAction::StartReordering);
    if current.reordering && !reorders {
        let open = Reason::lazy("FLX-2", |lang| match lang {
            Lang::Pt => "Há uma reordenação das tags aberta: finalize a ordenação antes de editar as tags.".to_owned(),
            Lang::En => "A reordering of the tags is open: finish it before editing the tags.".to_owned(),
        })
        .fact("reordering", true);
        return refused(current, vec![granted, open]);
    }
    let mut next = current.clone();
    let done = match action {
        TagAction::Create(NewTag { name, colour }) => {
            let Some(name) = trimmed(name) else {
                return refused(current, vec![granted, blank_name()]);
            };
            if let Some(k) = clash(&current, &name, None) {
                let existing = current.tags.get(k).map(|t| t.name.as_str()).unwrap_or_default();
                let why = duplicate(&name, existing);
                return refused(current, vec![granted, why]);
            }
            let colour = colour.as_deref().and_then(trimmed);
            next.tags.push(Tag { name: name.clone(), colour });
            let position = next.tags.len();
            said(
                format!("Tag \"{name}\" criada, na posição {position}."),
                format!("Tag \"{name}\" created, in position {position}."),
            )
            .fact("tag", name)
            .fact("position", position)
        }
        TagAction::Rename(TagRename { tag, to }) => {
            let Some(k) = current.tag_position(tag) else {
                return refused(current, vec![granted, no_such_tag(tag)]);
            };
            if is_all_tag(tag) {
                return refused(current, vec![granted, fixed_all("rename")]);
            }
            let Some(to) = trimmed(to) else {
                return refused(current, vec![granted, blank_name()]);
            };
            if let Some(other) = clash(&current, &to, Some(k)) {
                let existing = current.tags.get(other).map(|t| t.name.as_str()).unwrap_or_default();
                let why = duplicate(&to, existing);
                return refused(current, vec![granted, why]);
            }
            let Some(slot) = next.tags.get_mut(k) else {
                return refused(current, vec![granted, no_such_tag(tag)]);
            };
            if slot.name == to {
                return refused(current, vec![granted, unchanged("rename")]);
            }
            let from = std::mem::replace(&mut slot.name, to.clone());
            said(
                format!("Tag \"{from}\" renomeada para \"{to}\", na mesma posição."),
                format!("Tag \"{from}\" renamed to \"{to}\", in the same position."),
            )
            .fact("tag", from)
            .fact("to", to)
        }
        TagAction::Recolour(TagColour { tag, colour }) => {
            let Some(slot) = current.tag_position(tag).and_then(|k| next.tags.get_mut(k)) else {
                return refused(current, vec![granted, no_such_tag(tag)]);
            };
            let colour = colour.as_deref().and_then(trimmed);
            if slot.colour == colour {
                return refused(current, vec![granted, unchanged("recolour")]);
            }
            slot.colour = colour.clone();
            let (name, shown) = (slot.name.clone(), colour.clone().unwrap_or_else(|| "-".to_owned()));
            said(format!("Tag \"{name}\" agora com a cor {shown}."), format!("Tag \"{name}\" now has colour {shown}."))
                .fact("tag", name)
                .fact_json("colour", colour)
        }
        TagAction::Delete(TagName { tag }) => {
            let Some(k) = current.tag_position(tag) else {
                return refused(current, vec![granted, no_such_tag(tag)]);
            };
            if is_all_tag(tag) {
                return refused(current, vec![granted, fixed_all("delete")]);
            }
            let removed = next.tags.remove(k);
            let name = removed.name;
            said(format!("Tag \"{name}\" excluída."), format!("Tag \"{name}\" deleted."))
                .fact("tag", name)
                .fact("remaining", next.tags.len())
        }
        TagAction::StartReordering => {
            if current.reordering {
                return refused(current, vec![granted, unchanged("start_reordering")]);
            }
            let others = current.tags.len().saturating_sub(1);
            if others < 2 {
                let why = Reason::lazy("FLX-2", move |lang| match lang {
                    Lang::Pt => {
                        format!("Para ordenar é preciso mais de 1 tag além de {ALL_TAG}; o fluxo tem {others}.")
                    }
                    Lang::En => {
                        format!("Reordering needs more than 1 tag besides {ALL_TAG}; the pipeline has {others}.")
                    }
                })
                .fact("other_tags", others);
                return refused(current, vec![granted, why]);
            }
            next.reordering = true;
            Reason::new(
                "FLX-2",
                "Reordenação das tags aberta: até finalizá-la, não é possível vincular tags aos atendimentos.",
                "Tag reordering opened: until it is finished, tags cannot be bound to atendimentos.",
            )
            .fact("reordering", true)
            .fact("other_tags", others)
        }
        TagAction::Reorder(Reorder { order }) => {
            if !current.reordering {
                let why = Reason::new(
                    "FLX-2",
                    "Nenhuma reordenação aberta: abra a ordenação antes de mudar a ordem das tags.",
                    "No reordering is open: open one before changing the order of the tags.",
                )
                .fact("reordering", false);
                return refused(current, vec![granted, why]);
            }
            match reordered(&current, order) {
                Ok((tags, all_moved)) => {
                    if tags == current.tags {
                        return refused(current, vec![granted, unchanged("reorder")]);
                    }
                    next.tags = tags;
                    let names: Vec<String> = next.tags.iter().map(|t| t.name.clone()).collect();
                    let list = names.join(", ");
                    let (pt_extra, en_extra) = if all_moved {
                        (format!(" ({ALL_TAG} voltou ao 1º lugar)"), format!(" ({ALL_TAG} went back to first place)"))
                    } else {
                        (String::new(), String::new())
                    };
                    said(
                        format!("Nova ordem das tags: {list}{pt_extra}."),
                        format!("New order of the tags: {list}{en_extra}."),
                    )
                    .fact_json("order", names)
                    .fact("all_tag_put_back_first", all_moved)
                }
                Err(why) => return refused(current, vec![granted, why]),
            }
        }
        TagAction::FinishReordering => {
            if !current.reordering {
                return refused(current, vec![granted, unchanged("finish_reordering")]);
            }
            next.reordering = false;
            Reason::new(
                "FLX-2",
                "Ordenação finalizada: as tags voltam a poder ser vinculadas aos atendimentos.",
                "Reordering finished: tags can be bound to atendimentos again.",
            )
            .fact("reordering", false)
        }
    };
    Ok(Decision::new(TagChange { accepted: true, pipeline: next }, vec![granted, done]))
}

/// The tags in the order `order` names them, `TODOS` first; whether `TODOS` was listed
/// anywhere but first. Every tag besides `TODOS` must be named exactly once.
fn reordered(p: &Pipeline, order: &[String]) -> std::result::Result<(Vec<Tag>, bool), Reason> {
    let mut taken = vec![false; p.tags.len()];
    let mut out: Vec<Tag> = Vec::with_capacity(p.tags.len());
    out.push(p.tags.first().cloned().unwrap_or_else(Tag::all));
    let mut all_moved = false;
    let mut listed = 0usize;
    for name in order {
        if is_all_tag(name) {
            all_moved |= listed > 0;
            continue;
        }
        listed += 1;
        let Some(k) = p.tag_position(name) else {
            return Err(no_such_tag(name));
        };
        match (taken.get_mut(k), p.tags.get(k)) {
            (Some(seen), Some(tag)) if !*seen => {
                *seen = true;
                out.push(tag.clone());
            }
            _ => {
                let name = name.clone();
                return Err(said(
                    format!("A tag \"{name}\" aparece mais de uma vez na nova ordem."),
                    format!("Tag \"{name}\" appears more than once in the new order."),
                )
                .fact("tag", name));
            }
        }
    }
    let missing: Vec<String> =
        p.tags.iter().zip(&taken).skip(1).filter(|(_, seen)| !**seen).map(|(t, _)| t.name.clone()).collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        return Err(said(
            format!("A nova ordem deixa de fora a(s) tag(s) {list}: toda tag além de {ALL_TAG} aparece uma vez."),
            format!("The new order leaves out tag(s) {list}: every tag besides {ALL_TAG} appears once."),
        )
        .fact_json("missing", missing));
    }
    Ok((out, all_moved))
}

/// Whether the tag named `tag` may be bound to an atendimento of `pipeline` now
/// (FLX-2): the user is authorised in the pipeline (FLX-1), the tag exists, and no
/// reordering is open (the seed: not finishing the ordering blocks tagging). A refusal
/// gives every reason that applies.
pub fn can_bind_tag(_ctx: &Context, user: &str, pipeline: &Pipeline, tag: &str) -> Result<Decision<BindPermission>> {
    check_user(user, "user")?;
    check_pipeline(pipeline, "pipeline")?;
    let mut reasons = Vec::with_capacity(3);
    let mut allowed = match authorisation(user, pipeline) {
        Ok(r) => {
            reasons.push(r);
            true
        }
        Err(r) => {
            reasons.push(r);
            false
        }
    };
    match pipeline.tag_position(tag).and_then(|k| pipeline.tags.get(k)) {
        Some(found) => {
            let name = found.name.clone();
            reasons.push(
                said(format!("O fluxo tem a tag \"{name}\"."), format!("The pipeline has tag \"{name}\"."))
                    .fact("tag", name)
                    .fact("exists", true),
            );
        }
        None => {
            allowed = false;
            reasons.push(no_such_tag(tag));
        }
    }
    if pipeline.reordering {
        allowed = false;
        reasons.push(
            Reason::new(
                "FLX-2",
                "Há uma reordenação das tags aberta: enquanto não for finalizada, não é possível vincular tags.",
                "A reordering of the tags is open: until it is finished, tags cannot be bound.",
            )
            .fact("reordering", true),
        );
    }
    Ok(Decision::new(BindPermission { allowed }, reasons))
}
