//! The procedures, one module per area. Each rule is a pure function of its inputs
//! and a [`Context`](crate::Context), returning a [`Decision`](crate::Decision).

pub mod access;
pub mod account_query;
pub mod accounts;
pub mod agendamento;
pub mod atendimento_list;
pub mod atendimentos;
pub mod boletos;
pub mod calendar;
pub mod commission;
pub mod debt;
pub mod duplicates;
pub mod identifiers;
pub mod inbound;
pub mod interaction;
pub mod losses;
pub mod merge;
pub mod pipelines;
pub mod quotes;
pub mod registration;
pub mod reinstatement;
pub mod routing;
pub mod third_party;

#[cfg(test)]
mod contact_tests;
