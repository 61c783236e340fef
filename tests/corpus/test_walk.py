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
