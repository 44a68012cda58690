//! A pipeline (fluxo) of atendimentos and its tags (etiquetas), as seed 003 ("Criar
//! Fluxos", "Gerenciar fluxos", the tags of "Criar Atendimentos") describes them
//! (FLX-1, FLX-2). The atendimentos themselves are only counted here.

use serde::{Deserialize, Serialize};

use crate::identifiers::search_key;

/// The name of the tag fixed in first place of every pipeline (FLX-2).
pub const ALL_TAG: &str = "TODOS";

/// A tag (etiqueta) of a pipeline, bound to its atendimentos to identify them (FLX-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// Name, unique in the pipeline ignoring accents and case.
    pub name: String,
    /// Colour, as the screen shows it (e.g. `#ff0000`); none when not chosen.
    #[serde(default)]
    pub colour: Option<String>,
}

impl Tag {
    /// The fixed first tag, `TODOS`, without a colour.
    pub fn all() -> Tag {
        Tag { name: ALL_TAG.to_owned(), colour: None }
    }

    /// Whether this is the fixed `TODOS` tag (compared ignoring accents and case).
    pub fn is_all(&self) -> bool {
        is_all_tag(&self.name)
    }
}

/// Whether `name` names the fixed `TODOS` tag (ignoring accents, case and outer spaces).
pub fn is_all_tag(name: &str) -> bool {
    search_key(name) == "todos"
}

fn only_all_tag() -> Vec<Tag> {
    vec![Tag::all()]
}

fn yes() -> bool {
    true
}

/// A pipeline (fluxo): a sales funnel to organise and follow the atendimentos (FLX-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    /// Identifier.
    pub id: String,
    /// Name (nome do fluxo).
    pub name: String,
    /// Alias (pseudônimo); absent or blank: the name.
    #[serde(default)]
    pub alias: String,
    /// Description, shown under the name in the list of pipelines.
    #[serde(default)]
    pub description: Option<String>,
    /// The ids of the users authorised to see it, change it and add to it.
    #[serde(default)]
    pub authorised_users: Vec<String>,
    /// Active ("o fluxo está ativo"): only an active pipeline takes new atendimentos.
    #[serde(default = "yes")]
    pub active: bool,
    /// Its tags, `TODOS` always first; absent: only `TODOS`.
    #[serde(default = "only_all_tag")]
    pub tags: Vec<Tag>,
    /// A reordering of the tags is open (not finished): tags cannot be bound meanwhile.
    #[serde(default)]
    pub reordering: bool,
    /// How many atendimentos it holds (active, archived or in the trash).
    #[serde(default)]
    pub atendimentos: u32,
}

impl Pipeline {
    /// The alias, or the name when the alias is blank.
    pub fn alias_or_name(&self) -> &str {
        if self.alias.trim().is_empty() {
            &self.name
        } else {
            &self.alias
        }
    }

    /// Whether `user` is among the authorised users.
    pub fn authorises(&self, user: &str) -> bool {
        self.authorised_users.iter().any(|u| u == user)
    }

    /// The position of the tag named `name` (ignoring accents and case).
    pub fn tag_position(&self, name: &str) -> Option<usize> {
        let key = search_key(name);
        self.tags.iter().position(|t| search_key(&t.name) == key)
    }
}
