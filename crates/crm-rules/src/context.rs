//! A validated policy together with its business-day calendar: what every rule needs.

use std::sync::Arc;

use crate::calendar::Calendar;
use crate::error::Result;
use crate::policy::Policy;

/// A validated [`Policy`] and the [`Calendar`] it describes. Build it once and pass
/// it to every rule; building is cached per calendar policy.
///
/// ```
/// use crm_rules::{Context, Policy};
/// let ctx = Context::new(Policy::from_json_str(r#"{"calendar": {"carnival": true}}"#).unwrap()).unwrap();
/// assert!(ctx.policy().calendar.carnival);
/// ```
#[derive(Debug, Clone)]
pub struct Context {
    policy: Policy,
    calendar: Arc<Calendar>,
}

impl Context {
    /// Validates `policy` and gets its calendar.
    pub fn new(policy: Policy) -> Result<Context> {
        let calendar = Calendar::from_policy(&policy)?;
        Ok(Context { policy, calendar })
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The business-day calendar of the policy.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }
}

impl Context {
    /// The default context (seed policy, national calendar), built once per process.
    pub fn shared_default() -> &'static Context {
        static DEFAULT: std::sync::OnceLock<Context> = std::sync::OnceLock::new();
        DEFAULT.get_or_init(Context::default)
    }
}

impl Default for Context {
    /// The seeds' policy and the national calendar.
    fn default() -> Self {
        Context { policy: Policy::default(), calendar: Calendar::national() }
    }
}
