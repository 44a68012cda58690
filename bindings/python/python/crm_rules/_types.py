"""Typed shapes (TypedDicts) of the answers of crm_rules. See docs/API.md."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, TypedDict, Union

__all__ = [
    "Account",
    "AccountStatus",
    "ActiveStatus",
    "Agendamento",
    "AgendamentoInput",
    "Alert",
    "Boleto",
    "BoletoAlert",
    "BoletoDecision",
    "BoletoInput",
    "Channel",
    "CloseAfterSale",
    "CloseAfterSaleDecision",
    "ClosingSale",
    "Commission",
    "CommissionDecision",
    "CommissionTo",
    "ContactRequest",
    "DateLike",
    "DateRange",
    "Debt",
    "DebtDecision",
    "DebtInput",
    "DebtOutcome",
    "InactiveAutomaticStatus",
    "InactiveManualStatus",
    "InboundContact",
    "InboundDecision",
    "InboundOutcome",
    "Interaction",
    "InteractionCheck",
    "InteractionDecision",
    "InteractionError",
    "InteractionWarning",
    "ReinstatementDecision",
    "ReinstatementOutcome",
    "Requester",
    "RequiredAction",
    "RequiredActionCode",
    "Route",
    "RouteDecision",
    "RouteOutcome",
    "SaleRequest",
    "Team",
    "ThirdPartyDecision",
    "ThirdPartyOutcome",
    "User",
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


# ---------------------------------------------------------------------------
# Inbound contact (docs/API.md, "Inbound contact"): inputs
#
# Input shapes follow the core's serde structs exactly: keys of the ``total=False``
# classes are optional (the core's defaults apply), every other key is required,
# and unknown keys are an error (``input.invalid``). Input dates may be
# ``datetime.date`` or ISO ``YYYY-MM-DD`` strings.
# ---------------------------------------------------------------------------

DateLike = Union[datetime.date, str]
"""An input date: a ``datetime.date`` or an ISO ``YYYY-MM-DD`` string."""

Channel = Literal["chat", "email", "phone", "whatsapp"]
Team = Literal["commercial", "support", "central", "manager"]
Requester = Literal["holder", "third_party"]


class DateRange(TypedDict):
    """An inclusive range of dates (a vacation)."""

    start: DateLike
    end: DateLike


class _UserRequired(TypedDict):
    id: str
    team: Team


class User(_UserRequired, total=False):
    """A user: team and when they are away (vacations win over absences)."""

    vacations: Sequence[DateRange]
    absences: Sequence[DateLike]


class ActiveStatus(TypedDict):
    """``account.status`` of an active client (the default)."""

    state: Literal["active"]


class InactiveManualStatus(TypedDict):
    """``account.status`` of an account inactivated by a user (REI-1)."""

    state: Literal["inactive_manual"]
    by: str
    on: DateLike
    client_answered: bool


class InactiveAutomaticStatus(TypedDict):
    """``account.status`` of an account inactivated automatically (REI-2)."""

    state: Literal["inactive_automatic"]
    on: DateLike


AccountStatus = Union[ActiveStatus, InactiveManualStatus, InactiveAutomaticStatus]
"""Whether the account is active, and how it was inactivated (tag ``state``)."""


class _DebtInputRequired(TypedDict):
    since: DateLike
    amount_centavos: int


class DebtInput(_DebtInputRequired, total=False):
    """A debt of the account, as given in ``account.debts``."""

    id: Optional[str]


class _BoletoInputRequired(TypedDict):
    due: DateLike
    amount_centavos: int


class BoletoInput(_BoletoInputRequired, total=False):
    """An open boleto, as given in ``account.open_boletos``."""

    id: Optional[str]


class _AgendamentoInputRequired(TypedDict):
    kind: str
    subject: str
    owner: str
    created_on: DateLike


class AgendamentoInput(_AgendamentoInputRequired, total=False):
    """An agendamento as an input (``deadline`` defaults to created + initial days)."""

    id: Optional[str]
    deadline: Optional[DateLike]
    renewals: int
    manager_validated: bool
    purpose: Optional[str]


class Account(TypedDict, total=False):
    """An account: status, registration data, debts, open boletos, agendamentos."""

    id: Optional[str]
    status: AccountStatus
    registration: Mapping[str, str]
    debts: Sequence[DebtInput]
    open_boletos: Sequence[BoletoInput]
    agendamentos: Sequence[AgendamentoInput]


class SaleRequest(TypedDict, total=False):
    """A sale the client asks for (of ``contact.subject``)."""

    discount_centavos: int
    via_dispatch_campaign: bool


class _ContactRequestRequired(TypedDict):
    channel: Channel
    subject: str


class ContactRequest(_ContactRequestRequired, total=False):
    """What the client asks (``decided`` defaults to True, ``requester`` to ``"holder"``)."""

    decided: bool
    requester: Requester
    confirmed_data: Mapping[str, str]
    field_changes: Mapping[str, str]
    sale: Optional[SaleRequest]


class _InboundContactRequired(TypedDict):
    on: DateLike
    attendant: str
    account: Account
    contact: ContactRequest


class InboundContact(_InboundContactRequired, total=False):
    """Everything known when a client gets in touch: the input of every ``contact.*`` rule.

    ``owner_responded`` defaults to True; ``closed_by`` to the routed user;
    ``initial_handler`` to the holding agendamento's owner.
    """

    owner_responded: bool
    closed_by: Optional[str]
    initial_handler: Optional[str]
    users: Sequence[User]


class _InteractionRequired(TypedDict):
    channel: Channel


class Interaction(_InteractionRequired, total=False):
    """One recorded contact with a client (``answered`` defaults to True)."""

    reason: Optional[str]
    answered: bool
    recorded_as_attempt: bool
    note: Optional[str]
    link: Optional[str]
    first_of_case: bool
    closes_agendamento: bool


class ClosingSale(TypedDict):
    """The sale that closes agendamentos (AGD-5)."""

    subject: str
    seller: str


# ---------------------------------------------------------------------------
# Inbound contact: outcomes (dates as ``datetime.date``)
# ---------------------------------------------------------------------------

Route = Literal["agendamento_owner", "available_seller", "attendant", "inactivating_user", "commercial_team"]
CommissionTo = Literal["user", "manager_decides"]
RequiredActionCode = Literal[
    "record_interaction", "confirm_data", "send_copy_to_administrator", "holder_validation", "settle_debt_or_manager"
]
InteractionError = Literal["missing_reason", "unanswered_call_not_attempt", "empty_closing_note"]
InteractionWarning = Literal["missing_link"]


class Debt(TypedDict):
    """A debt in an answer."""

    id: Optional[str]
    since: datetime.date
    amount_centavos: int


class Boleto(TypedDict):
    """An open boleto in an answer."""

    id: Optional[str]
    due: datetime.date
    amount_centavos: int


class RouteOutcome(TypedDict):
    """Outcome of ``route_contact`` (``contact.route``)."""

    route: Route
    user: Optional[str]
    holding_agendamento: Optional[str]


class RouteDecision(TypedDict):
    """Answer of ``route_contact``."""

    outcome: RouteOutcome
    reasons: List[Reason]


class Commission(TypedDict):
    """Outcome of ``commission``: a user (``to == "user"``) or the manager decides (``user`` None)."""

    to: CommissionTo
    user: Optional[str]


class CommissionDecision(TypedDict):
    """Answer of ``commission``."""

    outcome: Commission
    reasons: List[Reason]


class ReinstatementOutcome(TypedDict):
    """Outcome of ``reinstatement``: the user the case is reserved for, or None (anyone)."""

    reserved_for: Optional[str]


class ReinstatementDecision(TypedDict):
    """Answer of ``reinstatement``."""

    outcome: ReinstatementOutcome
    reasons: List[Reason]


class DebtOutcome(TypedDict):
    """Outcome of ``debt_decision`` (``contact.debt``)."""

    sale_allowed: bool
    discount_allowed: bool
    debts_forgiven: List[Debt]
    forgiven_centavos: int
    blocking_debts: List[Debt]


class DebtDecision(TypedDict):
    """Answer of ``debt_decision``."""

    outcome: DebtOutcome
    reasons: List[Reason]


class BoletoAlert(TypedDict):
    """Outcome of ``open_boletos`` (``contact.open_boletos``)."""

    alert: bool
    boletos: List[Boleto]
    total_centavos: int


class BoletoDecision(TypedDict):
    """Answer of ``open_boletos``."""

    outcome: BoletoAlert
    reasons: List[Reason]


class ThirdPartyOutcome(TypedDict):
    """Outcome of ``third_party`` (``contact.third_party``); field lists are sorted."""

    sale_allowed: bool
    mismatches: List[str]
    unconfirmed: List[str]
    changes_applied: List[str]
    changes_pending_holder: List[str]
    send_copy_to_administrator: bool


class ThirdPartyDecision(TypedDict):
    """Answer of ``third_party``."""

    outcome: ThirdPartyOutcome
    reasons: List[Reason]


class Alert(TypedDict):
    """An alert to give the client (``inbound_contact``)."""

    code: Literal["open_boletos"]
    boletos: List[Boleto]
    total_centavos: int


class RequiredAction(TypedDict):
    """Something the attendant must do, with the fields concerned."""

    code: RequiredActionCode
    fields: List[str]


class InboundOutcome(TypedDict):
    """Outcome of ``inbound_contact`` (``contact.inbound``)."""

    route: RouteOutcome
    sale_allowed: bool
    discount_allowed: bool
    debts_forgiven: List[Debt]
    forgiven_centavos: int
    alerts: List[Alert]
    required_actions: List[RequiredAction]
    commission: Commission


class InboundDecision(TypedDict):
    """Answer of ``inbound_contact``."""

    outcome: InboundOutcome
    reasons: List[Reason]


class InteractionCheck(TypedDict):
    """Outcome of ``check_interaction`` (``interaction.check``)."""

    valid: bool
    errors: List[InteractionError]
    warnings: List[InteractionWarning]


class InteractionDecision(TypedDict):
    """Answer of ``check_interaction``."""

    outcome: InteractionCheck
    reasons: List[Reason]


class CloseAfterSale(TypedDict):
    """Outcome of ``agendamentos_to_close``: ids to close (None for one without an id)."""

    to_close: List[Optional[str]]
    closed_by: str


class CloseAfterSaleDecision(TypedDict):
    """Answer of ``agendamentos_to_close`` (``agendamento.close_after_sale``)."""

    outcome: CloseAfterSale
    reasons: List[Reason]
