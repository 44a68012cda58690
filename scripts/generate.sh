#!/usr/bin/env bash
# Regenerates everything that comes from the rule registry: the JSON Schemas under
# schema/, the Python types and rule functions, the JS exports and TypeScript types,
# and the rule table of docs/API.md. Run it after adding or changing a rule.
#
#   bash scripts/generate.sh           write
#   bash scripts/generate.sh --check   fail if anything is not current (CI)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ "${1:-}" == "--check" ]]; then
    # The schemas are compared by the Rust test `schema_files`; the rest here.
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    cargo run -q -p crm-rules-cli -- schema "$tmp" >/dev/null
    diff -r "$tmp" schema >/dev/null || { echo "schema/ is not current: run bash scripts/generate.sh" >&2; exit 1; }
    python3 scripts/generate.py --check
else
    rm -rf schema/rules
    cargo run -q -p crm-rules-cli -- schema schema
    python3 scripts/generate.py
fi
