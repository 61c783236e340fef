"""Key points: the next most important sentences after the brief, distinct, one line each.

A point that repeats the brief wastes the analyst's time, so candidates close to a brief sentence
or to an earlier point (term overlap) are skipped. A long sentence is trimmed to its most
informative clauses rather than dropped: news sentences carry attribution and background in
trailing subordinate clauses ("…, a-t-il déclaré lors de la conférence…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.model import KeyPoint
from briefing.summarize.rank import Analysis, containment, jaccard
from briefing.text.scripts import family, fold

MIN_POINTS = 3
MAX_POINTS = 6
# one line of a reader pane: about 110 Latin characters, or 55 full-width ones
LINE_LATIN = 110
LINE_CJK = 55
# where a sentence may be cut into clauses: comma/semicolon/colon/dash in any script
CLAUSE_LATIN = re.compile(r"(?<=[,;:])\s+|\s+[–—]\s+|\s+-\s+")
CLAUSE_CJK = re.compile(r"(?<=[，；：、,;:])")
# a Japanese topic clause: "李首相は、", "中国政府も、"
TOPIC_JA = re.compile(r"[はがも]、$")
# trailing punctuation a trimmed clause should not end on
TRAILING = re.compile(r"[\s,;:，；：、–—-]+$")


def line_limit(lang: str) -> int:
    return LINE_CJK if family(lang) in ("ja", "zh") else LINE_LATIN


def _too_close(terms: frozenset[str], others: Sequence[frozenset[str]]) -> bool:
    return any(
        jaccard(terms, o) > 0.5 or containment(terms, o) > 0.7 or containment(o, terms) > 0.8
        for o in others
    )


def trim(text: str, lang: str) -> str:
    """The sentence cut to one line at a clause boundary (the whole text if it fits).

    The kept clauses are the ones that carry the statement: in English, French and Chinese the
    subject and verb come first, so the longest run of opening clauses that fits; in Japanese
    the verb comes last, so the topic (``李首相は、``) plus the longest run of closing clauses.
    When even that does not fit, the whole sentence stays: a long line beats a cut mid-phrase.
    """
    limit = line_limit(lang)
    if len(text) <= limit:
        return text
    fam = family(lang)
    cjk = fam in ("ja", "zh")
    clauses = [c for c in (CLAUSE_CJK if cjk else CLAUSE_LATIN).split(text) if c.strip()]
    if len(clauses) < 2:
        return text
    sep = "" if cjk else " "
    if fam == "ja":
        topic = clauses[0] if TOPIC_JA.search(clauses[0]) else ""
        rest = clauses[1:] if topic else clauses
        best = ""
        for i in range(1, len(rest)):
            candidate = topic + "".join(rest[i:])
            if len(candidate) <= limit:
                best = candidate
                break
        return best or text
    best = ""
    for j in range(1, len(clauses)):
        candidate = sep.join(clauses[:j])
        if len(candidate) > limit:
            break
        best = candidate
    if not best or len(best) < limit // 3:
        return text  # only a stub fits: "Li a déclaré que…" tells nothing
    best = TRAILING.sub("", best.strip())
    return best + "…"


def key_points(
    analysis: Analysis, scores: Sequence[float], brief: Sequence[int]
) -> tuple[KeyPoint, ...]:
    """3–6 points, most important first, none repeating the brief or each other."""
    sents = analysis.sentences
    terms = analysis.terms()
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
        points.append(KeyPoint(trim(sents[i].text, analysis.lang), sents[i].paragraph))
        if len(points) == MAX_POINTS:
            break
    if len(points) < MIN_POINTS:
        points.extend(_clause_points(analysis, points, MIN_POINTS - len(points)))
    return tuple(points)


def _clause_points(analysis: Analysis, have: list[KeyPoint], wanted: int) -> list[KeyPoint]:
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
            out.append(KeyPoint(trim(piece, analysis.lang), s.paragraph))
            if len(out) == wanted:
                return out
    return out
