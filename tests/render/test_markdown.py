"""The export's Markdown: article text reads as itself, with backslashes only where needed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.render.markdown import inline, url_line

PARSER = MarkdownIt("commonmark")
STRUCTURE = {"html_block", "html_inline", "link_open", "image", "code_inline", "em_open",
             "strong_open", "s_open", "heading_open", "bullet_list_open", "ordered_list_open",
             "blockquote_open", "hr", "fence", "code_block"}  # fmt: skip


def _read_back(line: str) -> tuple[set[str], str]:
    """The token types a line makes (below its own container) and the text it shows."""
    tokens = PARSER.parse(line)
    types = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    shown = "".join(
        c.content
        for t in tokens
        if t.type == "inline"
        for c in (t.children or [])
        if c.type == "text"
    )
    return types, shown


@pytest.mark.parametrize(
    ("text", "written"),
    [("人工知能(AI)の規制", "人工知能(AI)の規制"), ("txt#1 was sent", "txt#1 was sent"),
     ("M6 !", "M6 !"), ("snake_case and C# & co", "snake_case and C# & co"),
     ("Q&A (2/3) 50% | done", "Q&A (2/3) 50% | done")],
)  # fmt: skip
def test_ordinary_punctuation_gets_no_backslash(text: str, written: str) -> None:
    assert inline(text) == written
    assert _read_back(f"**Note:** {inline(text)}")[1].endswith(text)


HOSTILE = [
    "# Heading", "## x", "- item", "+ item", "* item", "1. first", "3) third", "> quote",
    "---", "***", "___", "===", "```python", "~~~", "    indented", "`code`", "*em* **strong**",
    "_em_", "~~gone~~", "[link](http://evil)", "![img](http://evil/x.png)", "<b>bold</b>",
    "<script>alert(1)</script>", "<!-- c -->", "<http://evil>", "&amp; &#35; &#x23;",
    "a\\*b", "trailing \\", "[ref]: http://evil", "C #", "x ##",
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("where", ["paragraph", "item", "heading"])
def test_article_text_never_becomes_structure(text: str, where: str) -> None:
    if where == "paragraph":
        line, own = inline(text, start=True), {"paragraph_open"}
    elif where == "item":
        line, own = "- " + inline(text, start=True), {"bullet_list_open", "paragraph_open"}
    else:
        line, own = "### " + inline(text, heading=True), {"heading_open"}
    types, shown = _read_back(line)
    assert not (types - own) & STRUCTURE, line
    assert shown == text.strip(), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("#-+*_`~[]()!<>&;:=|\\/ a1.)\n"), max_size=24))
@example("--")  # "- --" as a key point was a thematic break (found by hypothesis in CI)
@example("-- -")
def test_any_punctuation_reads_back_as_written(text: str) -> None:
    expected = " ".join(text.split())
    for line, own in [
        (inline(text, start=True), {"paragraph_open"}),
        ("- " + inline(text, start=True), {"bullet_list_open", "paragraph_open"}),
        ("### " + inline(text, heading=True), {"heading_open"}),
    ]:
        types, shown = _read_back(line)
        assert not (types - own) & STRUCTURE, line
        assert shown == expected, line


def test_url_is_an_autolink_only_when_plainly_http() -> None:
    assert (
        url_line("https://example.org/a_b?x=1&y=2") == "**URL:** <https://example.org/a_b?x=1&y=2>"
    )
    assert url_line(None) is None
    hostile = url_line("javascript:alert(1)")
    assert hostile is not None
    assert "link_open" not in _read_back(hostile)[0]
    spaced = url_line("https://x.org/a b<script>")
    assert spaced is not None
    assert not {"link_open", "html_inline"} & _read_back(spaced)[0]


def _story_line(first_source: str | None) -> str:
    import datetime as dt

    from briefing.model import Document
    from briefing.render.markdown import _summary_line
    from briefing.stories.story import Story

    docs = {
        "kaigai-news/2025-03-01_fire.txt": Document(
            "kaigai-news/2025-03-01_fire.txt", "kaigai-news/2025-03-01_fire.txt",
            "山火事で150人不明", False, dt.date(2025, 3, 1), first_source, "ja", ("本文。",),
        ),
        "press-en/fire.txt": Document(
            "press-en/fire.txt", "press-en/fire.txt", "150 missing in wildfire", False,
            dt.date(2025, 3, 2), "BBC", "en", ("Text.",),
        ),
    }  # fmt: skip
    story = Story("s0000001", "山火事で150人不明", "kaigai-news/2025-03-01_fire.txt",
                  dt.date(2025, 3, 1), dt.date(2025, 3, 2), ("ja", "en"), ("BBC",),
                  tuple(docs))  # fmt: skip
    return _summary_line(story, docs)


def test_a_story_is_first_reported_by_its_outlet_or_in_its_titled_article() -> None:
    """The export named a file path ("first reported by kaigai-news/….txt") when the earliest
    article named no outlet."""
    assert _story_line("NHK").endswith("; first reported by NHK")
    line = _story_line(None)
    assert line.endswith("; first reported in “山火事で150人不明”")
    assert "kaigai-news" not in line
