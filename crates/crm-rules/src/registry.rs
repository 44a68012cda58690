//! The rule registry: every rule is declared once, beside its function, with
//! [`rules!`](crate::rules!) — its name, the rule IDs it may cite, a one-line
//! description in pt-BR and English, its input and outcome types and the names of
//! its Python and JS functions. Dispatch ([`crate::evaluate`]), [`rule_names`], the
//! CLI's `rules`, the JSON Schemas and the generated Python and TypeScript types all
//! read it.

use serde::Serialize;
use serde_json::Value;

use crate::context::Context;
use crate::decision::Decision;
use crate::error::{CrmError, Result};

/// One rule as the registry knows it. (Compiled for WebAssembly, where the registry
/// is never listed, the descriptions and signatures are empty, to keep the module small.)
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    /// Stable name, `area.verb` (e.g. `agendamento.renew`).
    pub name: &'static str,
    /// The rule IDs of docs/SPEC.md that its reasons may cite (e.g. `AGD-2`).
    pub ids: &'static [&'static str],
    /// One line in pt-BR.
    pub description_pt: &'static str,
    /// The same line in English.
    pub description_en: &'static str,
    /// The typed Python function, as a signature over the input's keys (see
    /// CONTRIBUTING.md): `create_agendamento(kind, subject, owner, created_on,
    /// deadline=None, *, id=None, purpose=None)`; `f(**contact)` takes the whole input
    /// as one mapping; `subject:sale.subject` puts a parameter at a nested key. Empty
    /// when the binding offers a direct native function instead.
    pub python: &'static str,
    /// The typed JS function (camelCase), which takes the whole input object; empty
    /// when the binding offers a direct native function instead.
    pub js: &'static str,
    /// For a rule of one text `value`, the core function the bindings call directly
    /// (no decision, just the value), e.g. `identifiers::is_valid_cpf`: Python
    /// `is_valid_cpf(value)`, JS `isValidCpf(value)`. Empty otherwise.
    pub native: &'static str,
    #[serde(skip)]
    pub(crate) run: fn(&Context, Value) -> Result<Box<dyn Answer>>,
    #[cfg(feature = "schema")]
    #[serde(skip)]
    pub(crate) schemas: crate::schema::SchemaFns,
}

/// Declares the rules of one module as a `static` slice of [`RuleInfo`].
///
/// ```ignore
/// crate::rules! {
///     pub(crate) RULES = [{
///         name: "calendar.is_business_day",
///         ids: ["CAL-BD-1", "CAL-BD-2"],
///         pt: "Se uma data é dia útil, e por quê.",
///         en: "Whether a date is a business day, and why.",
///         python: "", js: "",
///         input: DateInput,
///         outcome: bool,
///         run: |ctx, input| is_business_day(ctx, input.date),
///     }];
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! rules {
    ($vis:vis $list:ident = [ $( {
        name: $name:literal,
        ids: [$($id:literal),* $(,)?],
        pt: $pt:literal,
        en: $en:literal,
        python: $py:literal,
        js: $js:literal,
        input: $input:ty,
        outcome: $outcome:ty,
        run: |$ctx:ident, $i:ident| $body:expr
        $(, native: $native:literal)? $(,)?
    } ),* $(,)? ];) => {
        /// The rules this module declares (read by [`crate::registry`]).
        $vis static $list: &[$crate::registry::RuleInfo] = &[ $( $crate::registry::RuleInfo {
            name: $name,
            ids: &[$($id),*],
            // The WebAssembly package never lists the registry: its module carries
            // no descriptions nor signatures.
            description_pt: if cfg!(target_arch = "wasm32") { "" } else { $pt },
            description_en: if cfg!(target_arch = "wasm32") { "" } else { $en },
            python: if cfg!(target_arch = "wasm32") { "" } else { $py },
            js: if cfg!(target_arch = "wasm32") { "" } else { $js },
            native: $crate::registry::optional(&[$($native)?]),
            run: {
                fn run(
                    $ctx: &$crate::Context,
                    input: ::serde_json::Value,
                ) -> $crate::Result<Box<dyn $crate::registry::Answer>> {
                    let $i: $input = $crate::registry::read_input(input)?;
                    let decision: $crate::Result<$crate::Decision<$outcome>> = $body;
                    Ok(Box::new(decision?))
                }
                run
            },
            #[cfg(feature = "schema")]
            schemas: $crate::schema::SchemaFns::of::<$input, $outcome>(),
        } ),* ];
    };
}

/// Every module's rules, in catalogue order.
fn modules() -> [&'static [RuleInfo]; 21] {
    use crate::rules::*;
    [
        calendar::RULES,
        agendamento::RULES,
        inbound::RULES,
        routing::RULES,
        commission::RULES,
        reinstatement::RULES,
        debt::RULES,
        boletos::RULES,
        third_party::RULES,
        interaction::RULES,
        identifiers::RULES,
        registration::RULES,
        duplicates::RULES,
        merge::RULES,
        accounts::RULES,
        account_query::RULES,
        losses::RULES,
        pipelines::RULES,
        quotes::RULES,
        atendimentos::RULES,
        atendimento_list::RULES,
    ]
}

/// The rules of each area (one function per rule module, in catalogue order), for a
/// build that carries only some areas: a program that names only some of these
/// functions links only those rules — the WebAssembly package is two modules this way.
/// Evaluate among them with [`evaluate_to_json_in`].
pub mod areas {
    use super::RuleInfo;

    macro_rules! areas {
        ($($area:ident),* $(,)?) => { $(
            #[doc = concat!("The rules of `rules::", stringify!($area), "`.")]
            pub fn $area() -> &'static [RuleInfo] {
                crate::rules::$area::RULES
            }
        )* };
    }

    #[rustfmt::skip]
    areas!(
        calendar, agendamento, inbound, routing, commission, reinstatement, debt, boletos, third_party, interaction,
        identifiers, registration, duplicates, merge, accounts, account_query, losses, pipelines, quotes, atendimentos,
        atendimento_list,
    );

    /// An area: the function giving its rules.
    pub type Area = fn() -> &'static [RuleInfo];

    /// What a contact needs: the calendar, agendamentos, the inbound contact (routing,
    /// commission, reinstatement, debt, boletos, third parties), interactions and
    /// identifiers — the WebAssembly package's default module.
    #[rustfmt::skip]
    pub const CONTACT: &[Area] = &[
        calendar, agendamento, inbound, routing, commission, reinstatement, debt, boletos, third_party, interaction,
        identifiers,
    ];

    /// The records of a CRM: registration, duplicates, merge, accounts and their
    /// queries, losses, pipelines, quotes and atendimentos — the WebAssembly package's
    /// second module. [`CONTACT`] and `RECORDS` are the whole catalogue, in order.
    #[rustfmt::skip]
    pub const RECORDS: &[Area] = &[
        registration, duplicates, merge, accounts, account_query, losses, pipelines, quotes, atendimentos,
        atendimento_list,
    ];
}

/// [`crate::evaluate_to_json`] among the rules of `areas` only (see [`areas`]); a rule
/// outside them is unknown (`rule.unknown`), and `known` is the list its error names.
pub fn evaluate_to_json_in(
    areas: &[fn() -> &'static [RuleInfo]],
    known: &str,
    rule: &str,
    input: Value,
) -> Result<String> {
    let info = areas
        .iter()
        .flat_map(|area| area().iter())
        .find(|r| r.name == rule)
        .ok_or_else(|| CrmError::UnknownRule { rule: rule.to_owned(), known: known.to_owned() })?;
    crate::api::run_rule(info, input)?.to_json()
}

/// Every rule, in catalogue order.
pub fn rules() -> impl Iterator<Item = &'static RuleInfo> {
    modules().into_iter().flatten()
}

/// The rule named `name`.
pub fn rule(name: &str) -> Option<&'static RuleInfo> {
    rules().find(|r| r.name == name)
}

/// The names of every rule, e.g. `agendamento.evaluate`, in catalogue order.
pub fn rule_names() -> Vec<&'static str> {
    rules().map(|r| r.name).collect()
}

/// The error for a rule name the registry does not know.
pub(crate) fn unknown(rule: &str) -> CrmError {
    CrmError::UnknownRule { rule: rule.to_owned(), known: rule_names().join(", ") }
}

impl RuleInfo {
    /// Runs the rule on a JSON input (its `policy`, if any, already taken off).
    pub fn run(&self, ctx: &Context, input: Value) -> Result<Box<dyn Answer>> {
        (self.run)(ctx, input)
    }
}

/// A rule's decision, to be written out as JSON: as a `serde_json::Value`, or
/// straight to text.
pub trait Answer: Send {
    /// The decision as a JSON value.
    fn to_value(&self) -> Result<Value>;
    /// The decision as JSON text.
    fn to_json(&self) -> Result<String>;
}

impl<T: Serialize + Send> Answer for Decision<T> {
    fn to_value(&self) -> Result<Value> {
        // In WebAssembly, one serializer per answer type (the text one) keeps the
        // module small; natively, straight to a value.
        #[cfg(target_arch = "wasm32")]
        return serde_json::from_str(&self.to_json()?).map_err(cannot_encode);
        #[cfg(not(target_arch = "wasm32"))]
        serde_json::to_value(self).map_err(cannot_encode)
    }

    fn to_json(&self) -> Result<String> {
        serde_json::to_string(self).map_err(cannot_encode)
    }
}

fn cannot_encode(e: serde_json::Error) -> CrmError {
    CrmError::InvalidInput { path: None, message: format!("cannot encode the answer: {e}") }
}

/// What a rule's `native` core function answers — a value, or a value or an error —
/// as a `Result`, so that the bindings call every native function the same way.
pub trait NativeAnswer<T> {
    /// The answer as a `Result`.
    fn into_result(self) -> Result<T>;
}

impl NativeAnswer<bool> for bool {
    fn into_result(self) -> Result<bool> {
        Ok(self)
    }
}

impl NativeAnswer<String> for String {
    fn into_result(self) -> Result<String> {
        Ok(self)
    }
}

impl<T> NativeAnswer<T> for Result<T> {
    fn into_result(self) -> Result<T> {
        self
    }
}

/// The optional field of a declaration: its value, or empty when left out.
#[doc(hidden)]
pub const fn optional(given: &[&'static str]) -> &'static str {
    match given {
        [value, ..] => value,
        [] => "",
    }
}

/// Reads a rule's input with field paths in errors.
#[doc(hidden)]
pub fn read_input<T: serde::de::DeserializeOwned>(input: Value) -> Result<T> {
    crate::serde_input::from_value(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_and_records_are_the_catalogue_in_order() {
        let all = areas::CONTACT.iter().chain(areas::RECORDS);
        let names: Vec<&str> = all.flat_map(|a| a().iter().map(|r| r.name)).collect();
        assert_eq!(names, rule_names());
    }

    #[test]
    fn evaluating_among_some_areas() {
        let input = || serde_json::json!({"date": "2026-11-20"});
        let some: [fn() -> &'static [RuleInfo]; 1] = [areas::calendar];
        let answer = evaluate_to_json_in(&some, "x, y", "calendar.is_business_day", input());
        assert_eq!(answer.ok(), crate::evaluate_to_json("calendar.is_business_day", input()).ok());
        let other = [areas::agendamento as fn() -> &'static [RuleInfo]];
        match evaluate_to_json_in(&other, "x, y", "calendar.is_business_day", input()) {
            Err(CrmError::UnknownRule { rule, known }) => {
                assert_eq!((rule.as_str(), known.as_str()), ("calendar.is_business_day", "x, y"))
            }
            other => panic!("expected rule.unknown, got {other:?}"),
        }
    }

    #[test]
    fn names_are_unique_and_well_formed() {
        let names = rule_names();
        let unique: std::collections::BTreeSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "duplicate rule names");
        for r in rules() {
            assert!(r.name.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty()), "{}", r.name);
            assert!(!r.ids.is_empty(), "{} declares no rule ID", r.name);
            assert!(!r.description_pt.is_empty() && !r.description_en.is_empty(), "{}", r.name);
        }
    }

    #[test]
    fn unknown_rule_lists_the_known_ones() {
        let e = unknown("no.such");
        assert_eq!(e.code(), "rule.unknown");
        assert!(e.to_string().contains("agendamento.renew"));
    }
}
