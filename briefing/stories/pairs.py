"""Which two articles report the same event: shared anchors scored by rarity, candidate pairs
found by blocking on rare anchors, and links that must also agree in meaning when vectors exist.

:mod:`.group` joins the links into stories; this module only says which pairs link and how
strongly.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from briefing.model import Document
from briefing.stories.anchors import MAX_SHARE, SURE, Anchor, Weights, label_for
from briefing.stories.match import MIN_ALIGN, alignment, meaning_score, mutual_best
from briefing.stories.story import SharedAnchor

if TYPE_CHECKING:
    import numpy as np

WINDOW_DAYS = 10
"""The longest span of publication dates a story may have. News coverage of one event comes
within days; commentary weeks later is a different story even when it recalls the event."""
MIN_SCORE = 4.0
"""Summed anchor weight a link needs: e.g. a name and a number each held by a few articles
(≈2 each), or one such name with supporting anchors (a place, a date, the weekday)."""
MIN_DISTINCTIVE = 2
"""Distinct distinctive anchors a link needs: one shared name alone is a coincidence."""
MAX_POSTING = 200
"""An anchor held by more articles than this is not used to find candidate pairs (it still
counts in the score of pairs found through rarer anchors)."""

SAME_LANGUAGE_ALIGN = 0.7
"""Alignment two articles of one language need on top of their anchors: unrelated same-language
leads reach 0.38 as whole articles, and same-topic ones more."""
ANCHORS_ONLY_DISTINCTIVE = 3
ANCHORS_ONLY_SCORE = 12.0
"""What a link needs when an article has no vectors (the encoder did not load): three rare
names, numbers or headline phrases, weighing together what three rare names weigh. Two (a
club and a player of one league, two round numbers) joined half of ../shared/eval, 292
unrelated articles, into false stories; every two members must then share two."""
MIN_SENTENCES = 3
"""Vectors (title and lead sentences) each article of a link needs when both have vectors: a
title and one line ("Test Item - RSS 1.0" / "correct description") align by template alone."""


def ordinal(doc: Document) -> int | None:
    return doc.date.toordinal() if isinstance(doc.date, dt.date) else None


def shared_keys(a: Mapping[str, Anchor], b: Mapping[str, Anchor]) -> list[str]:
    """Keys both have, without names contained in a longer shared name (``qiang``, ``li``)."""
    keys = sorted(a.keys() & b.keys())
    names = [k[5:] for k in keys if k.startswith("name:")]
    return [
        k
        for k in keys
        if not (k.startswith("name:") and any(k[5:] in other and k[5:] != other for other in names))
    ]


def pair_weight(key: str, holders: Sequence[Mapping[str, Anchor]], weights: Weights) -> float:
    """The key's corpus weight, scaled by the least confident extraction among its holders."""
    confidence = min((h[key].confidence for h in holders if key in h), default=1.0)
    return weights.weight(key) * confidence


def shared_anchors(
    keys: Sequence[str],
    weights: Weights,
    anchors: Sequence[Mapping[str, Anchor]],
    doc_ids: Sequence[str],
) -> tuple[SharedAnchor, ...]:
    out = []
    for key in keys:
        weight = pair_weight(key, anchors, weights)
        if weight <= 0:
            continue
        kind, value = key.split(":", 1)
        forms = [f for a in anchors if key in a for f in a[key].forms]
        holders = tuple(i for i, a in zip(doc_ids, anchors, strict=True) if key in a)
        label = label_for(kind, value, forms)
        rare = weights.share(key) <= MAX_SHARE
        out.append(SharedAnchor(key, kind, label, round(weight, 3), holders, rare))
    return tuple(sorted(out, key=lambda s: (-s.weight, s.key)))


def score_pair(
    a: Mapping[str, Anchor], b: Mapping[str, Anchor], weights: Weights
) -> tuple[float, int, list[str]]:
    """(score, distinctive anchors shared, shared keys) of two articles' anchors.

    A name inside a shared headline phrase is the same evidence twice (``… à Tianjin`` and
    ``Tianjin``), so it does not count as a second distinctive anchor.
    """
    keys = shared_keys(a, b)
    score = sum(pair_weight(k, (a, b), weights) for k in keys)
    sure = [
        k for k in keys if weights.distinctive(k) and min(a[k].confidence, b[k].confidence) >= SURE
    ]
    phrases = [k[9:] for k in sure if k.startswith("headline:")]
    inside = {
        k
        for k in sure
        if k.startswith("name:")
        and any(f.casefold() in p for p in phrases for f in (*a[k].forms, *b[k].forms) if f)
    }
    return score, len(sure) - len(inside), keys


def _candidates(
    anchors: Sequence[Mapping[str, Anchor]], dates: Sequence[int | None], weights: Weights
) -> list[tuple[int, int]]:
    """Pairs sharing at least two indexed anchors, dated within the window (or undated)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(anchors):
        for key, anchor in keys.items():
            if anchor.confidence >= SURE:
                postings[key].append(i)
    counts: Counter[int] = Counter()
    n = len(anchors)
    for key, docs in postings.items():
        if len(docs) < 2 or len(docs) > MAX_POSTING or not weights.distinctive(key):
            continue
        dated = sorted((d, i) for i in docs if (d := dates[i]) is not None)
        undated = [i for i in docs if dates[i] is None]
        for x, (day, i) in enumerate(dated):
            for day_j, j in dated[x + 1 :]:
                if day_j - day > WINDOW_DAYS:
                    break
                counts[min(i, j) * n + max(i, j)] += 1
        for i in undated:
            for j in docs:
                if j != i and (dates[j] is not None or j > i):
                    counts[min(i, j) * n + max(i, j)] += 1
    return sorted(divmod(pair, n) for pair, count in counts.items() if count >= MIN_DISTINCTIVE)


def links_between(
    reps: Sequence[Document],
    anchors: Sequence[Mapping[str, Anchor]],
    dates: Sequence[int | None],
    weights: Weights,
    vecs: Sequence[np.ndarray | None],
) -> list[tuple[float, int, int, list[str]]]:
    """Every accepted link (strength, i, j, shared keys), strongest first, ties by id.

    Two sources: anchor pairs (:func:`_candidates`), which must also align in meaning when
    both articles have vectors (:data:`SAME_LANGUAGE_ALIGN` within a language, where unrelated
    leads score highest); and meaning pairs across languages (:mod:`.match`), which need no
    anchor at all but gain from them.
    """
    found: dict[tuple[int, int], tuple[float, list[str]]] = {}
    for i, j in _candidates(anchors, dates, weights):
        score, distinctive, keys = score_pair(anchors[i], anchors[j], weights)
        if distinctive < MIN_DISTINCTIVE or score < MIN_SCORE:
            continue
        a, b = vecs[i], vecs[j]
        if a is None or b is None:
            if distinctive >= ANCHORS_ONLY_DISTINCTIVE and score >= ANCHORS_ONLY_SCORE:
                found[(i, j)] = (score, keys)
            continue
        if min(len(a), len(b)) < MIN_SENTENCES:
            continue
        strength = meaning_score(alignment(a, b), score)
        floor = SAME_LANGUAGE_ALIGN if reps[i].lang == reps[j].lang else MIN_ALIGN
        if strength >= floor:
            found[(i, j)] = (strength, keys)
    for i, j, _cos in mutual_best(vecs, [d.lang for d in reps]):
        if (i, j) in found or not _within_window(dates[i], dates[j]):
            continue
        score, distinctive, keys = score_pair(anchors[i], anchors[j], weights)
        a, b = vecs[i], vecs[j]
        if min(len(a), len(b)) < MIN_SENTENCES:  # type: ignore[arg-type]
            continue  # a title and one line (a test feed's item) align by template alone
        strength = meaning_score(alignment(a, b), score)  # type: ignore[arg-type]
        if strength >= MIN_ALIGN:
            found[(i, j)] = (strength, keys)
    links = [(strength, i, j, keys) for (i, j), (strength, keys) in found.items()]
    links.sort(key=lambda t: (-t[0], reps[t[1]].id, reps[t[2]].id))
    return links


def _within_window(a: int | None, b: int | None) -> bool:
    return a is None or b is None or abs(a - b) <= WINDOW_DAYS
