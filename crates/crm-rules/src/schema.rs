//! JSON Schemas (draft 2020-12) of every rule's input and answer and of [`Policy`],
//! derived from the Rust types with `schemars`: the input side as serde reads it, the
//! answer side as serde writes it. `crm-rules schema DIR` writes them; the checked-in
//! copies under `schema/` are tested to be current.
//!
//! ```
//! let input = crm_rules::schema::input_schema("calendar.is_business_day").unwrap();
//! assert_eq!(input["properties"]["date"]["format"], "date");
//! let answer = crm_rules::schema::answer_schema("calendar.is_business_day").unwrap();
//! assert_eq!(answer["properties"]["reasons"]["items"]["properties"]["rule"]["enum"][0], "CAL-BD-1");
//! ```

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::policy::Policy;
use crate::registry::{self, RuleInfo};

/// The schema functions of one rule (filled in by [`rules!`](crate::rules!)).
#[derive(Debug, Clone, Copy)]
pub struct SchemaFns {
    input: fn() -> Schema,
    outcome: fn(&mut SchemaGenerator) -> Schema,
}

impl SchemaFns {
    /// The schemas of a rule whose input is `I` and whose outcome is `O`.
    pub const fn of<I: JsonSchema, O: JsonSchema>() -> Self {
        SchemaFns { input: input_root::<I>, outcome: subschema::<O> }
    }
}

fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12()
}

fn subschema<O: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<O>()
}

/// `I` as the root of an input, plus the optional (partial) `policy` every input takes.
fn input_root<I: JsonSchema>() -> Schema {
    let mut g = settings().for_deserialize().into_generator();
    let policy = g.subschema_for::<Policy>();
    let mut root = g.into_root_schema_for::<I>();
    if let Some(props) = root.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "policy".into(),
            json!({
                "description": "A partial policy: omitted fields take the seeds' defaults.",
                "anyOf": [policy.to_value(), {"type": "null"}]
            }),
        );
    }
    root
}

/// The JSON Schema of the input of `rule` (with its optional `policy`), or `None` for
/// an unknown rule.
pub fn input_schema(rule: &str) -> Option<Value> {
    let info = registry::rule(rule)?;
    let mut root = (info.schemas.input)().to_value();
    if let Some(obj) = root.as_object_mut() {
        obj.insert("description".into(), Value::String(info.description_en.to_owned()));
    }
    Some(root)
}

/// The JSON Schema of a reason of `info`: `rule` is one of its declared IDs.
fn reason_schema(info: &RuleInfo) -> Value {
    json!({
        "type": "object",
        "description": "One reason behind the decision: the rule that applied, its message in pt-BR and English, and the facts it used.",
        "properties": {
            "rule": {"type": "string", "enum": info.ids},
            "message_pt": {"type": "string"},
            "message_en": {"type": "string"},
            "facts": {"type": "object", "additionalProperties": true}
        },
        "required": ["rule", "message_pt", "message_en", "facts"],
        "additionalProperties": false
    })
}

/// The JSON Schema of the answer of `rule`: `{"outcome", "reasons"}`, where each
/// reason cites one of the rule's declared IDs; `None` for an unknown rule.
pub fn answer_schema(rule: &str) -> Option<Value> {
    let info = registry::rule(rule)?;
    let mut g = settings().for_serialize().into_generator();
    let outcome = (info.schemas.outcome)(&mut g).to_value();
    let defs = g.take_definitions(true);
    let mut root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("{} answer", info.name),
        "description": info.description_en,
        "type": "object",
        "properties": {
            "outcome": outcome,
            "reasons": {"type": "array", "items": reason_schema(info)}
        },
        "required": ["outcome", "reasons"],
        "additionalProperties": false
    });
    if !defs.is_empty() {
        if let Some(obj) = root.as_object_mut() {
            obj.insert("$defs".into(), Value::Object(defs));
        }
    }
    Some(root)
}

/// The JSON Schema of a [`Policy`] (every field optional: defaults are the seeds').
pub fn policy_schema() -> Value {
    settings().for_deserialize().into_generator().into_root_schema_for::<Policy>().to_value()
}

/// The JSON Schema of an error answer (`evaluate_json`'s `{"error": …}`; the fields
/// of the bindings' exceptions): a stable `code`, the input `path`, a `message`.
pub fn error_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Error",
        "description": "What a rule answers instead of a decision when its input (or policy) is wrong.",
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "code": {"type": "string", "enum": crate::CrmError::CODES},
                    "path": {"type": ["string", "null"], "description": "Dotted path of the offending field, e.g. `agendamento.created_on`."},
                    "message": {"type": "string"}
                },
                "required": ["code", "path", "message"],
                "additionalProperties": false
            }
        },
        "required": ["error"],
        "additionalProperties": false
    })
}

/// The registry as JSON: per rule its name, IDs, descriptions and binding names.
pub fn registry_json() -> Value {
    let rules: Vec<Value> = registry::rules().filter_map(|r| serde_json::to_value(r).ok()).collect();
    json!({ "rules": rules })
}

/// The first key of every file `crm-rules schema` writes (JSON has no comments).
const GENERATED: &str =
    "Generated from the rule registry by `crm-rules schema` (bash scripts/generate.sh): do not edit.";

/// Every schema file, by its path under `schema/`: `rules/<rule>.input.json`,
/// `rules/<rule>.answer.json`, `policy.json`, `error.json` and `registry.json`.
pub fn files() -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for r in registry::rules() {
        if let Some(s) = input_schema(r.name) {
            out.insert(format!("rules/{}.input.json", r.name), s);
        }
        if let Some(s) = answer_schema(r.name) {
            out.insert(format!("rules/{}.answer.json", r.name), s);
        }
    }
    out.insert("policy.json".into(), policy_schema());
    out.insert("error.json".into(), error_schema());
    out.insert("registry.json".into(), registry_json());
    for file in out.values_mut() {
        if let Some(obj) = file.as_object_mut() {
            obj.insert("$comment".into(), Value::String(GENERATED.into()));
        }
    }
    out
}

/// Where the dates (`"format": "date"`) sit in an answer, read off its schema: the
/// bindings use it to hand out native dates (Python `datetime.date`) exactly where the
/// schema says so.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum DateShape {
    /// No date anywhere below.
    #[default]
    Nothing,
    /// A date string.
    Date,
    /// An object: the shapes of its known properties, and of any other property.
    Object(BTreeMap<String, DateShape>, Box<DateShape>),
    /// An array whose items have this shape.
    Array(Box<DateShape>),
}

impl DateShape {
    /// The shape of the answer of `rule`, or `None` for an unknown rule.
    pub fn of_answer(rule: &str) -> Option<DateShape> {
        let schema = answer_schema(rule)?;
        let defs = schema.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
        Some(Self::read(&schema, &defs, 0))
    }

    /// The shape of the property `key` of an object shape.
    pub fn field(&self, key: &str) -> &DateShape {
        match self {
            DateShape::Object(props, rest) => props.get(key).unwrap_or(rest),
            _ => &DateShape::Nothing,
        }
    }

    /// The shape of the items of an array shape.
    pub fn items(&self) -> &DateShape {
        match self {
            DateShape::Array(items) => items,
            _ => &DateShape::Nothing,
        }
    }

    fn read(schema: &Value, defs: &Map<String, Value>, depth: usize) -> DateShape {
        // Our types are not recursive; the bound only guards against a cycle.
        if depth > 32 {
            return DateShape::Nothing;
        }
        let Some(obj) = schema.as_object() else { return DateShape::Nothing };
        let mut shape = DateShape::Nothing;
        if let Some(target) = obj.get("$ref").and_then(Value::as_str) {
            if let Some(def) = target.strip_prefix("#/$defs/").and_then(|name| defs.get(name)) {
                shape = shape.merge(Self::read(def, defs, depth + 1));
            }
        }
        if obj.get("format").and_then(Value::as_str) == Some("date") {
            shape = shape.merge(DateShape::Date);
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for alt in obj.get(key).and_then(Value::as_array).into_iter().flatten() {
                shape = shape.merge(Self::read(alt, defs, depth + 1));
            }
        }
        if let Some(items) = obj.get("items") {
            let items = Self::read(items, defs, depth + 1);
            if items != DateShape::Nothing {
                shape = shape.merge(DateShape::Array(Box::new(items)));
            }
        }
        let props = obj.get("properties").and_then(Value::as_object);
        let rest = obj.get("additionalProperties").filter(|v| v.is_object());
        if props.is_some() || rest.is_some() {
            let known = props
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), Self::read(v, defs, depth + 1)))
                .filter(|(_, s)| *s != DateShape::Nothing)
                .collect::<BTreeMap<_, _>>();
            let rest = rest.map_or(DateShape::Nothing, |r| Self::read(r, defs, depth + 1));
            if !known.is_empty() || rest != DateShape::Nothing {
                shape = shape.merge(DateShape::Object(known, Box::new(rest)));
            }
        }
        shape
    }

    /// The union of two shapes (alternatives of an `anyOf`, say).
    fn merge(self, other: DateShape) -> DateShape {
        match (self, other) {
            (DateShape::Nothing, s) | (s, DateShape::Nothing) => s,
            (DateShape::Object(mut a, ra), DateShape::Object(b, rb)) => {
                for (k, v) in b {
                    let merged = a.remove(&k).unwrap_or_default().merge(v);
                    a.insert(k, merged);
                }
                DateShape::Object(a, Box::new(ra.merge(*rb)))
            }
            (DateShape::Array(a), DateShape::Array(b)) => DateShape::Array(Box::new(a.merge(*b))),
            // A value that is a date in one alternative and a structure in another:
            // the structure wins (a string there is then left as it is).
            (DateShape::Date, s) | (s, DateShape::Date) => s,
            (a, _) => a,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_both_schemas() {
        for r in registry::rules() {
            let input = input_schema(r.name).unwrap_or_default();
            assert_eq!(input["type"], "object", "{} input", r.name);
            assert!(input["properties"]["policy"].is_object(), "{} input takes a policy", r.name);
            let answer = answer_schema(r.name).unwrap_or_default();
            assert_eq!(answer["properties"]["reasons"]["items"]["properties"]["rule"]["enum"], json!(r.ids));
        }
        assert!(input_schema("no.such").is_none() && answer_schema("no.such").is_none());
    }

    #[test]
    fn date_shape_follows_the_schema_not_key_names() {
        let shape = DateShape::of_answer("agendamento.create").unwrap_or_default();
        let outcome = shape.field("outcome");
        assert_eq!(outcome.field("maximum"), &DateShape::Date);
        assert_eq!(outcome.field("agendamento").field("deadline"), &DateShape::Date);
        assert_eq!(outcome.field("agendamento").field("subject"), &DateShape::Nothing);
        assert_eq!(shape.field("reasons"), &DateShape::Nothing);
        let holidays = DateShape::of_answer("calendar.holidays_in").unwrap_or_default();
        assert_eq!(holidays.field("outcome").items().field("date"), &DateShape::Date);
        assert_eq!(
            DateShape::of_answer("calendar.add_business_days").unwrap_or_default().field("outcome"),
            &DateShape::Date
        );
    }
}
