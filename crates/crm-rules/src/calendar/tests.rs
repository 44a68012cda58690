use super::*;
use chrono::Days;
use proptest::prelude::*;
use std::collections::HashSet;

fn d(s: &str) -> NaiveDate {
    crate::date::parse_date(s).unwrap()
}

/// A naive calendar: a set of closed dates, queried one day at a time. It shares
/// only the holiday list with [`Calendar`], none of the index arithmetic.
struct Naive {
    closed: HashSet<NaiveDate>,
    extra: HashSet<NaiveDate>,
}

impl Naive {
    fn new(cal: &Calendar) -> Naive {
        let closed = (MIN_YEAR..=MAX_YEAR).flat_map(|y| cal.holidays_in(y).unwrap()).map(|h| h.date).collect();
        Naive { closed, extra: cal.policy.extra_working_days.iter().copied().collect() }
    }
    fn open(&self, day: NaiveDate) -> bool {
        self.extra.contains(&day) || !(is_weekend(day) || self.closed.contains(&day))
    }
    fn add(&self, date: NaiveDate, n: i64) -> Option<NaiveDate> {
        let (first, last) = (first_day(), last_day());
        if n == 0 && self.open(date) {
            return Some(date);
        }
        let step = |x: NaiveDate| if n < 0 { x.pred_opt() } else { x.succ_opt() };
        let mut left = n.unsigned_abs().max(1);
        let mut day = date;
        loop {
            day = step(day)?;
            if day < first || day > last {
                return None;
            }
            if self.open(day) {
                left -= 1;
                if left == 0 {
                    return Some(day);
                }
            }
        }
    }
    fn between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let mut count = 0;
        let mut day = lo;
        while day < hi {
            day = day.succ_opt().unwrap();
            if self.open(day) {
                count += 1;
            }
        }
        sign * count
    }
}

fn rich_policy() -> CalendarPolicy {
    serde_json::from_value(serde_json::json!({
        "carnival": true, "corpus_christi": true, "states": ["SP", "RJ", "AC"],
        "municipal_holidays": [{"month": 1, "day": 25, "name": "Aniversário de São Paulo", "from_year": 1968}],
        "company_closures": [{"date": "2026-12-24", "name": "Recesso"}, {"date": "2026-12-31", "name": "Recesso"}],
        "extra_working_days": ["2026-11-21", "2024-11-20"]
    }))
    .unwrap()
}

fn calendars() -> &'static [(Arc<Calendar>, Naive); 2] {
    static CALS: OnceLock<[(Arc<Calendar>, Naive); 2]> = OnceLock::new();
    CALS.get_or_init(|| {
        let n = Calendar::national();
        let r = Arc::new(Calendar::build(rich_policy()));
        let nn = Naive::new(&n);
        let rn = Naive::new(&r);
        [(n, nn), (r, rn)]
    })
}

#[test]
fn national_holidays_by_year() {
    let cal = Calendar::national();
    assert!(cal.is_business_day(d("2023-11-20")).unwrap(), "2023-11-20 was a Monday, not yet a holiday");
    assert!(!cal.is_business_day(d("2024-11-20")).unwrap());
    assert!(!cal.is_business_day(d("2026-04-03")).unwrap(), "Good Friday 2026");
    assert!(cal.is_business_day(d("2026-02-16")).unwrap(), "Carnival Monday is optional");
    assert!(cal.is_business_day(d("2026-02-18")).unwrap(), "Ash Wednesday is a business day");
    assert!(!cal.is_business_day(d("1979-10-12")).unwrap() || d("1979-10-12").weekday() == Weekday::Fri);
    let h2026: Vec<_> = cal.holidays_in(2026).unwrap().into_iter().map(|h| h.date.to_string()).collect();
    assert_eq!(
        h2026,
        [
            "2026-01-01",
            "2026-04-03",
            "2026-04-21",
            "2026-05-01",
            "2026-09-07",
            "2026-10-12",
            "2026-11-02",
            "2026-11-15",
            "2026-11-20",
            "2026-12-25"
        ]
    );
}

#[test]
fn optional_sets_and_overrides() {
    let (rich, _) = &calendars()[1];
    assert!(!rich.is_business_day(d("2026-02-16")).unwrap(), "Carnival Monday closed by policy");
    assert!(!rich.is_business_day(d("2026-02-17")).unwrap());
    assert!(rich.is_business_day(d("2026-02-18")).unwrap(), "Ash Wednesday still open");
    assert!(!rich.is_business_day(d("2026-06-04")).unwrap(), "Corpus Christi 2026");
    assert!(!rich.is_business_day(d("2026-07-09")).unwrap(), "SP: Revolução Constitucionalista");
    assert!(!rich.is_business_day(d("2026-04-23")).unwrap(), "RJ: São Jorge");
    assert!(!rich.is_business_day(d("2026-01-26")).unwrap() || d("2026-01-25").weekday() == Weekday::Sun);
    assert!(!rich.is_business_day(d("2026-12-24")).unwrap(), "company closure");
    assert!(rich.is_business_day(d("2026-11-21")).unwrap(), "a Saturday declared working");
    assert!(rich.is_business_day(d("2024-11-20")).unwrap(), "a holiday declared working");
    // Acre moves Tue/Wed/Thu holidays to Friday from 2009: 17 Nov 2026 is a Tuesday.
    let ac = rich.holidays_in(2026).unwrap();
    assert!(ac.iter().any(|h| h.date == d("2026-11-20") && h.scope == "state:AC"));
}

#[test]
fn semantics_of_cal_bd_2() {
    let cal = Calendar::national();
    // n = 0: the date itself if a business day, else the next one.
    assert_eq!(cal.add_business_days(d("2026-11-23"), 0).unwrap(), d("2026-11-23"));
    assert_eq!(cal.add_business_days(d("2026-11-21"), 0).unwrap(), d("2026-11-23"));
    // Friday + 1 = Monday; Monday - 1 = Friday.
    assert_eq!(cal.add_business_days(d("2026-11-27"), 1).unwrap(), d("2026-11-30"));
    assert_eq!(cal.add_business_days(d("2026-11-30"), -1).unwrap(), d("2026-11-27"));
    // From a Saturday: +1 is Monday, -1 is Friday.
    assert_eq!(cal.add_business_days(d("2026-11-28"), 1).unwrap(), d("2026-11-30"));
    assert_eq!(cal.add_business_days(d("2026-11-28"), -1).unwrap(), d("2026-11-27"));
    assert_eq!(cal.business_days_between(d("2026-11-27"), d("2026-11-30")).unwrap(), 1);
    assert_eq!(cal.business_days_between(d("2026-11-30"), d("2026-11-27")).unwrap(), -1);
    assert_eq!(cal.business_days_between(d("2026-11-28"), d("2026-11-28")).unwrap(), 0);
}

#[test]
fn range_edges() {
    let cal = Calendar::national();
    assert_eq!(cal.add_business_days(d("2199-12-30"), 5).unwrap_err().code(), "calendar.out_of_range");
    assert_eq!(cal.add_business_days(d("1900-01-02"), -5).unwrap_err().code(), "calendar.out_of_range");
    assert_eq!(cal.add_business_days(d("2026-01-02"), i64::MAX).unwrap_err().code(), "calendar.out_of_range");
    assert_eq!(cal.add_business_days(d("2026-01-02"), i64::MIN).unwrap_err().code(), "calendar.out_of_range");
    assert_eq!(cal.holidays_in(2200).unwrap_err().code(), "calendar.out_of_range");
    let outside = NaiveDate::from_ymd_opt(2200, 1, 1).unwrap();
    assert_eq!(cal.is_business_day(outside).unwrap_err().code(), "calendar.out_of_range");
    assert!(cal.is_business_day(d("1900-01-01")).is_ok());
    assert_eq!(cal.add_business_days(d("1900-01-01"), 0).unwrap(), d("1900-01-02"));
}

#[test]
fn states_only_from_1996() {
    let cal = Calendar::build(serde_json::from_value(serde_json::json!({"states": ["BA"]})).unwrap());
    assert!(cal.holidays_in(1995).unwrap().iter().all(|h| h.scope == "national"));
    assert!(cal.holidays_in(1996).unwrap().iter().any(|h| h.scope == "state:BA"));
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (0u32..109_573).prop_map(|i| date_at(i).unwrap())
}

proptest! {
    // CAL-BD-2 against a day-by-day reference on 100 000 random cases (issue 2).
    #![proptest_config(ProptestConfig::with_cases(100_000))]
    #[test]
    fn matches_day_by_day_reference(which in 0usize..2, date in date_strategy(), n in -1500i64..=1500, span in -1500i64..=1500) {
        let (cal, naive) = &calendars()[which];
        let got = cal.add_business_days(date, n).ok();
        prop_assert_eq!(got, naive.add(date, n), "add_business_days({}, {})", date, n);
        let other = if span >= 0 { date.checked_add_days(Days::new(span.unsigned_abs())) } else { date.checked_sub_days(Days::new(span.unsigned_abs())) };
        if let Some(other) = other.filter(|o| check_range(*o).is_ok()) {
            prop_assert_eq!(cal.business_days_between(date, other).unwrap(), naive.between(date, other));
        }
        if let (Some(res), true) = (got, n > 0) {
            prop_assert_eq!(cal.business_days_between(date, res).unwrap(), n);
            prop_assert!(cal.is_business_day(res).unwrap());
        }
    }
}

#[test]
fn day_index_constants_match_the_supported_range() {
    assert_eq!(super::first_day().num_days_from_ce(), super::FIRST_CE);
    let days = super::last_day().num_days_from_ce() - super::FIRST_CE + 1;
    assert_eq!(usize::try_from(days).ok(), Some(super::DAYS));
    assert_eq!(Calendar::national().prefix.len(), super::DAYS);
}

#[test]
fn holidays_on_every_day_of_a_year_matches_the_year_list() {
    let cal = Calendar::build(crate::policy::CalendarPolicy { carnival: true, ..Default::default() });
    for year in [1900, 2024, 2026, 2199] {
        let all = cal.holidays_in(year).unwrap_or_default();
        let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        while day.year() == year {
            let want: Vec<_> = all.iter().filter(|h| h.date == day).cloned().collect();
            assert_eq!(cal.holidays_on(day).unwrap_or_default(), want, "{day}");
            day = day.succ_opt().unwrap_or_default();
        }
    }
}

#[test]
fn every_supported_day_has_its_own_offset() {
    let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    for expected in 0..DAYS {
        assert_eq!(offset_of(day).unwrap(), expected, "{day}");
        assert_eq!(i64::from(day.num_days_from_ce() - FIRST_CE), expected as i64);
        day = day.succ_opt().unwrap();
    }
    assert_eq!(day, NaiveDate::from_ymd_opt(2200, 1, 1).unwrap());
    assert!(offset_of(day).is_err());
    assert!(offset_of(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()).is_err());
}
