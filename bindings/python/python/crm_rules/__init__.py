"""crm-rules for Python: Brazilian business-day calendar and agendamento rules.

Every rule runs in the Rust core (``crm_rules._native``); this package only
converts Python values and names the parameters. See docs/API.md for the contract.

>>> import datetime
>>> import crm_rules
>>> crm_rules.add_business_days(datetime.date(2024, 11, 19), 1)
datetime.date(2024, 11, 21)
>>> crm_rules.evaluate("calendar.add_business_days", {"date": "2024-11-19", "days": 1})["outcome"]
'2024-11-21'

Types: functions taking a date require a ``datetime.date`` (a ``datetime.datetime``
or a ``str`` raises :class:`ValidationError` with code ``input.invalid`` and the
parameter name as ``path``); only :func:`evaluate` and the ``agendamento`` mapping
also take ISO strings, as in JSON. Errors of the core map to :class:`CrmError`
subclasses by category; no ``TypeError`` is raised for a wrong argument type.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Union, cast

from . import _native
from ._errors import (
    CrmError,
    ErrorDict,
    OutOfRangeError,
    PolicyError,
    UnknownRuleError,
    ValidationError,
)
from ._native import DATE_KEYS, MAX_YEAR, MIN_YEAR, Calendar, Policy
from ._types import (
    Agendamento,
    CreateDecision,
    CreateOutcome,
    Decision,
    EvaluateDecision,
    EvaluateOutcome,
    Holiday,
    Reason,
    RenewDecision,
    RenewOutcome,
    Status,
)

__all__ = [
    "DATE_KEYS",
    "MAX_YEAR",
    "MIN_YEAR",
    "Agendamento",
    "Calendar",
    "CalendarLike",
    "CreateDecision",
    "CreateOutcome",
    "CrmError",
    "Decision",
    "ErrorDict",
    "EvaluateDecision",
    "EvaluateOutcome",
    "Holiday",
    "OutOfRangeError",
    "Policy",
    "PolicyError",
    "PolicyLike",
    "Reason",
    "RenewDecision",
    "RenewOutcome",
    "Status",
    "UnknownRuleError",
    "ValidationError",
    "add_business_days",
    "business_days_between",
    "create_agendamento",
    "evaluate",
    "evaluate_agendamento",
    "holidays_in",
    "is_business_day",
    "renew_agendamento",
    "rule_names",
]

CalendarLike = Union[Calendar, Policy, Mapping[str, Any], None]
"""What ``calendar=`` accepts: a Calendar, a Policy, a policy dict or None (national)."""

PolicyLike = Union[Policy, Calendar, Mapping[str, Any], None]
"""What ``policy=`` accepts: a Policy, a policy dict, a Calendar (its policy) or None (defaults)."""

_national: Optional[Calendar] = None


def _invalid(path: str, message: str) -> ValidationError:
    return ValidationError("input.invalid", path, f"{path}: invalid input: {message}")


def _calendar(calendar: CalendarLike) -> Calendar:
    """The Calendar that ``calendar=`` designates."""
    global _national
    if calendar is None:
        if _national is None:
            _national = Calendar()
        return _national
    if isinstance(calendar, Calendar):
        return calendar
    if isinstance(calendar, (Policy, Mapping)):
        return Calendar(calendar)
    raise _invalid("calendar", f"expected a Calendar, a Policy, a dict or None, got `{type(calendar).__name__}`")


def _policy(policy: PolicyLike) -> Union[Policy, Mapping[str, Any], None]:
    """The policy that ``policy=`` designates, as the core's input takes it."""
    if policy is None or isinstance(policy, (Policy, Mapping)):
        return policy
    if isinstance(policy, Calendar):
        return policy.policy
    raise _invalid("policy", f"expected a Policy, a dict, a Calendar or None, got `{type(policy).__name__}`")


def _date(value: object, name: str) -> datetime.date:
    """``value`` if it is a ``datetime.date`` (and not a ``datetime.datetime``)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise _invalid(name, f"expected a datetime.date, got `{type(value).__name__}`")


def evaluate(rule: str, input: Mapping[str, Any]) -> Dict[str, Any]:
    """Runs the rule named ``rule`` on a JSON-shaped ``input`` and returns its decision.

    ``input`` dates may be ``datetime.date`` or ISO strings; the answer is
    JSON-shaped (dates are ISO strings), identical to the shared test vectors.
    Raises a :class:`CrmError` subclass on bad input or an unknown rule.

    >>> answer = evaluate("calendar.is_business_day", {"date": datetime.date(2024, 11, 20)})
    >>> answer["outcome"], answer["reasons"][0]["rule"]
    (False, 'CAL-BD-2')
    >>> evaluate("no.such.rule", {})
    Traceback (most recent call last):
    ...
    crm_rules._errors.UnknownRuleError: unknown rule `no.such.rule`; known rules: ...
    """
    return cast(Dict[str, Any], _native.evaluate(rule, input))


def rule_names() -> List[str]:
    """The names of every rule :func:`evaluate` knows.

    >>> "agendamento.evaluate" in rule_names()
    True
    """
    return _native.rule_names()


def is_business_day(d: datetime.date, calendar: CalendarLike = None) -> bool:
    """Whether ``d`` is a business day (CAL-BD-2) of ``calendar`` (national by default).

    >>> is_business_day(datetime.date(2024, 11, 20))  # Consciência Negra, national from 2024
    False
    >>> is_business_day(datetime.date(2023, 11, 20))
    True
    >>> is_business_day(datetime.date(2024, 1, 25), {"calendar": {"municipal_holidays": [
    ...     {"month": 1, "day": 25, "name": "Aniversário de São Paulo"}]}})
    False
    """
    return _calendar(calendar).is_business_day(d)


def add_business_days(d: datetime.date, n: int, calendar: CalendarLike = None) -> datetime.date:
    """The ``n``-th business day strictly after ``d`` (strictly before for ``n < 0``;
    for ``n == 0``, ``d`` itself if it is a business day, else the next one). CAL-BD-2.

    >>> add_business_days(datetime.date(2026, 4, 2), 1)  # Good Friday and the weekend skipped
    datetime.date(2026, 4, 6)
    >>> add_business_days(datetime.date(2026, 4, 6), -1)
    datetime.date(2026, 4, 2)
    >>> add_business_days("2026-04-02", 1)
    Traceback (most recent call last):
    ...
    crm_rules._errors.ValidationError: d: invalid input: expected a datetime.date, got `str`
    """
    return _calendar(calendar).add_business_days(d, n)


def business_days_between(a: datetime.date, b: datetime.date, calendar: CalendarLike = None) -> int:
    """Business days in ``(a, b]``; negative when ``b < a``. CAL-BD-2.

    >>> business_days_between(datetime.date(2024, 11, 19), datetime.date(2024, 11, 22))
    2
    >>> business_days_between(datetime.date(2024, 11, 22), datetime.date(2024, 11, 19))
    -2
    """
    return _calendar(calendar).business_days_between(a, b)


def holidays_in(year: int, calendar: CalendarLike = None) -> List[Holiday]:
    """Every holiday and closure of ``year`` in ``calendar``, sorted by date.

    >>> [h["name_en"] for h in holidays_in(2024)][:2]
    ["New Year's Day", 'Good Friday']
    >>> sp = Policy.from_dict({"calendar": {"states": ["SP"]}})
    >>> [(h["date"], h["name"]) for h in holidays_in(2024, sp) if h["scope"] == "state:SP"]
    [(datetime.date(2024, 7, 9), 'Revolução Constitucionalista')]
    """
    return _calendar(calendar).holidays_in(year)


def create_agendamento(
    kind: str,
    subject: str,
    owner: str,
    created_on: datetime.date,
    deadline: Optional[datetime.date] = None,
    *,
    id: Optional[str] = None,
    purpose: Optional[str] = None,
    policy: PolicyLike = None,
) -> CreateDecision:
    """Creates an agendamento (rule ``agendamento.create``; AGD-1..3).

    ``deadline`` defaults to ``created_on`` + the initial business days (2). A
    deadline beyond the maximum is refused (``accepted`` False); one not after
    ``created_on`` raises :class:`ValidationError` (path ``deadline``).

    >>> d = create_agendamento("sales_with_contact", "intimação", "ana", datetime.date(2026, 11, 23))
    >>> d["outcome"]["accepted"], d["outcome"]["agendamento"]["deadline"], d["outcome"]["maximum"]
    (True, datetime.date(2026, 11, 25), datetime.date(2026, 12, 1))
    """
    request: Dict[str, Any] = {
        "kind": kind,
        "subject": subject,
        "owner": owner,
        "created_on": _date(created_on, "created_on"),
    }
    if deadline is not None:
        request["deadline"] = _date(deadline, "deadline")
    if id is not None:
        request["id"] = id
    if purpose is not None:
        request["purpose"] = purpose
    chosen = _policy(policy)
    if chosen is not None:
        request["policy"] = chosen
    return cast(CreateDecision, _native.evaluate("agendamento.create", request, date_objects=True))


def renew_agendamento(
    agendamento: Mapping[str, Any],
    on: datetime.date,
    days: Optional[int] = None,
    *,
    manager_approved: bool = False,
    policy: PolicyLike = None,
) -> RenewDecision:
    """Renews ``agendamento`` on date ``on`` (rule ``agendamento.renew``; AGD-2..4).

    ``days`` omitted: deadline + the renewal days (4), capped at the maximum.
    ``manager_approved`` lifts the maximum and the without-contact ban. The
    ``agendamento`` mapping may hold dates as ``datetime.date`` or ISO strings.

    >>> created = create_agendamento("sales_with_contact", "x", "ana", datetime.date(2026, 11, 23))
    >>> ag = created["outcome"]["agendamento"]
    >>> assert ag is not None
    >>> r = renew_agendamento(ag, datetime.date(2026, 11, 24))
    >>> r["outcome"]["accepted"], r["outcome"]["agendamento"]["deadline"], r["outcome"]["agendamento"]["renewals"]
    (True, datetime.date(2026, 12, 1), 1)
    """
    request: Dict[str, Any] = {
        "agendamento": agendamento,
        "on": _date(on, "on"),
        "manager_approved": manager_approved,
    }
    if days is not None:
        request["days"] = days
    chosen = _policy(policy)
    if chosen is not None:
        request["policy"] = chosen
    return cast(RenewDecision, _native.evaluate("agendamento.renew", request, date_objects=True))


def evaluate_agendamento(
    agendamento: Mapping[str, Any],
    on: datetime.date,
    *,
    policy: PolicyLike = None,
) -> EvaluateDecision:
    """The status of ``agendamento`` on date ``on`` (rule ``agendamento.evaluate``; AGD-2..4).

    >>> ag = {"kind": "sales_with_contact", "subject": "x", "owner": "ana",
    ...       "created_on": datetime.date(2026, 11, 23), "deadline": datetime.date(2026, 11, 25)}
    >>> out = evaluate_agendamento(ag, datetime.date(2026, 11, 24))["outcome"]
    >>> out["status"], out["span_business_days"], out["sales_priority"]
    ('live', 2, True)
    """
    request: Dict[str, Any] = {"agendamento": agendamento, "on": _date(on, "on")}
    chosen = _policy(policy)
    if chosen is not None:
        request["policy"] = chosen
    return cast(EvaluateDecision, _native.evaluate("agendamento.evaluate", request, date_objects=True))
