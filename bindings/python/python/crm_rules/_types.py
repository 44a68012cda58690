"""Typed shapes (TypedDicts) of the answers of crm_rules. See docs/API.md."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Literal, Optional, TypedDict

__all__ = [
    "Agendamento",
    "CreateDecision",
    "CreateOutcome",
    "Decision",
    "EvaluateDecision",
    "EvaluateOutcome",
    "Holiday",
    "Reason",
    "RenewDecision",
    "RenewOutcome",
    "Status",
]


class Holiday(TypedDict):
    """One holiday (or closure) of a calendar, as returned by ``holidays_in``.

    ``scope`` is ``"national"``, ``"optional"``, ``"state:SP"``, ``"municipal"`` or
    ``"company"``.
    """

    date: datetime.date
    name: str
    name_en: str
    law: str
    scope: str


class Reason(TypedDict):
    """Why a decision came out as it did: the rule ID, messages and the facts used."""

    rule: str
    message_pt: str
    message_en: str
    facts: Dict[str, Any]


class Decision(TypedDict):
    """A JSON-shaped answer of ``evaluate``: ``{"outcome", "reasons"}``."""

    outcome: Any
    reasons: List[Reason]


class Agendamento(TypedDict):
    """A scheduled follow-up (dates as ``datetime.date``)."""

    id: Optional[str]
    kind: str
    subject: str
    owner: str
    created_on: datetime.date
    deadline: datetime.date
    renewals: int
    manager_validated: bool
    purpose: Optional[str]


class CreateOutcome(TypedDict):
    """Outcome of ``create_agendamento``."""

    accepted: bool
    agendamento: Optional[Agendamento]
    maximum: datetime.date


class CreateDecision(TypedDict):
    """Answer of ``create_agendamento``."""

    outcome: CreateOutcome
    reasons: List[Reason]


class RenewOutcome(TypedDict):
    """Outcome of ``renew_agendamento`` (``agendamento`` unchanged when refused)."""

    accepted: bool
    agendamento: Agendamento
    maximum: datetime.date


class RenewDecision(TypedDict):
    """Answer of ``renew_agendamento``."""

    outcome: RenewOutcome
    reasons: List[Reason]


Status = Literal["live", "expired", "disregarded", "not_started"]


class EvaluateOutcome(TypedDict):
    """Outcome of ``evaluate_agendamento``."""

    status: Status
    deadline: datetime.date
    maximum: datetime.date
    span_business_days: int
    within_maximum: bool
    sales_priority: bool


class EvaluateDecision(TypedDict):
    """Answer of ``evaluate_agendamento``."""

    outcome: EvaluateOutcome
    reasons: List[Reason]
