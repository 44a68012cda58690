"""Shared helpers of the Python binding's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def repo_root() -> Path:
    """The repository root: bindings/python/tests/ is three levels below it."""
    return Path(__file__).resolve().parents[3]


def vectors_dir() -> Path:
    """tests/vectors of the repository (override with CRM_RULES_VECTORS)."""
    return Path(os.environ.get("CRM_RULES_VECTORS", repo_root() / "tests" / "vectors"))


@pytest.fixture(scope="session")
def vectors_path() -> Path:
    return vectors_dir()
