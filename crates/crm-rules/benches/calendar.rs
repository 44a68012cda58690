//! CAL-BD-3: the cost of a business-day query must not grow with the span.
//! Compares the calendar's O(1) queries with a naive day-by-day loop, for spans
//! from 1 day to 50 years.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crm_rules::{parse_date, Calendar};

/// Business-day counts and the calendar spans they roughly cover.
const SPANS: &[(&str, i64, u64)] = &[
    ("1 day", 1, 1),
    ("1 month", 21, 30),
    ("1 year", 250, 365),
    ("10 years", 2_500, 3_652),
    ("50 years", 12_500, 18_262),
];

fn naive_add(cal: &Calendar, date: NaiveDate, n: i64) -> NaiveDate {
    let mut left = n;
    let mut day = date;
    while left > 0 {
        day = day.succ_opt().unwrap();
        if cal.is_business_day(day).unwrap() {
            left -= 1;
        }
    }
    day
}

fn naive_between(cal: &Calendar, a: NaiveDate, b: NaiveDate) -> i64 {
    let mut count = 0;
    let mut day = a;
    while day < b {
        day = day.succ_opt().unwrap();
        if cal.is_business_day(day).unwrap() {
            count += 1;
        }
    }
    count
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::national();
    let start = parse_date("1990-03-14").unwrap();

    let mut add = c.benchmark_group("add_business_days");
    for &(label, n, _) in SPANS {
        add.bench_with_input(BenchmarkId::new("calendar", label), &n, |b, &n| {
            b.iter(|| cal.add_business_days(black_box(start), black_box(n)).unwrap())
        });
        add.bench_with_input(BenchmarkId::new("naive_loop", label), &n, |b, &n| {
            b.iter(|| naive_add(&cal, black_box(start), black_box(n)))
        });
    }
    add.finish();

    let mut between = c.benchmark_group("business_days_between");
    for &(label, _, days) in SPANS {
        let end = start.checked_add_days(chrono::Days::new(days)).unwrap();
        between.bench_with_input(BenchmarkId::new("calendar", label), &end, |b, &end| {
            b.iter(|| cal.business_days_between(black_box(start), black_box(end)).unwrap())
        });
        between.bench_with_input(BenchmarkId::new("naive_loop", label), &end, |b, &end| {
            b.iter(|| naive_between(&cal, black_box(start), black_box(end)))
        });
    }
    between.finish();

    c.bench_function("build_calendar_sp_carnival", |b| {
        let policy: crm_rules::CalendarPolicy =
            serde_json::from_str(r#"{"states": ["SP"], "carnival": true}"#).unwrap();
        b.iter(|| Calendar::build(black_box(policy.clone())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
