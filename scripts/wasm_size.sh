#!/usr/bin/env bash
# Prints the size of the npm package's WebAssembly module (gzip -9) and its largest
# contributors; with --check, fails above the budget in bindings/wasm/size.json.
# Needs the module built (bash bindings/wasm/build.sh); installs twiggy if missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
raw="$target_dir/wasm32-unknown-unknown/wasm-release/crm_rules_wasm.wasm"
shipped="bindings/wasm/pkg-web/crm_rules_bg.wasm"
for f in "$raw" "$shipped"; do
    [[ -f "$f" ]] || { echo "wasm_size.sh: $f is missing; run bash bindings/wasm/build.sh" >&2; exit 1; }
done
if [[ "$(twiggy --version 2>/dev/null)" != *" 0.8.0" ]]; then
    cargo install twiggy --version 0.8.0 --locked
fi

# The shipped build again, with function names kept (-g), for twiggy to name them.
named_dir="$target_dir/wasm-size"
rm -rf "$named_dir"
wasm-bindgen --target web --out-dir "$named_dir" --out-name crm_rules "$raw"
bindings/wasm/node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
    -o "$named_dir/named.wasm" "$named_dir/crm_rules_bg.wasm"
python3 scripts/wasm_size.py "$@" "$shipped" "$named_dir/named.wasm"
