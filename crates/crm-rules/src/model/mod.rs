//! The CRM entities the rules look at.

mod account;
mod agendamento;
mod atendimento;
mod contact;
mod interaction;
mod pipeline;
mod portfolio;
mod quote;
mod user;

pub use account::{Account, AccountStatus, Boleto, Debt};
pub use agendamento::{Agendamento, AgendamentoKind, Purpose, Schedule};
pub use atendimento::{
    Atendimento, AtendimentoContact, Closing, DatedQuote, Lifecycle, PostedInteraction, Purchase, SaleRecord,
};
pub use contact::{Channel, ContactRequest, InboundContact, Requester, SaleRequest};
pub use interaction::Interaction;
pub use pipeline::{is_all_tag, Pipeline, Tag, ALL_TAG};
pub use portfolio::{
    AccountContact, AccountRecord, Classification, DocumentMeta, InterestArea, Loss, PortfolioUser, Relationship, Scope,
};
pub use quote::{checked_items_total, items_total, Quote, QuoteItem, QuoteStatus, Sale};
pub use user::{Availability, DateRange, Team, User};
