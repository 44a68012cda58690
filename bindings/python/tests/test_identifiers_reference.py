"""CPF, CNPJ and phone numbers against independent references (CAD-4).

- ``validate-docbr`` (pinned in requirements-test.txt; 2.x validates the
  alphanumeric CNPJ of July 2026 as well as the numeric one) decides CPF and CNPJ
  validity on random valid, corrupted and random inputs generated with a fixed seed,
  masked and unmasked. A third, independent implementation of the Receita Federal
  algorithm written below (``rf_cpf_ok``/``rf_cnpj_ok``) must agree with both.
- ``phonenumbers`` (pinned; Google's libphonenumber metadata) parses generated
  Brazilian numbers in many spellings with region ``BR``. Where it says "valid BR
  number", ``normalize_phone`` must give the same E.164; where it says invalid (or
  cannot parse), ``normalize_phone`` must raise ``ValidationError``.

Deliberate differences, recognised by ``difference_class`` (from the digits and
from phonenumbers' own verdict), excluded from the comparison and asserted on their own:

1. ``OLD_SEVEN``: phonenumbers says "valid mobile" for a 10-digit national number
   (DDD + 8 digits starting with 7, e.g. ``(11) 7123-4567``): libphonenumber still
   lists ``7\\d{7}`` as a mobile pattern (old trunked-radio numbers). docs/API.md
   refuses every 8-digit number starting with 6-9 as an old mobile without the 9th
   digit, so we raise.
2. ``OTHER_CARRIER``: 13 or 14 digits starting with ``0`` + a two-digit carrier
   selection code that is not in libphonenumber's short list (1[245], 2[1-35], 31,
   4[13], [56]5, 99), e.g. ``0 77 11 98765-4321``. Anatel assigns many more codes;
   docs/API.md drops any two-digit code, so we normalise what follows exactly as
   with a listed code (libphonenumber keeps the digits and fails). Such inputs also
   arise by accident (``037 552625 1955`` reads as carrier 37 + ``(55) 2625-1955``).
3. ``NON_GEOGRAPHIC``: phonenumbers says valid toll-free, premium-rate or shared-cost
   (``0800 123 4567``, ``4004-1234``, ``0900 ...``). They have no DDD and reach no
   person; docs/API.md takes DDD + subscriber only, so we raise.
4. CPF with fewer than 11 digits: validate-docbr left-pads with zeros
   (``"191"`` is valid there); docs/API.md requires 11 digits, so it is invalid here.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from typing import Callable, List, Optional, Tuple

import phonenumbers
import pytest
from validate_docbr import CNPJ, CPF

import crm_rules

SEED = 20261123
CASES = 12_000

# ---------------------------------------------------------------------------
# An independent implementation of the Receita Federal check digits
# ---------------------------------------------------------------------------


def _mod11(values: List[int], weights: List[int]) -> int:
    r = sum(v * w for v, w in zip(values, weights)) % 11
    return 0 if r < 2 else 11 - r


def rf_cpf_ok(s: str) -> bool:
    """CPF rule of docs/API.md: 11 digits after removing '.', '-', spaces."""
    if any(c not in "0123456789.- " for c in s):
        return False
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    return _mod11(d[:9], list(range(10, 1, -1))) == d[9] and _mod11(d[:10], list(range(11, 1, -1))) == d[10]


_CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]


def rf_cnpj_ok(s: str) -> bool:
    """CNPJ rule (Receita Federal, alphanumeric from July 2026): value = ASCII - 48."""
    allowed = set(string.digits + string.ascii_letters + "./- ")
    if any(c not in allowed for c in s):
        return False
    c = [ch for ch in s.upper() if ch.isalnum()]
    if len(c) != 14 or len(set(c)) == 1 or not (c[12].isdigit() and c[13].isdigit()):
        return False
    v = [ord(ch) - 48 for ch in c]
    return _mod11(v[:12], _CNPJ_W2[1:]) == v[12] and _mod11(v[:13], _CNPJ_W2) == v[13]


def make_cpf(rng: random.Random) -> str:
    d = [rng.randrange(10) for _ in range(9)]
    d.append(_mod11(d, list(range(10, 1, -1))))
    d.append(_mod11(d, list(range(11, 1, -1))))
    return "".join(map(str, d))


def make_cnpj(rng: random.Random, alphabet: str) -> str:
    body = [rng.choice(alphabet) for _ in range(12)]
    v = [ord(ch) - 48 for ch in body]
    v.append(_mod11(v, _CNPJ_W2[1:]))
    v.append(_mod11(v, _CNPJ_W2))
    return "".join(body) + "".join(str(x) for x in v[12:])


def corrupt(doc: str, rng: random.Random, alphabet: str) -> str:
    """One character changed: a check digit (half the time) or a body character."""
    i = rng.randrange(len(doc) - 2, len(doc)) if rng.random() < 0.5 else rng.randrange(len(doc) - 2)
    pool = string.digits if i >= len(doc) - 2 else alphabet
    return doc[:i] + rng.choice([ch for ch in pool if ch != doc[i]]) + doc[i + 1 :]


def mask_cpf(d: str) -> str:
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


def mask_cnpj(d: str) -> str:
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def document_cases(
    make: Callable[[random.Random], str], alphabet: str, mask: Callable[[str], str], length: int
) -> List[str]:
    rng = random.Random(SEED + length + len(alphabet))
    out: List[str] = []
    for i in range(CASES):
        kind = i % 4
        if kind == 0:
            doc = make(rng)
        elif kind == 1:
            doc = corrupt(make(rng), rng, alphabet)
        elif kind == 2:  # random characters: almost always invalid, ~1/100 valid
            doc = "".join(rng.choice(alphabet) for _ in range(length - 2)) + "".join(
                rng.choice(string.digits) for _ in range(2)
            )
        else:  # valid, in lower case when it has letters
            doc = make(rng).lower()
        out.append(mask(doc) if rng.random() < 0.5 else doc)
    # Repeated characters: the arithmetic passes for some, the rule refuses all.
    out += [ch * length for ch in alphabet]
    return out


def compare(
    cases: List[str], ours: Callable[[str], bool], reference: Callable[[str], bool], independent: Callable[[str], bool]
) -> Counter[str]:
    mismatches = [(s, ours(s), reference(s), independent(s)) for s in cases]
    mismatches = [m for m in mismatches if not (m[1] == m[2] == m[3])]
    assert not mismatches, f"{len(mismatches)} disagreements (input, ours, validate-docbr, RF): {mismatches[:20]}"
    return Counter("valid" if ours(s) else "invalid" for s in cases)


def test_cpf_against_validate_docbr() -> None:
    cases = document_cases(make_cpf, string.digits, mask_cpf, 11)
    counts = compare(cases, crm_rules.is_valid_cpf, CPF().validate, rf_cpf_ok)
    assert len(cases) >= 10_000
    assert counts["valid"] >= 6_000 and counts["invalid"] >= 3_000, counts
    for s in cases:
        if crm_rules.is_valid_cpf(s):
            assert crm_rules.format_cpf(s) == CPF().mask(s)


@pytest.mark.parametrize("alphabet", [string.digits, string.digits + string.ascii_uppercase], ids=["numeric", "alphanumeric"])
def test_cnpj_against_validate_docbr(alphabet: str) -> None:
    cases = document_cases(lambda rng: make_cnpj(rng, alphabet), alphabet, mask_cnpj, 14)
    counts = compare(cases, crm_rules.is_valid_cnpj, CNPJ().validate, rf_cnpj_ok)
    assert len(cases) >= 10_000
    assert counts["valid"] >= 6_000 and counts["invalid"] >= 3_000, counts
    if alphabet != string.digits:
        assert sum(1 for s in cases if crm_rules.is_valid_cnpj(s) and any(c.isalpha() for c in s)) >= 5_000
    for s in cases:
        if crm_rules.is_valid_cnpj(s):
            assert crm_rules.format_cnpj(s) == CNPJ().mask(s)


def test_short_cpf_is_a_deliberate_difference() -> None:
    assert CPF().validate("191") and CPF().validate("000.000.001-91")
    assert not crm_rules.is_valid_cpf("191")
    assert crm_rules.is_valid_cpf("000.000.001-91")


# ---------------------------------------------------------------------------
# Phones against phonenumbers
# ---------------------------------------------------------------------------

PN_CARRIERS = ["12", "14", "15", "21", "22", "23", "25", "31", "41", "43", "55", "65", "99"]
OTHER_CARRIERS = [f"{c:02d}" for c in range(10, 100) if f"{c:02d}" not in PN_CARRIERS]
VALID_DDDS = [
    int(d) for d in range(11, 100)
    if phonenumbers.is_valid_number(phonenumbers.parse(f"+55{d}987654321"))
]


def subscriber(rng: random.Random, kind: str) -> str:
    tail = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    if kind == "mobile":
        return "9" + tail(8)
    if kind == "landline":
        return rng.choice("2345") + tail(7)
    if kind == "old_mobile":  # 8 digits starting with 6, 8 or 9 (7: see old_seven)
        return rng.choice("689") + tail(7)
    if kind == "old_seven":
        return "7" + tail(7)
    if kind == "bad_nine":  # 9 digits not starting with 9
        return rng.choice("012345678") + tail(8)
    if kind == "bad_landline":
        return rng.choice("01") + tail(7)
    return tail(rng.choice([6, 7, 10]))  # wrong length


KINDS = ["mobile"] * 4 + ["landline"] * 3 + ["old_mobile", "old_seven", "bad_nine", "bad_landline", "short_or_long"]
SERVICE = ["0800 {3} {4}", "0800{3}{4}", "0800 {3} {3}", "0300 {3} {4}", "0500 {3} {4}", "0900 {3} {4}",
           "4004-{4}", "4003 {4}", "3003-{4}", "+55 800 {3} {4}", "0800-{2}-{4}"]


def spell(rng: random.Random, ddd: str, sub: str, carriers: List[str]) -> str:
    """One of many ways people write the number."""
    split = len(sub) - 4
    a, b = sub[:split], sub[split:]
    style = rng.randrange(12)
    if style == 0:
        return f"+55 {ddd} {a}-{b}"
    if style == 1:
        return f"+55 ({ddd}) {a}-{b}"
    if style == 2:
        return f"({ddd}) {a}-{b}"
    if style == 3:
        return f"{ddd}{sub}"
    if style == 4:
        return f"0{ddd} {a} {b}"
    if style == 5:
        return f"(0{ddd}) {a}-{b}"
    if style == 6:
        return f"0 {rng.choice(carriers)} {ddd} {a}-{b}"
    if style == 7:
        return f"0{rng.choice(carriers)}{ddd}{sub}"
    if style == 8:
        return f"55{ddd}{sub}"
    if style == 9:
        return f"+55{ddd}{sub}"
    if style == 10:
        return f"{ddd}.{a}.{b}"
    return f"+55-{ddd}-{a}-{b}"


def ours(s: str) -> Optional[str]:
    try:
        return crm_rules.normalize_phone(s)
    except crm_rules.ValidationError:
        return None


def reference(s: str) -> Optional[str]:
    try:
        n = phonenumbers.parse(s, "BR")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == "BR":
        return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
    return None


def phone_cases(n: int) -> List[Tuple[str, str]]:
    """``(input, generator kind)`` pairs with a fixed seed: geographic numbers of every
    kind in every spelling, 80 % with an assigned DDD; numbers after a carrier code
    outside libphonenumber's list; non-geographic service numbers."""
    rng = random.Random(SEED)
    out: List[Tuple[str, str]] = []
    for _ in range(n):
        ddd = str(rng.choice(VALID_DDDS)) if rng.random() < 0.8 else str(rng.randrange(10, 100))
        kind = rng.choice(KINDS)
        out.append((spell(rng, ddd, subscriber(rng, kind), PN_CARRIERS), kind))
    for _ in range(n // 20):
        sub = subscriber(rng, rng.choice(["mobile", "landline"]))
        out.append((f"0 {rng.choice(OTHER_CARRIERS)} {rng.choice(VALID_DDDS)} {sub}", "other_carrier"))
        digits = ["".join(rng.choice(string.digits) for _ in range(k)) for k in range(5)]
        out.append((rng.choice(SERVICE).format(*digits), "service"))
    return out


def digits_of(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def difference_class(s: str) -> Optional[str]:
    """The deliberate-difference class of ``s`` (module docstring), or None."""
    d = digits_of(s)
    if not s.lstrip().startswith("+") and d[:1] == "0" and len(d) in (13, 14) and d[1:3] not in PN_CARRIERS:
        return "OTHER_CARRIER"
    try:
        n = phonenumbers.parse(s, "BR")
    except phonenumbers.NumberParseException:
        return None
    if not (phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == "BR"):
        return None
    kind = phonenumbers.number_type(n)
    national = str(n.national_number)
    if kind == phonenumbers.PhoneNumberType.MOBILE and len(national) == 10 and national[2] == "7":
        return "OLD_SEVEN"
    if kind in (
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
    ):
        return "NON_GEOGRAPHIC"
    return None


CASES_PHONE = phone_cases(6_000)
CLASSES = Counter(difference_class(s) for s, _ in CASES_PHONE)


def test_phones_against_phonenumbers() -> None:
    compared = [(s, k) for s, k in CASES_PHONE if difference_class(s) is None]
    mismatches = [(s, k, ours(s), reference(s)) for s, k in compared if ours(s) != reference(s)]
    assert not mismatches, f"{len(mismatches)} of {len(compared)} differ (input, kind, ours, phonenumbers): {mismatches[:20]}"
    valid = sum(1 for s, _ in compared if reference(s) is not None)
    assert len(compared) >= 5_000 and valid >= 2_500 and len(compared) - valid >= 2_000, (len(compared), valid)
    print(f"phones: {len(CASES_PHONE)} cases, {len(compared)} compared ({valid} valid), classes {dict(CLASSES)}")


def test_old_seven_numbers_are_refused_on_purpose() -> None:
    cases = [s for s, _ in CASES_PHONE if difference_class(s) == "OLD_SEVEN"]
    assert len(cases) >= 200
    for s in cases:
        assert reference(s) is not None and ours(s) is None, s


def test_non_geographic_numbers_are_refused_on_purpose() -> None:
    cases = [s for s, _ in CASES_PHONE if difference_class(s) == "NON_GEOGRAPHIC"]
    assert len(cases) >= 200
    for s in cases:
        assert reference(s) is not None and ours(s) is None, s


def test_any_carrier_code_is_dropped_on_purpose() -> None:
    cases = [s for s, _ in CASES_PHONE if difference_class(s) == "OTHER_CARRIER"]
    assert len(cases) >= 300
    for s in cases:
        assert reference(s) is None, s
        # Exactly what a carrier code libphonenumber knows (21) gives.
        same_with_21 = "021" + digits_of(s)[3:]
        assert ours(s) == ours(same_with_21), s
        if difference_class(same_with_21) is None:
            assert ours(s) == reference(same_with_21), s
    assert sum(1 for s in cases if ours(s) is not None) >= 250


def test_ddd_list_matches_phonenumbers() -> None:
    for d in range(10, 100):
        assert (ours(f"+55{d}987654321") is not None) == (d in VALID_DDDS), d
        assert (ours(f"({d}) 3456-7890") is not None) == (d in VALID_DDDS), d
