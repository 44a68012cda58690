"""Runs `mypy --strict` on misuse.py and checks that it reports an error on exactly
the lines marked `# error` (so every misuse is caught, and nothing else fails)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
source = (here / "misuse.py").read_text().splitlines()
marked = {i + 1 for i, line in enumerate(source) if "  # error:" in line}
run = subprocess.run(
    [sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null", str(here / "misuse.py")],
    capture_output=True,
    text=True,
)
reported = {int(m.group(1)) for m in re.finditer(r"misuse\.py:(\d+): error:", run.stdout)}
missed, unexpected = sorted(marked - reported), sorted(reported - marked)
print(f"misuse.py: {len(marked)} misuses marked, mypy reported errors on {len(reported & marked)} of them")
if missed or unexpected or not marked:
    print(run.stdout)
    print(f"not rejected: lines {missed}; unexpected errors: lines {unexpected}")
    sys.exit(1)
