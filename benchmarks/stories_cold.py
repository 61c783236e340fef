"""What the meaning signal adds to a cold build: 1,000 and 10,000 articles, in one process each.

    .venv/bin/python benchmarks/stories_cold.py [N ...]           (default 1000 10000)
    .venv/bin/python benchmarks/stories_cold.py --copies [N ...]  (the copy-based folder)

The folder is :func:`benchmarks.distinct.build_distinct`: N *distinct* real articles from
``../shared/train`` and ``../shared/field`` (en, fr, ja, zh; 1,000 is a fixed subset of the
10,000), written to a temp folder. ``--copies`` uses :func:`benchmarks.scale.build_corpus`
instead (varied copies of 306 articles: the duplicate finder sees through them, so only 306
get vectors whatever N, which flatters the ratio). For each N a fresh process with an empty
``BRIEFING_HOME`` times, one after the other on the same machine load:

- *build*: ``open_library`` and every brief, cold (what a cold ``briefing daily`` or
  ``export`` of the whole folder computes before stories);
- *anchors*: stories without vectors (what stories cost before the meaning signal);
- *vectors + meaning*: stories as every command makes them (:meth:`Library.stories`, i.e.
  :func:`briefing.library.stories_of`): sentence vectors for every article but the copies, cold,
  on every core, then grouping with them;

and prints the cold build with stories before (build + anchors) and after (build + vectors +
meaning), and the ratio: issue 16 allows at most 1.30. Timings on a shared machine are noisy;
the ratio is taken within one process, so both halves see the same load. A second line gives
the same in CPU seconds (this process and its live workers, read from ``/proc``), which other
load on the machine does not inflate: the figure to compare across runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cpu_seconds() -> float:
    """CPU time of this process, its reaped children and its live ones (the worker pool)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = time.process_time() + sum(os.times()[2:4])
    me = str(os.getpid())
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:  # ppid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def child(corpus: str) -> dict[str, float]:
    from briefing.cache import pool
    from briefing.library import open_library
    from briefing.stories import group_stories

    c0, t0 = cpu_seconds(), time.perf_counter()
    lib = open_library(corpus)
    briefs, _ = lib.briefs(lib.documents)
    c1, t1 = cpu_seconds(), time.perf_counter()
    plain = group_stories(lib.documents)
    c2, t2 = cpu_seconds(), time.perf_counter()
    made: list[int] = [0]
    index, _ = lib.stories(progress=lambda _done, total: made.__setitem__(0, total))
    c4, t4 = cpu_seconds(), time.perf_counter()
    pool.shutdown()
    return {
        "build_cpu": c1 - c0,
        "anchors_cpu": c2 - c1,
        "stories_cpu": c4 - c2,
        "docs": len(lib.documents),
        "briefs": len(briefs),
        "vectors": made[0],
        "build_s": t1 - t0,
        "anchors_s": t2 - t1,
        "stories_s": t4 - t2,
        "stories_anchors": len(plain.shared),
        "stories_meaning": len(index.shared),
    }


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(sys.argv[2])))
        return 0
    from benchmarks.distinct import build_distinct, pool
    from benchmarks.scale import build_corpus

    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [1000, 10_000]
    copies = "--copies" in sys.argv
    articles = None if copies else pool()
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} cores · load {os.getloadavg()}")
    kind = "varied copies of 306 articles (benchmarks.scale)"
    if articles is not None:
        kind = f"distinct articles of train and field ({len(articles):,} in the pool)"
    print(f"folder: {kind}")
    print("articles | build s | anchors s | vectors + meaning s (vectors made) | before s | "
          "after s | after/before")  # fmt: skip
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            if articles is None:
                corpus = build_corpus(Path(tmp) / "corpus", n)
            else:
                corpus = build_distinct(Path(tmp) / "corpus", n, articles)
            env = {**os.environ, "BRIEFING_HOME": str(Path(tmp) / "home"),
                   "PYTHONWARNINGS": "ignore"}  # fmt: skip
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(corpus)],
                capture_output=True, text=True, check=False, cwd=ROOT, env=env,
            )  # fmt: skip
            if out.returncode:
                sys.stderr.write(out.stderr)
                return 1
            r = json.loads(out.stdout.strip().splitlines()[-1])
        before = r["build_s"] + r["anchors_s"]
        after = r["build_s"] + r["stories_s"]
        print(
            f"{r['docs']:,} | {r['build_s']:.1f} | {r['anchors_s']:.1f} | {r['stories_s']:.1f} "
            f"({r['vectors']:,}) | {before:.1f} | {after:.1f} | {after / before:.2f}   (stories: "
            f"{r['stories_anchors']} anchors only, {r['stories_meaning']} with meaning; load "
            f"{os.getloadavg()[0]:.1f})",
            flush=True,
        )
        cb = r["build_cpu"] + r["anchors_cpu"]
        ca = r["build_cpu"] + r["stories_cpu"]
        print(
            f"  CPU s: build {r['build_cpu']:.1f} | anchors {r['anchors_cpu']:.1f} | vectors + "
            f"meaning {r['stories_cpu']:.1f} | before {cb:.1f} | after {ca:.1f} | after/before "
            f"{ca / cb:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
