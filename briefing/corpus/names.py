"""File names made into ids and displayed paths: every byte visible, none of them live.

A folder is untrusted, and so are its file names. On POSIX a name is bytes: a byte that is not
UTF-8 reaches Python as a lone surrogate (``caf\\udce9.txt``), which SQLite, ``hashlib`` and a
UTF-8 stdout all refuse, so one such file used to stop the whole load. A name can also hold ESC
(``x\\x1b]52;c;…\\x07.txt`` writes an xterm's clipboard when printed), BEL, a newline that splits
a ``list`` row, C1 controls (U+009B is an 8-bit CSI) and bidi overrides (U+202E reverses what
follows on screen).

Ids and the paths shown to people are therefore made here, once, with each such character
written as a visible escape, the way ``ls -b`` shows names: the byte ``0xE9`` as ``\\xe9``, ESC
as ``\\x1b``, a newline as ``\\n``, U+202E as ``\\u202e``. Every output (list rows, headers,
JSON, Markdown, the TUI) then carries plain text. The real path is kept for opening the file and
for the cache's key.
"""

from __future__ import annotations

import re

# what a name may not carry into an id: C0 controls (ESC, BEL, newline, tab…), DEL, C1 controls,
# Arabic letter mark, LRM/RLM, line/paragraph separators, bidi embeddings/overrides/isolates,
# and lone surrogates (U+DC80–U+DCFF are the undecodable bytes of a non-UTF-8 name)
UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
"""The escapes everyone reads, instead of ``\\x0a``."""


def _escape(match: re.Match[str]) -> str:
    if match[0] in _SHORT:
        return _SHORT[match[0]]
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable_name(name: str) -> str:
    """``name`` with every unprintable character or undecodable byte as a visible escape.

    Pure and stable, so an id made from a name is the same on every run. Not injective (a name
    that really holds the four characters ``\\xe9`` looks like the byte), which is why the loader
    still makes clashing ids unique and the cache keys files by their real path.
    """
    return UNPRINTABLE.sub(_escape, name)
