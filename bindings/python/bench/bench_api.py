"""Per-call cost of crm_rules from Python on the cases of ``benches/manifest.json``.

    target/venv/bin/python bindings/python/bench/bench_api.py [--quick] [--json FILE]

For each case: ``evaluate(rule, input)`` and, as the baseline, the JSON round trip
``json.loads(json.dumps(input))`` of the same input; plus the typed calendar
functions. Best of REPEATS ``timeit`` runs, each long enough by ``autorange``. Prints a
markdown table; ``--json`` also writes the figures for ``scripts/bench.sh``. Nothing
here asserts a time.
"""

import datetime
import json
import pathlib
import sys
import timeit
from typing import Any, Callable, Dict, List

import crm_rules

BENCHES = pathlib.Path(__file__).resolve().parents[3] / "benches"


def per_call(fn: Callable[[], object], repeats: int) -> float:
    """Best time of one call of ``fn``, in nanoseconds."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeats, number)) / number * 1e9


def show(ns: float) -> str:
    return f"{ns:.0f} ns" if ns < 1000 else f"{ns / 1000:.2f} µs"


def main() -> None:
    quick = "--quick" in sys.argv
    repeats = 2 if quick else 5
    manifest = json.loads((BENCHES / "manifest.json").read_text(encoding="utf-8"))
    results: List[Dict[str, Any]] = []
    print("| case | `evaluate(rule, input)` | `json.loads(json.dumps(input))` | ratio |")
    print("|---|---:|---:|---:|")
    for case in manifest["cases"]:
        rule: str = case["rule"]
        value = json.loads((BENCHES / "inputs" / case["input"]).read_text(encoding="utf-8"))
        assert "outcome" in crm_rules.evaluate(rule, value)  # a decision, not an error
        call = per_call(lambda: crm_rules.evaluate(rule, value), repeats)
        baseline = per_call(lambda: json.loads(json.dumps(value)), repeats)
        results.append({"case": case["name"], "call_ns": call, "json_ns": baseline})
        print(f"| {case['name']} | {show(call)} | {show(baseline)} | {call / baseline:.2f}× |")
    day = datetime.date(2026, 11, 20)
    typed: Dict[str, Callable[[], object]] = {
        "is_business_day(date)": lambda: crm_rules.is_business_day(day),
        "add_business_days(date, 5)": lambda: crm_rules.add_business_days(day, 5),
    }
    for name, fn in typed.items():
        print(f"| `{name}` | {show(per_call(fn, repeats))} | | |")
    if "--json" in sys.argv:
        pathlib.Path(sys.argv[sys.argv.index("--json") + 1]).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
