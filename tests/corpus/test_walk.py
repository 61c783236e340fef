"""The folder walk's absolute paths: the cache keys every file by one, so a shortcut that made a
different string would lose the cached file (a miss: read again) or forget a present one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.corpus.walk import absolute_paths, iter_files


@pytest.mark.parametrize("given", ["corpus", "./corpus", "corpus/", "sub/../corpus", "ABS"])
def test_absolute_paths_are_what_abspath_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    (tmp_path / "corpus" / "a" / "b").mkdir(parents=True)
    (tmp_path / "sub").mkdir()
    for name in ("x.txt", "a/y.md", "a/b/z z.json", "a/b/日本.txt"):
        (tmp_path / "corpus" / name).write_text("text", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    root = str(tmp_path / "corpus") if given == "ABS" else given
    files, problems = iter_files([Path(root), Path("corpus/x.txt")])
    assert not problems
    assert len(files) == 5
    assert absolute_paths(files) == [os.path.abspath(p) for p, _root in files]


def test_a_folder_given_absolute_keeps_one_string_per_file(tmp_path: Path) -> None:
    """The document's path, its cache key and the path as found are one string, not three
    equal ones: a reopened folder of 50,000 files held each three times."""
    from briefing.library import open_library

    (tmp_path / "corpus").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "corpus" / name).write_text(f"Title {name}\n\nSome text.", encoding="utf-8")
    files, _ = iter_files([tmp_path / "corpus"])
    assert all(a is str(p) for a, (p, _root) in zip(absolute_paths(files), files, strict=True))
    open_library(tmp_path / "corpus")  # cached
    for doc in open_library(tmp_path / "corpus").documents:  # from the cache
        assert doc.paragraphs._path is doc.path  # type: ignore[attr-defined]
