"""How long one filter keystroke takes over 10,000 articles, and what building the index costs.

Run by hand: ``python benchmarks/query_speed.py [FOLDER]`` (default ../shared/field). The
folder's articles are repeated (with new ids) up to 10,000; prints the median of 20 runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from briefing.corpus.load import load_corpus
from briefing.query import QueryIndex, parse

QUERIES = ("l", "li", "李强", "lang:ja 李强", 'theme:ai-safety "li qiang"', "elysee macron")


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/field")
    base = list(load_corpus([folder]).documents)
    docs = [replace(d, id=f"{d.id}-{n}") for n in range(10_000 // len(base) + 1) for d in base]
    docs = docs[:10_000]
    chars = sum(len(d.text) for d in docs)
    start = time.perf_counter()
    index = QueryIndex(docs)
    print(f"index of {len(docs):,} articles ({chars:,} chars): {time.perf_counter() - start:.2f} s")
    for query in QUERIES:
        parsed = parse(query)
        times = []
        for _ in range(20):
            t = time.perf_counter()
            found = index.filter(docs, parsed)
            times.append(time.perf_counter() - t)
        print(
            f"{query!r:32} {len(found):6,} found  median {statistics.median(times) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
