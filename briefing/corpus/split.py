"""Splitting an aggregator page into its articles.

An aggregator (seed 004) lists many articles, each as a title line, then a ``Source· YYYY-MM-DD
hh:mm`` line, then the body; site chrome (menus, a search box) comes before the first title and an
article may lack the source line. Each becomes a :class:`Segment` with its own title, source and
date, so the loader makes one document of each.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.corpus.detect import looks_like_title
from briefing.text.width import display_width

# "Ren Min Ri Bao· 2025-12-23 22:31", "Xinhua • 2025-07-26", "Reuters | 2025/07/26 08:00"
SOURCE_LINE = re.compile(
    r"^(?P<source>\S[^\n]{0,60}?)\s*[·•|｜]\s*(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)

LONG_BODY = 200  # display width of a line that is clearly article body, not a heading


@dataclass(frozen=True, slots=True)
class Segment:
    """One article's raw lines, with what its header said."""

    lines: tuple[str, ...]
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None


def _date(value: str) -> dt.date | None:
    parts = re.split(r"[-/.]", value)
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None


def _split_untitled(seg: Segment) -> list[Segment]:
    """An aggregator item may run into a next article that has no source line: a short
    headline-like line followed by a long body line, after the item already has its body."""
    out: list[Segment] = []
    current: list[str] = []
    has_body = False  # whether ``current`` holds a body line (kept, not recounted each line)
    head = seg
    lines = seg.lines
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            has_body
            and display_width(line) <= 80
            and looks_like_title(line)
            and display_width(nxt) >= LONG_BODY
        ):
            out.append(Segment(tuple(current), head.title, head.source, head.date))
            head = Segment((), line.strip(), None, None)
            current = []
            has_body = False
            continue
        current.append(line)
        has_body = has_body or display_width(line) >= LONG_BODY
    out.append(Segment(tuple(current), head.title, head.source, head.date))
    return out


def split_aggregate(text: str) -> list[Segment]:
    """The articles of ``text``: one Segment for an ordinary file, several for an aggregator."""
    lines = [line.strip() for line in text.split("\n")]
    headers = [i for i, line in enumerate(lines) if SOURCE_LINE.match(line)]
    # a header needs a title line right above it
    headers = [i for i in headers if i > 0 and lines[i - 1] and looks_like_title(lines[i - 1])]
    if not headers:
        return [Segment(tuple(lines))]
    segments: list[Segment] = []
    for n, i in enumerate(headers):
        end = headers[n + 1] - 1 if n + 1 < len(headers) else len(lines)
        m = SOURCE_LINE.match(lines[i])
        assert m is not None
        seg = Segment(
            tuple(lines[i + 1 : end]), lines[i - 1], m["source"].strip(), _date(m["date"])
        )
        segments.extend(_split_untitled(seg) if len(headers) > 1 else [seg])
    return [s for s in segments if any(s.lines)]
