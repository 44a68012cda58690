"""Identifiers and text normalisation (CAD-2, CAD-4): the native functions of crm_rules.

Expected values are worked out by hand from docs/API.md, "Identifiers and normalisation".
"""

from __future__ import annotations

import doctest
import random
import string

import pytest

import crm_rules

FUNCTIONS = [
    crm_rules.is_valid_cpf,
    crm_rules.is_valid_cnpj,
    crm_rules.format_cpf,
    crm_rules.format_cnpj,
    crm_rules.normalize_phone,
    crm_rules.normalize_email,
    crm_rules.search_key,
    crm_rules.clean_text,
]


def test_exported() -> None:
    for f in FUNCTIONS:
        assert f.__name__ in crm_rules.__all__
        assert getattr(crm_rules, f.__name__) is f


@pytest.mark.parametrize("f", FUNCTIONS, ids=lambda f: f.__name__)
def test_docstring_examples_run(f: object) -> None:
    doc = getattr(f, "__doc__", None) or ""
    assert ">>>" in doc and "CAD-" in doc
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(f, name=getattr(f, "__name__"), globs=vars(crm_rules).copy()):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted >= 1


def test_cpf() -> None:
    assert crm_rules.is_valid_cpf("123.456.789-09")
    assert crm_rules.is_valid_cpf(" 529 982 247 25 ")
    assert not crm_rules.is_valid_cpf("123.456.789-00")
    assert not crm_rules.is_valid_cpf("000.000.000-00")
    assert not crm_rules.is_valid_cpf("")
    assert not crm_rules.is_valid_cpf("123/456/789-09")
    assert crm_rules.format_cpf("52998224725") == "529.982.247-25"


def test_cnpj() -> None:
    assert crm_rules.is_valid_cnpj("11.222.333/0001-81")
    assert crm_rules.is_valid_cnpj("12.ABC.345/01DE-35")
    assert crm_rules.is_valid_cnpj("12abc34501de35")
    assert not crm_rules.is_valid_cnpj("12.ABC.345/01DE-3A")
    assert not crm_rules.is_valid_cnpj("AAAAAAAAAAAAAA")
    assert crm_rules.format_cnpj("12.abc.345/01de-35") == "12.ABC.345/01DE-35"


@pytest.mark.parametrize(
    "f, bad",
    [
        (crm_rules.format_cpf, "123.456.789-00"),
        (crm_rules.format_cnpj, "11.222.333/0001-80"),
        (crm_rules.normalize_phone, "(11) 8765-4321"),
        (crm_rules.normalize_phone, "(20) 98765-4321"),
        (crm_rules.normalize_phone, "+1 212 555 0100"),
        (crm_rules.normalize_email, "ana@silva"),
        (crm_rules.normalize_email, "a@b@c.br"),
    ],
)
def test_invalid_values_raise_validation_error(f: object, bad: str) -> None:
    with pytest.raises(crm_rules.ValidationError) as info:
        f(bad)  # type: ignore[operator]
    assert info.value.code == "input.invalid"
    assert info.value.path == "value"
    assert str(info.value).startswith("value: invalid input: ")


@pytest.mark.parametrize("f", FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("arg", [None, 123, b"123", ["x"]])
def test_non_str_raises_validation_error_not_type_error(f: object, arg: object) -> None:
    with pytest.raises(crm_rules.ValidationError) as info:
        f(arg)  # type: ignore[operator]
    assert (info.value.code, info.value.path) == ("input.invalid", "value")


@pytest.mark.parametrize(
    "spelling",
    [
        "+55 (11) 98765-4321",
        "+5511987654321",
        "5511987654321",
        "(11) 98765-4321",
        "11987654321",
        "011 98765-4321",
        "0 21 11 98765-4321",
        "0xx11 98765 4321",
        "11.98765.4321",
    ],
)
def test_phone_spellings(spelling: str) -> None:
    assert crm_rules.normalize_phone(spelling) == "+5511987654321"


def test_phone_landline_and_idempotence() -> None:
    assert crm_rules.normalize_phone("(21) 2345-6789") == "+552123456789"
    rng = random.Random(7)
    for _ in range(2_000):
        s = "".join(rng.choice(string.digits + " ()-+") for _ in range(rng.randrange(8, 18)))
        try:
            e164 = crm_rules.normalize_phone(s)
        except crm_rules.ValidationError:
            continue
        assert crm_rules.normalize_phone(e164) == e164


def test_email() -> None:
    assert crm_rules.normalize_email("  Ana@Silva.ADV.br ") == "ana@silva.adv.br"
    assert crm_rules.normalize_email("JOÃO@CAFÉ.COM.BR") == "joão@café.com.br"


def test_text() -> None:
    assert crm_rules.clean_text("  João \t da\n Silva  ") == "João da Silva"
    assert crm_rules.search_key("  João  da SILVA ") == "joao da silva"
    assert crm_rules.search_key("CONCEIÇÃO") == "conceicao"
    rng = random.Random(11)
    alphabet = "aAçÇãÃéÉ \t\nxYz\u0301\u00a0İß"
    for _ in range(2_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16)))
        k = crm_rules.search_key(s)
        assert crm_rules.search_key(k) == k
        c = crm_rules.clean_text(s)
        assert crm_rules.clean_text(c) == c
        assert crm_rules.search_key(c) == k
