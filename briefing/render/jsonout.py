"""Documents and briefs as JSON-ready dicts: the schema scripts rely on.

Values become JSON only here, at the edge. Keys are stable; new ones may be added, none renamed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from briefing.model import Brief, Document, Theme
from briefing.selection import Selection, group_by_theme
from briefing.text.dates import iso


def document_summary(doc: Document, brief: Brief | None = None) -> dict[str, Any]:
    """The ``briefing list --json`` object for one document."""
    out: dict[str, Any] = {
        "id": doc.id,
        "path": doc.path,
        "title": doc.title,
        "title_derived": doc.title_derived,
        "date": iso(doc.date),
        "date_estimated": doc.date_estimated,
        "published": iso(doc.published),
        "source": doc.source,
        "lang": doc.lang,
        "themes": list(doc.theme_ids),
        "author": doc.author,
        "url": doc.url,
        "paragraphs": len(doc.paragraphs),
    }
    if brief is not None:
        out["brief"] = list(brief.sentences)
    return out


def document_full(doc: Document, brief: Brief | None = None) -> dict[str, Any]:
    """The ``briefing show --json`` object: everything, with the clean text and the evidence."""
    out = document_summary(doc, brief)
    out["paragraphs"] = list(doc.paragraphs)
    out["text"] = doc.text
    out["theme_evidence"] = [
        {
            "theme": m.theme_id,
            "score": round(m.score, 3),
            "evidence": [
                {"term": e.term, "paragraph": e.paragraph, "count": e.count} for e in m.evidence
            ],
        }
        for m in doc.themes
    ]
    if brief is not None:
        out["key_points"] = [{"text": k.text, "paragraph": k.paragraph} for k in brief.key_points]
        out["method"] = brief.method
    return out


def theme_summary(theme: Theme, count: int) -> dict[str, Any]:
    return {
        "id": theme.id,
        "label": theme.label_for("en"),
        "labels": dict(theme.label),
        "documents": count,
        "path": theme.path,
    }


def daily_json(
    sel: Selection, themes: Sequence[Theme], brief_of: Callable[[Document], Brief]
) -> dict[str, Any]:
    """The ``briefing daily --json`` object: the day (or range), its theme groups, the undated."""
    labels = {t.id.casefold(): t.label_for("en") for t in themes}

    def doc_json(doc: Document) -> dict[str, Any]:
        return document_summary(doc, brief_of(doc))

    return {
        "start": iso(sel.start),
        "end": iso(sel.end),
        "why": sel.why,
        "count": len(sel.dated),
        "groups": [
            {
                "theme": theme_id,
                "label": labels.get(theme_id.casefold()),
                "documents": [doc_json(d) for d in group],
            }
            for theme_id, group in group_by_theme(sel.dated, themes)
        ],
        "undated": [doc_json(d) for d in sel.undated],
    }
