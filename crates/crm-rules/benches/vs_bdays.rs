//! The business-day calendar side by side with the `bdays` crate (its cached Brazilian
//! settlement calendar, the fastest Rust peer), in one run, over the same dates:
//! `is_business_day` over a sweep of 1 000 consecutive days, and `add_business_days` /
//! `business_days_between` for offsets of 1 to 250 business days.
//! Run: cargo bench -p crm-rules --bench vs_bdays
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use bdays::HolidayCalendar;
use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use crm_rules::{parse_date, Calendar};

const OFFSETS: &[i64] = &[1, 5, 21, 60, 250];

fn bench(c: &mut Criterion) {
    let ours = Calendar::national();
    let start = parse_date("2026-01-02").unwrap();
    let theirs = bdays::HolidayCalendarCache::new(
        bdays::calendars::brazil::BRSettlement,
        parse_date("2000-01-01").unwrap(),
        parse_date("2060-12-31").unwrap(),
    );
    let days: Vec<NaiveDate> = (0..1_000u64).map(|i| start.checked_add_days(Days::new(i)).unwrap()).collect();

    let mut is = c.benchmark_group("vs_bdays/is_business_day");
    is.throughput(Throughput::Elements(days.len() as u64));
    is.bench_function("crm_rules", |b| {
        b.iter(|| days.iter().filter(|&&d| ours.is_business_day(black_box(d)).unwrap()).count())
    });
    is.bench_function("bdays", |b| b.iter(|| days.iter().filter(|&&d| theirs.is_bday(black_box(d))).count()));
    is.finish();

    let mut add = c.benchmark_group("vs_bdays/add_business_days");
    for &n in OFFSETS {
        add.bench_with_input(BenchmarkId::new("crm_rules", n), &n, |b, &n| {
            b.iter(|| ours.add_business_days(black_box(start), black_box(n)).unwrap())
        });
        let n32 = i32::try_from(n).unwrap();
        add.bench_with_input(BenchmarkId::new("bdays", n), &n32, |b, &n| {
            b.iter(|| theirs.advance_bdays(black_box(start), black_box(n)))
        });
    }
    add.finish();

    let mut between = c.benchmark_group("vs_bdays/business_days_between");
    for &n in OFFSETS {
        let end = ours.add_business_days(start, n).unwrap();
        between.bench_with_input(BenchmarkId::new("crm_rules", n), &end, |b, &end| {
            b.iter(|| ours.business_days_between(black_box(start), black_box(end)).unwrap())
        });
        between.bench_with_input(BenchmarkId::new("bdays", n), &end, |b, &end| {
            b.iter(|| theirs.bdays(black_box(start), black_box(end)))
        });
    }
    between.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
