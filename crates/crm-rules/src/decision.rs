//! Decisions and their reasons: every rule returns what it decided *and* why.
//!
//! A [`Reason`] keeps its rule ID and its facts as typed values; its messages are
//! rendered (in pt-BR and English) only when someone reads them — when the decision
//! is written out as JSON or asked for [`Reason::message`]. A rule that explains
//! every agendamento of an account thus pays for the words only of what is shown.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Brazilian Portuguese, the language of the procedures.
    Pt,
    /// English.
    En,
}

/// A value a rule looked at, kept as it is until the reason is written out.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A text.
    Str(Cow<'static, str>),
    /// A date, written `YYYY-MM-DD`.
    Date(NaiveDate),
    /// Anything else, already as JSON.
    Json(Value),
}

impl Fact {
    /// Any serializable value, as JSON (for the facts that are not a plain value).
    pub fn json(value: impl Serialize) -> Fact {
        Fact::Json(serde_json::to_value(value).unwrap_or(Value::Null))
    }
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Null => s.serialize_unit(),
            Fact::Bool(b) => s.serialize_bool(*b),
            Fact::Int(i) => s.serialize_i64(*i),
            Fact::UInt(u) => s.serialize_u64(*u),
            Fact::Str(t) => s.serialize_str(t),
            Fact::Date(d) => d.serialize(s),
            Fact::Json(v) => v.serialize(s),
        }
    }
}

macro_rules! fact_from {
    ($($t:ty => |$v:ident| $e:expr;)*) => { $(
        impl From<$t> for Fact {
            fn from($v: $t) -> Fact {
                $e
            }
        }
    )* };
}

fact_from! {
    bool => |v| Fact::Bool(v);
    i32 => |v| Fact::Int(i64::from(v));
    i64 => |v| Fact::Int(v);
    u32 => |v| Fact::UInt(u64::from(v));
    u64 => |v| Fact::UInt(v);
    usize => |v| Fact::UInt(u64::try_from(v).unwrap_or(u64::MAX));
    f64 => |v| Fact::Json(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number));
    NaiveDate => |v| Fact::Date(v);
    String => |v| Fact::Str(Cow::Owned(v));
    &String => |v| Fact::Str(Cow::Owned(v.clone()));
    Value => |v| Fact::Json(v);
}

impl From<&str> for Fact {
    fn from(v: &str) -> Fact {
        Fact::Str(Cow::Owned(v.to_owned()))
    }
}

impl<T: Into<Fact>> From<Option<T>> for Fact {
    fn from(v: Option<T>) -> Fact {
        v.map_or(Fact::Null, Into::into)
    }
}

/// How a reason's messages are made.
#[derive(Clone)]
enum Text {
    /// Already written (or fixed) texts.
    Fixed(Cow<'static, str>, Cow<'static, str>),
    /// Written when read.
    Lazy(Arc<dyn Fn(Lang) -> String + Send + Sync>),
}

/// One reason behind a decision: the rule that applied, a message in pt-BR and in
/// English, and the facts (values) the rule looked at.
///
/// ```
/// use crm_rules::{Lang, Reason};
/// let r = Reason::lazy("AGD-2", |lang| match lang {
///     Lang::Pt => "Vigente.".to_owned(),
///     Lang::En => "Live.".to_owned(),
/// })
/// .fact("span_business_days", 2_i64);
/// assert_eq!((r.rule(), r.message(Lang::En).as_ref()), ("AGD-2", "Live."));
/// assert_eq!(serde_json::to_value(&r).unwrap()["facts"]["span_business_days"], 2);
/// ```
#[derive(Clone)]
pub struct Reason {
    rule: &'static str,
    text: Text,
    facts: Vec<(&'static str, Fact)>,
}

impl Reason {
    /// A reason whose messages are already written (or fixed texts, which cost nothing).
    pub fn new(
        rule: &'static str,
        message_pt: impl Into<Cow<'static, str>>,
        message_en: impl Into<Cow<'static, str>>,
    ) -> Self {
        Reason { rule, text: Text::Fixed(message_pt.into(), message_en.into()), facts: Vec::new() }
    }

    /// A reason whose messages are written by `render` only when read: the way every
    /// rule builds a message that needs formatting (see CONTRIBUTING.md, "Reasons").
    pub fn lazy(rule: &'static str, render: impl Fn(Lang) -> String + Send + Sync + 'static) -> Self {
        Reason { rule, text: Text::Lazy(Arc::new(render)), facts: Vec::new() }
    }

    /// Adds one fact (kept as a typed value until written out).
    #[must_use]
    pub fn fact(mut self, name: &'static str, value: impl Into<Fact>) -> Self {
        self.facts.push((name, value.into()));
        self
    }

    /// Adds one fact that is not a plain value (a list, a record, an enum), as JSON.
    #[must_use]
    pub fn fact_json(self, name: &'static str, value: impl Serialize) -> Self {
        self.fact(name, Fact::json(value))
    }

    /// The rule ID, e.g. `AGD-2`.
    pub fn rule(&self) -> &'static str {
        self.rule
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> Cow<'_, str> {
        match (&self.text, lang) {
            (Text::Fixed(pt, _), Lang::Pt) => Cow::Borrowed(pt),
            (Text::Fixed(_, en), Lang::En) => Cow::Borrowed(en),
            (Text::Lazy(render), lang) => Cow::Owned(render(lang)),
        }
    }

    /// The facts, by name, in the order they were added.
    pub fn facts(&self) -> impl Iterator<Item = (&'static str, &Fact)> {
        self.facts.iter().map(|(k, v)| (*k, v))
    }
}

/// Facts written as a JSON object, keys sorted (as they always were).
struct SortedFacts<'a>(&'a [(&'static str, Fact)]);

impl Serialize for SortedFacts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut sorted: Vec<&(&'static str, Fact)> = self.0.iter().collect();
        crate::sort::sort_by_key(&mut sorted, |(k, _)| *k);
        // A fact added twice under one name keeps its last value.
        sorted.reverse();
        sorted.dedup_by_key(|(k, _)| *k);
        sorted.reverse();
        let mut map = s.serialize_map(Some(sorted.len()))?;
        for (k, v) in sorted {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Reason {
    /// `{"rule", "message_pt", "message_en", "facts"}`, the messages rendered now.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("rule", self.rule)?;
        map.serialize_entry("message_pt", &self.message(Lang::Pt))?;
        map.serialize_entry("message_en", &self.message(Lang::En))?;
        map.serialize_entry("facts", &SortedFacts(&self.facts))?;
        map.end()
    }
}

impl fmt::Debug for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reason")
            .field("rule", &self.rule)
            .field("message_pt", &self.message(Lang::Pt))
            .field("message_en", &self.message(Lang::En))
            .field("facts", &self.facts)
            .finish()
    }
}

impl PartialEq for Reason {
    /// Same rule, same messages, same facts.
    fn eq(&self, other: &Self) -> bool {
        self.rule == other.rule
            && self.message(Lang::Pt) == other.message(Lang::Pt)
            && self.message(Lang::En) == other.message(Lang::En)
            && self.facts == other.facts
    }
}

/// The outcome of a rule and the reasons that led to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
