"""The binding READMEs list every public function and class of their language.

bindings/python/README.md names every function and class of ``crm_rules.__all__``
(the generated TypedDicts of ``crm_rules._types`` excepted: they are types, listed by
that module); bindings/wasm/README.md names every JS export: one per rule of
schema/registry.json with a JS name, plus the hand-written ones of
bindings/wasm/src/lib.rs. A name counts when written as `` `name` `` or ``name(``.
"""

from __future__ import annotations

import inspect
import json
import re
from typing import Any, Dict, List

import crm_rules
import crm_rules._types

from conftest import repo_root

# The hand-written exports of bindings/wasm/src/lib.rs (its `js_name = …` attributes are
# read as well, so that a new one is caught).
JS_HAND_WRITTEN = [
    "isBusinessDay",
    "addBusinessDays",
    "businessDaysBetween",
    "holidaysIn",
    "isValidCpf",
    "isValidCnpj",
    "formatCpf",
    "formatCnpj",
    "normalizePhone",
    "normalizeEmail",
    "searchKey",
    "cleanText",
    "evaluate",
    "isCrmError",
    "version",
    "Calendar",
]


def readme(*parts: str) -> str:
    return repo_root().joinpath(*parts).read_text(encoding="utf-8")


def registry() -> List[Dict[str, Any]]:
    rules: List[Dict[str, Any]] = json.loads((repo_root() / "schema" / "registry.json").read_text(encoding="utf-8"))["rules"]
    return rules


def mentions(text: str, name: str) -> bool:
    """``name`` is written as `` `name` `` or ``name(`` (not inside a longer name)."""
    return re.search(rf"`{re.escape(name)}`|(?<![\w.]){re.escape(name)}\(", text) is not None


def python_public_callables() -> List[str]:
    generated_types = set(crm_rules._types.__all__)
    names = []
    for name in crm_rules.__all__:
        obj = getattr(crm_rules, name)
        if name in generated_types:
            continue
        if inspect.isroutine(obj) or inspect.isclass(obj):
            names.append(name)
    return names


def js_exports() -> List[str]:
    lib = (repo_root() / "bindings" / "wasm" / "src" / "lib.rs").read_text(encoding="utf-8")
    found = set(re.findall(r"js_name\s*=\s*(\w+)", lib))
    return sorted(found | set(JS_HAND_WRITTEN) | {r["js"] for r in registry() if r["js"]})


def test_mentions_matches_whole_names_only() -> None:
    assert mentions("`evaluate(rule, input)`", "evaluate")
    assert mentions("call `version` to", "version")
    assert not mentions("`evaluate_agendamento(agendamento, on)`", "evaluate")
    assert not mentions("`crm_rules.version`", "version")


def test_python_readme_lists_every_public_function_and_class() -> None:
    text = readme("bindings", "python", "README.md")
    names = python_public_callables()
    assert {"evaluate", "rule_names", "Calendar", "Policy", "CrmError", "check_registration"} <= set(names)
    missing = [n for n in names if not mentions(text, n)]
    assert not missing, f"bindings/python/README.md does not list: {missing}"


def test_python_readme_names_the_rule_of_each_generated_function() -> None:
    lines = readme("bindings", "python", "README.md").splitlines()
    missing = []
    for rule in registry():
        if not rule["python"]:
            continue
        fn = rule["python"].split("(", 1)[0]
        if not any(mentions(line, fn) and f"`{rule['name']}`" in line for line in lines):
            missing.append(f"{fn} ({rule['name']})")
    assert not missing, f"bindings/python/README.md: no line with the function and its rule: {missing}"


def test_wasm_readme_lists_every_export() -> None:
    text = readme("bindings", "wasm", "README.md")
    names = js_exports()
    assert {"checkRegistration", "planMerge", "revertMerge", "version", "Calendar"} <= set(names)
    missing = [n for n in names if not mentions(text, n)]
    assert not missing, f"bindings/wasm/README.md does not list: {missing}"


def test_wasm_readme_names_the_rule_of_each_generated_function() -> None:
    lines = readme("bindings", "wasm", "README.md").splitlines()
    missing = []
    for rule in registry():
        if rule["js"] and not any(mentions(line, rule["js"]) and f"`{rule['name']}`" in line for line in lines):
            missing.append(f"{rule['js']} ({rule['name']})")
    assert not missing, f"bindings/wasm/README.md: no line with the function and its rule: {missing}"
