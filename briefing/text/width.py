"""How many terminal columns text takes: CJK and emoji two, combining marks none.

wcwidth follows the Unicode tables a terminal uses, which ``unicodedata.east_asian_width`` alone
does not (it counts a combining accent as a column and an emoji as one).
"""

from __future__ import annotations

from wcwidth import wcswidth, wcwidth


def char_width(ch: str) -> int:
    """Columns of one character; a control character (never shown raw) counts as none."""
    return max(0, wcwidth(ch))


def display_width(text: str) -> int:
    """Columns of ``text`` in a terminal."""
    width = wcswidth(text)
    return width if width >= 0 else sum(char_width(ch) for ch in text)
