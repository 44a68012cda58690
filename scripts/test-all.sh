#!/usr/bin/env bash
# Runs every test of crm-rules, in Rust, Python and JavaScript (node + headless
# Chromium). On a fresh machine it installs what it needs first: the wasm target,
# the wasm-bindgen CLI matching Cargo.lock, Chromium (Debian), a Python venv under
# target/, and the npm packages of bindings/wasm.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_TERM_COLOR=never
start=$(date +%s)
step() { printf '\n== %s (%ss) ==\n' "$*" "$(( $(date +%s) - start ))"; }

# Everything below is also written to target/test-all.log, to total the counts at the end.
mkdir -p target
log=target/test-all.log
exec > >(tee "$log") 2>&1
tee_pid=$!

step "Machine set-up"
if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
rustup target add wasm32-unknown-unknown
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "Generated files are current (schemas, Python and TS types, API table)"
bash scripts/generate.sh --check
python3 scripts/binding_lines.py

step "Rust: format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --exclude crm-rules-wasm --all-targets -- -D warnings
cargo clippy -p crm-rules-wasm --target wasm32-unknown-unknown -- -D warnings

step "Rust: unit, property, vector and doc tests"
cargo test --workspace --exclude crm-rules-python --exclude crm-rules-wasm

step "Rust: benchmarks compile and run once"
cargo test -p crm-rules --bench calendar --bench duplicates --bench api --bench vs_bdays

step "Main job runs on the sample data"
cargo run -q -p crm-rules-cli -- report examples/data/crm.json >/dev/null

step "Python binding"
bash bindings/python/test.sh

step "WebAssembly binding (node and headless Chromium)"
bash bindings/wasm/test.sh

step "WebAssembly size: within bindings/wasm/size.json, largest contributors"
bash scripts/wasm_size.sh --check

step "Cross-language benchmark, short run: ratios within 2x of benches/recorded.json"
bash scripts/bench.sh --check

step "Totals"
rust=$(awk '/^test result: ok\./ { n += $4 } END { print n + 0 }' "$log")
python=$(awk '/^[0-9]+ passed/ { n += $1 } END { print n + 0 }' "$log")
js=$(awk '/^# pass / { n += $3 } END { print n + 0 }' "$log")
echo "Rust $rust, Python $python, JS $js tests passed"
echo "all: $((rust + python + js)) passed, 0 failed"
# Let tee write the last lines before the script ends.
exec >&- 2>&-
wait "$tee_pid"
