"""How many terminal columns text takes (CJK and emoji two, combining marks none), and text
wrapped to a terminal's width by those columns.

wcwidth follows the Unicode tables a terminal uses, which ``unicodedata.east_asian_width`` alone
does not (it counts a combining accent as a column and an emoji as one).
"""

from __future__ import annotations

import re

from wcwidth import wcswidth, wcwidth

from briefing.text.scripts import CJK, CJK_PUNCTUATION, HANGUL


def char_width(ch: str) -> int:
    """Columns of one character; a control character (never shown raw) counts as none."""
    return max(0, wcwidth(ch))


def display_width(text: str) -> int:
    """Columns of ``text`` in a terminal."""
    width = wcswidth(text)
    return width if width >= 0 else sum(char_width(ch) for ch in text)


# a wrap unit: a run of spaces, one CJK character or CJK punctuation mark (a line may break on
# either side of it), or a run of anything else (a word of a spaced language, kept whole)
_UNIT = re.compile(f"\\s+|[{CJK}{HANGUL}{CJK_PUNCTUATION}]|[^\\s{CJK}{HANGUL}{CJK_PUNCTUATION}]+")


def wrap(text: str, width: int, indent: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns, broken between words, and
    between any two CJK characters (those languages have no spaces); a word wider than a line
    is cut. Continuation lines start with ``indent`` (default: the line's own leading spaces).
    """
    lead = text[: len(text) - len(text.lstrip(" "))]
    hang = lead if indent is None else indent
    if width <= display_width(hang) + 1 or display_width(text) <= width:
        return [text]
    lines: list[str] = []
    line, used, space = lead, display_width(lead), ""
    for unit in _UNIT.findall(text[len(lead) :]):
        if unit.isspace():
            space = " "
            continue
        size = display_width(unit)
        gap = space if line.strip() else ""
        if used + len(gap) + size <= width:
            line, used = line + gap + unit, used + len(gap) + size
        elif size <= width - display_width(hang):
            lines.append(line)
            line, used = hang + unit, display_width(hang) + size
        else:  # a word longer than a line: cut it where the line ends
            line, used = line + gap, used + len(gap)
            for ch in unit:
                cw = char_width(ch)
                if used + cw > width:
                    lines.append(line)
                    line, used = hang, display_width(hang)
                line, used = line + ch, used + cw
        space = ""
    lines.append(line)
    return [ln.rstrip() for ln in lines]
