"""Sentence scores: sumy's rankers, plus the position, title and length signals news needs.

sumy does the ranking (we do not write a ranker); this module feeds it our own offline tokenizer
and reads every sentence's rating instead of only the top N. The trick is sumy's public
``sentences_count`` argument: it may be a callable that receives all ``SentenceInfo`` records
sorted by rating, so passing one that keeps them gives the full ranking from any summarizer
without touching its internals.

Plain sumy loses to lead-3 on news because news is written lead-first and because its rankers
favour long, central sentences (captions and quotes included). So the combined score adds:
position (earlier is better, smoothly), overlap with the title (the editor's own summary), and a
length prior (very short and very long sentences read badly in a brief). Ratings are turned into
percentile ranks first, because the methods' raw scales have nothing in common.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from briefing.summarize.sentences import Sentence, iter_sentences, split_sentences
from briefing.text.scripts import family, fold
from briefing.text.words import stemmer, sumy_language, words

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
    from sumy.utils import get_stop_words

    try:
        return frozenset(fold(w) for w in get_stop_words(sumy_language(lang)))
    except LookupError:
        return frozenset()


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
                self._terms = [self._content(s.words) for s in self.document.sentences]
        return self._terms

    def title_terms(self) -> frozenset[str]:
        return self._content([fold(w) for w in words(self.title, self.lang)])

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


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts in the combined score.

    Chosen on the eval sets with both halves checked separately (differences under ~0.5 ROUGE-2
    were noise there, so only signals that helped on both halves were kept). Centrality counts
    little: on lead-first news, sumy's own ranking loses to position (see ``briefing eval``),
    and it mostly breaks ties between sentences of equal position.
    """

    centrality: tuple[str, ...] = ("lexrank", "textrank")
    central: float = 0.3
    position: float = 1.0
    title: float = 2.0
    length: float = 0.5
    facts: float = 0.3
    """Numbers, dates and names: what an analyst needs (who, when, how many)."""
    dangling: float = 0.3
    """Penalty for an opening pronoun or connective: "He said…" names nobody out of context."""


# a number or a CJK numeral with a counter: "1,000", "30.2%", "三人", "21日"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[一二三四五六七八九十百千万億]+[人日月年件%％]")
# a name: a capitalised word not opening the sentence, or a katakana run (Japanese names)
NAME = re.compile(r"(?<=[\w,;:] )[A-ZÀ-Ý][\w'’-]+|[\u30a1-\u30fa\u30fc]{3,}")
# an opener that leans on the previous sentence (a pronoun or connective)
DANGLING = {
    "en": re.compile(
        r"^(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|And|However|Also|"
        r"Meanwhile|So|Then)\b"
    ),
    "fr": re.compile(
        r"^(?:Il|Elle|Ils|Elles|Ce|Cette|Ces|Cela|Ça|Mais|Et|Or|Pourtant|Cependant|Aussi|Puis|"
        r"Lui|Leur|Son|Sa|Ses)\b"
    ),
    "ja": re.compile(
        r"^(?:しかし|また|一方|これ|それ|この|その|同|さらに|だが|ただ|なお|そして|彼)"
    ),
    "zh": re.compile(r"^(?:但|而|他|她|它|这|這|此|此外|同时|同時|然而|因此|另外)"),
}
# a CJK character or a Latin/digit run: the unit of title overlap for ja/zh, where word
# segmenters split names badly (李/強首/相) but character pairs still match
CJK_UNIT = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+"
)


def char_pairs(text: str) -> frozenset[tuple[str, str]]:
    units = CJK_UNIT.findall(fold(text))
    return frozenset(itertools.pairwise(units))


def facts(text: str) -> float:
    """0…1: how many numbers and names the sentence carries (4 or more count as full)."""
    return min(1.0, (len(NUMBER.findall(text)) + len(NAME.findall(text))) / 4)


def length_prior(text: str, lang: str) -> float:
    """1 for a sentence of ordinary news length, falling off for very short or very long ones.

    Measured in words for spaced languages and in characters/2 for ja/zh (about one word per
    two characters), so one curve serves all.
    """
    n = len(text) / 2 if family(lang) in ("ja", "zh") else len(text.split())
    if n < 8:
        return n / 8
    if n > 40:
        return max(0.0, 1.0 - (n - 40) / 40)
    return 1.0


def _title_overlap(analysis: Analysis) -> list[float]:
    """Share of the title found in each sentence (character pairs for ja/zh, stems otherwise)."""
    if not analysis.title:
        return [0.0] * len(analysis.sentences)
    if family(analysis.lang) in ("ja", "zh"):
        title = char_pairs(analysis.title)
        if not title:
            return [0.0] * len(analysis.sentences)
        return [len(title & char_pairs(s.text)) / len(title) for s in analysis.sentences]
    title_terms = analysis.title_terms()
    return [containment(title_terms, t) for t in analysis.terms()]


def combined(analysis: Analysis, weights: Weights | None = None) -> list[float]:
    """Score every sentence; incomplete ones (captions, headings, credits) get −inf."""
    weights = weights or Weights()
    sents = analysis.sentences
    if not sents:
        return []
    central = [0.0] * len(sents)
    for method in weights.centrality:
        for i, r in enumerate(analysis.ratings(method)):
            central[i] += r / len(weights.centrality)
    title = _title_overlap(analysis)
    dangling = DANGLING.get(family(analysis.lang))
    scores: list[float] = []
    rank = 0
    for i, s in enumerate(sents):
        if not s.complete:
            scores.append(-math.inf)
            continue
        position = 1.0 / math.sqrt(1.0 + rank)  # among quotable sentences: captions don't count
        rank += 1
        score = (
            weights.central * central[i]
            + weights.position * position
            + weights.title * title[i]
            + weights.length * length_prior(s.text, analysis.lang)
            + weights.facts * facts(s.text)
        )
        if dangling is not None and dangling.match(s.text):
            score -= weights.dangling
        scores.append(score)
    return scores
