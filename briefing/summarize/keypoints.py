"""Key points: the next most important sentences after the brief, distinct, one line each.

A point that repeats the brief wastes the analyst's time, so candidates close to a brief sentence
or to an earlier point (term overlap) are skipped. A long sentence is trimmed to its most
informative clause rather than dropped: news sentences carry attribution and background in
subordinate clauses ("…, a-t-il déclaré lors de la conférence…"), and the clause that shares the
most with the rest of the article is usually the one that says what happened.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.model import KeyPoint
from briefing.summarize.rank import Analysis, containment, jaccard
from briefing.summarize.tokenize import family, fold, words

MIN_POINTS = 3
MAX_POINTS = 6
# one line of a reader pane: about 110 Latin characters, or 55 full-width ones
LINE_LATIN = 110
LINE_CJK = 55
# where a sentence may be cut into clauses: comma/semicolon/colon/dash in any script
CLAUSE_LATIN = re.compile(r"(?<=[,;:])\s+|\s+[–—]\s+|\s+-\s+")
CLAUSE_CJK = re.compile(r"(?<=[，；：、,;:])")
# trailing punctuation a trimmed clause should not end on
TRAILING = re.compile(r"[\s,;:，；：、–—-]+$")


def line_limit(lang: str) -> int:
    return LINE_CJK if family(lang) in ("ja", "zh") else LINE_LATIN


def _too_close(terms: frozenset[str], others: Sequence[frozenset[str]]) -> bool:
    return any(
        jaccard(terms, o) > 0.5 or containment(terms, o) > 0.7 or containment(o, terms) > 0.8
        for o in others
    )


def trim(text: str, lang: str, weight: Counter[str]) -> str:
    """The most informative run of clauses that fits one line (the whole text if it fits)."""
    limit = line_limit(lang)
    if len(text) <= limit:
        return text
    cjk = family(lang) in ("ja", "zh")
    clauses = [c for c in (CLAUSE_CJK if cjk else CLAUSE_LATIN).split(text) if c.strip()]
    if len(clauses) < 2:
        return text  # nothing to cut at: a long line beats a sentence cut mid-phrase

    def value(span: str) -> float:
        terms = {fold(w) for w in words(span, lang)}
        return sum(weight.get(t, 0) for t in terms)

    best, best_value = "", -1.0
    for i in range(len(clauses)):
        span = ""
        for j in range(i, len(clauses)):
            joined = span + ("" if cjk or not span else " ") + clauses[j]
            if len(joined) > limit and span:
                break
            span = joined
            v = value(span)
            if v > best_value:
                best, best_value = span, v
    best = TRAILING.sub("", best.strip())
    if (not cjk and best and best[-1] not in ".!?\"'”»)") or (
        cjk and best and best[-1] not in "。！？」』）"
    ):
        best += "…"
    return best or text


def key_points(
    analysis: Analysis, scores: Sequence[float], brief: Sequence[int]
) -> tuple[KeyPoint, ...]:
    """3–6 points, most important first, none repeating the brief or each other."""
    sents = analysis.sentences
    terms = analysis.terms()
    weight: Counter[str] = Counter()
    for s in sents:
        weight.update({fold(w) for w in words(s.text, analysis.lang)})
    taken = [terms[i] for i in brief]
    order = sorted(
        (i for i in range(len(sents)) if i not in brief and scores[i] > float("-inf")),
        key=lambda i: (-scores[i], i),
    )
    points: list[KeyPoint] = []
    for i in order:
        if _too_close(terms[i], taken):
            continue
        taken.append(terms[i])
        points.append(KeyPoint(trim(sents[i].text, analysis.lang, weight), sents[i].paragraph))
        if len(points) == MAX_POINTS:
            break
    if len(points) < MIN_POINTS:
        points.extend(_clause_points(analysis, weight, points, MIN_POINTS - len(points)))
    return tuple(points)


def _clause_points(
    analysis: Analysis, weight: Counter[str], have: list[KeyPoint], wanted: int
) -> list[KeyPoint]:
    """For a one- or two-sentence article: its clauses, so the reader still gets a list.

    These may restate part of the brief; for an article that short there is nothing else.
    """
    cjk = family(analysis.lang) in ("ja", "zh")
    seen = {fold(p.text) for p in have}
    out: list[KeyPoint] = []
    for s in analysis.sentences:
        pieces = (CLAUSE_CJK if cjk else CLAUSE_LATIN).split(s.text)
        for piece in pieces:
            piece = TRAILING.sub("", piece.strip())
            if len(piece) < (6 if cjk else 20) or fold(piece) in seen:
                continue
            seen.add(fold(piece))
            out.append(KeyPoint(trim(piece, analysis.lang, weight), s.paragraph))
            if len(out) == wanted:
                return out
    return out
