//! Small helpers for the pt-BR messages.

use chrono::NaiveDate;

/// A date as Brazilians write it: `25/11/2026`.
pub(crate) fn br_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}
