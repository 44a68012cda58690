//! Placeholder: filled by the issue-12 work.

pub(crate) static RULES: &[crate::registry::RuleInfo] = &[];
