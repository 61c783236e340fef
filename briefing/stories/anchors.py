"""Anchors: the facts of an article that can be compared across languages without translating.

An anchor is a key (``name:liqiang``, ``number:1000``, ``date:07-26``) with the forms it was
written in (``李強``, ``Li Qiang``). Two articles that share rare anchors are likely about the
same event; the anchors they share are also the explanation shown to the analyst.

Kinds differ in how much they say, hence :data:`KIND_WEIGHT`: a name, a large number, a month-day
or a headline phrase can identify an event; a year, a weekday, a small count or a shared theme
only supports one. How rare an anchor is in the corpus (IDF, in :mod:`.group`) says the rest, so
``AI`` in every article counts for almost nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefing.model import Document
from briefing.stories.figures import WEEKDAY_NAMES, extract_figures
from briefing.stories.generic import is_generic
from briefing.stories.names import HAN_RUN, extract_names
from briefing.text.scripts import to_simplified

KIND_WEIGHT: Mapping[str, float] = {  # a shared month-day weighs half: see DISTINCTIVE
    "name": 1.0,
    "number": 1.0,
    "headline": 1.0,
    "date": 0.5,
    "count": 0.3,
    "weekday": 0.4,
    "year": 0.25,
    "theme": 0.2,
}
"""How much one shared anchor of each kind says, before rarity."""

DISTINCTIVE: frozenset[str] = frozenset({"name", "number", "headline"})
"""Kinds that can identify an event; a link needs two of them. A month-day is not one: rare in
the corpus, it is common among the articles of its week, which are the ones compared."""
SURE = 0.75
"""Extraction confidence from which an anchor can be distinctive (see :class:`.names.Name`)."""
MAX_SHARE = 0.25
"""An anchor is distinctive while its estimated share of articles (:func:`share`) is at most
this: ``AI`` in 12 of the 14 seeds is not, ``Li Qiang`` in 4 of them is."""
PRIOR_ARTICLES = 20.0
PRIOR_SHARE = 0.02
"""How common an anchor is assumed to be before the corpus says otherwise: as if seen in 2% of
20 extra articles. A corpus of three articles cannot show that ``AI`` is everywhere, nor that
``Li Qiang`` is rare; the prior keeps both at a moderate weight until the corpus is large."""

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# punctuation that splits a headline into phrases: "坚持智能向善 增进人类福祉(权威论坛)"
HEADLINE_BREAK = re.compile(r"[\s\W_]+")
# Latin words of a headline segment
HEADLINE_WORD = re.compile(r"[^\W\d_]+")
# a separator between headline clauses in Latin script: ", ", ": ", " - ", quotes
HEADLINE_CLAUSE = re.compile(r"\s*[,:;|!?()\[\]«»\"“”]\s*|\s[-–—]\s")

MIN_HEADLINE_HAN = 4
"""Han headline phrases shorter than this are words (人工智能 is four), not phrases."""
MIN_HEADLINE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Anchor:
    key: str
    """``kind:value``: ``name:liqiang``, ``number:1000``, ``date:07-26``, ``weekday:5``."""
    kind: str
    forms: tuple[str, ...]
    """How the document writes it (distinct, first few, in reading order)."""
    confidence: float = 1.0
    """How sure extraction is that this is the anchor (see :class:`.names.Name`)."""

    @property
    def value(self) -> str:
        return self.key.split(":", 1)[1]


def label_for(kind: str, value: str, forms: Iterable[str] = ()) -> str:
    """What to show for an anchor shared by several articles: ``Li Qiang / 李強 / 李强``."""
    forms = list(dict.fromkeys(f for f in forms if f))
    if kind == "weekday":
        return WEEKDAY_NAMES[int(value)]
    if kind == "date":
        month, day = value.split("-")
        return f"{_MONTH_ABBR[int(month) - 1]} {int(day)}"
    if kind in ("number", "count", "year"):
        return value
    if kind == "name":
        latin = [f for f in forms if not HAN_RUN.search(f)]
        han = [f for f in forms if HAN_RUN.search(f)]
        ordered = latin[:1] + han[:2] + latin[1:2]
        return " / ".join(dict.fromkeys(ordered)) or value
    return forms[0] if forms else value


def _headline_phrases(title: str) -> list[tuple[str, str]]:
    """(key, form) of a headline's phrases: Han runs of four or more, Latin clauses of four
    words or more. Two reports that share a headline phrase share a story more often than not
    (an aggregator's Chinese title over an English summary of the same article)."""
    out: list[tuple[str, str]] = []
    folded = to_simplified(unicodedata.normalize("NFKC", title))
    if len(folded) != len(title):
        folded = title
    for m in HAN_RUN.finditer(folded):
        if len(m[0]) >= MIN_HEADLINE_HAN:
            out.append((m[0], title[m.start() : m.end()]))
    for clause in HEADLINE_CLAUSE.split(title):
        words = HEADLINE_WORD.findall(clause)
        if len(words) >= MIN_HEADLINE_WORDS and not HAN_RUN.search(clause):
            out.append((" ".join(w.casefold() for w in words), clause.strip()))
    return out


class _Collector:
    """Anchors in reading order with up to three distinct forms each."""

    def __init__(self) -> None:
        self.forms: dict[str, list[str]] = {}
        self.kinds: dict[str, str] = {}
        self.confidence: dict[str, float] = {}

    def add(self, kind: str, value: str, form: str, confidence: float = 1.0) -> None:
        key = f"{kind}:{value}"
        forms = self.forms.setdefault(key, [])
        self.kinds[key] = kind
        self.confidence[key] = max(confidence, self.confidence.get(key, 0.0))
        if form and form not in forms and len(forms) < 3:
            forms.append(form)

    def anchors(self) -> dict[str, Anchor]:
        return {
            k: Anchor(k, self.kinds[k], tuple(v), self.confidence[k]) for k, v in self.forms.items()
        }


def text_anchors(text: str, known: Mapping[str, Anchor] | None = None) -> dict[str, Anchor]:
    """The names and figures of a piece of text (a key point, a sentence).

    ``known`` is the whole article's anchors: a name the article introduced with a title
    (``副部长傅莹``) is recognised again where the sentence writes it bare (``傅莹指出``).
    """
    out = _Collector()
    for name in extract_names(text):
        if not is_generic(name.key):
            out.add("name", name.key, name.form, name.confidence)
    for fig in extract_figures(text):
        kind = "count" if fig.small else fig.kind
        out.add(kind, fig.key, fig.form)
    if known:
        for anchor in known.values():
            if (
                anchor.kind == "name"
                and anchor.key not in out.forms
                and not is_generic(anchor.value)
            ):
                for form in anchor.forms:
                    if form in text:
                        out.add("name", anchor.value, form, anchor.confidence)
    return out.anchors()


def document_anchors(doc: Document) -> dict[str, Anchor]:
    """Every anchor of an article: its title and text, its headline phrases and its themes.

    The publication date is not an anchor (closeness in time is judged apart, in
    :mod:`.group`), but its weekday is: an undated report that says "samedi" meets a report
    dated on a Saturday.
    """
    out = _Collector()
    for anchor in text_anchors(f"{doc.title}\n{doc.text}").values():
        for form in anchor.forms or ("",):
            out.add(anchor.kind, anchor.value, form, anchor.confidence)
    if not doc.title_derived:
        for key, form in _headline_phrases(doc.title):
            out.add("headline", key, form)
    if isinstance(doc.date, dt.date):
        weekday = doc.date.weekday()
        out.add("weekday", str(weekday), WEEKDAY_NAMES[weekday])
    for theme_id in doc.theme_ids:
        out.add("theme", theme_id, theme_id)
    return out.anchors()


def share(df: int, n: int) -> float:
    """The share of articles holding an anchor, smoothed toward :data:`PRIOR_SHARE`."""
    return (df + PRIOR_SHARE * PRIOR_ARTICLES) / (n + PRIOR_ARTICLES)


def idf(df: int, n: int) -> float:
    """``-ln share``: ~0.1 for an anchor in 90% of 10,000 articles, ~9 for one in one of them,
    ~2.3 for one in two of three articles (where rarity cannot be known yet)."""
    return -math.log(share(df, n))


@dataclass(frozen=True, slots=True)
class Weights:
    """The weight of each anchor key in one corpus: kind weight × IDF."""

    df: Mapping[str, int]
    n: int

    def idf(self, key: str) -> float:
        return idf(self.df.get(key, 1), max(self.n, 1))

    def share(self, key: str) -> float:
        return share(self.df.get(key, 1), max(self.n, 1))

    def weight(self, key: str) -> float:
        kind = key.split(":", 1)[0]
        return KIND_WEIGHT.get(kind, 0.0) * self.idf(key)

    def distinctive(self, key: str) -> bool:
        return key.split(":", 1)[0] in DISTINCTIVE and self.share(key) <= MAX_SHARE
