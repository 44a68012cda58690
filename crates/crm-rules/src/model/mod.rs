//! The CRM entities the rules look at.

mod agendamento;

pub use agendamento::{Agendamento, AgendamentoKind, Purpose, Schedule};
