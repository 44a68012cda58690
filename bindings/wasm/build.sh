#!/usr/bin/env bash
# Builds the WebAssembly binding: for each of the package's two modules (core, records)
#   cargo (wasm32, profile wasm-release) → wasm-bindgen (pkg-node, pkg-web) → wasm-opt -Oz,
# then package.mjs writes the package's entry point over both (crm_rules.js, .d.ts).
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli matching Cargo.lock, and
# `npm ci` done in this folder (wasm-opt comes from npm `binaryen`, never Debian's:
# Debian's wasm-opt 108 produces a module that fails to load). test.sh sets all that up.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
wasm_opt="$here/node_modules/.bin/wasm-opt"

if [[ ! -x "$wasm_opt" ]]; then
    echo "build.sh: $wasm_opt is missing; run 'npm ci' in $here first" >&2
    exit 1
fi

# Features rustc enables by default for wasm32-unknown-unknown; wasm-bindgen's
# externref table needs reference-types.
features=(
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-reference-types --enable-multivalue
)
raw="$target_dir/wasm32-unknown-unknown/wasm-release/crm_rules_wasm.wasm"
# The package is two modules (see package.mjs): `core`, the default, and `records`
# (the crate's feature `records`). Each raw module is kept for scripts/wasm_size.sh.
split_dir="$target_dir/wasm-split"
mkdir -p "$split_dir"
rm -rf "$here/pkg-node" "$here/pkg-web"
for module in core records; do
    flags=()
    [[ "$module" == records ]] && flags=(--features records)
    (cd "$root" && cargo build -p crm-rules-wasm --target wasm32-unknown-unknown --profile wasm-release "${flags[@]}")
    cp "$raw" "$split_dir/$module.wasm"
    for target in nodejs web; do
        case "$target" in
            nodejs) out="$here/pkg-node" ;;
            web) out="$here/pkg-web" ;;
        esac
        wasm-bindgen --target "$target" --out-dir "$out" --out-name "crm_rules_$module" "$split_dir/$module.wasm"
        # `[Symbol.dispose]` needs lib esnext.disposable (TS2550 under a default tsconfig);
        # `free()` stays the way to release a Calendar early.
        sed -i '/\[Symbol\.dispose\]/d' "$out/crm_rules_$module.d.ts"
        "$wasm_opt" -Oz --converge "${features[@]}" --strip-debug --strip-producers \
            -o "$out/crm_rules_${module}_bg.wasm" "$out/crm_rules_${module}_bg.wasm"
    done
done
node "$here/package.mjs" "$here/pkg-node" "$here/pkg-web"
# Each build is the npm package `crm-rules`: pkg-node (CommonJS, loads the .wasm from
# disk) and pkg-web (ES module, `await init()` fetches the .wasm), as wasm-pack lays them out.
version="$(awk -F'"' '/^version = / { print $2; exit }' "$root/Cargo.toml")"
write_package() { # dir type entry-field
    cat >"$1/package.json" <<JSON
{
  "name": "crm-rules",
  "version": "$version",
  "description": "Brazilian business-day calendar and CRM procedures (agendamentos) as pure, explained rules, in WebAssembly.",
  "license": "MIT OR Apache-2.0",
  "type": "$2",
  "$3": "crm_rules.js",
  "types": "crm_rules.d.ts",
  "files": [
    "crm_rules.js", "crm_rules.d.ts",
    "crm_rules_core.js", "crm_rules_core.d.ts", "crm_rules_core_bg.wasm", "crm_rules_core_bg.wasm.d.ts",
    "crm_rules_records.js", "crm_rules_records.d.ts", "crm_rules_records_bg.wasm", "crm_rules_records_bg.wasm.d.ts"
  ],
  "sideEffects": false
}
JSON
}
write_package "$here/pkg-node" commonjs main
write_package "$here/pkg-web" module module

for module in core records; do
    final="$here/pkg-web/crm_rules_${module}_bg.wasm"
    echo "wasm size ($module): cargo $(wc -c <"$split_dir/$module.wasm") B; after wasm-bindgen + wasm-opt -Oz" \
        "$(wc -c <"$final") B; gzip -9 $(gzip -9 -c "$final" | wc -c) B"
done
