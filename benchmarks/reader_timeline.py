"""When the reader's stages land on a folder with a warm cache, and what the event loop spends.

Run by hand: ``BRIEFING_HOME=HOME python benchmarks/reader_timeline.py CORPUS [--runs 3]``
(HOME already built for CORPUS, e.g. by ``briefing build CORPUS`` or ``benchmarks/scale.py
--keep DIR``). Each run is ``BriefingApp.run_test()`` with the real pipeline in a fresh process
and prints, in seconds from the app's creation: the first rows, the whole folder listed
(``session.loaded``), every cached brief in the session, the search index in; and the event
loop's thread CPU time until the folder was listed (what the list's rebuilds cost while the
load worker reads, which other load on the machine does not inflate).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


async def _one(corpus: Path) -> dict[str, float]:
    from briefing.store import Store
    from briefing.tui.app import BriefingApp
    from briefing.tui.widgets.document_list import DocumentList

    marks: dict[str, float] = {}
    t0 = time.perf_counter()
    app = BriefingApp([corpus], store=Store(Path(tempfile.mkdtemp()) / "notes.json"))
    async with app.run_test(size=(120, 40)):
        cpu0 = time.thread_time()
        listing = app.query_one(DocumentList)
        session = app.session
        while "index" not in marks and time.perf_counter() - t0 < 600:
            now = time.perf_counter() - t0
            if "first_rows" not in marks and listing.count:
                marks["first_rows"] = now
            if "listed" not in marks and session.loaded:
                marks["listed"] = now
                marks["loop_cpu_until_listed"] = time.thread_time() - cpu0
            if (
                "briefs" not in marks
                and session.loaded
                and len(session.briefs) >= len(session.documents)
            ):
                marks["briefs"] = now
            if "briefs" in marks and not session.indexing:
                marks["index"] = now
            await asyncio.sleep(0.005)
        marks["articles"] = len(session.documents)
    return marks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(_one(args.corpus))))
        return 0
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, str(args.corpus), "--child"],
                             capture_output=True, text=True, check=True)  # fmt: skip
        marks = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{marks.pop('articles'):,.0f} articles: "
              + ", ".join(f"{k} {v:.2f} s" for k, v in marks.items()))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
