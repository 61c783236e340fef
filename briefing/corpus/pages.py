"""Saved web pages: trafilatura finds the main text (not the menus) and the page's metadata."""

from __future__ import annotations

import re

from briefing.corpus.limits import Limits, cut_page
from briefing.corpus.raw import DEFAULT_LIMITS, Parsed, RawArticle
from briefing.corpus.read import ReadError

# a numeric character reference, decimal or hex, its ";" optional as HTML allows: "&#7;", "&#x1B"
CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _drop_unparsable_ref(match: re.Match[str]) -> str:
    """A reference to a C0 control or a noncharacter (``&#7;``, ``&#xFFFE;``) removed: lxml
    cannot hold one, and trafilatura then finds no text in the whole page. Repair would strip
    the control anyway."""
    code = int(match[1], 16) if match[1] else int(match[2])
    if (code < 0x20 and code not in (9, 10, 13)) or code & 0xFFFE == 0xFFFE:
        return ""
    return match[0] if code < 0x110000 and not 0xFDD0 <= code <= 0xFDEF else ""


def parse_html(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    import trafilatura

    text, problem = cut_page(text, limits)
    text = CHAR_REF.sub(_drop_unparsable_ref, text)

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False)  # fmt: skip
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ReadError("no article text found in the page")
    title = getattr(doc, "title", None)
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        body = "\n".join(lines[1:])  # trafilatura repeats the <h1> as the first line
    return [
        RawArticle(
            text=body,
            title=title,
            date=getattr(doc, "date", None),
            source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
            url=getattr(doc, "url", None),
            lang=getattr(doc, "language", None),
            author=getattr(doc, "author", None),
        )
    ], [problem] if problem else []
