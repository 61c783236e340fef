"""Which themes a document has, and the words that say so.

Matching runs on the language's own words (jieba for Chinese, tinysegmenter for Japanese, Snowball
stems for French and English, all folded for case, width and traditional/simplified script), never
on raw substrings, so ``人工智能`` is not found inside an unrelated compound and ``regulations``
matches the term ``regulation``. A term matches when its folded words line up with whole words of
the text. The comparison is on the words joined together, so ``人工知能`` matches whether the
segmenter cut it as 人工|知能 or kept it whole, and ``open source`` also finds ``open-source``.

Scores are weighted counts with diminishing returns per term (a theme named by five different
terms beats one word repeated five times), a bonus for terms in the title, and a length
normalisation: a passing mention in a 2,000-word article does not earn a theme, while a
two-sentence item that names its subject still does.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from briefing.model import Document, Evidence, Term, Theme, ThemeMatch
from briefing.text import scripts
from briefing.text.scripts import CJK_CHAR
from briefing.themes.keys import CJK_FAMILIES, Pattern, Unit, doc_units, term_pattern

MATCHER_VERSION = "1"
"""Bump when scoring or matching changes, so caches keyed on :func:`themes_version` refresh."""

NORM_TOKENS = 250
"""Words a text may have before its score is scaled down (by √(words / NORM_TOKENS))."""

MIN_STRONG_MATCHES = 2
"""Matches of terms weighing 1 or more a theme needs: one mention, however specific, is a passing
remark, and weak terms ("rules", "companies") support a theme but never make one alone."""

RELATIVE_FLOOR = 0.2
"""A theme also needs this share of the document's best theme score: a side remark in an article
about something else (robots named once in a piece on diplomacy) is not what the article is about.
"""

TITLE_BONUS = 1.0
"""Extra weight (× the term's weight) for a term in the title: titles say what a piece is about."""

T = TypeVar("T")


def match_themes(doc: Document, themes: Sequence[Theme]) -> tuple[ThemeMatch, ...]:
    """The themes the document is about, best first (ties by id).

    A theme is kept when its score reaches the theme's threshold and a fifth of the best theme's
    score, with at least two matches of terms weighing 1 or more.
    """
    scored = _scored(doc, themes)
    if not scored:
        return ()
    floor = scored[0][0].score * RELATIVE_FLOOR
    return tuple(
        m
        for m, theme, strong in scored
        if m.score >= theme.threshold and m.score >= floor and strong >= MIN_STRONG_MATCHES
    )


def assign_themes(docs: Sequence[Document], themes: Sequence[Theme]) -> tuple[Document, ...]:
    """Each document with its ``themes`` filled in (earlier assignments are replaced)."""
    return tuple(replace(doc, themes=match_themes(doc, themes)) for doc in docs)


def _scored(doc: Document, themes: Sequence[Theme]) -> list[tuple[ThemeMatch, Theme, int]]:
    units = doc_units(doc)
    norm = max(1.0, math.sqrt(sum(len(u.caps) for u in units) / NORM_TOKENS))
    found = [s for t in themes if (s := _score(t, units, norm)) is not None]
    found.sort(key=lambda s: (-s[0].score, s[0].theme_id))
    return found


def _score(
    theme: Theme, units: Sequence[Unit], norm: float
) -> tuple[ThemeMatch, Theme, int] | None:
    """The theme's match with its count of strong matches (terms weighing 1 or more)."""
    counts: dict[tuple[Term, int], int] = {}
    for unit in units:
        for term in _hits(theme, unit):
            counts[term, unit.index] = counts.get((term, unit.index), 0) + 1
    if not counts:
        return None
    per_term: dict[Term, int] = {}
    in_title: set[Term] = set()
    for (term, index), n in counts.items():
        per_term[term] = per_term.get(term, 0) + n
        if index == -1:
            in_title.add(term)
    raw = sum(t.weight * (1 + math.log(n)) for t, n in per_term.items())
    raw += sum(t.weight * TITLE_BONUS for t in in_title)
    strong = sum(n for t, n in per_term.items() if t.weight >= 1)
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][1], -kv[1], kv[0][0].text))
    evidence = tuple(Evidence(term.text, index, n) for (term, index), n in ordered)
    return ThemeMatch(theme.id, round(raw / norm, 3), evidence), theme, strong


def _hits(theme: Theme, unit: Unit) -> list[Term]:
    """One entry per occurrence of a term in ``unit``.

    Where terms overlap the longest wins, so "open source model" counts once and not also as
    "open source". A term found inside an excluded phrase does not count ("governance" inside
    "global governance"), while a longer term that merely overlaps one still does.
    """
    fam = scripts.family(unit.lang)
    excluded = [
        span
        for text in _select(theme.exclude, fam, lambda x: x)
        for span in _find(unit, term_pattern(text, unit.lang))
    ]
    spans: list[tuple[int, int, int, int, Term]] = []
    for order, term in enumerate(_select(theme.terms, fam, lambda t: t.text)):
        pattern = term_pattern(term.text, unit.lang)
        for a, b in _find(unit, pattern):
            if not any(x <= a and b <= y for x, y in excluded):
                spans.append((-len(pattern.target), a, order, b, term))
    spans.sort(key=lambda s: s[:3])
    used: set[int] = set()
    out: list[Term] = []
    for _neg_len, a, _order, b, term in spans:
        if used.isdisjoint(range(a, b)):
            used.update(range(a, b))
            out.append(term)
    return out


def _select(by_lang: Mapping[str, Sequence[T]], fam: str, text_of: Callable[[T], str]) -> list[T]:
    """The entries that apply to text of language family ``fam``.

    The family's own list and ``any``. Chinese and Japanese text also uses the Latin-script
    entries of ``en``: Latin words there are English words and names (AI, WAIC, OpenAI), and
    nobody should have to repeat them in the ``ja`` list. A language the theme has no list for
    (German, Korean) falls back to ``en``, which still catches acronyms and loanwords.
    """
    if fam in by_lang:
        chosen = list(by_lang[fam])
    elif fam in CJK_FAMILIES:
        chosen = []
    else:
        chosen = list(by_lang.get("en", ()))
    chosen += by_lang.get("any", ())
    if fam in CJK_FAMILIES:
        chosen += [x for x in by_lang.get("en", ()) if not CJK_CHAR.search(text_of(x))]
    seen: set[str] = set()
    out: list[T] = []
    for x in chosen:
        if text_of(x) not in seen:
            seen.add(text_of(x))
            out.append(x)
    return out


def _find(unit: Unit, pattern: Pattern) -> list[tuple[int, int]]:
    """Token spans of ``unit`` whose keys, joined, are the pattern: whole words only.

    Japanese is the one exception: tinysegmenter keeps compounds whole (オープンソースモデル,
    ロボットメーカー, 多国間主義), and Japanese builds compounds by adding to the right, so there
    a Han/kana term must start at a word but may end inside one. Chinese keeps jieba's words
    strictly: 中美 must not match inside 中美洲 (Central America).
    """
    found: list[tuple[int, int]] = []
    target = pattern.target
    if not target:
        return found
    open_end = unit.open_end and CJK_CHAR.match(target[-1]) is not None
    pos = unit.joined.find(target)
    while pos >= 0:
        a = unit.starts.get(pos)
        end = pos + len(target)
        b = unit.ends.get(end)
        if b is None and open_end and a is not None:
            inside = bisect.bisect_right(unit.offsets, end) - 1
            b = inside + 1 if unit.cjk[inside] else None
        if a is not None and b is not None and _caps_ok(unit.caps[a:b], pattern.caps):
            found.append((a, b))
        pos = unit.joined.find(target, pos + 1)
    return found


def _caps_ok(text_caps: tuple[bool, ...], term_caps: tuple[bool, ...]) -> bool:
    """A term word written in capitals matches only capitals: "US" is not "us", "UN" not "un"."""
    if len(text_caps) == len(term_caps):
        return all(t or not want for t, want in zip(text_caps, term_caps, strict=True))
    if term_caps and all(term_caps):
        return all(text_caps)
    return True
