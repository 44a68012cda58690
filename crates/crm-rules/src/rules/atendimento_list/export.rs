//! ATD-5: the report "dados do contato" of the selected atendimentos (rows, plain text
//! and CSV) and the printout of one atendimento with all its interactions.
//!
//! Texts are in pt-BR (the users' language), dates `dd/mm/aaaa`. The CSV is RFC 4180,
//! written by the `csv` crate: a header row, CRLF line ends, `,` between fields, and a
//! field quoted when it holds `,`, `"`, CR or LF — or `;`, the separator a spreadsheet
//! set to pt-BR expects, so the file opens the same either way (`;` is given to the
//! writer as its `comment` byte, the crate's documented way to quote every field
//! holding it).

use std::collections::HashMap;

use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{Atendimento, Channel, PostedInteraction};
use crate::text::br_date;

use super::types::{Export, ExportRow, FirstInteraction, Printout};

/// The CSV's header row.
pub const CSV_HEADER: [&str; 9] = [
    "Referência",
    "Título",
    "Contato",
    "Telefone",
    "E-mail",
    "Data da primeira interação",
    "Usuário",
    "Motivo",
    "Nota",
];

/// What a missing phone or e-mail reads as in the text.
const NOT_GIVEN: &str = "não informado";

/// The first interaction of `a`: the earliest posted; among those of that day, the
/// first listed.
fn first_interaction(a: &Atendimento) -> Option<&PostedInteraction> {
    let mut first: Option<&PostedInteraction> = None;
    for p in &a.interactions {
        if first.is_none_or(|f| p.on < f.on) {
            first = Some(p);
        }
    }
    first
}

fn row(a: &Atendimento) -> ExportRow {
    ExportRow {
        id: a.id.clone(),
        reference: a.reference.clone(),
        title: a.title.clone(),
        contact: a.contact.name.clone(),
        phone: a.contact.phone.clone(),
        email: a.contact.email.clone(),
        first_interaction: first_interaction(a).map(|p| FirstInteraction {
            on: p.on,
            by: p.by.clone(),
            reason: p.interaction.reason.clone(),
            note: p.interaction.note.clone(),
        }),
    }
}

/// One block of the text export.
fn text_block(r: &ExportRow, out: &mut String) {
    out.push_str(&format!("Atendimento {} — {}\n", r.reference, r.title));
    out.push_str(&format!("Contato: {}\n", r.contact));
    out.push_str(&format!("Telefone: {}\n", r.phone.as_deref().unwrap_or(NOT_GIVEN)));
    out.push_str(&format!("E-mail: {}\n", r.email.as_deref().unwrap_or(NOT_GIVEN)));
    match &r.first_interaction {
        None => out.push_str("Primeira interação: nenhuma\n"),
        Some(f) => {
            out.push_str(&format!("Primeira interação: {}, por {}\n", br_date(f.on), f.by));
            if let Some(reason) = &f.reason {
                out.push_str(&format!("Motivo: {reason}\n"));
            }
            if let Some(note) = &f.note {
                out.push_str(&format!("Nota: {note}\n"));
            }
        }
    }
}

fn csv_error(e: impl std::fmt::Display) -> CrmError {
    CrmError::invalid("selected", format!("the CSV could not be written: {e}"))
}

/// The rows as CSV (see the module's doc).
pub(crate) fn to_csv(rows: &[ExportRow]) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .comment(Some(b';'))
        .from_writer(Vec::with_capacity(128 * (rows.len() + 1)));
    w.write_record(CSV_HEADER).map_err(csv_error)?;
    for r in rows {
        let first = r.first_interaction.as_ref();
        let date = first.map(|f| br_date(f.on)).unwrap_or_default();
        w.write_record([
            r.reference.as_str(),
            r.title.as_str(),
            r.contact.as_str(),
            r.phone.as_deref().unwrap_or_default(),
            r.email.as_deref().unwrap_or_default(),
            date.as_str(),
            first.map(|f| f.by.as_str()).unwrap_or_default(),
            first.and_then(|f| f.reason.as_deref()).unwrap_or_default(),
            first.and_then(|f| f.note.as_deref()).unwrap_or_default(),
        ])
        .map_err(csv_error)?;
    }
    let bytes = w.into_inner().map_err(csv_error)?;
    String::from_utf8(bytes).map_err(csv_error)
}

/// Exports the `selected` atendimentos (ATD-5) in the order selected: each with its
/// contact's name, phone and e-mail and its first interaction, as rows, plain text and
/// CSV. An empty selection, an id selected twice or not among `atendimentos`, and an
/// id repeated in `atendimentos`, are malformed inputs naming their path.
pub fn export_atendimentos(
    _ctx: &crate::Context,
    atendimentos: &[Atendimento],
    selected: &[String],
) -> Result<Decision<Export>> {
    if selected.is_empty() {
        return Err(CrmError::invalid("selected", "select at least one atendimento to export"));
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(atendimentos.len());
    for (k, a) in atendimentos.iter().enumerate() {
        if index.insert(a.id.as_str(), k).is_some() {
            return Err(CrmError::invalid(format!("atendimentos[{k}].id"), format!("id {} repeats", a.id)));
        }
    }
    let mut picked: Vec<usize> = Vec::with_capacity(selected.len());
    let mut taken = vec![false; atendimentos.len()];
    for (j, id) in selected.iter().enumerate() {
        let Some(&k) = index.get(id.as_str()) else {
            return Err(CrmError::invalid(format!("selected[{j}]"), format!("no atendimento has id {id:?}")));
        };
        match taken.get_mut(k) {
            Some(seen) if !*seen => *seen = true,
            _ => return Err(CrmError::invalid(format!("selected[{j}]"), format!("{id} is selected twice"))),
        }
        picked.push(k);
    }
    let rows: Vec<ExportRow> = picked.iter().filter_map(|&k| atendimentos.get(k)).map(row).collect();
    let mut text = String::new();
    for (n, r) in rows.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text_block(r, &mut text);
    }
    let csv = to_csv(&rows)?;
    let (count, without) = (rows.len(), rows.iter().filter(|r| r.first_interaction.is_none()).count());
    let reason = Reason::lazy("ATD-5", move |lang| match lang {
        Lang::Pt => format!(
            "{count} atendimento(s) exportado(s) com os dados do contato e a primeira interação, em texto e CSV; {without} sem interação."
        ),
        Lang::En => format!(
            "{count} atendimento(s) exported with the contact's data and the first interaction, as text and CSV; {without} without any interaction."
        ),
    })
    .fact("exported", count)
    .fact("without_interaction", without)
    .fact_json("selected", selected);
    Ok(Decision::new(Export { rows, text, csv }, vec![reason]))
}

fn channel_pt(c: Channel) -> &'static str {
    match c {
        Channel::Chat => "Chat",
        Channel::Email => "E-mail",
        Channel::Phone => "Telefone",
        Channel::Whatsapp => "WhatsApp",
    }
}

/// The printout of `a` (ATD-5, "imprimir o atendimento com interações").
fn printout(a: &Atendimento) -> String {
    let mut out = format!("Atendimento {} — {}\n", a.reference, a.title);
    out.push_str(&format!("Situação: {}\n", a.status));
    out.push_str(&format!("Contato: {}\n", a.contact.name));
    out.push_str(&format!("Telefone: {}\n", a.contact.phone.as_deref().unwrap_or(NOT_GIVEN)));
    out.push_str(&format!("E-mail: {}\n", a.contact.email.as_deref().unwrap_or(NOT_GIVEN)));
    out.push_str(&format!("Motivo do contato: {}\n", a.reason));
    out.push_str(&format!("Responsável: {}\n", a.responsible));
    out.push_str(&format!("Criado em: {}\n", br_date(a.created_on)));
    out.push_str(&format!("Última atualização: {}\n", br_date(a.updated_on)));
    out.push_str(&format!("\nInterações ({}):\n", a.interactions.len()));
    if a.interactions.is_empty() {
        out.push_str("nenhuma\n");
    }
    for (n, p) in a.interactions.iter().enumerate() {
        let i = &p.interaction;
        let attempt = if i.recorded_as_attempt { " (tentativa)" } else { "" };
        out.push_str(&format!("\n{}. {} — {} — {}{attempt}\n", n + 1, br_date(p.on), p.by, channel_pt(i.channel)));
        if let Some(reason) = &i.reason {
            out.push_str(&format!("Motivo: {reason}\n"));
        }
        if let Some(note) = &i.note {
            out.push_str(&format!("Nota: {note}\n"));
        }
        if p.notified {
            out.push_str("Cópia enviada ao cliente por e-mail.\n");
        }
    }
    out
}

/// The atendimento `a` with all its interactions, in the order kept, as plain text
/// (ATD-5): its reference and title, status, contact, reason, responsible and dates,
/// then each interaction numbered with its date, user and channel, reason and note.
pub fn print_atendimento(_ctx: &crate::Context, a: &Atendimento) -> Result<Decision<Printout>> {
    let text = printout(a);
    let interactions = a.interactions.len();
    let id = a.id.clone();
    let reason = Reason::lazy("ATD-5", move |lang| match lang {
        Lang::Pt => format!("Atendimento {id} impresso com suas {interactions} interação(ões)."),
        Lang::En => format!("Atendimento {id} printed with its {interactions} interaction(s)."),
    })
    .fact("atendimento", &a.id)
    .fact("interactions", interactions);
    Ok(Decision::new(Printout { text, interactions }, vec![reason]))
}
