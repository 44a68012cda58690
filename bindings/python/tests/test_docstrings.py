"""Runs the examples of every public docstring (Python and native)."""

from __future__ import annotations

import doctest
import inspect

import crm_rules
import crm_rules._errors
import crm_rules._rules


def run(module: object) -> doctest.TestResults:
    return doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)  # type: ignore[arg-type]


def test_package_doctests() -> None:
    result = run(crm_rules)
    assert result.failed == 0
    assert result.attempted >= 30


def test_generated_rule_doctests() -> None:
    # One example per rule function, generated from a shared vector (scripts/generate.py).
    result = run(crm_rules._rules)
    assert result.failed == 0
    assert result.attempted >= 2 * len(crm_rules._rules.__all__)


def test_error_doctests() -> None:
    result = run(crm_rules._errors)
    assert result.failed == 0
    assert result.attempted >= 2


def test_every_public_callable_has_an_example() -> None:
    missing = []
    for name in crm_rules.__all__:
        obj = getattr(crm_rules, name)
        if inspect.isfunction(obj) and ">>>" not in (obj.__doc__ or ""):
            missing.append(name)
        if name in ("Policy", "Calendar"):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or attr == "policy":
                    continue
                if ">>>" not in (getattr(member, "__doc__", None) or ""):
                    missing.append(f"{name}.{attr}")
    assert not missing, f"public callables without an example: {missing}"
