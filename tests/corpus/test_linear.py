"""Inputs that made a step of loading or summarizing quadratic now take a bounded time.

Each input here took seconds to minutes before its fix (one regex or loop rescanning the text
from every position) and takes milliseconds after it. The time bounds are generous, 20 to 100
times what the fixed code needs on a busy 2-core machine, so they catch the quadratic coming
back, not a slow CI run; ``benchmarks/limits.py`` measures the growth properly.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing.corpus.clean import clean_paragraphs
from briefing.corpus.load import documents_from_file
from briefing.corpus.repair import repair, strip_blocks
from briefing.model import Document
from briefing.summarize import summarize
from briefing.summarize.rank import MAX_SENTENCES
from briefing.summarize.sentences import MAX_SENTENCE, split_sentences

# what strip_blocks replaced: right, but it rescans to the end for every unclosed opening
OLD_SCRIPT_STYLE = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
JA = "中国の李強首相は土曜日上海で世界AI協力機構の設立を提案しました会議には千人以上が参加しました"


def seconds(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


@given(
    st.lists(
        st.sampled_from(
            ["<script>", "</script>", "<style a=1>", "</style >", "<!--", "-->", "x", ">", "<",
             "</SCRIPT>", "<Script src=x>", " ", "<scripts>", "--", "<!-->", "<style"]
        ),
        max_size=16,
    ).map("".join)
)  # fmt: skip
def test_strip_blocks_removes_what_the_old_regex_removed(text: str) -> None:
    assert strip_blocks(text) == OLD_SCRIPT_STYLE.sub("\n", text)


def test_unclosed_scripts_and_comments_repair_in_linear_time() -> None:
    for opening in ("<script>", "<!--", "<style", "<script>x</style>"):
        text = (opening + "text ") * 40_000  # 400–700 KB
        assert seconds(lambda t=text: repair(t)) < 3, opening


def test_a_long_run_of_word_characters_is_not_rescanned_for_an_email() -> None:
    paragraph = JA * 2_000  # 90 K characters of CJK and no space: all \w
    assert seconds(lambda: clean_paragraphs(["本文。", paragraph], "ja")) < 2


def test_cjk_without_punctuation_comes_in_bounded_sentences_quickly() -> None:
    paragraph = JA * 4_000  # 180 K characters, no terminator
    started = time.perf_counter()
    sentences = split_sentences([paragraph], "ja")
    assert time.perf_counter() - started < 3
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert "".join(s.text for s in sentences) == paragraph


def test_a_long_article_is_summarized_from_its_opening_in_bounded_time() -> None:
    sentences = [
        f"Officials in city number {n} said on Monday that the new plan {n} would start soon."
        for n in range(2_000)
    ]
    paragraphs = tuple(" ".join(sentences[i : i + 10]) for i in range(0, 2_000, 10))
    doc = Document("long", "long.txt", "Plan", False, None, None, "en", paragraphs)
    started = time.perf_counter()
    brief = summarize(doc)
    assert time.perf_counter() - started < 20  # every sentence ranked: minutes
    assert brief.sentences
    assert all(sentences.index(s) < MAX_SENTENCES for s in brief.sentences)


def test_cjk_text_with_no_punctuation_is_summarized_in_bounded_time() -> None:
    doc = Document("ja", "ja.txt", "会議", False, None, None, "ja", (JA * 3_000,))
    assert seconds(lambda: summarize(doc)) < 20  # TextRank over every word pair: minutes


def test_markdown_with_unclosed_marks_loads_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "marks.md"
    path.write_text("# Title\n\n" + "a [b *c _d ![e " * 30_000, "utf-8")  # 450 KB, one line
    assert seconds(lambda: documents_from_file(path, "marks.md")) < 5


def test_an_aggregator_with_long_sections_splits_in_linear_time(tmp_path: Path) -> None:
    lines = "\n".join(f"short line {n}" for n in range(20_000))
    text = "".join(
        f"Headline {n}\nXinhua · 2025-07-2{n} 10:00\n{'A long body line. ' * 20}\n{lines}\n"
        for n in (1, 2)
    )
    path = tmp_path / "digest.txt"
    path.write_text(text, "utf-8")
    assert seconds(lambda: documents_from_file(path, "digest.txt")) < 5
