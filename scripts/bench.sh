#!/usr/bin/env bash
# The cross-language benchmark: every case of benches/manifest.json run through
# `evaluate` in Rust (criterion, `evaluate_json`: text in, text out), Python and JS
# (WebAssembly on node), each beside its own language's JSON round trip of the input;
# then one table (scripts/bench_table.py).
#
#   bash scripts/bench.sh            full run, prints the table
#   bash scripts/bench.sh --record   full run, writes the table into BENCHMARKS.md and
#                                    the ratios into benches/recorded.json
#   bash scripts/bench.sh --check    short run (CI): fails if a ratio is more than 2x
#                                    worse than recorded (ratios, not times: machines differ)
#
# Needs the Python wheel installed in target/venv and bindings/wasm/pkg-node built
# (bindings/python/test.sh and bindings/wasm/test.sh do both).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-}"
if [[ "$mode" == "--check" ]]; then
    warm=0.3 measure=1 quick=--quick
else
    warm=1 measure=3 quick=
fi
out=target/bench
mkdir -p "$out"
cargo bench -q -p crm-rules --bench api -- --warm-up-time "$warm" --measurement-time "$measure" \
    "api/(evaluate_json|json_round_trip)/" >"$out/rust.log" 2>&1 || { cat "$out/rust.log"; exit 1; }
"${VENV:-target/venv}/bin/python" bindings/python/bench/bench_api.py $quick --json "$out/python.json" >"$out/python.md"
node bindings/wasm/bench/bench_api.mjs $quick --json "$out/js.json" >"$out/js.md"
python3 scripts/bench_table.py $mode
