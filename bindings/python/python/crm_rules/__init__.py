"""crm-rules for Python: Brazilian business-day calendar, agendamento, inbound-contact
rules and identifier normalisation (CPF, CNPJ, phone, e-mail, search keys).

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
parameter name as ``path``); only :func:`evaluate` and the mappings (an
``agendamento``, an inbound ``contact``, an ``interaction``) also take ISO strings,
as in JSON. Errors of the core map to :class:`CrmError`
subclasses by category; no ``TypeError`` is raised for a wrong argument type.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Union, cast

from . import _native, _rules, _types
from ._convert import PolicyLike, invalid
from ._errors import (
    CrmError,
    ErrorDict,
    OutOfRangeError,
    PolicyError,
    UnknownRuleError,
    ValidationError,
)
from ._native import MAX_YEAR, MIN_YEAR, Calendar, Policy, __version__
from ._native import (  # identifiers and text (CAD-2, CAD-4): native, no JSON round trip
    clean_text,
    format_cnpj,
    format_cpf,
    is_valid_cnpj,
    is_valid_cpf,
    normalize_email,
    normalize_phone,
    search_key,
)
from ._rules import *  # noqa: F403  (one typed function per rule, generated)
from ._types import *  # noqa: F403  (the TypedDicts of every input and answer, generated)

__all__ = [
    "__version__",
    "MAX_YEAR",
    "MIN_YEAR",
    "Calendar",
    "CalendarLike",
    "CrmError",
    "ErrorDict",
    "OutOfRangeError",
    "Policy",
    "PolicyError",
    "PolicyLike",
    "UnknownRuleError",
    "ValidationError",
    "add_business_days",
    "business_days_between",
    "clean_text",
    "evaluate",
    "format_cnpj",
    "format_cpf",
    "holidays_in",
    "is_business_day",
    "is_valid_cnpj",
    "is_valid_cpf",
    "normalize_email",
    "normalize_phone",
    "rule_names",
    "search_key",
]
__all__ += _rules.__all__
__all__ += _types.__all__

CalendarLike = Union[Calendar, Policy, Mapping[str, Any], None]
"""What ``calendar=`` accepts: a Calendar, a Policy, a policy dict or None (national)."""

_national: Optional[Calendar] = None


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
    raise invalid("calendar", f"expected a Calendar, a Policy, a dict or None, got `{type(calendar).__name__}`")


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
    >>> len(rule_names()) == len(set(rule_names()))
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


def holidays_in(year: int, calendar: CalendarLike = None) -> List[_types.Holiday]:
    """Every holiday and closure of ``year`` in ``calendar``, sorted by date.

    >>> [h["name_en"] for h in holidays_in(2024)][:2]
    ["New Year's Day", 'Good Friday']
    >>> sp = Policy.from_dict({"calendar": {"states": ["SP"]}})
    >>> [(h["date"], h["name"]) for h in holidays_in(2024, sp) if h["scope"] == "state:SP"]
    [(datetime.date(2024, 7, 9), 'Revolução Constitucionalista')]
    """
    return _calendar(calendar).holidays_in(year)
