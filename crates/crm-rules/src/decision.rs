//! Decisions and their reasons: every rule returns what it decided *and* why.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One reason behind a decision: the rule that applied, a message in pt-BR and in
/// English, and the facts (values) the rule looked at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable rule ID from SPEC.md, e.g. `AGD-2`.
    pub rule: String,
    /// Message in Brazilian Portuguese (the default language of the procedures).
    pub message_pt: String,
    /// The same message in English.
    pub message_en: String,
    /// The values the rule used, by name.
    pub facts: Map<String, Value>,
}

impl Reason {
    /// A reason with no facts yet; add them with [`Reason::fact`].
    pub fn new(rule: &str, message_pt: impl Into<String>, message_en: impl Into<String>) -> Self {
        Reason {
            rule: rule.to_owned(),
            message_pt: message_pt.into(),
            message_en: message_en.into(),
            facts: Map::new(),
        }
    }

    /// Adds one fact. Values that cannot be represented in JSON become `null`.
    #[must_use]
    pub fn fact(mut self, name: &str, value: impl Serialize) -> Self {
        let v = serde_json::to_value(value).unwrap_or(Value::Null);
        self.facts.insert(name.to_owned(), v);
        self
    }
}

/// The outcome of a rule and the reasons that led to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision<T> {
    /// What was decided.
    pub outcome: T,
    /// Why, in the order the rules were applied.
    pub reasons: Vec<Reason>,
}

impl<T> Decision<T> {
    /// A decision with its reasons.
    pub fn new(outcome: T, reasons: Vec<Reason>) -> Self {
        Decision { outcome, reasons }
    }

    /// Whether any reason cites `rule`.
    pub fn cites(&self, rule: &str) -> bool {
        self.reasons.iter().any(|r| r.rule == rule)
    }
}
