"""Runs every case of every tests/vectors/*.json through crm_rules.evaluate.

Semantics (tests/vectors/README.md): `expected.outcome` must equal the answer's
outcome exactly (deep JSON equality, so `True` is not `1`); `expected.outcome_includes`
must be included in it (objects: every expected key present with an included value,
extra keys ignored; anything else: deep JSON equality); every ID of
`expected.reason_rules` must appear among the answer's reasons; an expected
`error` must be raised with that code, and with that path when `path` is given.

Each case runs twice: with the input as written (ISO strings), and with every ISO
date string of the input turned into a `datetime.date` (the answer must not change).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import crm_rules
from conftest import vectors_dir

ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")


def load_cases() -> List[Tuple[str, Dict[str, Any]]]:
    files = sorted(vectors_dir().glob("*.json"))
    cases: List[Tuple[str, Dict[str, Any]]] = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{f.stem}/{case['name']}", case))
    return cases


CASES = load_cases()


def test_vectors_are_found() -> None:
    assert CASES, f"no vector found in {vectors_dir()}"
    names = [n for n, _ in CASES]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"duplicate case names: {duplicates}"


def json_equal(a: Any, b: Any) -> bool:
    """Deep JSON equality: bool is not a number; 1 == 1.0 as in JSON."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def json_includes(got: Any, want: Any) -> bool:
    """`want` is included in `got`: objects by key (extra keys of `got` ignored),
    anything else (arrays included) by deep JSON equality. Mirrors `includes` of
    crates/crm-rules/tests/vectors.rs."""
    if isinstance(got, dict) and isinstance(want, dict):
        return all(k in got and json_includes(got[k], v) for k, v in want.items())
    return json_equal(got, want)


def test_json_includes() -> None:
    assert json_includes({"a": 1, "b": {"c": [1, 2], "d": None}}, {"b": {"c": [1, 2]}})
    assert json_includes({"a": 1}, {})
    assert not json_includes({"a": 1}, {"b": None})
    assert not json_includes({"a": [{"x": 1, "y": 2}]}, {"a": [{"x": 1}]})  # arrays: exact
    assert not json_includes({"a": True}, {"a": 1})
    assert not json_includes([1, 2], [1])
    assert not json_includes({"a": 1}, [])
    assert json_includes("x", "x") and json_includes(None, None)


def with_date_objects(value: Any) -> Any:
    """`value` with every valid ISO date string replaced by a `datetime.date`."""
    if isinstance(value, dict):
        return {k: with_date_objects(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_date_objects(v) for v in value]
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def check(case: Dict[str, Any], input: Any) -> None:
    expected = case["expected"]
    if "error" in expected:
        want = expected["error"]
        with pytest.raises(crm_rules.CrmError) as info:
            answer = crm_rules.evaluate(case["rule"], input)
            pytest.fail(f"expected error {want}, got answer {json.dumps(answer, ensure_ascii=False)}")
        err = info.value
        assert err.code == want["code"], f"code {err.code!r} (path {err.path!r}: {err.message}), expected {want}"
        if "path" in want:
            assert err.path == want["path"], f"path {err.path!r} ({err.code}: {err.message}), expected {want}"
        return
    answer = crm_rules.evaluate(case["rule"], input)
    assert set(answer) == {"outcome", "reasons"}, answer
    if "outcome" in expected:
        assert json_equal(answer["outcome"], expected["outcome"]), (
            f"outcome {json.dumps(answer['outcome'], ensure_ascii=False)}, "
            f"expected {json.dumps(expected['outcome'], ensure_ascii=False)}"
        )
    elif "outcome_includes" in expected:
        assert json_includes(answer["outcome"], expected["outcome_includes"]), (
            f"outcome {json.dumps(answer['outcome'], ensure_ascii=False)} "
            f"does not include {json.dumps(expected['outcome_includes'], ensure_ascii=False)}"
        )
    else:
        pytest.fail("expected has neither outcome, outcome_includes nor error")
    cited = [r["rule"] for r in answer["reasons"]]
    missing = [r for r in expected.get("reason_rules", []) if r not in cited]
    assert not missing, f"reason rules {missing} missing; cited {cited}"


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_vector(case: Dict[str, Any]) -> None:
    check(case, case["input"])


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_vector_with_date_objects(case: Dict[str, Any]) -> None:
    check(case, with_date_objects(case["input"]))


def test_vector_files_are_valid_json(vectors_path: Path) -> None:
    for f in sorted(vectors_path.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        assert isinstance(data.get("cases"), list), f
        for case in data["cases"]:
            assert {"name", "rule", "input", "expected"} <= case.keys(), (f.name, case.get("name"))
