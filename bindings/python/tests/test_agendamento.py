"""create_agendamento / renew_agendamento / evaluate_agendamento: thin wrappers of the
core's agendamento.* rules with datetime.date values."""

from __future__ import annotations

import datetime
from typing import Any, Dict

import pytest

import crm_rules
from crm_rules import Agendamento, Calendar, Policy, ValidationError
from conftest import iso

D = datetime.date
MONDAY = D(2026, 11, 23)


def created(kind: str = "sales_with_contact", **kw: Any) -> Agendamento:
    decision = crm_rules.create_agendamento(kind, "intimação", "ana", MONDAY, **kw)
    ag = decision["outcome"]["agendamento"]
    assert ag is not None
    return ag


def test_create_defaults() -> None:
    d = crm_rules.create_agendamento("sales_with_contact", "intimação", "ana", MONDAY, id="A-1", purpose="sale")
    out = d["outcome"]
    assert out["accepted"] is True
    assert out["maximum"] == D(2026, 12, 1)
    ag = out["agendamento"]
    assert ag is not None
    assert ag == {
        "id": "A-1",
        "kind": "sales_with_contact",
        "subject": "intimação",
        "owner": "ana",
        "created_on": MONDAY,
        "deadline": D(2026, 11, 25),
        "renewals": 0,
        "manager_validated": False,
        "purpose": "sale",
    }
    assert {"AGD-1", "AGD-2"} <= {r["rule"] for r in d["reasons"]}
    assert all(set(r) == {"rule", "message_pt", "message_en", "facts"} for r in d["reasons"])


def test_create_deadline_beyond_maximum_is_refused() -> None:
    d = crm_rules.create_agendamento("sales_with_contact", "x", "ana", MONDAY, D(2026, 12, 2))
    assert d["outcome"]["accepted"] is False
    assert d["outcome"]["agendamento"] is None
    d = crm_rules.create_agendamento("sales_without_contact", "x", "ana", MONDAY, D(2026, 11, 26))
    assert d["outcome"]["accepted"] is False
    assert "AGD-3" in {r["rule"] for r in d["reasons"]}


def test_create_deadline_not_after_creation_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.create_agendamento("sales_with_contact", "x", "ana", MONDAY, MONDAY)
    assert (info.value.code, info.value.path) == ("input.invalid", "deadline")


def test_create_tag_alias_and_policy() -> None:
    ag = created("#venda/tratativas com contato", policy={"agendamento": {"with_contact_initial_days": 3}})
    assert ag["deadline"] == D(2026, 11, 26)
    assert ag["kind"] == "sales_with_contact"


def test_create_type_errors() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.create_agendamento("sales_with_contact", "x", "ana", "2026-11-23")  # type: ignore[arg-type]
    assert info.value.path == "created_on"
    with pytest.raises(ValidationError) as info:
        crm_rules.create_agendamento("sales_with_contact", "x", "ana", MONDAY, "2026-11-25")  # type: ignore[arg-type]
    assert info.value.path == "deadline"
    with pytest.raises(ValidationError) as info:
        crm_rules.create_agendamento("bogus", "x", "ana", MONDAY)
    assert (info.value.code, info.value.path) == ("input.invalid", "kind")


def test_renew_default_days_capped_at_maximum() -> None:
    d = crm_rules.renew_agendamento(created(), D(2026, 11, 24))
    out = d["outcome"]
    assert out["accepted"] is True
    assert out["agendamento"]["deadline"] == D(2026, 12, 1)
    assert out["agendamento"]["renewals"] == 1
    # Already at the maximum: refused, unchanged.
    again = crm_rules.renew_agendamento(out["agendamento"], D(2026, 11, 25))
    assert again["outcome"]["accepted"] is False
    assert again["outcome"]["agendamento"] == out["agendamento"]


def test_renew_days_and_manager_approval() -> None:
    ag = created()
    refused = crm_rules.renew_agendamento(ag, D(2026, 11, 24), 10)
    assert refused["outcome"]["accepted"] is False
    approved = crm_rules.renew_agendamento(ag, D(2026, 11, 24), 10, manager_approved=True)
    assert approved["outcome"]["accepted"] is True
    assert approved["outcome"]["agendamento"]["manager_validated"] is True
    assert approved["outcome"]["agendamento"]["deadline"] == D(2026, 12, 9)


def test_renew_without_contact_is_refused() -> None:
    d = crm_rules.renew_agendamento(created("without_contact"), D(2026, 11, 24))
    assert d["outcome"]["accepted"] is False
    assert "AGD-3" in {r["rule"] for r in d["reasons"]}


def test_renew_before_creation_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.renew_agendamento(created(), D(2026, 11, 20))
    assert (info.value.code, info.value.path) == ("input.invalid", "on")


def test_evaluate_statuses() -> None:
    ag = created()
    status = {on: crm_rules.evaluate_agendamento(ag, on)["outcome"]["status"] for on in [D(2026, 11, 20), D(2026, 11, 25), D(2026, 11, 26)]}
    assert status == {D(2026, 11, 20): "not_started", D(2026, 11, 25): "live", D(2026, 11, 26): "expired"}
    out = crm_rules.evaluate_agendamento(ag, D(2026, 11, 24))["outcome"]
    assert out == {
        "status": "live",
        "deadline": D(2026, 11, 25),
        "maximum": D(2026, 12, 1),
        "span_business_days": 2,
        "within_maximum": True,
        "sales_priority": True,
    }


def test_evaluate_disregarded_after_seven_business_days() -> None:
    ag: Dict[str, Any] = dict(created(), deadline=D(2026, 12, 3))  # 8 business days
    out = crm_rules.evaluate_agendamento(ag, D(2026, 11, 24))["outcome"]
    assert (out["status"], out["span_business_days"], out["sales_priority"]) == ("disregarded", 8, False)
    out = crm_rules.evaluate_agendamento(dict(ag, manager_validated=True), D(2026, 11, 24))["outcome"]
    assert out["status"] == "live"


def test_evaluate_accepts_iso_strings_in_the_mapping() -> None:
    ag = {"kind": "support", "subject": "x", "owner": "ana", "created_on": "2026-11-23", "deadline": "2026-11-25"}
    out = crm_rules.evaluate_agendamento(ag, D(2026, 11, 24))["outcome"]
    assert out["status"] == "live" and out["sales_priority"] is False


@pytest.mark.parametrize("policy", [None, Policy(), {}, Calendar()])
def test_policy_argument_forms(policy: Any) -> None:
    out = crm_rules.evaluate_agendamento(created(), D(2026, 11, 24), policy=policy)["outcome"]
    assert out["status"] == "live"


def test_policy_changes_the_answer() -> None:
    ag = created()
    loose = {"agendamento": {"disregard_after_days": 1}}
    assert crm_rules.evaluate_agendamento(ag, D(2026, 11, 24), policy=loose)["outcome"]["status"] == "disregarded"
    p = Policy.from_dict({"agendamento": {"with_contact_max_days": 10}})
    assert crm_rules.renew_agendamento(ag, D(2026, 11, 24), 6, policy=p)["outcome"]["accepted"] is True


def test_wrong_types() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate_agendamento(created(), "2026-11-24")  # type: ignore[arg-type]
    assert info.value.path == "on"
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate_agendamento(created(), D(2026, 11, 24), policy=3)  # type: ignore[arg-type]
    assert info.value.path == "policy"
    with pytest.raises(ValidationError) as info:
        crm_rules.renew_agendamento(dict(created(), created_on=object()), D(2026, 11, 24))
    assert info.value.path == "agendamento.created_on"


def test_answers_match_the_json_entry_point() -> None:
    ag = created()
    typed = crm_rules.evaluate_agendamento(ag, D(2026, 11, 24))
    raw = crm_rules.evaluate("agendamento.evaluate", {"agendamento": ag, "on": "2026-11-24"})
    assert raw["outcome"]["deadline"] == "2026-11-25"

    assert iso(typed) == raw
