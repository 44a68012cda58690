"""CAD-5 at CRM scale, from Python: ``crm_rules.all_duplicates`` on the Rust bench's data.

    CRM_DUP_DUMP=/tmp/dup1m.json CRM_DUP_N=1000000 cargo bench -p crm-rules --bench duplicates
    target/venv/bin/python bindings/python/bench/bench_duplicates.py /tmp/dup1m.json

Reports the time of one ``all_duplicates`` call (dicts in, pairs out: conversion, index
build and every candidate), the process's peak memory, and precision/recall against the
planted pairs. Figures go in ``BENCHMARKS.md``; nothing here asserts a time.
"""

import gc
import json
import resource
import sys
import time

import crm_rules


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    records, planted = data["records"], {tuple(p) for p in data["planted"]}
    # The records are long-lived: keep the collector from walking them during the call.
    gc.collect()
    gc.freeze()
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        pairs = crm_rules.all_duplicates(records)["outcome"]
        runs.append(time.perf_counter() - start)
    found = {(p["a"], p["b"]) for p in pairs}
    hits = len(found & planted)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(records)} records, {len(pairs)} pairs")
    print("all_duplicates: " + ", ".join(f"{t:.2f} s" for t in runs))
    print(f"precision {hits / max(len(found), 1):.4f}, recall {hits / max(len(planted), 1):.4f}")
    print(f"peak memory (ru_maxrss, whole process incl. the parsed JSON): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
