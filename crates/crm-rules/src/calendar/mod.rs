//! Business-day calendar (CAL-BD-1..3).
//!
//! A [`Calendar`] is built once from a [`CalendarPolicy`]: it walks the 300 supported
//! years a single time and keeps a prefix count of business days and the list of
//! business days, so that every query afterwards is O(1) (CAL-BD-3):
//! `business_days_between(a, b)` is a subtraction and `add_business_days(d, n)` an
//! index into the list.

mod easter;
mod holidays;

use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use easter::easter_sunday;
use holidays::{Def, Set, NATIONAL, OPTIONAL, STATES};

use crate::date::{check_range, MAX_YEAR, MIN_YEAR};
use crate::error::{CrmError, Result};
use crate::policy::{CalendarPolicy, Policy};

/// One holiday (or closure) on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// Name in pt-BR.
    pub name: String,
    /// Name in English.
    pub name_en: String,
    /// The law (or act) it comes from.
    pub law: String,
    /// `national`, `optional`, `state:XX`, `municipal` or `company`.
    #[schemars(extend("pattern" = "^(national|optional|municipal|company|state:[A-Z]{2})$"))]
    pub scope: String,
}

/// A business-day calendar: Brazilian national holidays plus the optional sets the
/// policy enables. Cheap to query, built once (about a millisecond).
///
/// ```
/// use crm_rules::{Calendar, parse_date};
/// let cal = Calendar::national();
/// let d = |s| parse_date(s).unwrap();
/// // 20 November is a national holiday from 2024 on (Lei nº 14.759/2023).
/// assert!(cal.is_business_day(d("2023-11-20")).unwrap());
/// assert!(!cal.is_business_day(d("2024-11-20")).unwrap());
/// // Tuesday 19 Nov 2024 + 1 business day skips the holiday: Thursday 21.
/// assert_eq!(cal.add_business_days(d("2024-11-19"), 1).unwrap(), d("2024-11-21"));
/// assert_eq!(cal.business_days_between(d("2024-11-19"), d("2024-11-22")).unwrap(), 2);
/// ```
#[derive(Debug)]
pub struct Calendar {
    policy: CalendarPolicy,
    /// `prefix[i]`: business days in `[first, first + i]`.
    prefix: Vec<u32>,
    /// Day offsets (from the first supported day) of every business day, ascending.
    business: Vec<u32>,
    /// Per day: [`OPEN`] (a business day) and [`HOLIDAY`] (some holiday or closure
    /// falls on it) bits.
    flags: Vec<u8>,
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// `first_day().num_days_from_ce()`: 1900-01-01 is day 693 596 of the common era.
const FIRST_CE: i32 = 693_596;
/// The supported days, 1900-01-01..=2199-12-31.
#[cfg(test)]
const DAYS: usize = 109_573;
/// Flag of a business day.
const OPEN: u8 = 1;
/// Flag of a day on which some holiday or closure falls.
const HOLIDAY: u8 = 2;

/// Offset of January 1st of each supported year (a const table: no division by 100
/// or 400 on the way from a date to its index).
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an overflow fails the build
const YEAR_STARTS: [u32; (MAX_YEAR - MIN_YEAR + 1) as usize] = {
    let mut starts = [0u32; (MAX_YEAR - MIN_YEAR + 1) as usize];
    let (mut i, mut at) = (0usize, 0u32);
    while i < starts.len() {
        starts[i] = at;
        let year = MIN_YEAR + i as i32;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        at += if leap { 366 } else { 365 };
        i += 1;
    }
    starts
};

/// The day's index in the calendar: its year's start plus its ordinal (both read
/// straight from the date's packed fields).
#[inline]
fn offset_of(date: NaiveDate) -> Result<usize> {
    let year = usize::try_from(date.year().wrapping_sub(MIN_YEAR)).ok();
    match year.and_then(|y| YEAR_STARTS.get(y)) {
        Some(start) => Ok(*start as usize + date.ordinal0() as usize),
        None => Err(outside(date)),
    }
}

/// The error for an offset outside the calendar (cannot happen for an offset of a
/// supported date).
#[cold]
#[inline(never)]
fn beyond(offset: usize) -> CrmError {
    CrmError::out_of_range(format!("day offset {offset}"))
}

/// The error for a date outside the calendar (kept out of the inlined fast path).
#[cold]
#[inline(never)]
fn outside(date: NaiveDate) -> CrmError {
    match check_range(date) {
        Err(e) => e,
        Ok(_) => CrmError::out_of_range(date.to_string()),
    }
}

fn date_at(offset: u32) -> Result<NaiveDate> {
    i32::try_from(offset)
        .ok()
        .and_then(|o| o.checked_add(FIRST_CE))
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| CrmError::out_of_range(format!("day offset {offset}")))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Calendar {
    /// The national calendar (no optional sets), built once per process.
    pub fn national() -> Arc<Calendar> {
        static NATIONAL_CAL: OnceLock<Arc<Calendar>> = OnceLock::new();
        NATIONAL_CAL.get_or_init(|| Arc::new(Calendar::build(CalendarPolicy::default()))).clone()
    }

    /// The calendar of a policy. Calendars are cached: asking again for the same
    /// calendar policy returns the same instance.
    pub fn from_policy(policy: &Policy) -> Result<Arc<Calendar>> {
        policy.validate()?;
        Ok(Calendar::for_calendar_policy(&policy.calendar))
    }

    /// The calendar of a (validated) calendar policy, from the cache when possible.
    pub(crate) fn for_calendar_policy(policy: &CalendarPolicy) -> Arc<Calendar> {
        if *policy == CalendarPolicy::default() {
            return Calendar::national();
        }
        const CACHE_SIZE: usize = 8;
        static CACHE: OnceLock<Mutex<Vec<Arc<Calendar>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
        if let Some(hit) = cache.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|c| c.policy == *policy) {
            return hit.clone();
        }
        let built = Arc::new(Calendar::build(policy.clone()));
        let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
        if guard.len() >= CACHE_SIZE {
            guard.remove(0);
        }
        guard.push(built.clone());
        built
    }

    /// Builds a calendar without the cache. Prefer [`Calendar::from_policy`].
    pub fn build(policy: CalendarPolicy) -> Calendar {
        let mut open: Vec<bool> = Vec::with_capacity(110_000);
        let mut day = first_day();
        let last = last_day();
        while day <= last {
            open.push(!is_weekend(day));
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        let mut holiday = vec![false; open.len()];
        let mut close = |date: NaiveDate| {
            if let Ok(i) = offset_of(date) {
                if let Some(slot) = open.get_mut(i) {
                    *slot = false;
                }
                if let Some(slot) = holiday.get_mut(i) {
                    *slot = true;
                }
            }
        };
        for year in MIN_YEAR..=MAX_YEAR {
            for h in holidays_of(&policy, year) {
                close(h.date);
            }
        }
        for d in &policy.extra_working_days {
            if let Some(slot) = offset_of(*d).ok().and_then(|i| open.get_mut(i)) {
                *slot = true;
            }
        }
        let mut prefix = Vec::with_capacity(open.len());
        let mut business = Vec::with_capacity(open.len());
        let mut count: u32 = 0;
        for (i, is_open) in (0u32..).zip(open.iter()) {
            if *is_open {
                business.push(i);
                count = count.saturating_add(1);
            }
            prefix.push(count);
        }
        let flags = open.iter().zip(&holiday).map(|(o, h)| (u8::from(*o) * OPEN) | (u8::from(*h) * HOLIDAY)).collect();
        Calendar { policy, prefix, business, flags }
    }

    /// The calendar policy this calendar was built from.
    pub fn policy(&self) -> &CalendarPolicy {
        &self.policy
    }

    fn count_through(&self, offset: usize) -> Result<u32> {
        self.prefix.get(offset).copied().ok_or_else(|| CrmError::out_of_range(format!("day offset {offset}")))
    }

    #[inline]
    fn flags_at(&self, offset: usize) -> Result<u8> {
        self.flags.get(offset).copied().ok_or_else(|| beyond(offset))
    }

    #[inline]
    fn open_at(&self, offset: usize) -> Result<bool> {
        Ok(self.flags_at(offset)? & OPEN != 0)
    }

    /// Whether `date` is a business day (CAL-BD-2).
    #[inline]
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool> {
        self.open_at(offset_of(date)?)
    }

    /// The `n`-th business day strictly after `date` (strictly before for `n < 0`;
    /// for `n = 0`, `date` itself if it is a business day, else the next one). CAL-BD-2.
    pub fn add_business_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        let offset = offset_of(date)?;
        let through = i64::from(self.count_through(offset)?);
        let open = self.open_at(offset)?;
        // Index, in `business`, of the answer.
        let index = match n {
            0 if open => return Ok(date),
            0 => Some(through),
            n if n > 0 => through.checked_add(n - 1),
            n => (through - i64::from(open)).checked_add(n),
        };
        let beyond = || {
            CrmError::out_of_range(format!(
                "{date} {} {} business days falls outside the supported range",
                if n < 0 { "-" } else { "+" },
                n.unsigned_abs()
            ))
        };
        let index = index.and_then(|i| usize::try_from(i).ok()).ok_or_else(beyond)?;
        let found = self.business.get(index).copied().ok_or_else(beyond)?;
        date_at(found)
    }

    /// Business days in `(start, end]`; negative (the days in `(end, start]`) when
    /// `end < start`. CAL-BD-2.
    pub fn business_days_between(&self, start: NaiveDate, end: NaiveDate) -> Result<i64> {
        let a = i64::from(self.count_through(offset_of(start)?)?);
        let b = i64::from(self.count_through(offset_of(end)?)?);
        Ok(b - a)
    }

    /// Every holiday and closure of `year` in this calendar, sorted by date.
    pub fn holidays_in(&self, year: i32) -> Result<Vec<Holiday>> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(CrmError::out_of_range(format!("year {year}")));
        }
        Ok(holidays_of(&self.policy, year))
    }

    /// The holidays and closures falling on `date` (empty for an ordinary day).
    pub fn holidays_on(&self, date: NaiveDate) -> Result<Vec<Holiday>> {
        // Most days have none: answered from the day's flag, without the year's list.
        if self.flags_at(offset_of(date)?)? & HOLIDAY == 0 {
            return Ok(Vec::new());
        }
        Ok(holidays_where(&self.policy, date.year(), |d| d == date))
    }

    /// Whether `date` was declared a working day by the policy.
    pub fn is_extra_working_day(&self, date: NaiveDate) -> bool {
        self.policy.extra_working_days.contains(&date)
    }
}

fn enabled(policy: &CalendarPolicy, set: Set) -> bool {
    match set {
        Set::National => true,
        Set::Carnival => policy.carnival,
        Set::AshWednesday => policy.ash_wednesday,
        Set::CorpusChristi => policy.corpus_christi,
        Set::State(uf) => policy.states.contains(&uf),
    }
}

fn holiday_from(def: &Def, year: i32, keep: impl Fn(NaiveDate) -> bool) -> Option<Holiday> {
    if year < def.from || year > def.until {
        return None;
    }
    let date = def.when.date_in(year).filter(|d| keep(*d))?;
    let scope = match def.set {
        Set::National => "national".to_owned(),
        Set::Carnival | Set::AshWednesday | Set::CorpusChristi => "optional".to_owned(),
        Set::State(uf) => format!("state:{}", uf.code()),
    };
    Some(Holiday { date, name: def.name.to_owned(), name_en: def.name_en.to_owned(), law: def.law.to_owned(), scope })
}

fn holidays_of(policy: &CalendarPolicy, year: i32) -> Vec<Holiday> {
    holidays_where(policy, year, |_| true)
}

/// The holidays and closures of `year` whose date `keep` accepts, sorted by date; a
/// holiday left out costs no allocation.
fn holidays_where(policy: &CalendarPolicy, year: i32, keep: impl Fn(NaiveDate) -> bool + Copy) -> Vec<Holiday> {
    let mut out: Vec<Holiday> = NATIONAL
        .iter()
        .chain(OPTIONAL)
        .chain(STATES)
        .filter(|d| enabled(policy, d.set))
        .filter_map(|d| holiday_from(d, year, keep))
        .collect();
    for m in &policy.municipal_holidays {
        let in_years = m.from_year.is_none_or(|f| year >= f) && m.until_year.is_none_or(|u| year <= u);
        let date = NaiveDate::from_ymd_opt(year, m.month, m.day).filter(|d| keep(*d));
        if let (true, Some(date)) = (in_years, date) {
            out.push(Holiday {
                date,
                name: m.name.clone(),
                name_en: m.name.clone(),
                law: "Lei municipal (política da empresa)".to_owned(),
                scope: "municipal".to_owned(),
            });
        }
    }
    for c in policy.company_closures.iter().filter(|c| c.date.year() == year && keep(c.date)) {
        out.push(Holiday {
            date: c.date,
            name: c.name.clone(),
            name_en: c.name.clone(),
            law: "Fechamento da empresa (política)".to_owned(),
            scope: "company".to_owned(),
        });
    }
    crate::sort::sort_by_key(&mut out, |h| h.date);
    out
}

#[cfg(test)]
mod tests;
