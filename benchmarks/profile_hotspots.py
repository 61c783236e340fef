"""Where the time goes: cProfile of the summarizer over the eval set, and of filter keystrokes
in the TUI over N synthetic documents. Run by hand from the repository root:

    .venv/bin/python benchmarks/profile_hotspots.py summarize      # eval articles, top 25
    .venv/bin/python benchmarks/profile_hotspots.py keys [N]       # default N = 10000

Each prints what it measured (articles/s or per-key ms) and the profile, sorted by own time
(summarize) or cumulative time (keys).
"""

from __future__ import annotations

import asyncio
import cProfile
import datetime as dt
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"


def profile_summarize() -> None:
    from briefing.corpus.load import document_from_record
    from briefing.summarize import brief as brief_module
    from briefing.summarize import summarize

    records = [json.loads(line) for p in sorted(EVAL.glob("*.jsonl")) for line in p.open()]
    docs = [document_from_record(r, "eval", i) for i, r in enumerate(records)]
    for doc in docs[:: max(1, len(docs) // 3)]:
        summarize(doc)  # load jieba, tinysegmenter, stemmers first
    brief_module._brief.cache_clear()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for doc in docs:
        summarize(doc)
    profiler.disable()
    seconds = time.perf_counter() - started
    print(
        f"{len(docs)} eval articles in {seconds:.1f} s under cProfile ({len(docs) / seconds:.1f}/s)"
    )
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def profile_keys(n: int) -> None:
    from briefing.store import Store
    from briefing.tui.app import BriefingApp
    from briefing.tui.widgets.document_list import DocumentList
    from tests.tui.fakes import fake_pipeline, make_doc

    words = [
        "china",
        "ai",
        "governance",
        "summit",
        "shanghai",
        "premier",
        "organization",
        "safety",
        "robots",
        "source",
    ]
    docs = [
        make_doc(f"d{k}", f"Article {k} about {words[k % 10]} and {words[k * 7 % 10]}", "en",
                 dt.date(2025, 1 + k % 12, 1 + k % 28), f"Src{k % 37}",
                 [f"Body {k} about {words[k * 3 % 10]} in detail. " * 40], ["ai"])
        for k in range(n)
    ]  # fmt: skip

    async def run() -> None:
        store = Store(Path(tempfile.mkdtemp()) / "notes.json")
        app = BriefingApp([Path("/x")], store=store, pipeline=fake_pipeline(docs))
        async with app.run_test(size=(120, 40)) as pilot:
            listing = app.query_one(DocumentList)
            while not app.loaded or len(listing.doc_ids) < n or len(app.briefs) < n:
                await asyncio.sleep(0.01)
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            profiler = cProfile.Profile()
            latencies = []
            for key in "chine":
                started = time.perf_counter()
                profiler.enable()
                await pilot.press(key)
                await pilot.pause()
                profiler.disable()
                latencies.append(round((time.perf_counter() - started) * 1000))
        print(f"{n} documents: filter keystrokes (ms, under cProfile): {latencies}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

    asyncio.run(run())


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "summarize"
    if what == "keys":
        profile_keys(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    else:
        profile_summarize()
