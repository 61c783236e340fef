"""Themes: bundled and user TOML definitions, and matching documents to them with evidence.

The analyst browses by theme across five languages, so a theme is a list of signal terms per
language (``themes/*.toml``), matched on each language's own words. See :mod:`.load` for the
file format and its problems, :mod:`.match` for scoring.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from briefing.model import Document, Theme
from briefing.themes.load import load_themes, parse_theme
from briefing.themes.match import MATCHER_VERSION, assign_themes, match_themes

__all__ = [
    "assign_themes",
    "count_documents",
    "filter_documents",
    "find_theme",
    "load_themes",
    "match_themes",
    "parse_theme",
    "themes_version",
]


def themes_version(themes: Sequence[Theme]) -> str:
    """A short hash of what decides assignments: the definitions and the matcher's version.

    The file paths are left out, so moving a theme file does not invalidate a cache, while
    changing a term, a weight or a threshold does.
    """
    canon = [
        {
            "id": t.id,
            "label": dict(sorted(t.label.items())),
            "terms": {k: [[x.text, x.weight] for x in v] for k, v in sorted(t.terms.items())},
            "exclude": {k: list(v) for k, v in sorted(t.exclude.items())},
            "threshold": t.threshold,
        }
        for t in sorted(themes, key=lambda t: t.id)
    ]
    blob = json.dumps([MATCHER_VERSION, canon], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def find_theme(themes: Sequence[Theme], theme_id: str) -> Theme | None:
    """The theme with this id (case-insensitive: ``--theme Robotics`` is not a usage error)."""
    wanted = theme_id.strip().lower()
    return next((t for t in themes if t.id == wanted), None)


def filter_documents(docs: Sequence[Document], theme_id: str) -> tuple[Document, ...]:
    """Documents already assigned ``theme_id`` (run :func:`assign_themes` first)."""
    wanted = theme_id.strip().lower()
    return tuple(d for d in docs if wanted in d.theme_ids)


def count_documents(docs: Sequence[Document], themes: Sequence[Theme]) -> dict[str, int]:
    """Documents per theme id, every theme present (0 for none), in the order of ``themes``."""
    counts = {t.id: 0 for t in themes}
    for doc in docs:
        for theme_id in doc.theme_ids:
            if theme_id in counts:
                counts[theme_id] += 1
    return counts
