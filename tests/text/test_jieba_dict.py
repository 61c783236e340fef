"""jieba's dictionary read in bulk gives jieba, and the name finder, exactly what they built."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from briefing.text import jieba_dict
from briefing.text.words import _jieba
from tests.conftest import REPO


def _jieba_own() -> tuple[dict[str, int], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

    path = jieba_dict.dict_path()
    assert path is not None
    with path.open("rb") as raw:
        freq, total = jieba.Tokenizer.gen_pfdict(raw)
    return freq, total


def test_the_prefix_dictionary_is_the_one_jieba_builds() -> None:
    built = jieba_dict.prefix_dictionary()
    assert built is not None
    freq, total = _jieba_own()
    assert built[1] == total
    assert built[0] == freq


def test_the_tags_are_the_ones_posseg_loads() -> None:
    table = jieba_dict.tags()
    assert table is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tagger.load_word_tag(io.BytesIO(jieba_dict.dict_path().read_bytes()))  # type: ignore[union-attr]
    assert table == tagger.word_tag_tab


def test_a_prefix_that_is_also_a_word_keeps_its_count() -> None:
    columns = jieba_dict.split("中国人 5 n\n中 7 zg\n中国 3 ns\n中国 4 nt\n")
    assert columns is not None
    assert jieba_dict.prefix_dict(columns) == ({"中国人": 5, "中": 7, "中国": 4}, 19)
    assert jieba_dict.tag_table(columns)["中国"] == "nt"  # the last line, as posseg


@pytest.mark.parametrize("first", ["prefixes", "tags"])
def test_either_table_first_gives_the_same_tables(
    first: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dict.txt"
    path.write_text("中国人 5 n\n中 7 zg\n中国 3 ns\n", encoding="utf-8")
    monkeypatch.setattr(jieba_dict, "dict_path", lambda: path)
    fresh = jieba_dict._Dictionary()
    if first == "tags":
        assert fresh.tag_table() == {"中国人": "n", "中": "zg", "中国": "ns"}
    assert fresh.prefix_dict() == ({"中国人": 5, "中": 7, "中国": 3}, 15)
    assert fresh.tag_table() == {"中国人": "n", "中": "zg", "中国": "ns"}
    assert fresh.columns is None  # nothing kept once both are built


@pytest.mark.parametrize("text", ["中国 5\n", "中国 x n\n", "中 国 5 n\n"])
def test_a_dictionary_it_cannot_read_is_left_to_jieba(text: str) -> None:
    assert jieba_dict.split(text) is None


def test_segmentation_is_jiebas_own(tmp_path: Path) -> None:
    text = (
        "国务院总理李强在上海出席2025世界人工智能大会开幕式并致辞，提出成立世界人工智能合作组织。"
    )
    code = (
        "import logging, sys, warnings; warnings.simplefilter('ignore'); import jieba;"
        "jieba.setLogLevel(logging.CRITICAL); jieba.dt.tmp_dir = sys.argv[2];"
        "print('|'.join(jieba.cut(sys.argv[1], HMM=True)))"
    )
    theirs = subprocess.run(
        [sys.executable, "-c", code, text, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout.rstrip("\n")
    built = jieba_dict.prefix_dictionary()
    assert built is not None
    assert _jieba().dt.FREQ is built[0]  # built here, not by jieba
    assert "|".join(_jieba().cut(text, HMM=True)) == theirs
