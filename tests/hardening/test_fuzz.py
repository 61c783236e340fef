"""Property tests over every entry point that takes outside input: no exception out.

The budgets here keep CI quick; ``benchmarks/fuzz.py`` runs the same properties with a large
budget and prints how many cases it tried.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.corpus.detect import detect_date, detect_language
from briefing.corpus.load import load_corpus
from briefing.model import Brief, Document, KeyPoint
from briefing.render.markdown import render_markdown
from briefing.render.safe import one_line
from briefing.selection import select
from briefing.text.dates import parse_date
from briefing.themes.load import parse_theme

# BRIEFING_FUZZ_EXAMPLES raises the budget for the long run (benchmarks/fuzz.py)
EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
EXTENSIONS = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".xml", ".bin"])


def check_loader_on_bytes(tmp: Path, data: bytes, ext: str) -> None:
    path = tmp / f"f{ext}"
    path.write_bytes(data)
    corpus = load_corpus([path])
    for doc in corpus.documents:
        assert doc.paragraphs
        assert doc.title
        assert "\x1b" not in doc.text
        assert "\x1b" not in doc.title
    for problem in corpus.problems:
        assert "\n" not in problem.message


@FUZZ
@given(data=st.binary(max_size=2000), ext=EXTENSIONS)
def test_loader_survives_any_bytes(tmp_path_factory, data: bytes, ext: str) -> None:
    check_loader_on_bytes(tmp_path_factory.mktemp("fz"), data, ext)


@FUZZ
@given(text=st.text(max_size=1500), ext=EXTENSIONS)
def test_loader_survives_any_text(tmp_path_factory, text: str, ext: str) -> None:
    check_loader_on_bytes(tmp_path_factory.mktemp("fz"), text.encode("utf-8", "surrogatepass"), ext)


@FUZZ
@given(st.text(max_size=300))
def test_language_and_date_detection_never_raise(text: str) -> None:
    assert isinstance(detect_language(text), str)
    detect_date([text])
    parse_date(text)


THEME_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["id", "label", "terms", "exclude", "threshold", "x"]), THEME_VALUES
    )
)
def test_theme_parsing_gives_a_theme_or_a_clear_error(data: dict) -> None:
    from briefing.themes.load import ThemeFileError

    try:
        parse_theme(data, "t.toml")
        message = None
    except ThemeFileError as err:
        message = str(err)
    assert message is None or (message and "\n" not in message)


def _doc(n: int, title: str, text: str) -> Document:
    return Document(
        id=f"d{n}", path="", title=title, title_derived=False, date=dt.date(2025, 7, 26),
        source=text[:20] or None, lang="en", paragraphs=(text or "x",),
    )  # fmt: skip


@FUZZ
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=60), st.text(max_size=200)), min_size=1, max_size=4
    )
)
def test_export_structure_holds_for_any_article_text(articles: list[tuple[str, str]]) -> None:
    docs = [_doc(n, title, text) for n, (title, text) in enumerate(articles)]

    def brief(doc: Document) -> Brief:
        return Brief(doc.id, (doc.paragraphs[0],), (KeyPoint(doc.title, 0),), "fuzz")

    markdown = render_markdown(select(docs, all_dates=True), (), brief, lambda d: d.title, "c")
    tokens = MarkdownIt("commonmark").parse(markdown)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    # exactly: the document title, one section (no theme), one heading per article
    assert [tag for tag, _ in headings] == ["h1", "h2"] + ["h3"] * len(docs)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {
        "html_block",
        "html_inline",
        "link_open",
        "image",
        "hr",
        "code_block",
        "fence",
    }
    # and each article's title reads back, literally, as the heading's text
    for (_, content), doc in zip(headings[2:], docs, strict=True):
        shown = html.unescape(MarkdownIt("commonmark").renderInline(content))
        title = re.sub(r"\s+", " ", one_line(doc.title)).strip().replace("\x00", "\ufffd")
        assert shown == (title or "(untitled)")
