#!/usr/bin/env bash
# Everything the wasm binding needs, from a fresh machine of the project's kind:
# toolchain, npm tools, build, type check and the node + browser tests.
# Chromium (/usr/bin/chromium) is installed by the CI script, not here.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

rustup target add wasm32-unknown-unknown

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
# (cargo metadata brings Cargo.lock up to date with the workspace if it is not.)
cargo metadata --format-version 1 >/dev/null
want="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [[ -z "$want" ]]; then
    echo "test.sh: no wasm-bindgen in Cargo.lock" >&2
    exit 1
fi
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ "$have" != "$want" ]]; then
    echo "wasm-bindgen CLI '${have:-none}' != crate $want: installing wasm-bindgen-cli $want"
    # Not --locked: it fails for 0.2.130 (a pinned dependency left the index).
    cargo install wasm-bindgen-cli --version "=$want"
fi

(cd bindings/wasm && npm ci --no-audit --no-fund)
bash bindings/wasm/build.sh
(cd bindings/wasm && npx --no-install tsc --noEmit -p tsconfig.json)
# The same usage and misuse files under a default tsconfig (only strict + noEmit: no
# lib, no skipLibCheck), the way a consumer compiles the .d.ts.
(cd bindings/wasm && npx --no-install tsc -p tsconfig.default.json)
node --test bindings/wasm/tests/
