"""The calendar's holidays against an independent reference: the `holidays` package.

For every day of 1990–2099 — weekends included — the holidays must be the same dates
as `holidays.BR(years=...)` (public category), for the national calendar and for each
of the 27 UFs (`holidays.BR(subdiv=uf)` against a calendar with `states: [uf]`).
Every day must also be a business day exactly when it is a weekday and not such a
holiday.

A failure lists every mismatch (year, date, name on each side). The reference
version is pinned in requirements-test.txt.
"""

from __future__ import annotations

import datetime
from typing import Dict, List, Optional

import holidays
import pytest

import crm_rules

FIRST_YEAR = 1990
LAST_YEAR = 2099
UFS = [
    "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA",
    "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
]


def holidays_ours(calendar: crm_rules.Calendar) -> Dict[datetime.date, str]:
    out: Dict[datetime.date, str] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for h in calendar.holidays_in(year):
            out[h["date"]] = f"{out[h['date']]}; {h['name']}" if h["date"] in out else h["name"]
    return out


def holidays_reference(subdiv: Optional[str]) -> Dict[datetime.date, str]:
    ref = holidays.BR(subdiv=subdiv, years=range(FIRST_YEAR, LAST_YEAR + 1), language="pt_BR")
    return {d: str(name) for d, name in sorted(ref.items())}


def mismatches(ours: Dict[datetime.date, str], ref: Dict[datetime.date, str]) -> List[str]:
    lines = []
    for d in sorted(set(ours) | set(ref)):
        if (d in ours) != (d in ref):
            lines.append(
                f"{d.year} {d.isoformat()} ({d.strftime('%a')}): "
                f"crm_rules={ours.get(d, '-')!r} holidays.BR={ref.get(d, '-')!r}"
            )
    return lines


def business_day_disagreements(calendar: crm_rules.Calendar, ours: Dict[datetime.date, str]) -> List[str]:
    lines = []
    day = datetime.date(FIRST_YEAR, 1, 1)
    last = datetime.date(LAST_YEAR, 12, 31)
    one = datetime.timedelta(days=1)
    while day <= last:
        expected = day.weekday() < 5 and day not in ours
        if calendar.is_business_day(day) != expected:
            lines.append(f"{day.isoformat()} ({day.strftime('%a')}): is_business_day={expected!s} expected, holidays_in says {ours.get(day, '-')!r}")
        day += one
    return lines


def report(label: str, lines: List[str]) -> str:
    return f"{label}: {len(lines)} mismatch(es)\n" + "\n".join(lines)


def test_national_calendar_matches_holidays_br() -> None:
    calendar = crm_rules.Calendar()
    ours = holidays_ours(calendar)
    lines = mismatches(ours, holidays_reference(None))
    assert not lines, report("national", lines)


def test_national_business_days_follow_holidays_in() -> None:
    calendar = crm_rules.Calendar()
    lines = business_day_disagreements(calendar, holidays_ours(calendar))
    assert not lines, report("national is_business_day vs holidays_in", lines)


@pytest.mark.parametrize("uf", UFS)
def test_state_calendar_matches_holidays_br(uf: str) -> None:
    calendar = crm_rules.Calendar(crm_rules.Policy.from_dict({"calendar": {"states": [uf]}}))
    ours = holidays_ours(calendar)
    lines = mismatches(ours, holidays_reference(uf))
    assert not lines, report(f"UF {uf}", lines)


@pytest.mark.parametrize("uf", UFS)
def test_state_business_days_follow_holidays_in(uf: str) -> None:
    calendar = crm_rules.Calendar(crm_rules.Policy.from_dict({"calendar": {"states": [uf]}}))
    lines = business_day_disagreements(calendar, holidays_ours(calendar))
    assert not lines, report(f"UF {uf} is_business_day vs holidays_in", lines)
