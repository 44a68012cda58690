//! The procedures, one module per area. Each rule is a pure function of its inputs
//! and a [`Context`](crate::Context), returning a [`Decision`](crate::Decision).

pub mod agendamento;
pub mod calendar;
