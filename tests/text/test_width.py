"""Wrapping to a terminal's width by display width: CJK two columns, words never cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.text.width import display_width, wrap


def test_spaced_words_are_never_cut() -> None:
    text = "  The summit ended without relying on any binding text, delegates said."
    lines = wrap(text, 24)
    assert all(display_width(line) <= 24 for line in lines)
    assert " ".join(line.strip() for line in lines) == text.strip()
    assert any(line.strip().startswith("relying") or " relying" in line for line in lines)
    assert all(line.startswith("  ") for line in lines)


def test_cjk_counts_two_columns_and_breaks_between_characters() -> None:
    text = "國務院總理李強在上海出席2025世界人工智能大會暨人工智能全球治理高級別會議開幕式"
    lines = wrap(text, 20)
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(lines) == text
    assert "2025" in "".join(lines[:2])
    assert all("202" not in ln or "2025" in ln for ln in lines)


def test_short_lines_and_hanging_indent() -> None:
    assert wrap("short", 80) == ["short"]
    assert wrap("• a b c d e f", 7, "  ") == ["• a b c", "  d e f"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "word", "reliability", "李強", "人工知能", "Élysée", "１０人", "x" * 30]
        ),
        max_size=30,
    ),
    st.integers(min_value=8, max_value=60),
)
def test_every_line_fits_and_nothing_is_lost(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for word in words:  # a spaced-language word that fits on a line is on one line
        if display_width(word) <= width and word.isascii():
            assert any(word in line for line in lines)
