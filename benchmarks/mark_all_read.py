"""How long "mark all read" takes on a field-sized list: one store write, against one per article.

Run by hand: ``python benchmarks/mark_all_read.py [N]`` (default 1,298, the field folder's count).
It writes to a temp dir only. Prints both timings and their ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from briefing.model import Document
from briefing.store import Store


def _docs(n: int, folder: Path) -> list[Document]:
    return [
        Document(
            id=f"{i:04d}.txt",
            path=str(folder / f"{i:04d}.txt"),
            title=f"Article {i}",
            title_derived=False,
            date=None,
            source="bench",
            lang="en",
            paragraphs=("Text.",),
            themes=(),
            content_hash=f"h{i}",
        )
        for i in range(n)
    ]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1298
    with tempfile.TemporaryDirectory() as tmp:
        docs = _docs(n, Path(tmp))
        one = Store(Path(tmp) / "one.json")
        start = time.perf_counter()
        one.set_read_many(docs, True)
        batched = time.perf_counter() - start
        each = Store(Path(tmp) / "each.json")
        start = time.perf_counter()
        for doc in docs:
            each.set_read(doc, True)
        looped = time.perf_counter() - start
    print(f"{n} articles: set_read_many {batched:.3f} s, set_read per article {looped:.3f} s "
          f"({looped / batched:.0f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
