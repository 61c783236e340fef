"""Document → Brief: pick 2–3 sentences in reading order, then the key points.

Sentences are scored by the model learned from real news (:mod:`briefing.summarize.learned`)
and taken best first, skipping one whose terms mostly repeat a sentence already chosen (wire
copy often restates its lead a few paragraphs down). Length follows what cross-validation on
the training sets chose per language: at most ``max_sentences``, and two when they already
reach ``full_words``, because the human standfirsts are 1–2 sentences and a third long sentence
is mostly padding.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from briefing.model import Brief, Document
from briefing.summarize.features import DANGLING, features, sentence_size
from briefing.summarize.keypoints import key_points
from briefing.summarize.learned import Model, model_for
from briefing.summarize.rank import SUMY_METHODS, Analysis, analyse, containment, near_duplicate
from briefing.summarize.sentences import Sentence
from briefing.summarize.standalone import continues, stands_alone
from briefing.text.scripts import family

METHOD = "briefing"
"""Our method: the learned scorer over position, title, length, cue and centroid features."""
LEAD = "lead-3"
METHODS: tuple[str, ...] = (METHOD, LEAD, *SUMY_METHODS)
"""Every name ``summarize`` accepts: ours, the lead baseline, each plain sumy method."""


@dataclass(frozen=True)
class _Keyed:
    """A document for :func:`functools.lru_cache`, hashed by what its brief depends on (not
    by its whole text, which hashing on every call would cost)."""

    key: tuple[str, ...]
    doc: Document = field(compare=False, hash=False)


def choose_sentences(
    sentences: Sequence[Sentence],
    terms: Sequence[frozenset[Any]],
    scores: Sequence[float],
    lang: str,
    model: Model,
    title_terms: frozenset[Any] = frozenset(),
) -> list[int]:
    """Indices of the brief's sentences, in reading order.

    Greedy: first the best-scored sentence (its score already weighs the title), then at each
    step the sentence with the best score plus ``model.coverage`` times the share of the title
    it adds to what the brief already covers (a brief should say the whole headline, not one
    half of it twice; as a bonus on the first pick too, it let a quote that named the title's
    words push the lead out of a Japanese brief), skipping near-duplicates of a chosen
    sentence, sentences that cannot stand alone (:mod:`briefing.summarize.standalone`), and
    openers that lean on a sentence the brief leaves out (the text's first sentence leans only
    on the title, and the best sentence leaning on the lead brings the lead, then follows
    it); ``model.redundancy`` times the
    share of a candidate's terms the brief already has is taken off its score (chosen, like
    the bonus, by cross-validation per language); stops at the model's length rule.
    """
    candidates = [i for i, s in enumerate(scores) if s > -math.inf]
    # the text's first quotable sentence leans on nothing the reader misses: the title stands
    # right above the brief ("她的儿子说，她死于中风" under "安妮·赖斯去世"), unless it carries
    # on from a statement (中国则…), which a title never is
    opening = candidates[0] if candidates else -1
    if opening >= 0 and continues(sentences[opening].text, lang):
        opening = -1
    chosen: list[int] = []
    size = 0.0
    leans = DANGLING.get(family(lang))
    covered: frozenset[Any] = frozenset()
    bonus = model.coverage if title_terms else 0.0
    said: frozenset[Any] = frozenset()  # every term the brief has so far
    follows = -1  # the best sentence, leaning on the lead the brief just took: it comes next
    while candidates:
        if follows in candidates:
            k = candidates.index(follows)
        elif chosen and (bonus or model.redundancy):
            value = [
                scores[i]
                + (
                    bonus * len((title_terms & terms[i]) - covered) / len(title_terms)
                    if bonus
                    else 0.0
                )
                - model.redundancy * containment(terms[i], said)
                for i in candidates
            ]
            k = max(range(len(candidates)), key=lambda k: (value[k], -candidates[k]))
        else:
            k = max(range(len(candidates)), key=lambda k: (scores[candidates[k]], -candidates[k]))
        i = candidates.pop(k)
        # both ways: a one-line standfirst restated, with more, by the next sentence is a
        # duplicate whichever of the two was picked first (field: "Five agitators were killed…")
        if any(
            near_duplicate(terms[i], terms[j], lang) or near_duplicate(terms[j], terms[i], lang)
            for j in chosen
        ):
            continue
        if not stands_alone(sentences[i].text, terms[i], title_terms):
            # a brief states the news; a question is a hook for the next sentence ("你还是只
            # 准备一棵圣诞树吗？" opened the brief of a story about second Christmas trees),
            # "文章摘要如下:" announces it, "“We will fight." is half a quote, and a
            # sentence that only says the headline again adds nothing to the title above it
            continue
        if (
            leans is not None
            and i != opening
            and i - 1 not in chosen
            and leans.match(sentences[i].text)
        ):
            # "这是…", "中国则…", "まず一つの違いは…", "He said…": it needs the sentence
            # before it, which the brief does not show; when it is the best sentence and
            # leans on the lead, the brief takes the lead first, then this ("同时,人工智能带来
            # 的风险…" is read after the lead it follows)
            if not chosen and i - 1 == opening and opening in candidates:
                candidates.remove(i - 1)
                candidates.insert(0, i)  # back in the pool: the next pick
                follows, i = i, i - 1
                if not stands_alone(sentences[i].text, terms[i], title_terms):
                    continue
            else:
                continue
        chosen.append(i)
        covered = covered | (title_terms & terms[i])
        said = said | terms[i]
        size += sentence_size(sentences[i].text, lang)
        if len(chosen) >= model.max_sentences or (len(chosen) >= 2 and size >= model.full_words):
            break
    if len(chosen) < 2:
        chosen.extend(_fallback(sentences, lang, chosen, 2 - len(chosen)))
    return sorted(chosen)


def score_sentences(analysis: Analysis, model: Model) -> list[float]:
    """The learned score of every sentence of ``analysis`` (−inf: not quotable)."""
    rows = features(analysis.sentences, analysis.terms(), analysis.title_terms(), analysis.lang)
    return model.score(rows)


def _fallback(
    sentences: Sequence[Sentence], lang: str, chosen: list[int], wanted: int
) -> list[int]:
    """No complete sentence left (bullet lists, captions only): take the longest fragments."""
    rest = [i for i in range(len(sentences)) if i not in chosen]
    rest.sort(key=lambda i: (-min(sentence_size(sentences[i].text, lang), 40), i))
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
    return _brief(method, _Keyed((doc.id, doc.content_hash or doc.text, doc.title, doc.lang), doc))


@lru_cache(maxsize=256)
def _brief(method: str, keyed: _Keyed) -> Brief:
    return _summarize(keyed.doc, method)


def _analysis(doc: Document) -> Analysis:
    """The split, tokenized document; the last one is kept because ``briefing eval`` runs every
    method on one document before moving on, and tokenizing is most of the cost."""
    title = "" if doc.title_derived else doc.title
    return _analysed(_Keyed((doc.id, doc.content_hash or doc.text, title, doc.lang), doc))


@lru_cache(maxsize=1)
def _analysed(keyed: _Keyed) -> Analysis:
    title = keyed.key[2]
    return analyse(keyed.doc.paragraphs, keyed.doc.lang, title)


def _summarize(doc: Document, method: str) -> Brief:
    analysis = _analysis(doc)
    if not analysis.sentences:
        return Brief(doc.id, (), (), method)
    if method != METHOD:
        chosen = _baseline(analysis, method)
        return Brief(doc.id, tuple(analysis.sentences[i].text for i in chosen), (), method)
    model = model_for(analysis.lang)
    scores = score_sentences(analysis, model)
    chosen = choose_sentences(
        analysis.sentences, analysis.terms(), scores, analysis.lang, model, analysis.title_terms()
    )
    points = key_points(analysis, scores, chosen)
    return Brief(doc.id, tuple(analysis.sentences[i].text for i in chosen), points, method)
