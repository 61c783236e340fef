"""sumy's rankers as baselines, and the per-document analysis every brief starts from.

:class:`Analysis` holds one document's sentences and, computed once, each sentence's terms
(content-word stems, or character pairs for ja/zh) without sumy, which the learned brief
(:mod:`briefing.summarize.brief`) uses. sumy's document is built only when a sumy method is
asked for (``briefing eval`` baselines): its rankers read every sentence's rating through
sumy's public ``sentences_count`` argument, which may be a callable receiving all
``SentenceInfo`` records sorted by rating, so passing one that keeps them gives the full
ranking from any summarizer without touching its internals.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from briefing.summarize.sentences import Sentence, iter_sentences, split_sentences
from briefing.text.scripts import family, fold
from briefing.text.words import latin_words, stemmer, sumy_language, words

# sumy summarizers usable as plain baselines and as centrality signals (Edmundson needs
# hand-made cue words per language and Random is noise, so neither is offered)
SUMY_METHODS: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
}


class SumyTokenizer:
    """The two methods sumy calls (``to_sentences``, ``to_words``), offline, per language.

    Words come back folded (case, width, traditional→simplified) so sumy's stop lists, which are
    lower-case and, for Chinese, simplified only, match them.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def to_sentences(self, text: str) -> list[str]:
        return [s.text for s in split_sentences([text], self.lang)]

    def to_words(self, text: str) -> list[str]:
        return [fold(w) for w in words(text, self.lang)]


@cache
def _summarizer_class(name: str) -> Any:
    module, _, attr = SUMY_METHODS[name].partition(":")
    return getattr(import_module(module), attr)


@cache
def stop_words(lang: str) -> frozenset[str]:
    """sumy's stop list for ``lang``, folded: read from sumy's data file as its
    ``get_stop_words`` reads it, without importing ``sumy.utils``, which imports requests and
    pycountry (60–90 ms of a cold start) and looks the name up in pycountry's tables (30 ms)
    only to find it is already a language name (``tests/summarize/test_rank.py``)."""
    import pkgutil

    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{sumy_language(lang)}.txt")
    except OSError:
        return frozenset()
    if data is None:
        return frozenset()
    return frozenset(fold(w.rstrip()) for w in data.decode("utf-8").splitlines() if w)


def _stemmer(lang: str) -> Callable[[str], str]:
    """sumy's rankers stem with the same Snowball stemmers as the rest of briefing (and
    without importing NLTK, which sumy's own Stemmer does)."""
    return stemmer(lang)


@dataclass
class Analysis:
    """One document's sentences, ready for any number of rankers.

    The sumy document is built once, so each sentence is tokenized once (jieba and tinysegmenter
    are the slow part) however many rankers run over it.
    """

    sentences: list[Sentence]
    lang: str
    title: str = ""
    _doc: Any = field(default=None, repr=False)
    _terms: list[frozenset[Any]] | None = field(default=None, repr=False)

    @property
    def document(self) -> Any:
        if self._doc is None:
            from sumy.models.dom import ObjectDocumentModel, Paragraph
            from sumy.models.dom import Sentence as SumySentence

            tokenizer = SumyTokenizer(self.lang)
            self._doc = ObjectDocumentModel(
                [Paragraph([SumySentence(s.text, tokenizer) for s in self.sentences])]
            )
        return self._doc

    def terms(self) -> list[frozenset[Any]]:
        """What each sentence says, for overlap: content-word stems, or character pairs (ja/zh)."""
        if self._terms is None:
            if family(self.lang) in ("ja", "zh"):
                # character pairs: segmenters cut the same name differently in two sentences
                self._terms = [char_pairs(s.text) for s in self.sentences]
            else:
                # no sumy here: the learned brief must not pay for building its document
                self._terms = [self._content(latin_terms(s.text)) for s in self.sentences]
        return self._terms

    def title_terms(self) -> frozenset[Any]:
        if family(self.lang) in ("ja", "zh"):
            return char_pairs(self.title)
        return self._content(latin_terms(self.title))

    def _content(self, ws: Sequence[str]) -> frozenset[str]:
        stops = stop_words(self.lang)
        stem = _stemmer(self.lang)
        return frozenset(stem(w) for w in ws if w not in stops and (len(w) > 1 or ord(w) > 0x3000))

    def ratings(self, method: str) -> list[float]:
        """Percentile rank (0 worst … 1 best) of every sentence under one sumy method."""
        n = len(self.sentences)
        if n == 0:
            return []
        if n == 1:
            return [1.0]
        summarizer = _summarizer_class(method)(_stemmer(self.lang))
        if hasattr(summarizer, "stop_words"):
            summarizer.stop_words = stop_words(self.lang)
        infos: list[Any] = []

        def keep_all(ranked: list[Any]) -> list[Any]:
            infos.extend(ranked)
            return ranked

        import numpy

        try:
            # LexRank normalises a zero vector when sentences share no word (short feed
            # entries): NaN ratings, and numpy's RuntimeWarning on stderr of every command
            with numpy.errstate(divide="ignore", invalid="ignore", over="ignore"):
                summarizer(self.document, keep_all)
        except (ValueError, ZeroDivisionError, IndexError, FloatingPointError):
            # a degenerate matrix (all sentences stop words, one distinct word…): no opinion
            return [0.5] * n
        # sorted best first; ties keep document order (sorted() is stable)
        out = [0.0] * n
        for rank, info in enumerate(infos):
            out[info.order] = 1.0 - rank / (n - 1)
        return out


MAX_SENTENCES = 250
"""Sentences a brief is chosen from: the first ones of the article. LexRank and TextRank
compare every pair of sentences, so their time is quadratic in this (250: about a second;
a 400 KB article of 3,000 sentences took a minute). No article in the eval and field sets has
more than 176, and news puts what matters first, so a longer text loses nothing a brief of
it would quote."""

MAX_TEXT = {"latin": 50_000, "cjk": 20_000}
"""Characters of sentences a brief is chosen from (the longest article in the eval and field
sets has 29 K characters, the longest in Japanese or Chinese 2.3 K). TextRank compares every
word of a sentence with every word of every other one, so its time is quadratic in the words
of the text, not only in its sentences: 130 K characters of Japanese without punctuation (44
long "sentences") took 84 s. CJK text has about one word per two characters, hence its lower
limit."""


def analyse(paragraphs: Sequence[str], lang: str, title: str = "") -> Analysis:
    """Split into sentences and drop exact repeats (sumy hashes sentences by their text).

    Only the opening :data:`MAX_SENTENCES` distinct sentences (and :data:`MAX_TEXT`
    characters) are split and kept, so the cost of a brief is bounded however long the text.
    """
    seen: set[str] = set()
    kept: list[Sentence] = []
    size = 0
    max_text = MAX_TEXT["cjk" if family(lang) in ("ja", "zh") else "latin"]
    for s in iter_sentences(tuple(paragraphs), lang):
        key = fold(s.text)
        if key in seen:
            continue
        seen.add(key)
        kept.append(Sentence(s.text, s.paragraph, len(kept), s.complete))
        size += len(s.text)
        if len(kept) >= MAX_SENTENCES or size >= max_text:
            break
    return Analysis(kept, lang, title)


def jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[Any], b: frozenset[Any]) -> float:
    """Share of ``a``'s terms that are in ``b``: a short sentence inside a long one scores 1."""
    if not a:
        return 0.0
    return len(a & b) / len(a)


def near_duplicate(a: frozenset[Any], b: frozenset[Any], lang: str) -> bool:
    """Two sentences saying mostly the same thing. Character pairs (ja/zh) are shared by
    sentences that are not duplicates far more than stems are, but a restated lead in Japanese
    shares half its pairs with the lead (seed 000), so the CJK bar is lower than the Latin one
    on containment and on overlap."""
    if family(lang) in ("ja", "zh"):
        return jaccard(a, b) > 0.35 or containment(a, b) > 0.5 or containment(b, a) > 0.6
    return jaccard(a, b) > 0.5 or containment(a, b) > 0.7


# a CJK character or a Latin/digit run: the unit of title overlap for ja/zh, where word
# segmenters split names badly (李/強首/相) but character pairs still match
CJK_UNIT = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+"
)


def latin_terms(text: str) -> list[str]:
    """Words of Latin-script text, case- and width-folded (no Han folding needed)."""
    return [unicodedata.normalize("NFKC", w).casefold() for w in latin_words(text)]


def char_pairs(text: str) -> frozenset[tuple[str, str]]:
    units = CJK_UNIT.findall(fold(text))
    return frozenset(itertools.pairwise(units))
