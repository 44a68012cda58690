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
from typing import Any, Dict, List, cast

from . import _native, _rules, _types
from ._convert import CalendarLike, PolicyLike
from ._errors import (
    CrmError,
    ErrorDict,
    OutOfRangeError,
    PolicyError,
    UnknownRuleError,
    ValidationError,
)
from ._native import MAX_YEAR, MIN_YEAR, Calendar, Policy, __version__
from ._native import (  # calendar, identifiers and text: native, no JSON round trip
    add_business_days,
    business_days_between,
    clean_text,
    format_cnpj,
    format_cpf,
    holidays_in,
    is_business_day,
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
