//! The status (situação) of an atendimento: the funnel phases of 000 §2 (ATD-1), the sale
//! phase that needs value and conditions (ORC-1), and closing with a note (000 §1, MOV-2).

use chrono::NaiveDate;

use super::change::{unchanged, Step};
use super::types::{CloseAtendimento, SaleTerms, StatusUpdate};
use super::{funnel_phase, is_sale_phase, said};
use crate::decision::{Lang, Reason};
use crate::error::Result;
use crate::model::{Atendimento, Closing, QuoteStatus, SaleRecord};
use crate::policy::AtendimentosPolicy;
use crate::rules::interaction::says_nothing;
use crate::rules::pipelines::trimmed;
use crate::text::{centavos, fold};

fn already_closed(a: &Atendimento) -> Reason {
    let (id, st) = (a.id.clone(), a.closing.as_ref().map(|c| c.status.clone()).unwrap_or_default());
    said!(
        "ATD-1",
        [st],
        format!("O atendimento {id} já foi concluído (\"{st}\"): a situação não muda mais."),
        format!("Atendimento {id} was already closed (\"{st}\"): its status no longer changes."),
    )
    .fact("closed", true)
    .fact("closing_status", st)
}

fn sale_not_left(a: &Atendimento, to: &str) -> Reason {
    let (from, to) = (a.status.clone(), to.to_owned());
    said!(
        "ORC-1",
        [from, to],
        format!("O atendimento já está em \"{from}\", uma venda fechada: não volta para \"{to}\"."),
        format!("The atendimento is already at \"{from}\", a closed sale: it does not go back to \"{to}\"."),
    )
    .fact("status", from)
    .fact("to", to)
}

/// The value and conditions of the sale: those given, else the newest approved quote of
/// the atendimento with conditions; `Err` when neither (ORC-1, 000 §2).
fn sale_record(
    a: &Atendimento,
    terms: Option<&SaleTerms>,
) -> Result<std::result::Result<(SaleRecord, Reason), Reason>> {
    if let Some(t) = terms {
        let conditions = trimmed(&t.conditions);
        if t.value_centavos == 0 || conditions.is_none() {
            let (value, blank) = (t.value_centavos, conditions.is_none());
            return Ok(Err(Reason::lazy("ORC-1", move |lang| match lang {
                Lang::Pt => {
                    "A venda precisa de valor (maior que zero) e de condições: os dados informados estão incompletos."
                        .to_owned()
                }
                Lang::En => {
                    "The sale needs a value (above zero) and conditions: the terms given are incomplete.".to_owned()
                }
            })
            .fact("value_centavos", value)
            .fact("conditions_blank", blank)));
        }
        let record = SaleRecord {
            value_centavos: t.value_centavos,
            conditions: conditions.unwrap_or_default(),
            quote: None,
            version: None,
        };
        let (value, cond) = (record.value_centavos, record.conditions.clone());
        let why = said!(
            "ORC-1",
            format!("Venda registrada: valor {}, condições \"{cond}\" (informados).", centavos(value)),
            format!("Sale recorded: value {value} centavos, conditions \"{cond}\" (given)."),
        )
        .fact("value_centavos", value)
        .fact("conditions", &record.conditions)
        .fact("from_quote", false);
        return Ok(Ok((record, why)));
    }
    let mut best: Option<usize> = None;
    for (k, q) in a.quotes.iter().enumerate() {
        let usable =
            q.quote.status == QuoteStatus::Approved && q.quote.conditions.as_deref().and_then(trimmed).is_some();
        if usable && best.and_then(|b| a.quotes.get(b)).is_none_or(|b| q.on >= b.on) {
            best = Some(k);
        }
    }
    let Some((k, dq)) = best.and_then(|k| a.quotes.get(k).map(|q| (k, q))) else {
        return Ok(Err(Reason::new(
            "ORC-1",
            "Para marcar a venda é preciso valor e condições: o atendimento não tem orçamento aprovado com condições e nenhum foi informado.",
            "Marking the sale needs value and conditions: the atendimento has no approved quote with conditions and none were given.",
        )
        .fact("approved_quote", false)));
    };
    let value = dq.quote.total_centavos(&format!("atendimento.quotes[{k}].quote"))?;
    let record = SaleRecord {
        value_centavos: value,
        conditions: dq.quote.conditions.as_deref().and_then(trimmed).unwrap_or_default(),
        quote: Some(dq.quote.id.clone()),
        version: Some(dq.quote.version),
    };
    let (qid, version, cond) = (dq.quote.id.clone(), dq.quote.version, record.conditions.clone());
    let why = said!(
        "ORC-1",
        format!(
            "Venda do orçamento aprovado {qid} (versão {version}): valor {}, condições \"{cond}\".",
            centavos(value)
        ),
        format!("Sale from approved quote {qid} (version {version}): value {value} centavos, conditions \"{cond}\"."),
    )
    .fact("quote", &dq.quote.id)
    .fact("version", version)
    .fact("value_centavos", value)
    .fact("from_quote", true);
    Ok(Ok((record, why)))
}

/// The list of statuses, for a refusal.
fn listed(values: &[&String]) -> String {
    values.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
}

/// Moves the atendimento to a funnel phase (ATD-1); the sale phase needs value and
/// conditions (ORC-1) and is never left.
pub(super) fn update(p: &AtendimentosPolicy, a: &Atendimento, up: &StatusUpdate) -> Result<Step> {
    if a.closing.is_some() {
        return Ok(Step::refused(already_closed(a)));
    }
    let Some(phase) = funnel_phase(p, &up.status) else {
        let (asked, list) = (up.status.clone(), listed(&p.funnel_phases.iter().collect::<Vec<_>>()));
        return Ok(Step::refused(
            said!(
                "ATD-1",
                format!("\"{asked}\" não é uma fase do funil: {list}."),
                format!("\"{asked}\" is not a funnel phase: {list}."),
            )
            .fact("status", &up.status)
            .fact_json("funnel_phases", &p.funnel_phases),
        ));
    };
    if fold(phase) == fold(&a.status) {
        return Ok(Step::refused(unchanged("ATD-1", "update_status")));
    }
    if is_sale_phase(p, &a.status) {
        return Ok(Step::refused(sale_not_left(a, phase)));
    }
    let mut next = a.clone();
    let mut reasons = Vec::with_capacity(2);
    if is_sale_phase(p, phase) {
        match sale_record(a, up.sale.as_ref())? {
            Ok((record, why)) => {
                next.sale = Some(record);
                reasons.push(why);
            }
            Err(why) => return Ok(Step::refused(why)),
        }
    }
    let (from, to) = (a.status.clone(), phase.to_owned());
    reasons.insert(
        0,
        said!("ATD-1", format!("Situação: \"{from}\" → \"{to}\"."), format!("Status: \"{from}\" → \"{to}\"."))
            .fact("from", &a.status)
            .fact("to", phase),
    );
    next.status = phase.to_owned();
    Ok(Step::Done(Box::new(next), reasons, Vec::new()))
}

/// Concludes the atendimento (000 §1): a funnel phase or a closing status, and a note
/// saying what was done (MOV-2); the sale phase needs value and conditions (ORC-1).
/// Every problem is reported at once.
pub(super) fn close(p: &AtendimentosPolicy, a: &Atendimento, c: &CloseAtendimento, on: NaiveDate) -> Result<Step> {
    if a.closing.is_some() {
        return Ok(Step::refused(already_closed(a)));
    }
    let key = fold(&c.status);
    let status =
        funnel_phase(p, &c.status).or_else(|| p.closing_statuses.iter().find(|s| fold(s) == key).map(String::as_str));
    let mut problems: Vec<Reason> = Vec::new();
    if status.is_none() {
        let list = listed(&p.funnel_phases.iter().chain(&p.closing_statuses).collect::<Vec<_>>());
        let asked = c.status.clone();
        problems.push(
            said!(
                "ATD-1",
                format!("\"{asked}\" não é uma situação de conclusão: {list}."),
                format!("\"{asked}\" is not a status to close with: {list}."),
            )
            .fact("status", &c.status),
        );
    }
    if says_nothing(&c.note) {
        problems.push(
            Reason::new(
                "MOV-2",
                "Ao concluir o atendimento, registre o que foi feito (nunca em branco nem só pontos \"[...]\").",
                "When closing the atendimento, record what was done (never blank nor just dots \"[...]\").",
            )
            .fact("note", &c.note),
        );
    }
    let Some(status) = status else {
        return Ok(Step::Refused(problems));
    };
    let already_sale = is_sale_phase(p, &a.status);
    if already_sale && !is_sale_phase(p, status) {
        problems.push(sale_not_left(a, status));
    }
    let mut next = a.clone();
    let mut sale_reason = None;
    if is_sale_phase(p, status) && !(already_sale && a.sale.is_some()) {
        match sale_record(a, c.sale.as_ref())? {
            Ok((record, why)) => {
                next.sale = Some(record);
                sale_reason = Some(why);
            }
            Err(why) => problems.push(why),
        }
    }
    if !problems.is_empty() {
        return Ok(Step::Refused(problems));
    }
    let note = c.note.trim().to_owned();
    next.status = status.to_owned();
    next.closing = Some(Closing { status: status.to_owned(), note: note.clone(), on });
    let (id, st) = (a.id.clone(), status.to_owned());
    let mut reasons = vec![
        said!(
            "ATD-1",
            format!("Atendimento {id} concluído com a situação \"{st}\"."),
            format!("Atendimento {id} closed with status \"{st}\"."),
        )
        .fact("status", status)
        .fact("on", on),
        Reason::new("MOV-2", "A conclusão registra o que foi feito.", "The closing records what was done.")
            .fact("note", note),
    ];
    reasons.extend(sale_reason);
    Ok(Step::Done(Box::new(next), reasons, Vec::new()))
}
