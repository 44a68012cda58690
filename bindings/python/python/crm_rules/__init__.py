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
from typing import Any, Dict, List, Optional, Sequence, Union, cast

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
from ._types import (
    Account,
    AccountStatus,
    ActiveStatus,
    Agendamento,
    AgendamentoInput,
    Alert,
    Boleto,
    BoletoAlert,
    BoletoDecision,
    BoletoInput,
    Channel,
    CloseAfterSale,
    CloseAfterSaleDecision,
    ClosingSale,
    Commission,
    CommissionDecision,
    CommissionTo,
    ContactRequest,
    CreateDecision,
    CreateOutcome,
    DateLike,
    DateRange,
    Debt,
    DebtDecision,
    DebtInput,
    DebtOutcome,
    Decision,
    EvaluateDecision,
    EvaluateOutcome,
    Holiday,
    InactiveAutomaticStatus,
    InactiveManualStatus,
    InboundContact,
    InboundDecision,
    InboundOutcome,
    Interaction,
    InteractionCheck,
    InteractionDecision,
    InteractionError,
    InteractionWarning,
    Reason,
    ReinstatementDecision,
    ReinstatementOutcome,
    RenewDecision,
    RenewOutcome,
    Requester,
    RequiredAction,
    RequiredActionCode,
    Route,
    RouteDecision,
    RouteOutcome,
    SaleRequest,
    Status,
    Team,
    ThirdPartyDecision,
    ThirdPartyOutcome,
    User,
)

__all__ = [
    "DATE_KEYS",
    "MAX_YEAR",
    "MIN_YEAR",
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
    "Calendar",
    "CalendarLike",
    "Channel",
    "CloseAfterSale",
    "CloseAfterSaleDecision",
    "ClosingSale",
    "Commission",
    "CommissionDecision",
    "CommissionTo",
    "ContactRequest",
    "CreateDecision",
    "CreateOutcome",
    "CrmError",
    "DateLike",
    "DateRange",
    "Debt",
    "DebtDecision",
    "DebtInput",
    "DebtOutcome",
    "Decision",
    "ErrorDict",
    "EvaluateDecision",
    "EvaluateOutcome",
    "Holiday",
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
    "OutOfRangeError",
    "Policy",
    "PolicyError",
    "PolicyLike",
    "Reason",
    "ReinstatementDecision",
    "ReinstatementOutcome",
    "RenewDecision",
    "RenewOutcome",
    "Requester",
    "RequiredAction",
    "RequiredActionCode",
    "Route",
    "RouteDecision",
    "RouteOutcome",
    "SaleRequest",
    "Status",
    "Team",
    "ThirdPartyDecision",
    "ThirdPartyOutcome",
    "UnknownRuleError",
    "User",
    "ValidationError",
    "add_business_days",
    "agendamentos_to_close",
    "business_days_between",
    "check_interaction",
    "check_registration",
    "duplicate_candidates",
    "all_duplicates",
    "duplicate_task",
    "plan_merge",
    "apply_merge",
    "revert_merge",
    "clean_text",
    "commission",
    "create_agendamento",
    "debt_decision",
    "evaluate",
    "evaluate_agendamento",
    "format_cnpj",
    "format_cpf",
    "holidays_in",
    "inbound_contact",
    "is_business_day",
    "is_valid_cnpj",
    "is_valid_cpf",
    "normalize_email",
    "normalize_phone",
    "open_boletos",
    "reinstatement",
    "renew_agendamento",
    "route_contact",
    "rule_names",
    "search_key",
    "third_party",
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


# ---------------------------------------------------------------------------
# Inbound contact (docs/API.md, "Inbound contact") and the other rules
# ---------------------------------------------------------------------------


def _with_policy(rule: str, request: Dict[str, Any], policy: PolicyLike) -> Any:
    """Adds ``policy=`` to ``request`` and runs ``rule``; answers with ``datetime.date`` values."""
    chosen = _policy(policy)
    if chosen is not None:
        if request.get("policy") is not None:
            raise _invalid("policy", "given both in the input and as policy=")
        request["policy"] = chosen
    return _native.evaluate(rule, request, date_objects=True)


def _mapping(value: object, name: str) -> Dict[str, Any]:
    """A shallow copy of ``value`` if it is a mapping."""
    if isinstance(value, Mapping):
        return dict(value)
    raise _invalid(name, f"expected a mapping, got `{type(value).__name__}`")


def _contact_rule(rule: str, contact: Mapping[str, Any], policy: PolicyLike) -> Any:
    return _with_policy(rule, _mapping(contact, "contact"), policy)


def inbound_contact(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> InboundDecision:
    """Everything decided when a client gets in touch (rule ``contact.inbound``).

    ``contact`` is the whole :class:`InboundContact` input of docs/API.md (dates as
    ``datetime.date`` or ISO strings); it may carry ``"policy"`` instead of ``policy=``.
    The outcome gathers the route (REI, RCP), the debt decision (DEB), the open-boleto
    alerts (MOV-4), the third-party checks (TPC), the actions to take and the commission
    (COM). Dates in the answer are ``datetime.date``. Errors name the field, e.g. a
    missing ``attendant`` raises :class:`ValidationError` (``input.missing_field``,
    path ``attendant``).

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno",
    ...     "users": [{"id": "ana", "team": "commercial"}, {"id": "bruno", "team": "support"}],
    ...     "account": {
    ...         "agendamentos": [{"id": "A-1", "kind": "sales_with_contact", "subject": "intimação",
    ...                           "owner": "ana", "created_on": "2026-11-19"}],
    ...         "open_boletos": [{"id": "B-1", "due": "2026-11-01", "amount_centavos": 5000}]},
    ...     "contact": {"channel": "phone", "subject": "Intimação"},
    ... }
    >>> out = inbound_contact(contact)["outcome"]
    >>> out["route"]["route"], out["route"]["user"], out["commission"]["user"], out["sale_allowed"]
    ('agendamento_owner', 'ana', 'ana', True)
    >>> alert = out["alerts"][0]
    >>> alert["code"], alert["boletos"][0]["due"], alert["total_centavos"]
    ('open_boletos', datetime.date(2026, 11, 1), 5000)
    >>> [a["code"] for a in out["required_actions"]]
    ['record_interaction']
    >>> inbound_contact({k: v for k, v in contact.items() if k != "attendant"})
    Traceback (most recent call last):
    ...
    crm_rules._errors.ValidationError: attendant: required field is missing
    """
    return cast(InboundDecision, _contact_rule("contact.inbound", contact, policy))


def route_contact(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> RouteDecision:
    """Who attends the contact (rule ``contact.route``; REI-1, RCP-1..5).

    ``contact`` is an :class:`InboundContact` mapping. The route is one of
    ``inactivating_user``, ``agendamento_owner``, ``available_seller``,
    ``commercial_team`` or ``attendant``.

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno",
    ...     "users": [{"id": "ana", "team": "commercial", "absences": [datetime.date(2026, 11, 23)]},
    ...               {"id": "bruno", "team": "commercial"}],
    ...     "account": {"agendamentos": [{"id": "A-1", "kind": "sales_with_contact", "subject": "intimação",
    ...                                   "owner": "ana", "created_on": "2026-11-19"}]},
    ...     "contact": {"channel": "chat", "subject": "intimação"},
    ... }
    >>> out = route_contact(contact)["outcome"]  # the owner is absent (RCP-5)
    >>> out["route"], out["user"], out["holding_agendamento"]
    ('available_seller', 'bruno', 'A-1')
    """
    return cast(RouteDecision, _contact_rule("contact.route", contact, policy))


def commission(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> CommissionDecision:
    """Who earns the commission of the contact's sale (rule ``contact.commission``; COM-1..4).

    Exactly one of ``{"to": "user", "user": id}`` or ``{"to": "manager_decides", "user": None}``.

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno", "owner_responded": False,
    ...     "users": [{"id": "ana", "team": "commercial"}, {"id": "bruno", "team": "commercial"}],
    ...     "account": {"agendamentos": [{"id": "A-1", "kind": "sales_with_contact", "subject": "intimação",
    ...                                   "owner": "ana", "created_on": "2026-11-19"}]},
    ...     "contact": {"channel": "chat", "subject": "intimação"},
    ... }
    >>> commission(contact)["outcome"]["to"]  # transferred: the owner did not respond (COM-3)
    'manager_decides'
    >>> commission(dict(contact, owner_responded=True))["outcome"]["user"]
    'ana'
    """
    return cast(CommissionDecision, _contact_rule("contact.commission", contact, policy))


def reinstatement(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> ReinstatementDecision:
    """Who may re-contract an inactivated account (rule ``contact.reinstatement``; REI-1..2).

    A manual inactivation by U is reserved for U within ``manual_window_days`` (15
    calendar days) when the client answered; otherwise ``reserved_for`` is None.

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno",
    ...     "users": [{"id": "bruno", "team": "support"}, {"id": "carla", "team": "commercial"}],
    ...     "account": {"status": {"state": "inactive_manual", "by": "carla",
    ...                            "on": datetime.date(2026, 11, 10), "client_answered": True}},
    ...     "contact": {"channel": "email", "subject": "intimação"},
    ... }
    >>> reinstatement(contact)["outcome"]
    {'reserved_for': 'carla'}
    >>> reinstatement(contact, policy={"reinstatement": {"manual_window_days": 10}})["outcome"]
    {'reserved_for': None}
    """
    return cast(ReinstatementDecision, _contact_rule("contact.reinstatement", contact, policy))


def debt_decision(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> DebtDecision:
    """Whether the account's debts allow the sale (rule ``contact.debt``; DEB-1..2).

    Debts older than ``forgive_after_months`` (12) are forgiven (no discount unless via
    a dispatch campaign); any newer debt blocks the sale.

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno", "users": [{"id": "bruno", "team": "commercial"}],
    ...     "account": {"debts": [{"id": "D-1", "since": datetime.date(2025, 1, 10), "amount_centavos": 12000}]},
    ...     "contact": {"channel": "chat", "subject": "intimação"},
    ... }
    >>> out = debt_decision(contact)["outcome"]
    >>> out["sale_allowed"], out["discount_allowed"], out["forgiven_centavos"], out["debts_forgiven"][0]["since"]
    (True, False, 12000, datetime.date(2025, 1, 10))
    """
    return cast(DebtDecision, _contact_rule("contact.debt", contact, policy))


def open_boletos(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> BoletoDecision:
    """The open-boleto alert of the contact (rule ``contact.open_boletos``; MOV-4). Never blocks a sale.

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno", "users": [{"id": "bruno", "team": "support"}],
    ...     "account": {"open_boletos": [{"due": "2026-11-01", "amount_centavos": 5000},
    ...                                  {"id": "B-2", "due": "2026-11-10", "amount_centavos": 2500}]},
    ...     "contact": {"channel": "chat", "subject": "intimação"},
    ... }
    >>> out = open_boletos(contact)["outcome"]
    >>> out["alert"], out["total_centavos"], [b["id"] for b in out["boletos"]]
    (True, 7500, [None, 'B-2'])
    """
    return cast(BoletoDecision, _contact_rule("contact.open_boletos", contact, policy))


def third_party(contact: Mapping[str, Any], *, policy: PolicyLike = None) -> ThirdPartyDecision:
    """What the requester may do (rule ``contact.third_party``; TPC-1..3).

    A third party must confirm the ``confirmation_fields`` (name, document) as
    registered; changes to sensitive fields wait for the holder. Field lists are sorted.

    >>> contact = {
    ...     "on": datetime.date(2026, 11, 23), "attendant": "bruno", "users": [{"id": "bruno", "team": "commercial"}],
    ...     "account": {"registration": {"name": "Silva Advocacia", "document": "12.345.678/0001-95"}},
    ...     "contact": {"channel": "phone", "subject": "intimação", "requester": "third_party",
    ...                 "confirmed_data": {"name": "silva advocacia", "document": "12345678000195"},
    ...                 "field_changes": {"phone": "+5511988887777", "email": "novo@silva.adv.br"}},
    ... }
    >>> out = third_party(contact)["outcome"]
    >>> out["sale_allowed"], out["changes_applied"], out["changes_pending_holder"], out["send_copy_to_administrator"]
    (True, ['phone'], ['email'], True)
    """
    return cast(ThirdPartyDecision, _contact_rule("contact.third_party", contact, policy))


def check_interaction(interaction: Mapping[str, Any], *, policy: PolicyLike = None) -> InteractionDecision:
    """Checks how an interaction was recorded (rule ``interaction.check``; MOV-1..3).

    ``interaction`` is an :class:`Interaction` mapping; errors of the core name
    the field as ``interaction.<field>``.

    >>> out = check_interaction({"channel": "phone", "reason": None, "answered": False})["outcome"]
    >>> out["valid"], out["errors"], out["warnings"]
    (False, ['missing_reason', 'unanswered_call_not_attempt'], [])
    >>> check_interaction({"channel": "chat", "reason": "venda", "first_of_case": True})["outcome"]["warnings"]
    ['missing_link']
    """
    return cast(InteractionDecision, _with_policy("interaction.check", {"interaction": _mapping(interaction, "interaction")}, policy))


def _renamed(error: CrmError, old: str, new: str) -> CrmError:
    """``error`` with path ``old`` (and its message's prefix) renamed ``new``."""
    if error.path != old:
        return error
    message = new + error.message[len(old) :] if error.message.startswith(old) else error.message
    return type(error)(error.code, new, message)


def agendamentos_to_close(
    agendamentos: Sequence[Mapping[str, Any]],
    subject: str,
    seller: str,
    *,
    policy: PolicyLike = None,
) -> CloseAfterSaleDecision:
    """The agendamentos a sale closes (rule ``agendamento.close_after_sale``; AGD-5).

    After ``seller`` sells ``subject``, the agendamentos about that product/service
    (compared case-, accent- and space-insensitively) are closed, in input order; an
    agendamento without an id gives None.

    >>> ags = [{"id": "A-1", "kind": "sales_with_contact", "subject": "intimação", "owner": "ana", "created_on": "2026-11-19"},
    ...        {"id": "A-2", "kind": "support", "subject": "publicações", "owner": "ana", "created_on": "2026-11-19"},
    ...        {"id": "A-3", "kind": "without_contact", "subject": " INTIMACAO ", "owner": "bruno",
    ...         "created_on": datetime.date(2026, 11, 20)}]
    >>> agendamentos_to_close(ags, "Intimação", "carla")["outcome"]
    {'closed_by': 'carla', 'to_close': ['A-1', 'A-3']}
    """
    if isinstance(agendamentos, (str, bytes, Mapping)) or not isinstance(agendamentos, Sequence):
        raise _invalid("agendamentos", f"expected a sequence of mappings, got `{type(agendamentos).__name__}`")
    request: Dict[str, Any] = {"agendamentos": list(agendamentos), "sale": {"subject": subject, "seller": seller}}
    try:
        return cast(CloseAfterSaleDecision, _with_policy("agendamento.close_after_sale", request, policy))
    except CrmError as error:
        renamed = _renamed(_renamed(error, "sale.subject", "subject"), "sale.seller", "seller")
        if renamed is error:
            raise
        raise renamed from None


def _records(value: object, name: str) -> List[Any]:
    """A list copy of a sequence (not a string)."""
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return list(value)
    raise _invalid(name, f"expected a sequence, got `{type(value).__name__}`")


def check_registration(
    atendimento: Mapping[str, Any], registered_contact_ids: Sequence[str], *, policy: PolicyLike = None
) -> Decision:
    """Checks an initial atendimento (rule ``registration.check``; CAD-1, CAD-3).

    Every missing or invalid field is reported at once, with its path.

    >>> out = check_registration({"contact_id": "C-1", "name": " Ana  Souza ", "phone": "(11) 98765-4321",
    ...                           "email": " Ana@X.com.br ", "reason": "venda"}, ["C-1"])["outcome"]
    >>> out["accepted"], out["normalized"]["phone"], out["normalized"]["email"]
    (True, '+5511987654321', 'ana@x.com.br')
    >>> [p["path"] for p in check_registration({"contact_id": "C-9"}, ["C-1"])["outcome"]["problems"]]
    ['atendimento.contact_id', 'atendimento.name', 'atendimento.phone', 'atendimento.email', 'atendimento.reason']
    """
    request = {
        "atendimento": _mapping(atendimento, "atendimento"),
        "registered_contact_ids": _records(registered_contact_ids, "registered_contact_ids"),
    }
    return cast(Decision, _with_policy("registration.check", request, policy))


def duplicate_candidates(
    records: Sequence[Mapping[str, Any]], record: Mapping[str, Any], *, policy: PolicyLike = None
) -> Decision:
    """The likely duplicates of ``record`` among ``records`` (rule ``duplicates.candidates``; CAD-5).

    >>> recs = [{"id": "a", "name": "João da Silva", "document": "529.982.247-25"},
    ...         {"id": "b", "name": "Maria Souza", "document": "52998224725"}]
    >>> [(c["id"], c["matched"]) for c in duplicate_candidates(recs, recs[0])["outcome"]]
    [('b', ['document'])]
    """
    request = {"records": _records(records, "records"), "record": _mapping(record, "record")}
    return cast(Decision, _with_policy("duplicates.candidates", request, policy))


def all_duplicates(records: Sequence[Mapping[str, Any]], *, policy: PolicyLike = None) -> Decision:
    """Every likely duplicate pair among ``records`` (rule ``duplicates.all``; CAD-5).

    >>> recs = [{"id": "a", "name": "Ana", "emails": ["ANA@x.com.br"], "phones": ["(11) 98765-4321"]},
    ...         {"id": "b", "name": "Bia", "emails": ["ana@x.com.br"], "phones": ["+55 11 98765 4321"]}]
    >>> [(p["a"], p["b"], p["matched"]) for p in all_duplicates(recs)["outcome"]]
    [('a', 'b', ['email', 'phone'])]
    """
    return cast(Decision, _with_policy("duplicates.all", {"records": _records(records, "records")}, policy))


def duplicate_task(records: Sequence[str], *, policy: PolicyLike = None) -> Decision:
    """The task for handling duplicate ``records`` (rule ``duplicates.task``; CAD-6).

    >>> duplicate_task(["a", "b"])["outcome"]["team"]
    'central'
    """
    return cast(Decision, _with_policy("duplicates.task", {"records": _records(records, "records")}, policy))


def plan_merge(
    records: Sequence[Mapping[str, Any]],
    survivor: str,
    choices: Optional[Mapping[str, str]] = None,
    *,
    policy: PolicyLike = None,
) -> Decision:
    """A reviewable, reversible plan to merge ``records`` into ``survivor`` (rule ``merge.plan``; CAD-7).

    >>> recs = [{"id": "A", "fields": {"city": "Santos"}, "children": {"contacts": ["c1"]}},
    ...         {"id": "B", "fields": {"city": "Campinas"}, "children": {"sales": ["s1"]}}]
    >>> plan = plan_merge(recs, "A")["outcome"]
    >>> [c["field"] for c in plan["conflicts"]], plan["moves"]
    (['city'], [{'child': 's1', 'from': 'B', 'kind': 'sales', 'to': 'A'}])
    >>> plan_merge(recs, "A", {"city": "B"})["outcome"]["fields"]["city"]
    {'from': 'B', 'value': 'Campinas'}
    """
    request: Dict[str, Any] = {"records": _records(records, "records"), "survivor": survivor}
    if choices is not None:
        request["choices"] = _mapping(choices, "choices")
    return cast(Decision, _with_policy("merge.plan", request, policy))


def apply_merge(records: Sequence[Mapping[str, Any]], plan: Mapping[str, Any], *, policy: PolicyLike = None) -> Decision:
    """Applies a merge plan: nothing is lost (rule ``merge.apply``; CAD-7).

    Raises :class:`ValidationError` (path ``plan.conflicts``) while conflicts remain.

    >>> recs = [{"id": "A", "children": {"contacts": ["c1"]}}, {"id": "B", "children": {"contacts": ["c2"]}}]
    >>> plan = plan_merge(recs, "A")["outcome"]
    >>> apply_merge(recs, plan)["outcome"]["survivor"]["children"]["contacts"]
    ['c1', 'c2']
    """
    request = {"records": _records(records, "records"), "plan": _mapping(plan, "plan")}
    return cast(Decision, _with_policy("merge.apply", request, policy))


def revert_merge(survivor: Mapping[str, Any], plan: Mapping[str, Any], *, policy: PolicyLike = None) -> Decision:
    """Reverts an applied merge exactly (rule ``merge.revert``; CAD-7).

    >>> recs = [{"id": "A", "children": {"contacts": ["c1"]}}, {"id": "B", "children": {"contacts": ["c2"]}}]
    >>> plan = plan_merge(recs, "A")["outcome"]
    >>> merged = apply_merge(recs, plan)["outcome"]["survivor"]
    >>> [r["children"]["contacts"] for r in revert_merge(merged, plan)["outcome"]["records"]]
    [['c1'], ['c2']]
    """
    request = {"survivor": _mapping(survivor, "survivor"), "plan": _mapping(plan, "plan")}
    return cast(Decision, _with_policy("merge.revert", request, policy))
