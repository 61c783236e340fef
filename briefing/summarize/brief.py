"""Document → Brief: pick 2–3 sentences in reading order, then the key points.

The brief is chosen greedily by the combined score (:mod:`briefing.summarize.rank`), skipping a
sentence whose terms mostly repeat one already chosen (wire copy often restates its lead a few
paragraphs down). Length follows the text rather than a fixed count: two sentences when they
already make a full brief, a third only when the first two are short, because the analyst
reads a few lines per article and ROUGE on human standfirsts (1–2 sentences) shows a third long
sentence is mostly padding.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from threading import Lock

from briefing.model import Brief, Document
from briefing.summarize.keypoints import key_points
from briefing.summarize.rank import (
    SUMY_METHODS,
    Analysis,
    Weights,
    analyse,
    combined,
    containment,
    jaccard,
)
from briefing.text.scripts import family

METHOD = "briefing"
"""Our method: sumy LexRank+TextRank centrality with position, title, length and dedupe."""
LEAD = "lead-3"
METHODS: tuple[str, ...] = (METHOD, LEAD, *SUMY_METHODS)
"""Every name ``summarize`` accepts: ours, the lead baseline, each plain sumy method."""

# a brief is "full" at about this many words (ja/zh: characters / 2): 2 sentences past it
BRIEF_WORDS = 45
_CACHE_SIZE = 256
_cache: OrderedDict[tuple[str, ...], Brief] = OrderedDict()
_cache_lock = Lock()


def _size(text: str, lang: str) -> float:
    return len(text) / 2 if family(lang) in ("ja", "zh") else len(text.split())


def select(analysis: Analysis, scores: list[float], weights: Weights | None = None) -> list[int]:
    """Indices of the brief's sentences, in reading order."""
    order = sorted(
        (i for i, s in enumerate(scores) if s > -math.inf), key=lambda i: (-scores[i], i)
    )
    terms = analysis.terms()
    chosen: list[int] = []
    size = 0.0
    for i in order:
        if any(
            jaccard(terms[i], terms[j]) > 0.5 or containment(terms[i], terms[j]) > 0.7
            for j in chosen
        ):
            continue
        chosen.append(i)
        size += _size(analysis.sentences[i].text, analysis.lang)
        if len(chosen) == 3 or (len(chosen) == 2 and size >= BRIEF_WORDS):
            break
    if len(chosen) < 2:
        chosen.extend(_fallback(analysis, chosen, 2 - len(chosen)))
    return sorted(chosen)


def _fallback(analysis: Analysis, chosen: list[int], wanted: int) -> list[int]:
    """No complete sentence left (bullet lists, captions only): take the longest fragments."""
    rest = [i for i, s in enumerate(analysis.sentences) if i not in chosen]
    rest.sort(key=lambda i: (-min(_size(analysis.sentences[i].text, analysis.lang), 40), i))
    return rest[:wanted]


def _baseline(analysis: Analysis, method: str) -> list[int]:
    if method == LEAD:
        return list(range(min(3, len(analysis.sentences))))
    ratings = analysis.ratings(method)
    best = sorted(range(len(ratings)), key=lambda i: (-ratings[i], i))[:3]
    return sorted(best)


def summarize(doc: Document, method: str = METHOD) -> Brief:
    """The brief and key points of one document (deterministic; cached by content)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    key = (method, doc.id, doc.content_hash or doc.text, doc.title, doc.lang)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    brief = _summarize(doc, method)
    with _cache_lock:
        _cache[key] = brief
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return brief


_last: list[tuple[tuple[str, ...], Analysis]] = []


def _analysis(doc: Document) -> Analysis:
    """The split, tokenized document; the last one is kept because ``briefing eval`` runs every
    method on one document before moving on, and tokenizing is most of the cost."""
    title = "" if doc.title_derived else doc.title
    key = (doc.id, doc.content_hash or doc.text, title, doc.lang)
    with _cache_lock:
        if _last and _last[0][0] == key:
            return _last[0][1]
    analysis = analyse(doc.paragraphs, doc.lang, title)
    with _cache_lock:
        _last[:] = [(key, analysis)]
    return analysis


def _summarize(doc: Document, method: str) -> Brief:
    analysis = _analysis(doc)
    if not analysis.sentences:
        return Brief(doc.id, (), (), method)
    if method != METHOD:
        chosen = _baseline(analysis, method)
        return Brief(doc.id, tuple(analysis.sentences[i].text for i in chosen), (), method)
    scores = combined(analysis)
    chosen = select(analysis, scores)
    points = key_points(analysis, scores, chosen)
    return Brief(doc.id, tuple(analysis.sentences[i].text for i in chosen), points, method)
