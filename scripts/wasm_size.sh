#!/usr/bin/env bash
# Prints the size of the npm package's default WebAssembly module (gzip -9) and its
# largest contributors, and the size of its second (records) module; with --check,
# fails when the default module is above the budget in bindings/wasm/size.json.
# Needs the module built (bash bindings/wasm/build.sh); installs twiggy if missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
raw="$target_dir/wasm-split/core.wasm"
shipped="bindings/wasm/pkg-web/crm_rules_core_bg.wasm"
records="bindings/wasm/pkg-web/crm_rules_records_bg.wasm"
for f in "$raw" "$shipped" "$records"; do
    [[ -f "$f" ]] || { echo "wasm_size.sh: $f is missing; run bash bindings/wasm/build.sh" >&2; exit 1; }
done
if [[ "$(twiggy --version 2>/dev/null)" != *" 0.8.0" ]]; then
    cargo install twiggy --version 0.8.0 --locked
fi

# The shipped build again, with function names kept (-g), for twiggy to name them.
named_dir="$target_dir/wasm-size"
rm -rf "$named_dir"
wasm-bindgen --target web --out-dir "$named_dir" --out-name crm_rules "$raw"
bindings/wasm/node_modules/.bin/wasm-opt -Oz --converge -g --enable-bulk-memory --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
    -o "$named_dir/named.wasm" "$named_dir/crm_rules_bg.wasm"
python3 scripts/wasm_size.py "$@" "$shipped" "$named_dir/named.wasm"
echo "records module (loaded on first use): $(wc -c <"$records") B; gzip -9 $(gzip -9 -c "$records" | wc -c) B"
