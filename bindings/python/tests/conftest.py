"""Shared helpers of the Python binding's tests."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pytest


def repo_root() -> Path:
    """The repository root: bindings/python/tests/ is three levels below it."""
    return Path(__file__).resolve().parents[3]


def iso(value: Any) -> Any:
    """``value`` with every ``datetime.date`` inside it (dicts, lists) as an ISO string:
    a typed answer in the shape of the JSON one."""
    if isinstance(value, dict):
        return {k: iso(x) for k, x in value.items()}
    if isinstance(value, list):
        return [iso(x) for x in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def vectors_dir() -> Path:
    """tests/vectors of the repository (override with CRM_RULES_VECTORS)."""
    return Path(os.environ.get("CRM_RULES_VECTORS", repo_root() / "tests" / "vectors"))


@pytest.fixture(scope="session")
def vectors_path() -> Path:
    return vectors_dir()
