"""Story grouping on the shared sets: the figures the README and issue 16 quote.

    .venv/bin/python benchmarks/stories_field.py [--anchors-only]

Loads ../shared/field (labels: ../shared/field-labels.jsonl) and ../shared/eval (292
articles, each its own event, written to a temporary folder), embeds them (cache in a
temporary user dir unless BRIEFING_HOME is set), groups them, and prints pairwise precision
and recall against the labels, and how many unrelated articles sit in a story that joins
different events (counted on what the grouping joined, and with copies shown once included).
``--anchors-only`` groups without vectors, as when the encoder cannot load.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from briefing.library import open_library, vectors_for
    from briefing.stories import group_stories
    from tests.stories.shared_sets import field_stories, figures, write_eval_folder

    anchors_only = "--anchors-only" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("BRIEFING_HOME", str(Path(tmp) / "home"))
        folder = Path(tmp) / "eval"
        write_eval_folder(folder)
        for name, corpus in (("field", ROOT.parent / "shared" / "field"), ("eval", folder)):
            start = time.perf_counter()
            lib = open_library(corpus)
            loaded = time.perf_counter()
            vectors = None if anchors_only else vectors_for(lib.documents)[0]
            embedded = time.perf_counter()
            index = group_stories(lib.documents, vectors=vectors)
            grouped = time.perf_counter()
            if name == "field":
                gold = field_stories(lib.documents)
            else:
                gold = {d.id: d.id for d in lib.documents}
            joined = [[d for d in s.documents if d not in index.duplicates] for s in index.stories]
            print(
                f"{name}: {len(lib.documents)} articles; load {loaded - start:.1f} s, embed "
                f"{embedded - loaded:.1f} s, group {grouped - embedded:.1f} s"
            )
            print(f"  with copies: {figures([s.documents for s in index.stories], gold)}")
            print(f"  joined only: {figures(joined, gold)}")


if __name__ == "__main__":
    main()
