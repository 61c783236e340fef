"""The story dates of a folder, remembered with the cache so that cheap views can show them.

An undated article that joins a dated story is shown with the story's first date as an estimate
(:mod:`briefing.stories.dates`). Finding stories needs every article's sentence vectors: seconds
on a cold cache, which ``briefing list`` and the reader's first screen must never wait for. So
whatever computes a folder's stories (``stories``, ``daily``, ``export``, ``show``, the reader's
background worker) writes the estimates here, keyed by the state of the articles it grouped
(:func:`corpus_key`: ids, content, own dates, languages, themes and the encoder version), and
``list`` reads them back: the same articles give the same estimates, and any change to the
folder gives another key, so a stale estimate is never shown. Nothing remembered: no estimate,
and ``list`` stays as fast as it was.

One small JSON file in the user cache folder (``story-dates.json``, ``"version": 1``), written
atomically, the last :data:`KEEP` folder states in it. A damaged or unreadable file is an empty
memory, never an error: the estimates are made again by the next command that groups stories.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.cache.step import Progress, ShouldStop
from briefing.model import Document, Problem
from briefing.paths import cache_dir
from briefing.text.dates import iso

FILE = "story-dates.json"
VERSION = 1
KEEP = 8
"""Folder states remembered: a few folders, or one folder before and after an edit."""


def corpus_key(docs: Sequence[Document]) -> str:
    """What a folder's stories depend on, as one digest (the order of ``docs`` does not count)."""
    from briefing.stories.meaning import VERSION as VECTORS

    digest = hashlib.sha1(VECTORS.encode("utf-8"))
    for doc in sorted(docs, key=lambda d: d.id):
        own = "-" if doc.date_estimated else (iso(doc.date) or "-")
        parts = (doc.id, doc.content_hash or doc.text, own, doc.lang, ",".join(doc.theme_ids))
        digest.update("\t".join(parts).encode("utf-8", "replace") + b"\n")
    return digest.hexdigest()


def _path() -> Path:
    return cache_dir() / FILE


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_path().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    states = data.get("states")
    if not isinstance(states, dict):
        return {}
    return {k: v for k, v in states.items() if isinstance(k, str) and isinstance(v, dict)}


def remember(docs: Sequence[Document], estimates: Mapping[str, dt.date]) -> None:
    """Keep ``estimates`` (doc id → date) for the folder state of ``docs``; best effort."""
    states = _read()
    key = corpus_key(docs)
    states.pop(key, None)
    states[key] = {doc_id: day.isoformat() for doc_id, day in sorted(estimates.items())}
    kept = dict(list(states.items())[-KEEP:])
    payload = json.dumps({"version": VERSION, "states": kept}, ensure_ascii=False)
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        write_atomic(_path(), payload.encode("utf-8"))
    except OSError:  # a read-only cache folder: the next grouping computes them again
        pass


def recall(docs: Sequence[Document]) -> dict[str, dt.date] | None:
    """The estimates remembered for exactly this folder state, or None when none were."""
    state = _read().get(corpus_key(docs))
    if state is None:
        return None
    out: dict[str, dt.date] = {}
    for doc_id, day in state.items():
        try:
            out[doc_id] = dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            return None  # a hand-edited file: trust none of it
    return out


def estimated_dates(
    docs: Sequence[Document],
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
) -> tuple[dict[str, dt.date], tuple[Problem, ...]]:
    """Each undated article of ``docs`` that joins a dated story → the story's first date.

    The cheapest way there: what a grouping of this folder state remembered; else nothing, when
    no undated article could join a dated story at all (:func:`~briefing.stories.dates.could_place`,
    which loads no encoder); else the stories themselves (:func:`.derived.stories_of`, which
    remembers them). ``daily``, ``show`` and the reader's background worker all come here.
    """
    from briefing.library.derived import stories_of
    from briefing.stories.dates import could_place, estimate_dates

    known = recall(docs) if use_cache else None
    if known is not None:
        return known, ()
    if not could_place(docs, docs):
        return {}, ()
    index, problems = stories_of(
        docs, progress, use_cache=use_cache, jobs=jobs, should_stop=should_stop
    )
    return estimate_dates(index), problems
