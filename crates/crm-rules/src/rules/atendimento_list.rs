//! Listing, export and printing of atendimentos — ATD-4, ATD-5 (with FLX-1), seed 003
//! "Gerenciar atendimentos dentro de fluxos": the pipeline's list with "procurar", the
//! columns to sort by and "a receber"; "relatórios → dados do contato" as text or CSV;
//! "imprimir o atendimento com interações"; the arrows to the previous and next one.
//!
//! - `atendimento.list` ([`list_atendimentos`], ATD-4, FLX-1): for a user authorised in
//!   the pipeline (else FLX-1's refusal, nothing listed), the pipeline's atendimentos in
//!   one view, filtered by a search, sorted by one column, with the pipeline's
//!   "a receber" and the neighbours of the atendimento open.
//! - `atendimento.export` ([`export_atendimentos`], ATD-5): the selected atendimentos
//!   with their contact's data and first interaction, as rows, text and CSV.
//! - `atendimento.print` ([`print_atendimento`], ATD-5): one atendimento with all its
//!   interactions, as text.
//!
//! Readings:
//! - **Search**: the text is folded once (accents, case, spaces: `search_key`) and looked
//!   for as a part of the folded reference, title and contact name; a text made only of
//!   digits, `/` and `-` is also looked for in the update and creation dates written
//!   `dd/mm/aaaa` and `aaaa-mm-dd`, so a part of a date matches too (`03/2026` and
//!   `2026-03`: every day of March 2026); unpadded dates (`5/3/2026`) do not. Blank: no
//!   filter.
//! - **Order**: by one column, ascending or descending (default: last update,
//!   descending); texts compared folded; all-digit references as numbers, before the
//!   others; no value (no quote) before any value. The sort is stable: ties keep the
//!   input order in both directions.
//! - **Value**: a quote's current version is its highest version on the atendimento
//!   (ORC-2); the atendimento's value is the total of the current version of the quote
//!   registered last (latest date; same day: the later listed); none without quotes.
//! - **A receber**: the total and count of the current versions awaiting approval over
//!   every atendimento of the pipeline not in the trash — the pipeline's figure, the
//!   same whatever the view and the search.
//! - **Neighbours**: of the atendimento named `current`, in the sorted and filtered
//!   list (none at the ends); a `current` not in that list is a malformed input at
//!   `current`.
//! - **Export**: in the order selected; the first interaction is the earliest posted
//!   (first listed on that day); an empty selection, an unknown id or an id selected
//!   twice is a malformed input at its path (`selected[2]`).
//! - Money is integer centavos with checked arithmetic: an overflow is an
//!   `input.invalid` naming the quote (`atendimentos[3].quotes[0]…`).
//!
//! Cost: one pass over the atendimentos (the search compiled once, one key per listed
//! atendimento) and one stable sort: linear plus n log n. Rows copy only their fields.

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::Lifecycle;
use crate::rules::pipelines::{authorisation, check_pipeline, check_user};
use crate::text::centavos;

mod export;
mod money;
mod order;
mod rows;
mod search;
mod types;

pub use export::{export_atendimentos, print_atendimento, CSV_HEADER};
pub use rows::{Row, Rows};
pub use types::*;

#[cfg(test)]
mod tests;

crate::rules! {
    pub(crate) RULES = [
        {
            name: "atendimento.list",
            ids: ["ATD-4", "FLX-1"],
            pt: "Os atendimentos de um fluxo (ativos, arquivados ou na lixeira) que o usuário autorizado procura, ordenados por uma coluna, com o total a receber do fluxo e o anterior e o posterior do atendimento aberto.",
            en: "A pipeline's atendimentos (active, archived or in the trash) an authorised user searches for, sorted by one column, with the pipeline's total a receber and the previous and next of the atendimento open.",
            python: "list_atendimentos(user, pipeline, atendimentos, view=None, search=None, *, sort_by=None, direction=None, current=None)",
            js: "listAtendimentos",
            input: ListInput,
            outcome: AtendimentoList,
            run: |ctx, i| list_atendimentos(ctx, &i),
        },
        {
            name: "atendimento.export",
            ids: ["ATD-5"],
            pt: "Exporta os atendimentos selecionados com os dados do contato e a primeira interação, em texto e CSV.",
            en: "Exports the selected atendimentos with the contact's data and the first interaction, as text and CSV.",
            python: "export_atendimentos(atendimentos, selected)",
            js: "exportAtendimentos",
            input: ExportInput,
            outcome: Export,
            run: |ctx, i| export_atendimentos(ctx, &i.atendimentos, &i.selected),
        },
        {
            name: "atendimento.print",
            ids: ["ATD-5"],
            pt: "Imprime um atendimento com todas as suas interações, em texto.",
            en: "Prints one atendimento with all its interactions, as text.",
            python: "print_atendimento(atendimento)",
            js: "printAtendimento",
            input: PrintInput,
            outcome: Printout,
            run: |ctx, i| print_atendimento(ctx, &i.atendimento),
        },
    ];
}

fn view_pt(view: Lifecycle) -> &'static str {
    match view {
        Lifecycle::Active => "ativos",
        Lifecycle::Archived => "arquivados",
        Lifecycle::Trash => "na lixeira",
    }
}

/// The neighbours of `current` among `ids` (the list's order), explained.
fn neighbours<'a>(current: &str, mut ids: impl Iterator<Item = &'a str>) -> Result<(Neighbours, Reason)> {
    let (mut previous, mut position): (Option<&str>, usize) = (None, 0);
    let found = loop {
        match ids.next() {
            Some(id) => {
                position += 1;
                if id == current {
                    break true;
                }
                previous = Some(id);
            }
            None => break false,
        }
    };
    if !found {
        return Err(CrmError::invalid(
            "current",
            format!("atendimento {current:?} is not in the list (this pipeline, view and search)"),
        ));
    }
    let next = ids.next().map(str::to_owned);
    let n = Neighbours { current: current.to_owned(), position, previous: previous.map(str::to_owned), next };
    let (cur, prev, next) = (n.current.clone(), n.previous.clone(), n.next.clone());
    let reason = Reason::lazy("ATD-4", move |lang| {
        let (p, x) = (prev.as_deref(), next.as_deref());
        match lang {
            Lang::Pt => format!(
                "Atendimento {cur}: anterior {}; posterior {}.",
                p.unwrap_or("nenhum (é o primeiro da lista)"),
                x.unwrap_or("nenhum (é o último da lista)")
            ),
            Lang::En => format!(
                "Atendimento {cur}: previous {}; next {}.",
                p.unwrap_or("none (first of the list)"),
                x.unwrap_or("none (last of the list)")
            ),
        }
    })
    .fact("current", current)
    .fact("position", position)
    .fact("previous", n.previous.clone())
    .fact("next", n.next.clone());
    Ok((n, reason))
}

/// Lists the atendimentos of `i.pipeline` for `i.user` (ATD-4, FLX-1): refused with
/// FLX-1's reason when the user is not authorised; else the atendimentos of the
/// pipeline in `i.view` matching `i.search`, sorted by `i.sort_by` in `i.direction`
/// (stable), with the pipeline's "a receber" and the neighbours of `i.current`. The
/// readings are in the module's doc.
pub fn list_atendimentos(_ctx: &Context, i: &ListInput) -> Result<Decision<AtendimentoList>> {
    check_user(&i.user, "user")?;
    check_pipeline(&i.pipeline, "pipeline")?;
    let granted = match authorisation(&i.user, &i.pipeline) {
        Ok(reason) => reason,
        Err(refusal) => {
            let answer = AtendimentoList {
                accepted: false,
                rows: Rows::default(),
                in_view: 0,
                receivable: None,
                neighbours: None,
            };
            return Ok(Decision::new(answer, vec![refusal]));
        }
    };
    let search = search::Search::compile(i.search.as_deref());
    let (column, direction, view) = (i.sort_by, i.direction, i.view);
    let mut receivable = Receivable { centavos: 0, quotes: 0 };
    let mut money = money::Money::new();
    let mut buf = String::new();
    let mut folded = order::Folded::default();
    let mut entries = Vec::new();
    let mut in_view = 0usize;
    for (k, a) in i.atendimentos.iter().enumerate() {
        if a.pipeline != i.pipeline.id {
            continue;
        }
        let counted = a.lifecycle != Lifecycle::Trash;
        let shown = a.lifecycle == view;
        if shown {
            in_view += 1;
        }
        let listed = shown && search.as_ref().is_none_or(|s| s.matches(a, &mut buf, &mut folded));
        let value = money.scan(a, k, listed, counted.then_some(&mut receivable))?;
        if listed {
            entries.push((order::key(column, a, value, &mut folded), (k, value)));
        }
    }
    order::sort(&mut entries, direction, &folded);
    let listed_ids = || entries.iter().filter_map(|(_, (k, _))| i.atendimentos.get(*k)).map(|a| a.id.as_str());
    let mut reasons = vec![granted];
    let nav = match &i.current {
        Some(current) => {
            let (n, reason) = neighbours(current, listed_ids())?;
            reasons.push(reason);
            Some(n)
        }
        None => None,
    };
    let mut rows = Rows::with_capacity(entries.len());
    for (_, (k, value)) in &entries {
        if let Some(a) = i.atendimentos.get(*k) {
            rows.push(a, *value);
        }
    }
    let listed = rows.len();
    let (pid, query) = (i.pipeline.id.clone(), search.as_ref().map(|s| s.key().to_owned()));
    let q = query.clone();
    reasons.insert(
        1,
        Reason::lazy("ATD-4", move |lang| match lang {
            Lang::Pt => format!(
                "{listed} de {in_view} atendimento(s) {} do fluxo {pid}{}, por {} ({}); empates na ordem recebida.",
                view_pt(view),
                q.as_deref().map(|q| format!(" atendem à busca \"{q}\"")).unwrap_or_default(),
                column.label_pt(),
                if direction == Direction::Ascending { "crescente" } else { "decrescente" },
            ),
            Lang::En => format!(
                "{listed} of {in_view} {} atendimento(s) of pipeline {pid}{}, by {} ({}); ties in the order given.",
                view.name(),
                q.as_deref().map(|q| format!(" match the search \"{q}\"")).unwrap_or_default(),
                column.name(),
                direction.name(),
            ),
        })
        .fact("view", view.name())
        .fact("in_view", in_view)
        .fact("listed", listed)
        .fact("search", query)
        .fact("sort_by", column.name())
        .fact("direction", direction.name()),
    );
    let (pid, Receivable { centavos: total, quotes }) = (i.pipeline.id.clone(), receivable);
    reasons.insert(
        2,
        Reason::lazy("ATD-4", move |lang| match lang {
            Lang::Pt => format!(
                "A receber no fluxo {pid}: {} em {quotes} orçamento(s) em aprovação (versão atual de cada um; fora os da lixeira).",
                centavos(total)
            ),
            Lang::En => format!(
                "A receber in pipeline {pid}: {total} centavos in {quotes} quote(s) awaiting approval (current versions; the trash left out)."
            ),
        })
        .fact("receivable_centavos", total)
        .fact("awaiting_quotes", quotes),
    );
    let answer = AtendimentoList { accepted: true, rows, in_view, receivable: Some(receivable), neighbours: nav };
    Ok(Decision::new(answer, reasons))
}
