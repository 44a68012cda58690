//! `atendimento.overdue` (ATD-3; seed 003 "em vencimento você pode programar um
//! vencimento"): the atendimentos whose due date has passed on a date, with how late each
//! is. Linear in the atendimentos: one pass, one reason for the whole report.

use chrono::NaiveDate;

use super::check_record;
use super::types::{LatenessUnit, OverdueAtendimento, OverdueReport};
use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{Atendimento, Lifecycle};
use crate::text::br_date;

/// The atendimentos overdue on `on` (ATD-3), in input order: active and open (not
/// closed), with a due date at least one day before `on` — calendar days, or business
/// days of the policy calendar when `policy.atendimentos.overdue_in_business_days`
/// (then a due date on a Friday is not yet overdue on the Saturday or Sunday after it).
/// Archived, trashed and closed atendimentos are not followed: counted, not reported.
pub fn overdue(ctx: &Context, on: NaiveDate, atendimentos: &[Atendimento]) -> Result<Decision<OverdueReport>> {
    let business = ctx.policy().atendimentos.overdue_in_business_days;
    let unit = if business { LatenessUnit::BusinessDays } else { LatenessUnit::CalendarDays };
    let cal = ctx.calendar();
    let (mut list, mut checked, mut not_followed) = (Vec::new(), 0usize, 0usize);
    for (k, a) in atendimentos.iter().enumerate() {
        let path = format!("atendimentos[{k}]");
        check_record(a, &path)?;
        if a.lifecycle != Lifecycle::Active || a.closing.is_some() {
            not_followed += 1;
            continue;
        }
        let Some(due) = a.due else { continue };
        checked += 1;
        if due >= on {
            continue;
        }
        let late = if business {
            cal.business_days_between(due, on).map_err(|e| e.at_path(&format!("{path}.due")))?
        } else {
            (on - due).num_days()
        };
        let days_late =
            u32::try_from(late).map_err(|_| CrmError::invalid(format!("{path}.due"), "too many days late"))?;
        if days_late == 0 {
            continue;
        }
        list.push(OverdueAtendimento {
            id: a.id.clone(),
            reference: a.reference.clone(),
            pipeline: a.pipeline.clone(),
            responsible: a.responsible.clone(),
            due,
            days_late,
        });
    }
    let ids: Vec<String> = list.iter().map(|o| o.id.clone()).collect();
    let count = list.len();
    let reason = Reason::lazy("ATD-3", move |lang| {
        let unit_pt = if business { "dias úteis" } else { "dias corridos" };
        let unit_en = if business { "business days" } else { "calendar days" };
        match lang {
            Lang::Pt => format!(
                "Em {}: {count} atendimento(s) vencido(s) de {checked} ativo(s) com vencimento (atraso em {unit_pt}); {not_followed} arquivado(s), na lixeira ou concluído(s) não acompanhado(s).",
                br_date(on)
            ),
            Lang::En => format!(
                "On {on}: {count} overdue atendimento(s) of {checked} active one(s) with a due date (lateness in {unit_en}); {not_followed} archived, trashed or closed not followed."
            ),
        }
    })
    .fact("on", on)
    .fact("overdue", count)
    .fact("checked", checked)
    .fact("not_followed", not_followed)
    .fact("business_days", business)
    .fact_json("ids", ids);
    Ok(Decision::new(OverdueReport { unit, overdue: list, checked, not_followed }, vec![reason]))
}
