#!/usr/bin/env python3
"""Prints the table of the cross-language benchmark from the figures scripts/bench.sh
collected (criterion's estimates under target/criterion/api/, and target/bench/
python.json and js.json): per case of benches/manifest.json, the per-call time in
each language, the ratio to Rust, and the ratio to the language's own JSON round trip
of the input.

    --record  also writes the table into BENCHMARKS.md (between its bench-table
              markers) and the ratios into benches/recorded.json
    --check   fails when a ratio is more than 2x worse than in benches/recorded.json
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import sys
from pathlib import Path
from typing import Dict

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
LIMIT = 2.0


def criterion(function: str, case: str) -> float:
    est = ROOT / "target" / "criterion" / "api" / function / case / "new" / "estimates.json"
    return float(json.loads(est.read_text())["median"]["point_estimate"])


def show(ns: float) -> str:
    return f"{ns:.0f} ns" if ns < 1000 else f"{ns / 1000:.1f} µs"


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    manifest = json.loads((ROOT / "benches" / "manifest.json").read_text())
    langs = {
        name: {r["case"]: r for r in json.loads((OUT / f"{name}.json").read_text())} for name in ("python", "js")
    }
    rows = [
        "| case | Rust | Python | JS | Python / Rust | JS / Rust | Rust / JSON | Python / JSON | JS / JSON |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ratios: Dict[str, float] = {}
    for case in manifest["cases"]:
        name = case["name"]
        rust, rust_json = criterion("evaluate_json", name), criterion("json_round_trip", name)
        py, js = langs["python"][name], langs["js"][name]
        r = {
            "python/rust": py["call_ns"] / rust,
            "js/rust": js["call_ns"] / rust,
            "rust/json": rust / rust_json,
            "python/json": py["call_ns"] / py["json_ns"],
            "js/json": js["call_ns"] / js["json_ns"],
        }
        ratios.update({f"{name} {k}": v for k, v in r.items()})
        rows.append(
            f"| {name} | {show(rust)} | {show(py['call_ns'])} | {show(js['call_ns'])} | "
            + " | ".join(f"{v:.2f}×" for v in r.values())
            + " |"
        )
    table = "\n".join(rows)
    print(table)
    if mode == "--record":
        machine = f"{os.cpu_count()} vCPUs, {platform.processor() or platform.machine()}, {platform.platform()}"
        stamp = f"Recorded {datetime.date.today()} by `bash scripts/bench.sh --record` on {machine}."
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text()
        block = f"<!-- bench table: scripts/bench.sh -->\n{stamp}\n\n{table}\n<!-- end of bench table -->"
        text, n = re.subn(r"<!-- bench table:.*?<!-- end of bench table -->", lambda _: block, text, flags=re.S)
        if n != 1:
            raise SystemExit("bench_table.py: BENCHMARKS.md has no bench-table markers")
        path.write_text(text)
        (ROOT / "benches" / "recorded.json").write_text(json.dumps(ratios, indent=1, sort_keys=True) + "\n")
    if mode == "--check":
        recorded = json.loads((ROOT / "benches" / "recorded.json").read_text())
        worse = [
            f"{k}: {v:.2f} against {recorded[k]:.2f} recorded"
            for k, v in ratios.items()
            if k in recorded and v > LIMIT * recorded[k]
        ]
        missing = sorted(set(ratios) - set(recorded))
        if missing:
            print(f"bench: no recorded ratio for {missing}: run bash scripts/bench.sh --record", file=sys.stderr)
            return 1
        if worse:
            print(f"bench: ratios more than {LIMIT}x worse than recorded:\n  " + "\n  ".join(worse), file=sys.stderr)
            return 1
        print(f"bench: {len(ratios)} ratios within {LIMIT}x of benches/recorded.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
