"""How a document's date is written in every view: its own, estimated from its story, or none.

One definition, so that the list, the daily brief, the export, ``show`` and the reader never
present an estimate as the article's own date.
"""

from __future__ import annotations

from briefing.model import Document

ESTIMATE_MARK = "≈"


def shown_date(doc: Document, undated: str = "undated") -> str:
    """``2025-07-26``, ``≈ 2025-07-26, from its story``, or ``undated``."""
    if doc.date is None:
        return undated
    if doc.date_estimated:
        return f"{ESTIMATE_MARK} {doc.date.isoformat()}, from its story"
    return doc.date.isoformat()


def short_date(doc: Document, undated: str = "-") -> str:
    """For a column ten characters wide: ``≈2025-07-26`` for an estimate."""
    if doc.date is None:
        return undated
    return (ESTIMATE_MARK if doc.date_estimated else "") + doc.date.isoformat()
