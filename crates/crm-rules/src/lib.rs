#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
pub mod calendar;
mod context;
mod date;
mod decision;
pub mod duplicates;
mod error;
mod fold;
pub mod identifiers;
pub mod model;
mod policy;
pub mod registry;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
mod serde_input;
mod sort;
mod text;

pub use api::{evaluate, evaluate_json, evaluate_to_json};

/// The version of the crate, e.g. `"0.1.0"` (Python `crm_rules.__version__`, JS `version()`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub use calendar::{Calendar, Holiday};
pub use context::Context;
pub use date::{check_range, parse_date, MAX_YEAR, MIN_YEAR};
pub use decision::{Decision, Fact, Lang, Reason};
pub use error::{CrmError, ErrorCategory, Result};
pub use model::{
    Account, AccountContact, AccountRecord, AccountStatus, Agendamento, AgendamentoKind, Availability, Boleto, Channel,
    Classification, ContactRequest, DateRange, Debt, DocumentMeta, InboundContact, Interaction, InterestArea, Loss,
    Pipeline, PortfolioUser, Purpose, Quote, QuoteItem, QuoteStatus, Relationship, Requester, Sale, SaleRequest,
    Schedule, Scope, Tag, Team, User,
};
pub use policy::{
    AccountsPolicy, AgendamentoPolicy, AtendimentosPolicy, CalendarPolicy, ClassificationMove, DatedClosure,
    DebtPolicy, DuplicateWeights, DuplicatesPolicy, InteractionPolicy, LossesPolicy, Policy, RecurringHoliday,
    ReinstatementPolicy, ThirdPartyPolicy, Uf,
};
pub use registry::{rule_names, RuleInfo};

/// The repository README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct RepositoryReadme;
