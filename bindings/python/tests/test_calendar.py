"""Typed calendar functions and the Calendar class."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import crm_rules
from crm_rules import Calendar, OutOfRangeError, Policy, ValidationError

D = datetime.date
SP = {"calendar": {"states": ["SP"]}}


def test_is_business_day_national() -> None:
    assert crm_rules.is_business_day(D(2024, 11, 19)) is True
    assert crm_rules.is_business_day(D(2024, 11, 20)) is False  # Consciência Negra from 2024
    assert crm_rules.is_business_day(D(2023, 11, 20)) is True
    assert crm_rules.is_business_day(D(2024, 11, 23)) is False  # Saturday


def test_add_business_days() -> None:
    assert crm_rules.add_business_days(D(2024, 11, 19), 1) == D(2024, 11, 21)
    assert crm_rules.add_business_days(D(2026, 4, 2), 1) == D(2026, 4, 6)
    assert crm_rules.add_business_days(D(2026, 4, 6), -1) == D(2026, 4, 2)
    assert crm_rules.add_business_days(D(2024, 11, 19), 0) == D(2024, 11, 19)
    assert crm_rules.add_business_days(D(2024, 11, 23), 0) == D(2024, 11, 25)
    result = crm_rules.add_business_days(D(2024, 11, 19), 1)
    assert type(result) is datetime.date


def test_business_days_between() -> None:
    assert crm_rules.business_days_between(D(2024, 11, 19), D(2024, 11, 22)) == 2
    assert crm_rules.business_days_between(D(2024, 11, 22), D(2024, 11, 19)) == -2
    assert crm_rules.business_days_between(D(2024, 11, 19), D(2024, 11, 19)) == 0


def test_holidays_in() -> None:
    hs = crm_rules.holidays_in(2024)
    assert [h["date"] for h in hs] == sorted(h["date"] for h in hs)
    first = hs[0]
    assert set(first) == {"date", "name", "name_en", "law", "scope"}
    assert first["date"] == D(2024, 1, 1) and type(first["date"]) is datetime.date
    assert first["scope"] == "national"
    assert D(2024, 11, 20) in {h["date"] for h in hs}
    assert D(2023, 11, 20) not in {h["date"] for h in crm_rules.holidays_in(2023)}


@pytest.mark.parametrize("calendar", [Calendar(Policy.from_dict(SP)), Policy.from_dict(SP), SP])
def test_calendar_argument_forms(calendar: Any) -> None:
    assert crm_rules.is_business_day(D(2024, 7, 9), calendar) is False
    assert crm_rules.add_business_days(D(2024, 7, 8), 1, calendar=calendar) == D(2024, 7, 10)
    assert crm_rules.business_days_between(D(2024, 7, 8), D(2024, 7, 10), calendar) == 1
    assert "state:SP" in {h["scope"] for h in crm_rules.holidays_in(2024, calendar)}


def test_calendar_none_is_national() -> None:
    assert crm_rules.is_business_day(D(2024, 7, 9), None) is True
    assert Calendar().is_business_day(D(2024, 7, 9)) is True


def test_calendar_class_methods() -> None:
    cal = Calendar({"calendar": {"carnival": True}})
    assert cal.is_business_day(D(2024, 2, 12)) is False  # Carnival Monday
    assert cal.add_business_days(D(2024, 2, 9), 1) == D(2024, 2, 14)
    assert cal.business_days_between(D(2024, 2, 9), D(2024, 2, 14)) == 1
    assert "optional" in {h["scope"] for h in cal.holidays_in(2024)}
    assert cal.policy == Policy.from_dict({"calendar": {"carnival": True}})
    assert "carnival" in repr(cal)


def test_company_closures_and_extra_working_days() -> None:
    cal = Calendar(
        {
            "calendar": {
                "company_closures": [{"date": D(2026, 12, 24), "name": "Recesso"}],
                "extra_working_days": ["2026-11-20"],
            }
        }
    )
    assert cal.is_business_day(D(2026, 12, 24)) is False
    assert cal.is_business_day(D(2026, 11, 20)) is True
    assert {"date": D(2026, 12, 24), "scope": "company"}.items() <= next(
        h for h in cal.holidays_in(2026) if h["date"] == D(2026, 12, 24)
    ).items()


@pytest.mark.parametrize("bad", ["2024-01-02", datetime.datetime(2024, 1, 2), 20240102, None])
def test_date_parameters_require_date(bad: Any) -> None:
    for call, path in [
        (lambda: crm_rules.is_business_day(bad), "d"),
        (lambda: crm_rules.add_business_days(bad, 1), "d"),
        (lambda: crm_rules.business_days_between(bad, D(2024, 1, 2)), "a"),
        (lambda: crm_rules.business_days_between(D(2024, 1, 2), bad), "b"),
    ]:
        with pytest.raises(ValidationError) as info:
            call()
        assert (info.value.code, info.value.path) == ("input.invalid", path)


@pytest.mark.parametrize("bad", [1.0, "1", True, None])
def test_int_parameters_require_int(bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.add_business_days(D(2024, 1, 2), bad)
    assert (info.value.code, info.value.path) == ("input.invalid", "n")
    with pytest.raises(ValidationError) as info:
        crm_rules.holidays_in(bad)
    assert (info.value.code, info.value.path) == ("input.invalid", "year")


def test_wrong_calendar_type() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.is_business_day(D(2024, 1, 2), calendar=42)  # type: ignore[arg-type]
    assert (info.value.code, info.value.path) == ("input.invalid", "calendar")


def test_ranges() -> None:
    assert crm_rules.is_business_day(D(1900, 1, 2)) is True
    assert isinstance(crm_rules.is_business_day(D(2199, 12, 31)), bool)
    cases = [
        (lambda: crm_rules.is_business_day(D(1899, 12, 31)), "d"),
        (lambda: crm_rules.is_business_day(D(2200, 1, 1)), "d"),
        (lambda: crm_rules.add_business_days(D(2199, 12, 31), 1), "n"),
        (lambda: crm_rules.add_business_days(D(1900, 1, 1), -1), "n"),
        (lambda: crm_rules.add_business_days(D(2024, 1, 1), 10**30), "n"),
        (lambda: crm_rules.business_days_between(D(2024, 1, 1), D(2200, 1, 1)), "b"),
        (lambda: crm_rules.holidays_in(1899), "year"),
        (lambda: crm_rules.holidays_in(2200), "year"),
        (lambda: crm_rules.holidays_in(10**20), "year"),
    ]
    for call, path in cases:
        with pytest.raises(OutOfRangeError) as info:
            call()
        assert (info.value.code, info.value.path) == ("calendar.out_of_range", path)


def test_typed_functions_agree_with_evaluate() -> None:
    day = D(2024, 11, 1)
    for n in range(-30, 31, 7):
        json_answer = crm_rules.evaluate("calendar.add_business_days", {"date": day.isoformat(), "days": n})
        assert crm_rules.add_business_days(day, n).isoformat() == json_answer["outcome"]
    hs = crm_rules.evaluate("calendar.holidays_in", {"year": 2025})["outcome"]
    assert [dict(h, date=h["date"]) for h in hs] == [
        dict(h, date=h["date"].isoformat()) for h in crm_rules.holidays_in(2025)
    ]
