"""The JSON entry point: conversion of Python values both ways."""

from __future__ import annotations

import datetime
import json
import sys
import threading
import time
from collections import OrderedDict
from types import MappingProxyType
from typing import Any

import pytest

import crm_rules

from conftest import repo_root
from crm_rules import Policy, ValidationError


def test_answer_is_json_shaped() -> None:
    answer = crm_rules.evaluate("calendar.add_business_days", {"date": datetime.date(2024, 11, 19), "days": 1})
    assert answer["outcome"] == "2024-11-21"
    assert [r["rule"] for r in answer["reasons"]][0] == "CAL-BD-2"
    hs = crm_rules.evaluate("calendar.holidays_in", {"year": 2024})["outcome"]
    assert all(isinstance(h["date"], str) for h in hs)


def test_rule_names_and_constants() -> None:
    # The registry (schema/registry.json, written from the core) is the one list of rules.
    registry = json.loads((repo_root() / "schema" / "registry.json").read_text())["rules"]
    assert crm_rules.rule_names() == [r["name"] for r in registry]
    assert len(crm_rules.rule_names()) >= 31
    for r in registry:
        if r["python"]:
            assert callable(getattr(crm_rules, r["python"].split("(")[0]))
    assert (crm_rules.MIN_YEAR, crm_rules.MAX_YEAR) == (1900, 2199)
    assert crm_rules.__version__ == "0.1.0"


def test_answer_dates_follow_the_schema_not_key_names() -> None:
    # `facts` are free-form JSON in the schema: their dates stay ISO strings, while
    # every `format: date` field of the outcome is a datetime.date.
    d = crm_rules.create_agendamento("sales_with_contact", "x", "ana", datetime.date(2026, 11, 23))
    assert isinstance(d["outcome"]["maximum"], datetime.date)
    ag = d["outcome"]["agendamento"]
    assert ag is not None and isinstance(ag["deadline"], datetime.date)
    assert all(not isinstance(v, datetime.date) for r in d["reasons"] for v in r["facts"].values())


@pytest.mark.parametrize(
    "input",
    [
        {"date": "2024-11-20"},
        {"date": datetime.date(2024, 11, 20)},
        OrderedDict(date="2024-11-20"),
        MappingProxyType({"date": "2024-11-20"}),
        {"date": "2024-11-20", "policy": None},
        {"date": "2024-11-20", "policy": Policy()},
        {"date": "2024-11-20", "policy": {"calendar": {"states": ("SP",)}}},
    ],
)
def test_input_forms(input: Any) -> None:
    assert crm_rules.evaluate("calendar.is_business_day", input)["outcome"] is False


def test_policy_object_inside_input() -> None:
    answer = crm_rules.evaluate(
        "calendar.is_business_day",
        {"date": "2024-07-09", "policy": Policy.from_dict({"calendar": {"states": ["SP"]}})},
    )
    assert answer["outcome"] is False


@pytest.mark.parametrize(
    ("input", "path"),
    [
        ({"date": object()}, "date"),
        ({"date": datetime.datetime(2024, 1, 1)}, "date"),
        ({"date": "2024-01-02", "x": {1: 2}}, "x"),
        ({"date": "2024-01-02", "x": [1, float("nan")]}, "x[1]"),
        ({"date": "2024-01-02", "x": {"y": 2**70}}, "x.y"),
        ({"date": "2024-01-02", "records": [{}, {"phones": ["1", object()]}]}, "records[1].phones[1]"),
        ({"date": "2024-01-02", "x": [[{"y": [object()]}]]}, "x[0][0].y[0]"),
        (object(), "input"),
    ],
)
def test_unconvertible_values(input: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate("calendar.is_business_day", input)
    assert (info.value.code, info.value.path) == ("input.invalid", path)


def test_unconvertible_policy_value_names_its_path() -> None:
    with pytest.raises(ValidationError) as info:
        Policy.from_dict({"calendar": {"states": ["SP", object()]}})
    assert (info.value.code, info.value.path) == ("input.invalid", "policy.calendar.states[1]")


def test_non_object_input_is_refused_by_the_core() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate("calendar.is_business_day", [1])  # type: ignore[arg-type]
    assert info.value.code == "input.invalid"


def test_self_referencing_input_does_not_crash() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate("calendar.is_business_day", {"date": "2024-01-02", "x": loop})
    assert info.value.code == "input.invalid"


def test_rule_must_be_str() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate(1, {})  # type: ignore[arg-type]
    assert (info.value.code, info.value.path) == ("input.invalid", "rule")


def test_unicode_round_trip() -> None:
    d = crm_rules.create_agendamento("support", "ação 🎯", "joão", datetime.date(2026, 11, 23))
    ag = d["outcome"]["agendamento"]
    assert ag is not None and (ag["subject"], ag["owner"]) == ("ação 🎯", "joão")


def test_rules_release_the_gil() -> None:
    """Other Python threads run while a rule works (a duplicate search of a whole CRM
    is seconds of native work). The switch interval is made long, so that without the
    release the worker thread could not run at all during the call."""
    records = [
        {"id": f"r{i}", "name": f"Pessoa {i}", "emails": [f"p{i}@x.com.br"], "phones": [f"(11) 9{i:08d}"]}
        for i in range(20_000)
    ]
    ticks = [0]
    done = threading.Event()

    def worker() -> None:
        while not done.is_set():
            ticks[0] += 1
            time.sleep(0.0001)

    previous = sys.getswitchinterval()
    thread = threading.Thread(target=worker)
    thread.start()
    sys.setswitchinterval(30.0)
    try:
        before = ticks[0]
        crm_rules.all_duplicates(records)
        during = ticks[0] - before
    finally:
        sys.setswitchinterval(previous)
        done.set()
        thread.join()
    assert during > 0


def test_type_names_of_earlier_releases_still_import() -> None:
    from crm_rules import (  # noqa: F401
        ActiveStatus,
        BoletoDecision,
        CreateDecision,
        DateLike,
        Decision,
        InboundDecision,
        InteractionError,
        RequiredActionCode,
    )

    assert CreateDecision is crm_rules.AgendamentoCreateDecision
    assert InboundDecision is crm_rules.ContactInboundDecision
