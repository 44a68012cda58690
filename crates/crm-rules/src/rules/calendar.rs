//! CAL-BD-1..2 as explained decisions (the JSON layer's `calendar.*` rules).

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::Holiday;
use crate::context::Context;
use crate::decision::{Decision, Fact, Lang, Reason};
use crate::error::Result;
use crate::text::br_date;

/// Input of `calendar.is_business_day`.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IsBusinessDayInput {
    /// The date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub date: NaiveDate,
}

/// Input of `calendar.add_business_days`.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddBusinessDaysInput {
    /// The start date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub date: NaiveDate,
    /// Business days to add (negative goes back).
    pub days: i64,
}

/// Input of `calendar.business_days_between`.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessDaysBetweenInput {
    /// Exclusive start.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub start: NaiveDate,
    /// Inclusive end.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub end: NaiveDate,
}

/// Input of `calendar.holidays_in`.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidaysInInput {
    /// The year.
    pub year: i32,
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "calendar.is_business_day",
            ids: ["CAL-BD-1", "CAL-BD-2"],
            pt: "Se uma data é dia útil e por quê (fim de semana, qual feriado, dia trabalhado).",
            en: "Whether a date is a business day, and why (weekend, which holiday, extra working day).",
            python: "",
            js: "",
            input: IsBusinessDayInput,
            outcome: bool,
            run: |ctx, i| is_business_day(ctx, i.date),
        },
        {
            name: "calendar.add_business_days",
            ids: ["CAL-BD-2"],
            pt: "O n-ésimo dia útil depois (ou antes) de uma data.",
            en: "The n-th business day after (or before) a date.",
            python: "",
            js: "",
            input: AddBusinessDaysInput,
            outcome: NaiveDate,
            run: |ctx, i| add_business_days(ctx, i.date, i.days),
        },
        {
            name: "calendar.business_days_between",
            ids: ["CAL-BD-2"],
            pt: "Quantos dias úteis há em (início, fim].",
            en: "How many business days lie in (start, end].",
            python: "",
            js: "",
            input: BusinessDaysBetweenInput,
            outcome: i64,
            run: |ctx, i| business_days_between(ctx, i.start, i.end),
        },
        {
            name: "calendar.holidays_in",
            ids: ["CAL-BD-1"],
            pt: "Os feriados e fechamentos de um ano no calendário da política.",
            en: "The holidays and closures of a year in the policy's calendar.",
            python: "",
            js: "",
            input: HolidaysInInput,
            outcome: Vec<Holiday>,
            run: |ctx, i| holidays_in(ctx, i.year),
        },
    ];
}

/// Whether `date` is a business day, with the reason (weekend, which holiday, or an
/// extra working day).
pub fn is_business_day(ctx: &Context, date: NaiveDate) -> Result<Decision<bool>> {
    let cal = ctx.calendar();
    let open = cal.is_business_day(date)?;
    let holidays = cal.holidays_on(date)?;
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    let verdict = if open && (weekend || !holidays.is_empty()) {
        Reason::lazy("CAL-BD-2", move |lang| match lang {
            Lang::Pt => format!("{} é dia útil: declarado dia trabalhado pela política.", br_date(date)),
            Lang::En => format!("{date} is a business day: declared a working day by the policy."),
        })
    } else if open {
        Reason::lazy("CAL-BD-2", move |lang| match lang {
            Lang::Pt => format!("{} é dia útil.", br_date(date)),
            Lang::En => format!("{date} is a business day."),
        })
    } else if !holidays.is_empty() {
        let names_pt = holidays.iter().map(|h| h.name.as_str()).collect::<Vec<_>>().join(", ");
        let names_en = holidays.iter().map(|h| h.name_en.as_str()).collect::<Vec<_>>().join(", ");
        Reason::lazy("CAL-BD-2", move |lang| match lang {
            Lang::Pt => format!("{} não é dia útil: {names_pt}.", br_date(date)),
            Lang::En => format!("{date} is not a business day: {names_en}."),
        })
    } else {
        Reason::lazy("CAL-BD-2", move |lang| match lang {
            Lang::Pt => format!("{} não é dia útil: fim de semana.", br_date(date)),
            Lang::En => format!("{date} is not a business day: weekend."),
        })
    };
    let mut reasons = vec![verdict.fact("date", date).fact("weekend", weekend)];
    for h in holidays {
        let fact = Fact::json(&h);
        reasons.push(
            Reason::lazy("CAL-BD-1", move |lang| match lang {
                Lang::Pt => format!("{}: {} ({}; {}).", br_date(date), h.name, h.scope, h.law),
                Lang::En => format!("{date}: {} ({}; {}).", h.name_en, h.scope, h.law),
            })
            .fact("holiday", fact),
        );
    }
    Ok(Decision::new(open, reasons))
}

/// The `days`-th business day after `date` (CAL-BD-2).
pub fn add_business_days(ctx: &Context, date: NaiveDate, days: i64) -> Result<Decision<NaiveDate>> {
    let result = ctx.calendar().add_business_days(date, days).map_err(|e| e.at_path("days"))?;
    let sign = if days < 0 { "−" } else { "+" };
    let reason = Reason::lazy("CAL-BD-2", move |lang| match lang {
        Lang::Pt => {
            format!("{} {sign} {} dia(s) útil(eis) = {}.", br_date(date), days.unsigned_abs(), br_date(result))
        }
        Lang::En => format!("{date} {sign} {} business day(s) = {result}.", days.unsigned_abs()),
    })
    .fact("date", date)
    .fact("days", days)
    .fact("result", result);
    Ok(Decision::new(result, vec![reason]))
}

/// Business days in `(start, end]`, negative when `end < start` (CAL-BD-2).
pub fn business_days_between(ctx: &Context, start: NaiveDate, end: NaiveDate) -> Result<Decision<i64>> {
    let n = ctx.calendar().business_days_between(start, end)?;
    let (low, high) = (start.min(end), start.max(end));
    let reason = Reason::lazy("CAL-BD-2", move |lang| match lang {
        Lang::Pt => format!(
            "De {} a {}: {n} dia(s) útil(eis) (contados de {} exclusive a {} inclusive).",
            br_date(start),
            br_date(end),
            br_date(low),
            br_date(high)
        ),
        Lang::En => format!("From {start} to {end}: {n} business day(s) (counted in ({low}, {high}])."),
    })
    .fact("start", start)
    .fact("end", end)
    .fact("business_days", n);
    Ok(Decision::new(n, vec![reason]))
}

/// The holidays and closures of `year` in the context's calendar (CAL-BD-1).
pub fn holidays_in(ctx: &Context, year: i32) -> Result<Decision<Vec<Holiday>>> {
    let list = ctx.calendar().holidays_in(year).map_err(|e| e.at_path("year"))?;
    let count = list.len();
    let reason = Reason::lazy("CAL-BD-1", move |lang| match lang {
        Lang::Pt => format!("{} feriado(s) e fechamento(s) em {year} no calendário da política.", count),
        Lang::En => format!("{} holiday(s) and closure(s) in {year} in the policy's calendar.", count),
    })
    .fact("year", year)
    .fact("count", list.len());
    Ok(Decision::new(list, vec![reason]))
}
