"""Per-call cost of crm_rules from Python, on the inputs of the Rust bench (``benches/inputs/``).

    target/venv/bin/python bindings/python/bench/bench_api.py

Each call is timed with ``timeit`` (best of REPEATS runs, each long enough by
``autorange``) and compared with the JSON round trip ``json.loads(json.dumps(input))``
of the same input. Prints a markdown table; nothing here asserts a time.
"""

import datetime
import json
import pathlib
import timeit
from typing import Any, Callable, Dict, List, Tuple

import crm_rules

INPUTS = pathlib.Path(__file__).resolve().parents[3] / "benches" / "inputs"
REPEATS = 5
CASES = [  # (rule, input file)
    ("calendar.is_business_day", "is_business_day.json"),
    ("agendamento.evaluate", "agendamento_evaluate.json"),
    ("contact.inbound", "contact_inbound_20.json"),
]


def per_call(fn: Callable[[], object]) -> float:
    """Best time of one call of ``fn``, in seconds."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(REPEATS, number)) / number


def show(seconds: float) -> str:
    return f"{seconds * 1e9:.0f} ns" if seconds < 1e-6 else f"{seconds * 1e6:.2f} µs"


def main() -> None:
    inputs: Dict[str, Any] = {}
    for rule, file in CASES:
        inputs[rule] = json.loads((INPUTS / file).read_text(encoding="utf-8"))
        assert "outcome" in crm_rules.evaluate(rule, inputs[rule])  # a decision, not an error
    ag = inputs["agendamento.evaluate"]["agendamento"]
    contact = inputs["contact.inbound"]
    typed: List[Tuple[str, str, Callable[[], object]]] = [
        ("calendar.is_business_day", "is_business_day(date)",
         lambda: crm_rules.is_business_day(datetime.date(2026, 11, 20))),
        ("agendamento.evaluate", "evaluate_agendamento(ag, date)",
         lambda: crm_rules.evaluate_agendamento(ag, datetime.date(2026, 11, 23))),
        ("contact.inbound", "inbound_contact(contact)", lambda: crm_rules.inbound_contact(contact)),
    ]

    print("| case | call | per call | × JSON round trip |")
    print("|---|---|---:|---:|")
    for rule, _ in CASES:
        value = inputs[rule]
        baseline = per_call(lambda: json.loads(json.dumps(value)))
        print(f"| {rule} | `json.loads(json.dumps(input))` | {show(baseline)} | 1.0× |")
        calls: List[Tuple[str, Callable[[], object]]] = [
            ("evaluate(rule, input)", lambda: crm_rules.evaluate(rule, value)),
        ]
        calls += [(name, fn) for case, name, fn in typed if case == rule]
        for name, fn in calls:
            t = per_call(fn)
            print(f"| {rule} | `{name}` | {show(t)} | {t / baseline:.1f}× |")
    t = per_call(lambda: crm_rules.add_business_days(datetime.date(2026, 11, 20), 5))
    print(f"| calendar.add_business_days | `add_business_days(date, 5)` | {show(t)} | — |")


if __name__ == "__main__":
    main()
