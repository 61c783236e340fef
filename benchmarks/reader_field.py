"""The reader on a real folder, cold, as a user meets it: when do rows, the full list and every
brief appear, against a cold ``briefing export`` of the same folder.

Runs the installed ``briefing`` in a pseudo-terminal (the same driver as ``tests/e2e``), each run
with an empty ``BRIEFING_HOME`` (no cache), and reads the screen every 50 ms:

    .venv/bin/python benchmarks/reader_field.py [FOLDER] [--runs N]

FOLDER defaults to ``../shared/field``. Issue 13's figures: first rows within 5 s, every brief
within the cold export's time plus 10 %.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.terminal import BRIEFING, Terminal  # noqa: E402

ROW = re.compile(r"(?m)^[● ] \S")
LISTED = re.compile(r"\b(\d+)/\1 · by")


def cold_export(folder: Path) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, BRIEFING_HOME=home)
        start = time.monotonic()
        subprocess.run(
            [str(BRIEFING), "export", str(folder), "-o", "-"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        return time.monotonic() - start


def cold_reader(folder: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        start = time.monotonic()
        term = Terminal(["open", str(folder)], Path(home))
        marks: dict[str, float] = {}
        try:
            while time.monotonic() - start < 900:
                term.pump(0.05)
                text = term.text
                now = time.monotonic() - start
                if "progress" not in marks and "Reading files" in text:
                    marks["progress"] = now
                if "first row" not in marks and ROW.search(text):
                    marks["first row"] = now
                if "all listed" not in marks and LISTED.search(text):
                    marks["all listed"] = now
                busy = "Summarizing" in text or "Reading files" in text
                if "all listed" in marks and not busy:
                    marks["every brief"] = now
                    break
            term.send("q")
            term.exit_status()
        finally:
            term.close()
        return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "field"))
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    folder = Path(args.folder)
    print(
        f"briefing reader benchmark · {folder} · Python {platform.python_version()} · "
        f"{os.cpu_count()} cores · {args.runs} runs, cold cache each"
    )
    exports = [cold_export(folder) for _ in range(args.runs)]
    readers = [cold_reader(folder) for _ in range(args.runs)]
    export = statistics.median(exports)
    runs = ", ".join(f"{x:.1f}" for x in exports)
    print(f"cold `briefing export -o -`: {export:.1f} s (runs: {runs})")
    for mark in ("progress", "first row", "all listed", "every brief"):
        values = [r[mark] for r in readers if mark in r]
        if values:
            runs = ", ".join(f"{x:.1f}" for x in values)
            print(f"reader {mark:<12} {statistics.median(values):6.1f} s   (runs: {runs})")
        else:
            print(f"reader {mark:<12}  never seen")
    briefs = [r["every brief"] for r in readers if "every brief" in r]
    if briefs:
        ratio = statistics.median(briefs) / export
        print(f"every brief / cold export: ×{ratio:.2f} (target ≤ ×1.10)")


if __name__ == "__main__":
    main()
