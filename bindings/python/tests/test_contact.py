"""inbound_contact, route_contact, commission, reinstatement, debt_decision, open_boletos,
third_party, check_interaction, agendamentos_to_close: thin wrappers of the core's
contact.*, interaction.check and agendamento.close_after_sale rules.

Expected values are worked out by hand from docs/API.md ("Inbound contact"). Calendar
facts used: Thu 2026-11-19; Fri 2026-11-20 is Consciência Negra (national holiday
since 2024); Mon 2026-11-23 is the contact day T. A sales agendamento with contact
created on 19 Nov without a deadline gets created + 2 business days = Tue 24 Nov,
so on T it is live with a span of 2 business days: it gives sales priority (RCP-1).
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List, Optional

import pytest

import crm_rules
from crm_rules import InboundContact, Interaction, Policy, ValidationError
from conftest import iso, repo_root

D = datetime.date
T = D(2026, 11, 23)

HOLDING: Dict[str, Any] = {
    "id": "A-1",
    "kind": "sales_with_contact",
    "subject": "intimação",
    "owner": "ana",
    "created_on": "2026-11-19",
}


def users(ana: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """ana and carla (commercial), bruno (support, the attendant); `ana` adds to ana's entry."""
    return [dict({"id": "ana", "team": "commercial"}, **(ana or {})), {"id": "bruno", "team": "support"}, {"id": "carla", "team": "commercial"}]


def contact(**changes: Any) -> Dict[str, Any]:
    """A holder asks bruno about "Intimação" on T; ana holds the client with A-1."""
    base: InboundContact = {
        "on": T,
        "attendant": "bruno",
        "users": [{"id": "ana", "team": "commercial"}, {"id": "bruno", "team": "support"}, {"id": "carla", "team": "commercial"}],
        "account": {"agendamentos": [HOLDING]},
        "contact": {"channel": "phone", "subject": "Intimação"},
    }
    out: Dict[str, Any] = dict(base)
    out.update(changes)
    return out


def rules(decision: Any) -> List[str]:
    return [r["rule"] for r in decision["reasons"]]


# --- inbound_contact -------------------------------------------------------


def test_inbound_holding_agendamento_owner_attends() -> None:
    d = crm_rules.inbound_contact(contact())
    assert d["outcome"] == {
        "route": {"route": "agendamento_owner", "user": "ana", "holding_agendamento": "A-1"},
        "sale_allowed": True,
        "discount_allowed": True,
        "debts_forgiven": [],
        "forgiven_centavos": 0,
        "alerts": [],
        "required_actions": [{"code": "record_interaction", "fields": []}],
        "commission": {"to": "user", "user": "ana"},
    }
    assert {"RCP-1", "MOV-1", "COM-4"} <= set(rules(d))


def test_inbound_third_party_with_debts_and_boletos() -> None:
    # A third party confirms name and document (masks, case and accents ignored), asks to
    # change the e-mail (sensitive) and the phone; one debt is old (> 12 months: forgiven),
    # none recent; two boletos are open. The account is active: copy to the administrator.
    account = {
        "registration": {"name": "Silva Advocacia", "document": "12.345.678/0001-95"},
        "debts": [{"id": "D-1", "since": D(2025, 1, 10), "amount_centavos": 12000}],
        "open_boletos": [
            {"id": "B-1", "due": "2026-11-01", "amount_centavos": 5000},
            {"id": "B-2", "due": D(2026, 11, 10), "amount_centavos": 2500},
        ],
    }
    request = {
        "channel": "whatsapp",
        "subject": "publicações",
        "requester": "third_party",
        "confirmed_data": {"name": "SILVA advocacia ", "document": "12345678/0001-95"},
        "field_changes": {"phone": "+5511988887777", "email": "novo@silva.adv.br"},
    }
    out = crm_rules.inbound_contact(contact(account=account, contact=request))["outcome"]
    # No agendamento: bruno attends (RCP-2); COM-4: the closer is the routed user.
    assert out["route"] == {"route": "attendant", "user": "bruno", "holding_agendamento": None}
    assert out["commission"] == {"to": "user", "user": "bruno"}
    assert out["sale_allowed"] is True
    assert out["discount_allowed"] is False  # forgiven debt, no dispatch campaign (DEB-1)
    assert out["debts_forgiven"] == [{"id": "D-1", "since": D(2025, 1, 10), "amount_centavos": 12000}]
    assert out["forgiven_centavos"] == 12000
    assert out["alerts"] == [
        {
            "code": "open_boletos",
            "boletos": [
                {"id": "B-1", "due": D(2026, 11, 1), "amount_centavos": 5000},
                {"id": "B-2", "due": D(2026, 11, 10), "amount_centavos": 2500},
            ],
            "total_centavos": 7500,
        }
    ]
    assert out["required_actions"] == [
        {"code": "record_interaction", "fields": []},
        {"code": "confirm_data", "fields": ["name", "document"]},
        {"code": "send_copy_to_administrator", "fields": []},
        {"code": "holder_validation", "fields": ["email"]},
    ]


def test_inbound_recent_debt_blocks_the_sale() -> None:
    account = {"debts": [{"since": "2026-01-10", "amount_centavos": 900}]}
    out = crm_rules.inbound_contact(contact(account=account))["outcome"]
    assert (out["sale_allowed"], out["discount_allowed"], out["debts_forgiven"]) == (False, False, [])
    assert out["required_actions"][-1] == {"code": "settle_debt_or_manager", "fields": []}


def test_inbound_policy_argument_and_conflict() -> None:
    # disregard_after_days = 1: A-1's span of 2 business days makes it disregarded (AGD-4),
    # so it gives no sales priority and bruno attends (RCP-2).
    loose = {"agendamento": {"disregard_after_days": 1}}
    for policy in (loose, Policy.from_dict(loose)):
        out = crm_rules.inbound_contact(contact(), policy=policy)["outcome"]
        assert out["route"]["route"] == "attendant"
    assert crm_rules.inbound_contact(dict(contact(), policy=loose))["outcome"]["route"]["route"] == "attendant"
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(dict(contact(), policy=loose), policy=loose)
    assert (info.value.code, info.value.path) == ("input.invalid", "policy")


def test_inbound_errors_name_the_field() -> None:
    no_attendant = contact()
    del no_attendant["attendant"]
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(no_attendant)
    assert (info.value.code, info.value.path) == ("input.missing_field", "attendant")
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(contact(attendant="zeca"))  # not in users
    assert (info.value.code, info.value.path) == ("input.invalid", "attendant")
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(contact(on="2026-02-30"))
    assert (info.value.code, info.value.path) == ("input.invalid_date", "on")
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(contact(colour="blue"))
    assert (info.value.code, info.value.path) == ("input.invalid", "colour")
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(["not", "a", "mapping"])  # type: ignore[arg-type]
    assert (info.value.code, info.value.path) == ("input.invalid", "contact")
    with pytest.raises(ValidationError) as info:
        crm_rules.inbound_contact(contact(), policy=3)  # type: ignore[arg-type]
    assert info.value.path == "policy"


# --- route_contact ---------------------------------------------------------


def test_route_owner_on_vacation_or_absent_goes_to_an_available_seller() -> None:
    # RCP-5: bruno (support) attends, so the first available commercial user in users
    # order other than ana: carla.
    vacation = users({"vacations": [{"start": "2026-11-16", "end": D(2026, 11, 27)}]})
    absent = users({"absences": [T]})
    for team in (vacation, absent):
        out = crm_rules.route_contact(contact(users=team))["outcome"]
        assert out == {"route": "available_seller", "user": "carla", "holding_agendamento": "A-1"}


def test_route_owner_did_not_respond() -> None:
    d = crm_rules.route_contact(contact(owner_responded=False))
    assert d["outcome"] == {"route": "available_seller", "user": "carla", "holding_agendamento": "A-1"}
    assert "RCP-1" in rules(d)


def test_route_undecided_client_goes_to_the_commercial_team() -> None:
    # No agendamento for the subject asked about; the client is only gathering prices
    # (RCP-3): bruno is not commercial, so the first available commercial user, ana.
    request = {"channel": "chat", "subject": "publicações", "decided": False}
    out = crm_rules.route_contact(contact(contact=request))["outcome"]
    assert out == {"route": "commercial_team", "user": "ana", "holding_agendamento": None}


def test_route_agendamento_about_another_subject() -> None:
    d = crm_rules.route_contact(contact(contact={"channel": "chat", "subject": "publicações"}))
    assert d["outcome"] == {"route": "attendant", "user": "bruno", "holding_agendamento": None}
    assert "RCP-4" in rules(d)


def test_route_reserved_for_the_inactivating_user() -> None:
    status = {"state": "inactive_manual", "by": "carla", "on": "2026-11-10", "client_answered": True}
    out = crm_rules.route_contact(contact(account={"status": status, "agendamentos": [HOLDING]}))["outcome"]
    assert out == {"route": "inactivating_user", "user": "carla", "holding_agendamento": None}


# --- commission ------------------------------------------------------------


def test_commission_cases() -> None:
    c = crm_rules.commission
    # COM-4: owner attends.
    assert c(contact())["outcome"] == {"to": "user", "user": "ana"}
    # COM-1: owner on vacation: the closer (default: the routed user, carla; or closed_by).
    vacation = users({"vacations": [{"start": "2026-11-16", "end": "2026-11-27"}]})
    assert c(contact(users=vacation))["outcome"] == {"to": "user", "user": "carla"}
    assert c(contact(users=vacation, closed_by="bruno"))["outcome"] == {"to": "user", "user": "bruno"}
    # COM-2: owner absent: the initial handler (default: the owner).
    absent = users({"absences": ["2026-11-23"]})
    d = c(contact(users=absent))
    assert d["outcome"] == {"to": "user", "user": "ana"}
    assert rules(d) == ["COM-2"]
    assert c(contact(users=absent, initial_handler="carla"))["outcome"] == {"to": "user", "user": "carla"}
    # COM-3: transferred because the owner did not respond.
    d = c(contact(owner_responded=False))
    assert d["outcome"] == {"to": "manager_decides", "user": None}
    assert rules(d) == ["COM-3"]


# --- reinstatement ---------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "on", "reserved_for"),
    [
        # 10 Nov + 15 calendar days = 25 Nov: T (23 Nov) and 25 Nov are inside, 26 Nov is not.
        ({"state": "inactive_manual", "by": "carla", "on": "2026-11-10", "client_answered": True}, T, "carla"),
        ({"state": "inactive_manual", "by": "carla", "on": "2026-11-10", "client_answered": True}, D(2026, 11, 25), "carla"),
        ({"state": "inactive_manual", "by": "carla", "on": "2026-11-10", "client_answered": True}, D(2026, 11, 26), None),
        ({"state": "inactive_manual", "by": "carla", "on": "2026-11-10", "client_answered": False}, T, None),
        ({"state": "inactive_automatic", "on": D(2026, 11, 10)}, T, None),
        ({"state": "active"}, T, None),
    ],
)
def test_reinstatement(status: Dict[str, Any], on: datetime.date, reserved_for: Any) -> None:
    d = crm_rules.reinstatement(contact(on=on, account={"status": status}))
    assert d["outcome"] == {"reserved_for": reserved_for}


def test_reinstatement_policy_and_facts() -> None:
    status = {"state": "inactive_manual", "by": "carla", "on": "2026-11-10", "client_answered": True}
    d = crm_rules.reinstatement(contact(account={"status": status}), policy={"reinstatement": {"manual_window_days": 12}})
    assert d["outcome"]["reserved_for"] is None  # 10 Nov + 12 = 22 Nov < T
    assert d["reasons"][0]["rule"] == "REI-1"
    assert d["reasons"][0]["facts"]["window_ends"] == "2026-11-22"  # facts are free-form JSON: ISO text
    with pytest.raises(ValidationError) as info:
        crm_rules.reinstatement(contact(account={"status": dict(status, on="2026-11-24")}))
    assert (info.value.code, info.value.path) == ("input.invalid", "account.status.on")


# --- debt_decision ---------------------------------------------------------


def test_debt_none_old_recent_and_campaign() -> None:
    f = crm_rules.debt_decision
    nothing = {"sale_allowed": True, "discount_allowed": True, "debts_forgiven": [], "forgiven_centavos": 0, "blocking_debts": []}
    assert f(contact())["outcome"] == nothing
    # 22 Nov 2025 + 12 months = 22 Nov 2026 < T: old, forgiven. 23 Nov 2025: not old (T is not after 23 Nov 2026).
    old = {"id": "D-1", "since": D(2025, 11, 22), "amount_centavos": 1000}
    recent = {"id": "D-2", "since": D(2025, 11, 23), "amount_centavos": 500}
    d = f(contact(account={"debts": [old]}))
    assert d["outcome"] == {
        "sale_allowed": True,
        "discount_allowed": False,
        "debts_forgiven": [old],
        "forgiven_centavos": 1000,
        "blocking_debts": [],
    }
    assert "DEB-1" in rules(d)
    d = f(contact(account={"debts": [old, recent]}))
    assert d["outcome"] == {
        "sale_allowed": False,
        "discount_allowed": False,
        "debts_forgiven": [],
        "forgiven_centavos": 0,
        "blocking_debts": [recent],
    }
    assert "DEB-2" in rules(d)
    campaign = {"channel": "chat", "subject": "x", "sale": {"discount_centavos": 100, "via_dispatch_campaign": True}}
    assert f(contact(account={"debts": [old]}, contact=campaign))["outcome"]["discount_allowed"] is True
    # A shorter forgiveness period makes the recent debt old too.
    out = f(contact(account={"debts": [old, recent]}), policy={"debt": {"forgive_after_months": 6}})["outcome"]
    assert (out["sale_allowed"], out["forgiven_centavos"]) == (True, 1500)


def test_debt_after_the_contact_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.debt_decision(contact(account={"debts": [{"since": "2026-11-24", "amount_centavos": 1}]}))
    assert (info.value.code, info.value.path) == ("input.invalid", "account.debts[0].since")


# --- open_boletos ----------------------------------------------------------


def test_open_boletos() -> None:
    assert crm_rules.open_boletos(contact())["outcome"] == {"alert": False, "boletos": [], "total_centavos": 0}
    boletos = [{"due": "2026-10-05", "amount_centavos": 1999}, {"id": "B-2", "due": "2026-12-05", "amount_centavos": 1}]
    d = crm_rules.open_boletos(contact(account={"open_boletos": boletos}))
    assert d["outcome"] == {
        "alert": True,
        "boletos": [
            {"id": None, "due": D(2026, 10, 5), "amount_centavos": 1999},
            {"id": "B-2", "due": D(2026, 12, 5), "amount_centavos": 1},
        ],
        "total_centavos": 2000,
    }
    assert rules(d) == ["MOV-4"]


# --- third_party -----------------------------------------------------------

REGISTRATION = {"name": "Silva Advocacia", "document": "12.345.678/0001-95", "email": "adm@silva.adv.br"}


def asked(**request: Any) -> Dict[str, Any]:
    return contact(account={"registration": REGISTRATION}, contact=dict({"channel": "phone", "subject": "x"}, **request))


def test_third_party_holder_may_do_everything() -> None:
    out = crm_rules.third_party(asked(field_changes={"name": "Outro", "phone": "1"}))["outcome"]
    assert out == {
        "sale_allowed": True,
        "mismatches": [],
        "unconfirmed": [],
        "changes_applied": ["name", "phone"],
        "changes_pending_holder": [],
        "send_copy_to_administrator": False,
    }


def test_third_party_confirmation() -> None:
    ok = crm_rules.third_party(asked(requester="third_party", confirmed_data={"name": "silva advocacia", "document": "12345678000195"}))
    assert ok["outcome"]["sale_allowed"] is True
    assert ok["outcome"]["send_copy_to_administrator"] is True  # active account: existing client (TPC-2)
    assert {"TPC-1", "TPC-2"} <= set(rules(ok))
    bad = crm_rules.third_party(asked(requester="third_party", confirmed_data={"document": "12.345.678/0001-96"}))["outcome"]
    assert (bad["sale_allowed"], bad["mismatches"], bad["unconfirmed"]) == (False, ["document"], ["name"])


def test_third_party_sensitive_changes_wait_for_the_holder() -> None:
    changes = {"phone": "1", "email": "x@y", "administrator": "z", "address": "w"}
    d = crm_rules.third_party(asked(requester="third_party", field_changes=changes))
    out = d["outcome"]
    assert out["changes_applied"] == ["address", "phone"]
    assert out["changes_pending_holder"] == ["administrator", "email"]
    assert "TPC-3" in rules(d)
    # A policy with other confirmation fields.
    policy = {"third_party": {"confirmation_fields": ["email"]}}
    out = crm_rules.third_party(asked(requester="third_party", confirmed_data={"email": "ADM@silva.adv.br"}), policy=policy)["outcome"]
    assert (out["sale_allowed"], out["unconfirmed"], out["mismatches"]) == (True, [], [])


# --- check_interaction -----------------------------------------------------


def test_check_interaction() -> None:
    good: Interaction = {"channel": "chat", "reason": "venda", "link": "https://crm/1", "first_of_case": True}
    d = crm_rules.check_interaction(good)
    assert d["outcome"] == {"valid": True, "errors": [], "warnings": []}
    assert rules(d) == ["MOV-1"]
    out = crm_rules.check_interaction({"channel": "phone", "answered": False, "reason": "  "})["outcome"]
    assert out == {"valid": False, "errors": ["missing_reason", "unanswered_call_not_attempt"], "warnings": []}
    attempt = {"channel": "phone", "answered": False, "recorded_as_attempt": True, "reason": "retorno"}
    assert crm_rules.check_interaction(attempt)["outcome"]["valid"] is True
    for note in ("...", "[...]", "…", " ", None):
        closing = {"channel": "email", "reason": "suporte", "closes_agendamento": True, "note": note}
        assert crm_rules.check_interaction(closing)["outcome"]["errors"] == ["empty_closing_note"], note
    no_link = crm_rules.check_interaction({"channel": "chat", "reason": "venda", "first_of_case": True})["outcome"]
    assert no_link == {"valid": True, "errors": [], "warnings": ["missing_link"]}


def test_check_interaction_allowed_reasons_and_errors() -> None:
    policy = {"interaction": {"allowed_reasons": ["Venda", "Retorno de erro"]}}
    assert crm_rules.check_interaction({"channel": "chat", "reason": "venda"}, policy=policy)["outcome"]["valid"] is True
    out = crm_rules.check_interaction({"channel": "chat", "reason": "outro"}, policy=policy)["outcome"]
    assert out["errors"] == ["missing_reason"]
    with pytest.raises(ValidationError) as info:
        crm_rules.check_interaction({"channel": "fax"})
    assert (info.value.code, info.value.path) == ("input.invalid", "interaction.channel")
    with pytest.raises(ValidationError) as info:
        crm_rules.check_interaction({"reason": "venda"})
    assert (info.value.code, info.value.path) == ("input.missing_field", "interaction.channel")
    with pytest.raises(ValidationError) as info:
        crm_rules.check_interaction("chat")  # type: ignore[arg-type]
    assert info.value.path == "interaction"


# --- agendamentos_to_close -------------------------------------------------


def test_agendamentos_to_close() -> None:
    ags = [
        HOLDING,
        {"id": "A-2", "kind": "support", "subject": "publicações", "owner": "ana", "created_on": "2026-11-19"},
        {"kind": "sales_without_contact", "subject": "Intimacao", "owner": "bruno", "created_on": D(2026, 11, 20)},
        {"id": "A-4", "kind": "support", "subject": "INTIMAÇÃO", "owner": "carla", "created_on": "2026-11-02"},
    ]
    d = crm_rules.agendamentos_to_close(ags, "intimação", "carla")
    assert d["outcome"] == {"to_close": ["A-1", None, "A-4"], "closed_by": "carla"}
    assert rules(d) == ["AGD-5"]
    assert crm_rules.agendamentos_to_close(ags, "boletos", "carla")["outcome"] == {"to_close": [], "closed_by": "carla"}
    assert crm_rules.agendamentos_to_close((), "x", "y", policy=Policy())["outcome"]["to_close"] == []


def test_agendamentos_to_close_errors_name_the_parameter() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.agendamentos_to_close([HOLDING], " ", "carla")
    assert (info.value.code, info.value.path) == ("input.invalid", "subject")
    assert info.value.message.startswith("subject: ")
    with pytest.raises(ValidationError) as info:
        crm_rules.agendamentos_to_close([HOLDING], "x", "")
    assert info.value.path == "seller"
    with pytest.raises(ValidationError) as info:
        crm_rules.agendamentos_to_close([dict(HOLDING, created_on="2026-13-01")], "x", "y")
    assert (info.value.code, info.value.path) == ("input.invalid_date", "agendamentos[0].created_on")
    with pytest.raises(ValidationError) as info:
        crm_rules.agendamentos_to_close(HOLDING, "x", "y")  # type: ignore[arg-type]
    assert info.value.path == "agendamentos"


# --- agreement with the JSON entry point ------------------------------------


# Every contact rule of the registry with its typed function (the whole input as one mapping).
CONTACT_RULES = [
    (r["python"].split("(")[0], r["name"])
    for r in json.loads((repo_root() / "schema" / "registry.json").read_text())["rules"]
    if r["name"].startswith("contact.") and r["python"]
]


def test_every_contact_rule_has_its_typed_function() -> None:
    assert len(CONTACT_RULES) >= 7


@pytest.mark.parametrize(("name", "rule"), CONTACT_RULES)
def test_typed_functions_match_evaluate(name: str, rule: str) -> None:
    function = getattr(crm_rules, name)
    c = asked(requester="third_party", confirmed_data={"name": "x"}, field_changes={"email": "e"})
    c["account"] = dict(
        c["account"],
        debts=[{"since": "2025-01-10", "amount_centavos": 3}],
        open_boletos=[{"due": "2026-11-01", "amount_centavos": 4}],
        agendamentos=[HOLDING],
    )

    assert iso(function(c)) == crm_rules.evaluate(rule, c)
