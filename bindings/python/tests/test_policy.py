"""The Policy class: constructors, validation at construction, to_dict, equality."""

from __future__ import annotations

import datetime
import pickle
from types import MappingProxyType
from typing import Any

import pytest

from crm_rules import Calendar, Policy, PolicyError, ValidationError


def test_defaults() -> None:
    d = Policy().to_dict()
    assert d["agendamento"] == {
        "with_contact_initial_days": 2,
        "with_contact_renewal_days": 4,
        "with_contact_max_days": 6,
        "without_contact_initial_days": 2,
        "without_contact_max_days": 2,
        "disregard_after_days": 7,
        "no_sales_priority_purposes": ["onboarding", "inactivation"],
    }
    assert d["calendar"]["states"] == [] and d["calendar"]["carnival"] is False
    assert Policy() == Policy(None) == Policy.from_dict({}) == Policy.from_json("{}") == Policy.from_toml("")


def test_from_dict_partial_and_dates() -> None:
    p = Policy.from_dict(
        {
            "calendar": {"states": ["SP", "RJ"], "company_closures": [{"date": datetime.date(2026, 12, 24), "name": "R"}]},
            "agendamento": {"with_contact_max_days": 8},
        }
    )
    d = p.to_dict()
    assert d["calendar"]["states"] == ["SP", "RJ"]
    assert d["calendar"]["company_closures"] == [{"date": "2026-12-24", "name": "R"}]
    assert d["agendamento"]["with_contact_max_days"] == 8
    assert d["agendamento"]["with_contact_initial_days"] == 2


def test_from_dict_accepts_any_mapping() -> None:
    assert Policy.from_dict(MappingProxyType({"calendar": {"carnival": True}})).to_dict()["calendar"]["carnival"] is True


def test_from_json_and_toml_agree() -> None:
    j = Policy.from_json('{"calendar": {"municipal_holidays": [{"month": 1, "day": 25, "name": "SP", "from_year": 1968}]}}')
    t = Policy.from_toml('[[calendar.municipal_holidays]]\nmonth = 1\nday = 25\nname = "SP"\nfrom_year = 1968\n')
    assert j == t
    assert hash(j) == hash(t)
    assert j != Policy()


def test_round_trips() -> None:
    p = Policy.from_dict({"calendar": {"corpus_christi": True, "extra_working_days": ["2026-11-20"]}})
    assert Policy.from_dict(p.to_dict()) == p
    assert Policy.from_json(p.to_json()) == p
    assert pickle.loads(pickle.dumps(p)) == p
    assert Policy(p) == p


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"calendar": {"states": ["XX"]}}, "policy.calendar.states[0]"),
        ({"agendamento": {"with_contact_max_days": 1}}, "policy.agendamento.with_contact_max_days"),
        ({"agendamento": {"with_contact_initial_days": 0}}, "policy.agendamento.with_contact_initial_days"),
        ({"agendamento": {"with_contact_initial_days": -1}}, "policy.agendamento.with_contact_initial_days"),
        ({"bogus": True}, "policy.bogus"),
    ],
)
def test_validated_at_construction(data: Any, path: str) -> None:
    with pytest.raises(PolicyError) as info:
        Policy.from_dict(data)
    assert (info.value.code, info.value.path) == ("policy.invalid", path)
    with pytest.raises(PolicyError):
        Calendar(data)


def test_bad_text() -> None:
    with pytest.raises(PolicyError) as info:
        Policy.from_json("{")
    assert info.value.code == "policy.invalid"
    with pytest.raises(PolicyError):
        Policy.from_toml("[calendar\n")


@pytest.mark.parametrize("call", [lambda: Policy.from_dict("x"), lambda: Policy.from_json(1), lambda: Policy.from_toml(None), lambda: Policy(3)])
def test_wrong_python_types(call: Any) -> None:
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.code == "input.invalid"
    assert info.value.path in {"data", "text"}


def test_immutable() -> None:
    p = Policy()
    with pytest.raises(AttributeError):
        p.calendar = {}  # type: ignore[attr-defined]
