"""Argument checks and the one call every generated rule function makes."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Dict, List, Optional, Union

from . import _native
from ._errors import CrmError, ValidationError
from ._native import Calendar, Policy

CalendarLike = Union[Calendar, Policy, Mapping[str, Any], None]
"""What ``calendar=`` accepts: a Calendar, a Policy, a policy dict or None (national)."""

PolicyLike = Union[Policy, Calendar, Mapping[str, Any], None]
"""What ``policy=`` accepts: a Policy, a policy dict, a Calendar (its policy) or None (defaults)."""


def invalid(path: str, message: str) -> ValidationError:
    return ValidationError("input.invalid", path, f"{path}: invalid input: {message}")


def check_date(value: object, name: str) -> datetime.date:
    """``value`` if it is a ``datetime.date`` (and not a ``datetime.datetime``)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise invalid(name, f"expected a datetime.date, got `{type(value).__name__}`")


def check_mapping(value: object, name: str) -> Dict[str, Any]:
    """A shallow copy of ``value`` if it is a mapping."""
    if isinstance(value, Mapping):
        return dict(value)
    raise invalid(name, f"expected a mapping, got `{type(value).__name__}`")


def check_sequence(value: object, name: str) -> List[Any]:
    """A list copy of a sequence (not a string, not a mapping)."""
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return list(value)
    raise invalid(name, f"expected a sequence, got `{type(value).__name__}`")


def policy_of(policy: PolicyLike) -> Optional[Union[Policy, Mapping[str, Any]]]:
    """The policy that ``policy=`` designates, as the core's input takes it."""
    if policy is None or isinstance(policy, (Policy, Mapping)):
        return policy
    if isinstance(policy, Calendar):
        return policy.policy
    raise invalid("policy", f"expected a Policy, a dict, a Calendar or None, got `{type(policy).__name__}`")


def call(rule: str, request: Dict[str, Any], policy: PolicyLike, renames: Dict[str, str]) -> Any:
    """Runs ``rule`` on ``request`` (plus ``policy=``), answering ``datetime.date``
    wherever the answer's schema has a date. An error at an input path that a
    parameter fills (``sale.subject``) is reported under the parameter's name."""
    chosen = policy_of(policy)
    if chosen is not None:
        if request.get("policy") is not None:
            raise invalid("policy", "given both in the input and as policy=")
        request["policy"] = chosen
    try:
        return _native.evaluate(rule, request, date_objects=True)
    except CrmError as error:
        new = renames.get(error.path or "")
        if new is None:
            raise
        old = error.path or ""
        message = new + error.message[len(old) :] if error.message.startswith(old) else error.message
        raise type(error)(error.code, new, message) from None
