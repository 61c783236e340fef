"""The rest of the bad-input catalogue: sizes, 0-byte files, BOMs, a folder of 10,000 files.

(Encodings, binary, malformed JSON/JSONL/XML, permissions and symlink loops are in
tests/corpus/test_bad_input.py; broken theme files in tests/test_themes.py; a corrupt notes
store in tests/test_store.py.)
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.cli import main
from briefing.corpus.load import load_corpus

ARTICLE = (
    "Headline {n}\nThe council met on day {n} and agreed a plan. Officials said talks go on.\n"
)


def test_a_200_mb_file_is_skipped_by_size_without_being_read(tmp_path: Path, capsys) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    (tmp_path / "ok.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
    assert main(["list", str(tmp_path)]) == 3
    out, err = capsys.readouterr()
    assert err.strip() == f"briefing: {big}: file is 200.0 MB, over the 25.0 MB limit (--max-size)"
    assert "Headline 1" in out
    # the limit is the user's to raise
    corpus = load_corpus([big], max_bytes=300 * 1024 * 1024)
    assert [p.message for p in corpus.problems] == ["binary file, not text"]


def test_zero_byte_and_bom_only_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    (tmp_path / "bom16.txt").write_bytes(b"\xff\xfe")
    corpus = load_corpus([tmp_path])
    assert sorted((Path(p.path).name, p.message) for p in corpus.problems) == [
        ("bom.txt", "no text in file"),
        ("bom16.txt", "no text in file"),
        ("zero.txt", "empty file"),
    ]


def test_a_folder_of_10000_files_loads_every_one(tmp_path: Path) -> None:
    for n in range(10_000):
        (tmp_path / f"{n:05d}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    seen: list[int] = []
    corpus = load_corpus([tmp_path], progress=lambda done, total: seen.append(done))
    assert corpus.problems == ()
    assert len(corpus.documents) == 10_000
    assert corpus.documents[0].id == "00000.txt"
    assert corpus.documents[-1].id == "09999.txt"
    assert seen[-1] == 10_000
    assert len(os.listdir(tmp_path)) == 10_000  # nothing written into the user's folder
