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
    tables = jieba_dict.load()
    assert tables is not None
    freq, total = _jieba_own()
    assert tables.total == total
    assert tables.freq == freq


def test_the_tags_are_the_ones_posseg_loads() -> None:
    tables = jieba_dict.load()
    assert tables is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tagger.load_word_tag(io.BytesIO(jieba_dict.dict_path().read_bytes()))  # type: ignore[union-attr]
    assert tables.tags == tagger.word_tag_tab


def test_a_prefix_that_is_also_a_word_keeps_its_count() -> None:
    tables = jieba_dict.parse("中国人 5 n\n中 7 zg\n中国 3 ns\n中国 4 ns\n")
    assert tables is not None
    assert tables.freq == {"中国人": 5, "中": 7, "中国": 4}
    assert tables.total == 19  # every line counts, as in jieba's own loop
    assert tables.tags["中国"] == "ns"


@pytest.mark.parametrize("text", ["中国 5\n", "中国 x n\n", "中 国 5 n\n"])
def test_a_dictionary_it_cannot_read_is_left_to_jieba(text: str) -> None:
    assert jieba_dict.parse(text) is None


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
    tables = jieba_dict.load()
    assert tables is not None and _jieba().dt.FREQ is tables.freq  # built here, not by jieba
    assert "|".join(_jieba().cut(text, HMM=True)) == theirs
