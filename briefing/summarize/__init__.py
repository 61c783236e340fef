"""Extractive briefs and key points, per language, offline.

Importing this package stays cheap (``briefing --help`` and ``briefing list`` without briefs
must not pay for sumy, numpy or jieba): :func:`summarize` imports the implementation on first
call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Brief, Document

__all__ = ["SUMMARIZER_VERSION", "summarize"]

SUMMARIZER_VERSION = "9"  # 9: 在…也 with no subject leans on the sentence before
"""Bump whenever a change to this package can change a brief or its key points: the cache keys
stored briefs on it (with the document's content hash), so a bump rebuilds every brief once and
nothing else."""


def summarize(doc: Document, method: str = "briefing") -> Brief:
    """The brief (2–3 sentences, reading order) and 3–6 key points of ``doc``."""
    from briefing.summarize.brief import summarize as _summarize

    return _summarize(doc, method)
