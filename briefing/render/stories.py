"""Stories as text and JSON: ``briefing stories`` (and ``--timeline``) print these.

Text shows each story told by several articles (label, date span, languages, members with
their duplicates, the anchors that joined them, the facts they share side by side), then one
line per article nobody else covered; JSON holds all of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from briefing.model import Document
from briefing.render.dates import short_date, shown_date
from briefing.render.safe import fit, one_line
from briefing.stories import Story
from briefing.stories.align import Alignment
from briefing.stories.story import SharedAnchor
from briefing.stories.timeline import Timeline
from briefing.text.dates import iso

MAX_ANCHORS = 8
"""Anchors listed per story or link in text output (JSON has them all)."""
POINT_WIDTH = 110


def _span(story: Story) -> str:
    if story.start is None:
        return "undated"
    if story.end is None or story.end == story.start:
        return story.start.isoformat()
    return f"{story.start.isoformat()} → {story.end.isoformat()}"


def anchor_json(anchor: SharedAnchor) -> dict[str, Any]:
    return {
        "key": anchor.key,
        "kind": anchor.kind,
        "label": anchor.label,
        "weight": anchor.weight,
        "rare": anchor.rare,
        "documents": list(anchor.documents),
    }


def alignment_json(alignment: Alignment) -> list[dict[str, Any]]:
    return [
        {
            "single": row.single,
            "anchors": [anchor_json(a) for a in row.anchors],
            "cells": [
                None
                if cell is None
                else {
                    "document": cell.doc_id,
                    "text": cell.text,
                    "paragraph": cell.paragraph,
                    "key_point": cell.key_point,
                }
                for cell in row.cells
            ],
        }
        for row in alignment.rows
    ]


def story_json(story: Story, alignment: Alignment | None = None) -> dict[str, Any]:
    """One story as ``briefing stories --json`` prints it; keys are stable."""
    out: dict[str, Any] = {
        "id": story.id,
        "label": story.label,
        "lead": story.lead,
        "start": iso(story.start),
        "end": iso(story.end),
        "languages": list(story.languages),
        "sources": list(story.sources),
        "documents": list(story.documents),
        "articles": story.size,
        "duplicates": [
            {"id": d.doc_id, "of": d.of, "kind": d.kind, "similarity": d.similarity}
            for d in story.duplicates
        ],
        "anchors": [anchor_json(a) for a in story.anchors],
        "links": [
            {
                "a": ln.a,
                "b": ln.b,
                "score": ln.score,
                "anchors": [anchor_json(a) for a in ln.anchors],
            }
            for ln in story.links
        ],
    }
    if alignment is not None:
        out["columns"] = list(alignment.columns)
        out["rows"] = alignment_json(alignment)
    return out


def _labels(anchors: Sequence[SharedAnchor]) -> str:
    """Anchor labels for a line of text: themes and common anchors (``AI``, ``2025``) are left
    to ``--json``: they explain nothing."""
    worth = [a for a in anchors if a.kind != "theme" and a.rare]
    shown = [one_line(a.label) for a in worth[:MAX_ANCHORS]]
    more = len(worth) - len(shown)
    return " · ".join(shown) + (f" · +{more}" if more > 0 else "")


def clip(text: str, width: int = POINT_WIDTH) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def story_lines(
    story: Story,
    documents: Mapping[str, Document],
    alignment: Alignment | None,
    *,
    singles: bool = False,
) -> list[str]:
    """The text block of one story told by several articles."""
    langs = ", ".join(story.languages)
    out = [
        f"{story.id}  {_span(story)}  {langs}  {story.size} articles",
        f"  {one_line(story.label)}",
        f"  anchors: {_labels(story.anchors)}",
    ]
    shown = {d.doc_id for d in story.duplicates}
    for doc_id in story.documents:
        if doc_id in shown or doc_id not in documents:
            continue
        doc = documents[doc_id]
        date = short_date(doc, "undated")
        source, shown_id = one_line(doc.source or "-"), one_line(doc_id)
        out.append(
            f"  - {shown_id}  {date:<10}  {doc.lang:<5}  {fit(source, 14)}  {clip(doc.title, 60)}"
        )
        for dup in story.also_in(doc_id):
            copy = documents.get(dup.doc_id)
            where = one_line(copy.source or "-") if copy else "-"
            what = "exact copy" if dup.kind == "exact" else f"near copy, {dup.similarity:.0%}"
            out.append(f"      also in: {one_line(dup.doc_id)} ({where}; {what})")
    out.append("  joined by:")
    for link in story.links:
        out.append(f"    {one_line(link.a)} + {one_line(link.b)}: {_labels(link.anchors)}")
    if alignment is None:
        return out
    out.append("  side by side:")
    for row in alignment.shared:
        out.append(f"    [{_labels(row.anchors)}]")
        for cell in row.cells:
            if cell is not None:
                doc = documents[cell.doc_id]
                source = fit(one_line(doc.source or "-"), 14)
                out.append(f"      {doc.lang:<5} {source} {clip(cell.text)}")
    by_column: dict[str, int] = {}
    for row in alignment.singles:
        cell = next(c for c in row.cells if c is not None)
        by_column[cell.doc_id] = by_column.get(cell.doc_id, 0) + 1
    for doc_id, count in by_column.items():
        doc = documents[doc_id]
        out.append(
            f"    only in {one_line(doc.source or doc_id)} ({doc.lang}): {count} point"
            + ("s" if count != 1 else "")
        )
        if singles:
            for row in alignment.singles:
                cell = next(c for c in row.cells if c is not None)
                if cell.doc_id == doc_id:
                    out.append(f"      {clip(cell.text)}")
    return out


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "entries": [
            {
                "document": e.doc_id,
                "date": iso(e.date),
                "date_estimated": e.date_estimated,
                "lang": e.lang,
                "source": e.source,
                "title": e.title,
                "role": e.role,
                "days_after": e.days_after,
                "adds": list(e.adds),
                "new_anchors": list(e.new_anchors),
            }
            for e in timeline.entries
        ],
        "blindspots": [{"lang": b.lang, "facts": list(b.facts)} for b in timeline.blindspots],
    }


def timeline_lines(timeline: Timeline, documents: Mapping[str, Document]) -> list[str]:
    """The text block of one story's timeline."""
    out = [f"{timeline.story_id}  {one_line(timeline.label)}"]
    for e in timeline.entries:
        doc = documents[e.doc_id]
        role = e.role if e.days_after is None else f"{e.role}, +{e.days_after} d"
        source = fit(one_line(e.source or "-"), 14)
        out.append(f"  {shown_date(doc):<12}  {e.lang:<5}  {source}  {role}")
        out.append(f"      {clip(e.title, 90)}")
        if e.new_anchors:
            out.append(
                f"      first to mention: {' · '.join(one_line(a) for a in e.new_anchors[:6])}"
            )
        for fact in e.adds[:3]:
            out.append(f"      adds: {clip(fact, 100)}")
        if len(e.adds) > 3:
            out.append(f"      … and {len(e.adds) - 3} more")
    for spot in timeline.blindspots:
        n = len(spot.facts)
        out.append(
            f"  only in {spot.lang} ({n} fact{'s' if n != 1 else ''}, a language blindspot):"
        )
        for fact in spot.facts[:3]:
            out.append(f"      {clip(fact, 100)}")
    return out
