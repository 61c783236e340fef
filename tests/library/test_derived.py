"""Stories as every command makes them (``stories_of``): the same stories whether or not the
copies of an article get sentence vectors, and no vector made for a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.library import open_library, vectors_for
from briefing.paths import bundled_seeds
from briefing.stories import group_stories


def test_copies_get_no_vectors_and_the_stories_do_not_change(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(bundled_seeds(), folder)
    first = sorted(folder.glob("00[0-3]*.txt"))[0]
    text = first.read_text("utf-8")
    (folder / "copy.txt").write_text(text.replace("\n", "\n\n", 1), "utf-8")  # a near copy
    lib = open_library(folder)
    asked: list[int] = []
    index, _ = lib.stories(progress=lambda _done, total: asked.append(total))
    assert index.duplicates, "the copy is found as one"
    assert max(asked) == len(lib.documents) - len(index.duplicates)
    every, _ = vectors_for(lib.documents)
    assert group_stories(lib.documents, vectors=every).stories == index.stories
