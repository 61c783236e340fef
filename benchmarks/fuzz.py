"""The long fuzz run: the properties of tests/hardening/test_fuzz.py (and the repair and
splitting properties of tests/corpus/test_properties.py) with a large example budget.

    .venv/bin/python benchmarks/fuzz.py [EXAMPLES_PER_PROPERTY]   (default 5000)

Prints, per property, how many cases hypothesis ran and how many passed, then the total.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    budget = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    env = dict(os.environ, BRIEFING_FUZZ_EXAMPLES=str(budget))
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
         "--hypothesis-show-statistics", "--hypothesis-seed=0",
         "tests/hardening/test_fuzz.py"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    total = 0
    counts: dict[str, list[int]] = {}
    name = ""
    for line in proc.stdout.splitlines():
        if m := re.match(r".*::(test_\w+):", line):
            name = m[1]
        if m := re.search(r"(\d+) passing, (\d+) failing, and (\d+) invalid", line):
            seen = counts.setdefault(name, [0, 0])
            seen[0] += int(m[1])
            seen[1] += int(m[2])
    for test, (passing, failing) in counts.items():
        total += passing + failing
        print(f"{test:<55} {passing:>7} passed {failing:>4} failed")
    print(f"{'total cases':<55} {total:>7}   in {seconds:.0f} s (budget {budget} per property)")
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-500:]
    print(summary)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
