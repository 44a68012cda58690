#!/usr/bin/env python3
"""Size of the WebAssembly module of the npm package, and what it is made of.

Usage: python3 scripts/wasm_size.py [--check] SHIPPED.wasm NAMED.wasm

SHIPPED is the module as packaged (wasm-opt -Oz, names stripped): its gzip -9 size is
what a browser downloads. NAMED is the same build optimised the same way but keeping
function names, read with `twiggy` (cargo install twiggy --version 0.8.0) to list the
largest contributors: the five largest items, and the totals per crate/module.
--check fails when the gzip size is above `gzip_budget` of bindings/wasm/size.json.
"""
import csv
import gzip
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = ROOT / "bindings/wasm/size.json"


def owner(name: str) -> str:
    """The crate (for crm_rules, the module) an item of the module belongs to."""
    if name.startswith("data segment"):
        return "data (constants, messages, tables)"
    m = re.match(r"[<(]*(?:impl )?([a-z_0-9]+)(?:\[[0-9a-f]+\])?::(?:rules::)?([a-z_0-9]+)?", name)
    if not m:
        return "other (glue, tables)"
    if m.group(1) == "crm_rules" and m.group(2):
        return f"crm_rules::{m.group(2)}"
    return m.group(1)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    shipped, named = map(Path, args)
    raw = shipped.read_bytes()
    gz = len(gzip.compress(raw, 9))
    out = subprocess.run(["twiggy", "top", "-n", "100000", "--format", "csv", str(named)],
                         check=True, capture_output=True, text=True).stdout
    rows = [(r["Name"], int(r["ShallowSize"])) for r in csv.DictReader(io.StringIO(out))]
    # Names are kept only for this analysis: the shipped module has none.
    rows = [(n, b) for n, b in rows if "names\" subsection" not in n]
    total = sum(b for _, b in rows)
    print(f"wasm module: {len(raw):,} B; gzip -9 {gz:,} B ({gz / 1024:.0f} KiB)")
    print("five largest items (uncompressed, of the named build):")
    for n, b in sorted(rows, key=lambda r: -r[1])[:5]:
        print(f"  {b:>8,} B  {b / total:5.1%}  {n[:100]}")
    print("largest contributors by crate / crm_rules module:")
    by = Counter()
    for n, b in rows:
        by[owner(n)] += b
    for k, b in by.most_common(12):
        print(f"  {b:>8,} B  {b / total:5.1%}  {k}")
    budget = json.loads(BUDGET.read_text())
    print(f"budget: {budget['gzip_budget']:,} B gzipped (goal {budget['gzip_goal']:,} B)")
    if check and gz > budget["gzip_budget"]:
        print(f"wasm_size: {gz:,} B gzipped is above the budget of {budget['gzip_budget']:,} B "
              f"({BUDGET.relative_to(ROOT)})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
