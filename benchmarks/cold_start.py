"""Where a cold ``briefing daily`` spends its time: each heavy load, timed inside the run.

Run by hand: ``python benchmarks/cold_start.py [--runs 3] [CORPUS]`` (default: the seeds).
Each run is a fresh process with an empty ``BRIEFING_HOME`` that runs ``briefing daily`` in
process, with the functions that load a library's data wrapped in a wall-clock timer (and the
first import of pypinyin and of numpy, wherever it happens), no profiler (cProfile inflates
pure-Python loads about 1.5x). Loads nest: jieba's time includes its prefix table's, the
encoder's includes numpy's when it imports it first. It prints each load's seconds, the whole
run's (from the child's first line: interpreter start-up not included), and a bare ``import
textual.app`` in a fresh process for scale (issue 19's bar: a cold daily within 4x of it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TIMED = (
    ("briefing.corpus.detect", "_langdetect_factory", "langdetect profiles"),
    ("briefing.text.jieba_dict", "prefix_dictionary", "jieba's prefix table"),
    ("briefing.stories.names", "_tag_table", "the names' tag table"),
    ("briefing.text.words", "_jieba", "jieba (dictionary included)"),
    ("briefing.stories.meaning", "_encoder", "sentence encoder"),
)
IMPORTS = ("pypinyin", "numpy")

CHILD = r"""
import builtins, functools, importlib, json, sys, time
start = time.perf_counter()
spent = {}
def timed(module, attr, label):
    mod = importlib.import_module(module)
    real = getattr(mod, attr)
    @functools.wraps(real)
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.perf_counter() - t
    setattr(mod, attr, wrapper)
for module, attr, label in TIMED:
    try:
        timed(module, attr, label)
    except (ImportError, AttributeError):
        pass
real_import = builtins.__import__
def first_import(name, *args, **kwargs):
    top = name.partition(".")[0]
    if top in IMPORTS and top not in sys.modules:
        t = time.perf_counter()
        try:
            return real_import(name, *args, **kwargs)
        finally:
            spent["import " + top] = time.perf_counter() - t
    return real_import(name, *args, **kwargs)
builtins.__import__ = first_import
from briefing.cli import main
sys.stdout = open("/dev/null", "w")
code = main(["daily", *CORPUS])
spent["whole run, in process"] = time.perf_counter() - start
sys.stderr.write("RESULT " + json.dumps(spent) + "\n")
"""


def one_run(corpus: list[str]) -> dict[str, float]:
    code = f"TIMED = {TIMED!r}\nIMPORTS = {IMPORTS!r}\nCORPUS = {corpus!r}\n" + CHILD
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BRIEFING_HOME": home}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO
        )
    for line in done.stderr.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, float] = json.loads(line[len("RESULT ") :])
            return result
    raise SystemExit(f"the run failed:\n{done.stderr}")


def textual_import() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import textual.app"], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="a folder (default: the bundled seeds)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = [args.corpus] if args.corpus else []
    runs = [one_run(corpus) for _ in range(args.runs)]
    bare = min(textual_import() for _ in range(args.runs))
    labels = [label for _, _, label in TIMED] + [f"import {m}" for m in IMPORTS]
    labels.append("whole run, in process")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"cold briefing daily {args.corpus or 'seeds'}, {args.runs} runs, load average {load:.1f}"
    )
    for label in labels:
        values = [r[label] for r in runs if label in r]
        if values:
            print(f"  {label:36s} " + "  ".join(f"{v:.2f}" for v in values) + " s")
    whole = sorted(r["whole run, in process"] for r in runs)[len(runs) // 2]
    print(
        f"  import textual.app (fresh process, best) {bare:.2f} s: cold daily x{whole / bare:.1f}"
    )


if __name__ == "__main__":
    main()
