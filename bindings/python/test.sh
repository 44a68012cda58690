#!/usr/bin/env bash
# Builds the abi3 wheel of the Python binding, installs it into a venv and runs the
# Python tests and `mypy --strict` on the package, the examples and the bench script.
#
#   VENV=target/venv bash bindings/python/test.sh      (from the repo root)
#
# VENV (default target/venv, relative to the repo root) is created when missing.
# PYTHON (default python3) is the interpreter used to create it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
VENV="${VENV:-target/venv}"
PYTHON="${PYTHON:-python3}"
WHEELS="${CARGO_TARGET_DIR:-target}/wheels-python"

if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating venv $VENV"
    "$PYTHON" -m venv "$VENV"
fi
echo "== installing test requirements"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt

echo "== building the wheel"
rm -rf "$WHEELS"
"$VENV/bin/maturin" build --release -m bindings/python/Cargo.toml -i "$VENV/bin/python" --out "$WHEELS"
wheels=("$WHEELS"/crm_rules-*.whl)
if [ "${#wheels[@]}" -ne 1 ] || [ ! -f "${wheels[0]}" ]; then
    echo "expected exactly one wheel in $WHEELS, found: ${wheels[*]}" >&2
    exit 1
fi
wheel="${wheels[0]}"
case "$(basename "$wheel")" in
    *-abi3-*) echo "== wheel $(basename "$wheel") (abi3)" ;;
    *) echo "the wheel $(basename "$wheel") is not abi3" >&2; exit 1 ;;
esac
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "== pytest"
"$VENV/bin/python" -m pytest bindings/python/tests -q -p no:cacheprovider

echo "== the README's Python example (doctest)"
"$VENV/bin/python" -m pytest README.md -q -p no:cacheprovider --doctest-glob=README.md

echo "== mypy --strict"
"$VENV/bin/mypy" --strict --cache-dir=/dev/null bindings/python/python/crm_rules
"$VENV/bin/mypy" --strict --cache-dir=/dev/null examples/python bindings/python/bench bindings/python/tests/typing/usage.py

echo "== mypy --strict rejects every deliberate misuse of the typed API"
"$VENV/bin/python" bindings/python/tests/typing/check_misuse.py
