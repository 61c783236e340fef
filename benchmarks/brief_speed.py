"""Briefs per second per core on the eval sets, next to plain sumy LexRank in the same run.

Run by hand: ``python benchmarks/brief_speed.py --set ../shared/eval [--repeat 3]``.
One process, one core, timed in CPU seconds (``time.process_time``), so other jobs on the
machine change the figure little: the rate is articles per CPU-second. Articles are loaded
first (loading is not summarizing); then every article is summarized from its paragraphs,
sentence splitting and tokenizing included, by our learned brief and then by sumy's LexRank
over the same sentences (``method="lexrank"``, which builds sumy's document with our offline
tokenizer and ranks with sumy). Caches are cleared between passes so no pass reuses another's
sentences. The issue's bar: at least 200 articles/s and at least 3x LexRank.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _docs(set_dir: Path) -> list:  # type: ignore[type-arg]
    from briefing.dev.evaluate import read_set, record_document, set_files

    docs = []
    for path in set_files(set_dir):
        for i, record in enumerate(read_set(path)):
            try:
                docs.append(record_document(record, str(path), i))
            except ValueError:
                continue
    return docs


def _pass(docs: list, method: str) -> float:  # type: ignore[type-arg]
    from briefing.summarize import brief

    brief._brief.cache_clear()
    brief._analysed.cache_clear()
    started = time.process_time()
    for doc in docs:
        brief._summarize(doc, method)
        brief._analysed.cache_clear()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, required=True, help="eval set file or folder")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is kept")
    args = parser.parse_args()
    docs = _docs(args.set)
    if not docs:
        print(f"no articles in {args.set}", file=sys.stderr)
        return 1
    # warm-up: imports, stop lists, jieba's dictionary: a one-off cost, not per article
    _pass(docs[:5], "briefing")
    _pass(docs[:5], "lexrank")
    # the first pass meets every word for the first time (Snowball stems are memoised): shown
    ours_all = [_pass(docs, "briefing") for _ in range(args.repeat)]
    lexrank_all = [_pass(docs, "lexrank") for _ in range(args.repeat)]
    ours, lexrank = min(ours_all), min(lexrank_all)
    n = len(docs)
    print(f"{n} articles from {args.set}, best of {args.repeat} passes, per CPU-second")
    print(f"  briefing  {n / ours:8.1f} articles/s  ({1000 * ours / n:.2f} ms each)")
    print(f"  lexrank   {n / lexrank:8.1f} articles/s  ({1000 * lexrank / n:.2f} ms each)")
    print(f"  speed-up  {lexrank / ours:8.1f}x")
    print(f"  first pass: briefing {n / ours_all[0]:.1f}/s, lexrank {n / lexrank_all[0]:.1f}/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
