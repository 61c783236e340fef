"""Repair and splitting hold for any input: no exception, and repair is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.corpus.clean import clean_paragraphs
from briefing.corpus.detect import derive_title, detect_date, detect_language
from briefing.corpus.read import decode
from briefing.corpus.repair import repair
from briefing.corpus.split import split_aggregate

# text made of the pieces real damage is made of, so examples hit the rules, not just noise
PIECES = st.sampled_from([
    "<\\/p>", "</p>", "<p>", "<br/>", "<\\/strong>", "ldquo;", "&amp;", "&lt;p&gt;", "&#8220;",
    "國務(wù)院", "變?yōu)?", "(qiáng)", "\u200b", "\x1b[31m", "\r\n", "\n", "\n\n", " ", "。", ". ",
    "Ren Min Ri Bao· 2025-12-23 22:31", "(來源:新華社)", "Reference(s):", "x<y", "&", ";", "摄",
    "2025年7月26日", "Li Qiang", "人工智能", "AI", "- ", "·", "(责编:白宇)", "\t", "#",
])  # fmt: skip
MESSY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(MESSY)
@example("&amp;ldquo;")
@example("&lt;\\/p&gt;x")
@example("a(wù)(wù)")
def test_repair_is_idempotent(text: str) -> None:
    once = repair(text)
    assert repair(once) == once


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_repair_of_any_text_never_raises_and_leaves_no_controls(text: str) -> None:
    out = repair(text)
    assert "\x1b" not in out
    assert "\x00" not in out
    assert "\r" not in out


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(MESSY)
def test_split_and_clean_never_raise_and_keep_text(text: str) -> None:
    fixed = repair(text)
    for segment in split_aggregate(fixed):
        lines = [line for line in segment.lines if line]
        cleaned = clean_paragraphs(lines, detect_language("\n".join(lines)))
        assert all(p.strip() for p in cleaned.paragraphs)
        derive_title(cleaned.paragraphs)
        detect_date(cleaned.paragraphs)


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_decode_any_bytes_gives_text_or_a_clear_error(data: bytes) -> None:
    from briefing.corpus.read import ReadError

    try:
        text = decode(data)
    except ReadError as err:
        message = str(err)
        text = None
    else:
        message = None
    assert isinstance(text, str) or message == "binary file, not text"


def test_repair_never_drops_prose_with_angle_brackets_or_ampersands() -> None:
    assert repair("If x<y and R&D grows; 3 > 2.") == "If x<y and R&D grows; 3 > 2."
