"""Making untrusted article text inert before it reaches a terminal.

Article text, titles, sources, notes and theme labels come from outside. A terminal interprets
escape sequences (CSI colours, OSC 8 hyperlinks, OSC 52 clipboard writes, BEL, backspace) and bidi
controls can reorder what the reader sees, so every string bound for a terminal passes through
:func:`inert` first. Rich/Textual markup is a separate danger handled where text is displayed:
show it with ``Text(...)``/``Content(...)`` or ``markup=False``, never as a markup string.
"""

from __future__ import annotations

import re

from briefing.text.width import char_width, display_width

# ESC-introduced sequences: CSI "ESC [ ... final", OSC "ESC ] ... (BEL | ESC \\)", and 2-char ESC x
ANSI_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: hyperlinks (8), clipboard (52), titles
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS/SOS/PM/APC strings
    r"|\x1b[@-Z\\-_]?"  # other ESC-x, or a lone ESC
)
# 8-bit C1 controls (U+0080–U+009F) act like ESC sequences on some terminals (CSI = U+009B)
C1_CONTROLS = re.compile(r"[\x80-\x9f]")
# C0 controls except tab and newline: BEL, backspace, carriage return (overprints a line), DEL
C0_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder display
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def inert(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with every escape sequence and control character removed.

    Tabs become spaces; newlines stay unless ``keep_newlines`` is False (one-line fields such as
    titles in a list row), where they become spaces.
    """
    text = ANSI_ESCAPE.sub("", text)
    text = C1_CONTROLS.sub("", text)
    text = BIDI_CONTROLS.sub("", text)
    text = C0_CONTROLS.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    if not keep_newlines:
        text = " ".join(text.split("\n"))
    return text


def one_line(text: str) -> str:
    """For list rows and headers: inert, and on a single line."""
    return inert(text, keep_newlines=False).strip()


def fit(text: str, width: int) -> str:
    """``text`` cut (with "…") and padded to ``width`` terminal columns; CJK characters take two."""
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > width:
            if out:
                out[-1] = "…"
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * max(0, width - display_width("".join(out)))
