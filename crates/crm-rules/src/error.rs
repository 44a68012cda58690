//! One error type for the whole library: a stable string `code`, the `path` of the
//! offending field inside the input, and a human message.

use serde_json::{json, Value};

/// Broad family of an error; the bindings map it to their exception classes
/// (Python `ValidationError`, `PolicyError`, `OutOfRangeError`, `UnknownRuleError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCategory {
    /// The input is malformed or inconsistent.
    Validation,
    /// A policy value is invalid.
    Policy,
    /// A date or a result falls outside the supported range (1900–2199).
    Range,
    /// `evaluate` was called with a rule name that does not exist.
    UnknownRule,
}

/// Every error crm-rules returns. Never a panic: bad input always ends here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CrmError {
    /// Wrong type, unknown field, malformed JSON/TOML or inconsistent values.
    #[error("{}invalid input: {message}", at(.path))]
    InvalidInput {
        /// Dotted path of the field, when the error is about one.
        path: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A required field is absent.
    #[error("{}required field is missing", at(.path))]
    MissingField {
        /// Dotted path of the missing field.
        path: Option<String>,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    #[error("{}invalid date: {message}", at(.path))]
    InvalidDate {
        /// Dotted path of the field.
        path: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A date or a computed result outside the supported range.
    #[error("{}out of the supported range 1900-01-01..=2199-12-31: {message}", at(.path))]
    OutOfRange {
        /// Dotted path of the field.
        path: Option<String>,
        /// What is out of range.
        message: String,
    },
    /// A policy value fails validation.
    #[error("{}invalid policy: {message}", at(.path))]
    InvalidPolicy {
        /// Dotted path of the policy field, starting with `policy`.
        path: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// No rule has this name.
    #[error("unknown rule `{rule}`; known rules: {known}")]
    UnknownRule {
        /// The name asked for.
        rule: String,
        /// The known rule names, comma separated.
        known: String,
    },
}

fn at(path: &Option<String>) -> String {
    match path {
        Some(p) if !p.is_empty() => format!("{p}: "),
        _ => String::new(),
    }
}

impl CrmError {
    /// Every code [`CrmError::code`] can return.
    pub const CODES: [&'static str; 6] = [
        "input.invalid",
        "input.missing_field",
        "input.invalid_date",
        "calendar.out_of_range",
        "policy.invalid",
        "rule.unknown",
    ];

    /// Stable machine-readable code, e.g. `input.invalid_date`.
    pub fn code(&self) -> &'static str {
        match self {
            CrmError::InvalidInput { .. } => "input.invalid",
            CrmError::MissingField { .. } => "input.missing_field",
            CrmError::InvalidDate { .. } => "input.invalid_date",
            CrmError::OutOfRange { .. } => "calendar.out_of_range",
            CrmError::InvalidPolicy { .. } => "policy.invalid",
            CrmError::UnknownRule { .. } => "rule.unknown",
        }
    }

    /// Dotted path of the offending field inside the input, if any.
    pub fn path(&self) -> Option<&str> {
        match self {
            CrmError::InvalidInput { path, .. }
            | CrmError::MissingField { path }
            | CrmError::InvalidDate { path, .. }
            | CrmError::OutOfRange { path, .. }
            | CrmError::InvalidPolicy { path, .. } => path.as_deref(),
            CrmError::UnknownRule { .. } => Some("rule"),
        }
    }

    /// The family of the error.
    pub fn category(&self) -> ErrorCategory {
        match self {
            CrmError::InvalidInput { .. } | CrmError::MissingField { .. } | CrmError::InvalidDate { .. } => {
                ErrorCategory::Validation
            }
            CrmError::OutOfRange { .. } => ErrorCategory::Range,
            CrmError::InvalidPolicy { .. } => ErrorCategory::Policy,
            CrmError::UnknownRule { .. } => ErrorCategory::UnknownRule,
        }
    }

    /// `{"code", "path", "message"}`.
    pub fn to_json(&self) -> Value {
        json!({ "code": self.code(), "path": self.path(), "message": self.to_string() })
    }

    /// The same error located at `path` (used when a computation, not a field, failed
    /// and the caller knows which input caused it). Keeps an existing path.
    #[must_use]
    pub fn at_path(mut self, new_path: &str) -> Self {
        match &mut self {
            CrmError::InvalidInput { path, .. }
            | CrmError::MissingField { path }
            | CrmError::InvalidDate { path, .. }
            | CrmError::OutOfRange { path, .. }
            | CrmError::InvalidPolicy { path, .. } => {
                if path.is_none() {
                    *path = Some(new_path.to_owned());
                }
            }
            CrmError::UnknownRule { .. } => {}
        }
        self
    }

    /// The same error, now at `new_path`: a check of one value (its own path `value`)
    /// reported where that value sits in the input.
    #[must_use]
    pub(crate) fn relocated(mut self, new_path: &str) -> Self {
        match &mut self {
            CrmError::InvalidInput { path, .. }
            | CrmError::MissingField { path }
            | CrmError::InvalidDate { path, .. }
            | CrmError::OutOfRange { path, .. }
            | CrmError::InvalidPolicy { path, .. } => *path = Some(new_path.to_owned()),
            CrmError::UnknownRule { .. } => {}
        }
        self
    }

    /// The same error with `prefix.` put before its path (`policy` + `calendar.states[0]`).
    #[must_use]
    pub fn prefixed(mut self, prefix: &str) -> Self {
        match &mut self {
            CrmError::InvalidInput { path, .. }
            | CrmError::MissingField { path }
            | CrmError::InvalidDate { path, .. }
            | CrmError::OutOfRange { path, .. }
            | CrmError::InvalidPolicy { path, .. } => {
                *path = Some(match path.take() {
                    Some(p) if !p.is_empty() && p != "." => join_path(prefix, &p),
                    _ => prefix.to_owned(),
                });
            }
            CrmError::UnknownRule { .. } => {}
        }
        self
    }

    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        CrmError::InvalidInput { path: Some(path.into()), message: message.into() }
    }

    pub(crate) fn policy(path: impl Into<String>, message: impl Into<String>) -> Self {
        CrmError::InvalidPolicy { path: Some(path.into()), message: message.into() }
    }

    pub(crate) fn out_of_range(message: impl Into<String>) -> Self {
        CrmError::OutOfRange { path: None, message: message.into() }
    }
}

/// `a` + `b` as a dotted path (`b` may start with `[i]`).
pub(crate) fn join_path(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_owned()
    } else if b.starts_with('[') {
        format!("{a}{b}")
    } else {
        format!("{a}.{b}")
    }
}

/// Result with [`CrmError`].
pub type Result<T, E = CrmError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed() {
        let all = [
            CrmError::InvalidInput { path: None, message: String::new() },
            CrmError::MissingField { path: None },
            CrmError::InvalidDate { path: None, message: String::new() },
            CrmError::OutOfRange { path: None, message: String::new() },
            CrmError::InvalidPolicy { path: None, message: String::new() },
            CrmError::UnknownRule { rule: String::new(), known: String::new() },
        ];
        let codes: Vec<&str> = all.iter().map(CrmError::code).collect();
        assert_eq!(codes, CrmError::CODES);
    }

    #[test]
    fn codes_and_paths_are_stable() {
        let e = CrmError::invalid("agendamento.deadline", "before creation");
        assert_eq!(e.code(), "input.invalid");
        assert_eq!(e.path(), Some("agendamento.deadline"));
        assert_eq!(e.category(), ErrorCategory::Validation);
        assert_eq!(e.to_string(), "agendamento.deadline: invalid input: before creation");
        let p = CrmError::policy("calendar.states[0]", "unknown UF").prefixed("policy");
        assert_eq!(p.path(), Some("policy.calendar.states[0]"));
        assert_eq!(p.code(), "policy.invalid");
        let r = CrmError::out_of_range("x").at_path("days");
        assert_eq!(r.path(), Some("days"));
        assert_eq!(r.at_path("other").path(), Some("days"));
    }
}
