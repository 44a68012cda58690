"""The exception classes: hierarchy, attributes, mapping from the core's categories."""

from __future__ import annotations

import datetime
import pickle

import pytest

import crm_rules
from crm_rules import CrmError, OutOfRangeError, PolicyError, UnknownRuleError, ValidationError


def test_hierarchy() -> None:
    assert issubclass(ValidationError, CrmError)
    assert issubclass(PolicyError, CrmError)
    assert issubclass(UnknownRuleError, CrmError)
    assert issubclass(OutOfRangeError, ValidationError)
    assert issubclass(CrmError, ValueError)
    assert not issubclass(PolicyError, ValidationError)


def test_attributes_str_repr_dict() -> None:
    e = ValidationError("input.invalid", "on", "on: invalid input: x")
    assert (e.code, e.path, e.message) == ("input.invalid", "on", "on: invalid input: x")
    assert str(e) == "on: invalid input: x"
    assert repr(e) == "ValidationError(code='input.invalid', path='on', message='on: invalid input: x')"
    assert e.to_dict() == {"code": "input.invalid", "path": "on", "message": "on: invalid input: x"}


@pytest.mark.parametrize("cls", [CrmError, ValidationError, PolicyError, OutOfRangeError, UnknownRuleError])
def test_pickle_round_trip(cls: type) -> None:
    e = cls("c", None, "m")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is cls
    assert (back.code, back.path, back.message) == ("c", None, "m")


def test_validation_category() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate("calendar.is_business_day", {"date": "2023-02-29"})
    assert type(info.value) is ValidationError
    assert (info.value.code, info.value.path) == ("input.invalid_date", "date")


def test_missing_field() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate("calendar.add_business_days", {"date": "2024-01-02"})
    assert (info.value.code, info.value.path) == ("input.missing_field", "days")


def test_unknown_field() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.evaluate("calendar.is_business_day", {"date": "2024-01-02", "extra": 1})
    assert (info.value.code, info.value.path) == ("input.invalid", "extra")


def test_range_category_is_out_of_range_error() -> None:
    with pytest.raises(OutOfRangeError) as info:
        crm_rules.evaluate("calendar.is_business_day", {"date": "2200-01-01"})
    assert (info.value.code, info.value.path) == ("calendar.out_of_range", "date")
    assert isinstance(info.value, ValidationError)


def test_policy_category() -> None:
    with pytest.raises(PolicyError) as info:
        crm_rules.evaluate("calendar.is_business_day", {"date": "2024-01-02", "policy": {"calendar": {"states": ["XX"]}}})
    assert (info.value.code, info.value.path) == ("policy.invalid", "policy.calendar.states[0]")


def test_unknown_rule_category() -> None:
    with pytest.raises(UnknownRuleError) as info:
        crm_rules.evaluate("calendar.nope", {})
    assert (info.value.code, info.value.path) == ("rule.unknown", "rule")
    assert "calendar.is_business_day" in info.value.message


def test_wrong_python_type_is_validation_error_with_parameter_path() -> None:
    with pytest.raises(ValidationError) as info:
        crm_rules.is_business_day("2024-01-02")  # type: ignore[arg-type]
    assert (info.value.code, info.value.path) == ("input.invalid", "d")
    assert not isinstance(info.value, TypeError)


def test_message_names_the_path() -> None:
    with pytest.raises(CrmError) as info:
        crm_rules.add_business_days(datetime.date(2199, 12, 31), 1)
    assert info.value.message.startswith("n: ")
