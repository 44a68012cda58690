//! Users of the CRM: their team and availability (seed 001, sales §8–9).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The team a user belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Team {
    /// Comercial: sells.
    Commercial,
    /// Suporte: supports clients.
    Support,
    /// Central: back office (duplicates, registrations).
    Central,
    /// Gestor: manager.
    Manager,
}

impl Team {
    /// The name used in JSON, e.g. `central`.
    pub fn name(self) -> &'static str {
        match self {
            Team::Commercial => "commercial",
            Team::Support => "support",
            Team::Central => "central",
            Team::Manager => "manager",
        }
    }
}

/// An inclusive range of dates (a vacation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// First day.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub start: NaiveDate,
    /// Last day (inclusive).
    #[serde(deserialize_with = "crate::date::de_date")]
    pub end: NaiveDate,
}

/// A user and when they are away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// User id.
    pub id: String,
    /// Team.
    pub team: Team,
    /// Vacations (férias), inclusive ranges.
    #[serde(default)]
    pub vacations: Vec<DateRange>,
    /// Single days of absence (ausência).
    #[serde(default, deserialize_with = "crate::date::de_date_vec")]
    pub absences: Vec<NaiveDate>,
}

/// Whether a user can attend on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    /// Working that day.
    Available,
    /// On vacation (wins over an absence on the same day).
    OnVacation,
    /// Absent that day.
    Absent,
}

impl User {
    /// Availability on `on`. **Interpretation:** a day that is both in a vacation and an
    /// absence counts as vacation (the planned, longer leave).
    pub fn availability(&self, on: NaiveDate) -> Availability {
        if self.vacations.iter().any(|v| v.start <= on && on <= v.end) {
            Availability::OnVacation
        } else if self.absences.contains(&on) {
            Availability::Absent
        } else {
            Availability::Available
        }
    }
}
