//! The inputs and outcomes of `atendimento.list`, `atendimento.export` and
//! `atendimento.print` (ATD-4, ATD-5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Atendimento, Lifecycle, Pipeline};

fn active() -> Lifecycle {
    Lifecycle::Active
}

/// A column of the list of atendimentos (seed 003: "Situação | Referência | Título |
/// Nome de Contato | Valor | Última atualização | Data de Criação").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// Situação: the status, as text (accents and case ignored).
    Status,
    /// Referência: all-digit references as numbers (`999` before `1042`), before any
    /// other reference, which sort as text (accents and case ignored).
    Reference,
    /// Título (accents and case ignored).
    Title,
    /// Nome de contato (accents and case ignored).
    Contact,
    /// Valor: the total of the current quote version; atendimentos without a quote first.
    Value,
    /// Última atualização (the default).
    #[default]
    Updated,
    /// Data de criação.
    Created,
}

impl Column {
    /// The name used in JSON, e.g. `updated`.
    pub fn name(self) -> &'static str {
        match self {
            Column::Status => "status",
            Column::Reference => "reference",
            Column::Title => "title",
            Column::Contact => "contact",
            Column::Value => "value",
            Column::Updated => "updated",
            Column::Created => "created",
        }
    }

    /// The column's title on the screen (pt-BR).
    pub(crate) fn label_pt(self) -> &'static str {
        match self {
            Column::Status => "situação",
            Column::Reference => "referência",
            Column::Title => "título",
            Column::Contact => "nome de contato",
            Column::Value => "valor",
            Column::Updated => "última atualização",
            Column::Created => "data de criação",
        }
    }
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Smallest first (A→Z, oldest first, cheapest first).
    Ascending,
    /// Largest first (the default: the most recently updated first).
    #[default]
    Descending,
}

impl Direction {
    /// The name used in JSON, e.g. `descending`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// Input of `atendimento.list`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListInput {
    /// The id of the user looking (must be an authorised user of the pipeline, FLX-1).
    pub user: String,
    /// The pipeline (fluxo) whose atendimentos are listed.
    pub pipeline: Pipeline,
    /// The atendimentos; only those whose `pipeline` is this pipeline's id are looked at.
    pub atendimentos: Vec<Atendimento>,
    /// Which list: `active` (the default), `archived` ("arquivados") or `trash` ("lixeira").
    #[serde(default = "active")]
    pub view: Lifecycle,
    /// The text typed in "procurar": found, ignoring accents and case, in the
    /// reference, the title, the contact's name, or the update or creation date written
    /// `dd/mm/aaaa` or `aaaa-mm-dd` (part of a date matches too: `03/2026`). Absent or
    /// blank: no filter.
    #[serde(default)]
    pub search: Option<String>,
    /// The column to sort by (default `updated`).
    #[serde(default)]
    pub sort_by: Column,
    /// The direction (default `descending`). Ties keep the input order either way.
    #[serde(default)]
    pub direction: Direction,
    /// The atendimento open on the screen: its previous and next in the list are given
    /// (the arrows "anterior"/"posterior"). It must be in the list.
    #[serde(default)]
    pub current: Option<String>,
}

/// One line of the list.
// `Row` reads one in place from `Rows`; this is its owned form and its JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AtendimentoRow {
    /// The atendimento's id.
    pub id: String,
    /// Referência.
    pub reference: String,
    /// Título.
    pub title: String,
    /// Nome de contato.
    pub contact: String,
    /// Situação.
    pub status: String,
    /// Valor: the total, in centavos, of its current quote version (the highest version
    /// of the quote registered last); null when it has no quote.
    pub value_centavos: Option<u64>,
    /// Última atualização.
    pub updated_on: NaiveDate,
    /// Data de criação.
    pub created_on: NaiveDate,
    /// Its tags.
    pub tags: Vec<String>,
}

/// "A receber": the quotes of the pipeline awaiting approval (current versions only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Receivable {
    /// Their total, in centavos.
    pub centavos: u64,
    /// How many quotes.
    pub quotes: usize,
}

/// The previous and next atendimento of the one open, in the list's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Neighbours {
    /// The atendimento open.
    pub current: String,
    /// Its position in the list, from 1.
    pub position: usize,
    /// The one before it; null for the first.
    pub previous: Option<String>,
    /// The one after it; null for the last.
    pub next: Option<String>,
}

/// Outcome of `atendimento.list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AtendimentoList {
    /// The user may see the pipeline (FLX-1); when not, nothing else is given.
    pub accepted: bool,
    /// The rows, filtered and sorted.
    // Written as an array of `AtendimentoRow`; read in place through `Rows::iter`.
    pub rows: super::Rows,
    /// How many atendimentos of the pipeline are in the view, before the search.
    pub in_view: usize,
    /// "A receber" of the pipeline: every atendimento of it not in the trash, whatever
    /// the view and the search; null when refused.
    pub receivable: Option<Receivable>,
    /// The neighbours of `current`, when one was named; null otherwise.
    pub neighbours: Option<Neighbours>,
}

/// Input of `atendimento.export`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportInput {
    /// The atendimentos to pick from.
    pub atendimentos: Vec<Atendimento>,
    /// The ids of the atendimentos selected, in the order to export them (at least one,
    /// none twice).
    pub selected: Vec<String>,
}

/// The first interaction of an atendimento, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FirstInteraction {
    /// When it was posted.
    pub on: NaiveDate,
    /// Who posted it.
    pub by: String,
    /// Its reason, when recorded.
    pub reason: Option<String>,
    /// Its note, when recorded.
    pub note: Option<String>,
}

/// One exported atendimento ("dados do contato").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExportRow {
    /// The atendimento's id.
    pub id: String,
    /// Referência.
    pub reference: String,
    /// Título.
    pub title: String,
    /// The contact's name.
    pub contact: String,
    /// The contact's phone.
    pub phone: Option<String>,
    /// The contact's e-mail.
    pub email: Option<String>,
    /// Its first interaction (the earliest posted; the first listed among those of that
    /// day); null when it has none.
    pub first_interaction: Option<FirstInteraction>,
}

/// Outcome of `atendimento.export`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Export {
    /// One row per selected atendimento, in the order selected.
    pub rows: Vec<ExportRow>,
    /// The same as plain text: one block per atendimento, blocks separated by a blank line.
    pub text: String,
    /// The same as CSV (RFC 4180): a header row, CRLF line ends, fields holding `,`, `;`,
    /// `"` or a line break quoted.
    pub csv: String,
}

/// Input of `atendimento.print`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintInput {
    /// The atendimento to print.
    pub atendimento: Atendimento,
}

/// Outcome of `atendimento.print`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Printout {
    /// The atendimento and all its interactions, as plain text.
    pub text: String,
    /// How many interactions it holds.
    pub interactions: usize,
}
