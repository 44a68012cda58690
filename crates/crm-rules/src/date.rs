//! Calendar dates: strict ISO `YYYY-MM-DD` parsing and the supported range.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use crate::error::{CrmError, Result};

/// First supported year (inclusive).
pub const MIN_YEAR: i32 = 1900;
/// Last supported year (inclusive).
pub const MAX_YEAR: i32 = 2199;

// Marker prefixes let the serde layer tell a bad date from other type errors.
pub(crate) const INVALID_DATE_MARK: &str = "invalid date: ";
pub(crate) const OUT_OF_RANGE_MARK: &str = "date out of range: ";

/// Parses a strict `YYYY-MM-DD` date (no time, no sign, no spaces).
///
/// ```
/// use crm_rules::parse_date;
/// assert!(parse_date("2024-11-20").is_ok());
/// assert_eq!(parse_date("2023-02-29").unwrap_err().code(), "input.invalid_date");
/// assert_eq!(parse_date("2200-01-01").unwrap_err().code(), "calendar.out_of_range");
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    match parse_inner(s) {
        Ok(d) => Ok(d),
        Err(DateProblem::Invalid(m)) => Err(CrmError::InvalidDate { path: None, message: m }),
        Err(DateProblem::OutOfRange(m)) => Err(CrmError::out_of_range(m)),
    }
}

enum DateProblem {
    Invalid(String),
    OutOfRange(String),
}

fn parse_inner(s: &str) -> std::result::Result<NaiveDate, DateProblem> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !shape_ok {
        return Err(DateProblem::Invalid(format!("`{s}` is not a YYYY-MM-DD date")));
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(DateProblem::Invalid(format!("`{s}` is not a YYYY-MM-DD date")));
    };
    let year = i32::try_from(y).map_err(|_| DateProblem::Invalid(format!("`{s}`: bad year")))?;
    let date = NaiveDate::from_ymd_opt(year, m, d)
        .ok_or_else(|| DateProblem::Invalid(format!("`{s}` does not exist in the calendar")))?;
    check_range_inner(date).map_err(DateProblem::OutOfRange)?;
    Ok(date)
}

fn check_range_inner(date: NaiveDate) -> std::result::Result<(), String> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(format!("{date} is outside {MIN_YEAR}-01-01..={MAX_YEAR}-12-31"))
    }
}

/// Checks that `date` is inside the supported range.
pub fn check_range(date: NaiveDate) -> Result<NaiveDate> {
    check_range_inner(date).map(|()| date).map_err(CrmError::out_of_range)
}

/// serde helper: a required strict ISO date.
pub(crate) fn de_date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_inner(&s).map_err(|p| match p {
        DateProblem::Invalid(m) => serde::de::Error::custom(format!("{INVALID_DATE_MARK}{m}")),
        DateProblem::OutOfRange(m) => serde::de::Error::custom(format!("{OUT_OF_RANGE_MARK}{m}")),
    })
}

/// serde helper: an optional strict ISO date (`null` or absent → `None`).
pub(crate) fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "de_date")] NaiveDate);
    Option::<Wrap>::deserialize(d).map(|o| o.map(|Wrap(x)| x))
}

/// serde helper: a list of strict ISO dates.
pub(crate) fn de_date_vec<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "de_date")] NaiveDate);
    Vec::<Wrap>::deserialize(d).map(|v| v.into_iter().map(|Wrap(x)| x).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_shape() {
        for bad in ["2024-1-01", "2024/01/01", " 2024-01-01", "+2024-01-01", "20240101", "2024-01-01T00:00", ""] {
            assert_eq!(parse_date(bad).map_err(|e| e.code()), Err("input.invalid_date"), "{bad}");
        }
        assert_eq!(parse_date("2024-02-29").map(|d| d.day()), Ok(29));
        assert_eq!(parse_date("2023-02-29").map_err(|e| e.code()), Err("input.invalid_date"));
        assert_eq!(parse_date("1899-12-31").map_err(|e| e.code()), Err("calendar.out_of_range"));
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("2199-12-31").is_ok());
    }
}
