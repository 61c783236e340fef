"""Grouping articles into stories: block by anchors, score pairs, join the strongest first.

The question is "which articles report the same event", across five languages, offline. Steps:

1. Duplicates (:mod:`.dedupe`) are set aside under the copy that stands for them.
2. Each remaining article gets its anchors (:mod:`.anchors`); each anchor its weight: the kind's
   weight times its rarity in this corpus (IDF, smoothed for small corpora), so ``AI`` in every
   article weighs little.
3. Blocking: only articles that share at least two *indexed* anchors are ever compared. An
   anchor is indexed when it is distinctive (a name, number or headline phrase in at most ~25%
   of the articles, extracted with confidence) and held by at most :data:`MAX_POSTING`
   articles; pairs dated further apart than :data:`WINDOW_DAYS` are skipped while blocking.
   The cost is the sum of the squared posting sizes, bounded by ``n × anchors × MAX_POSTING``
   instead of ``n²``.
4. A pair links when it shares two distinctive anchors (a name contained in a longer shared
   name counts once: ``qiang`` in ``li qiang``) and their weights reach :data:`MIN_SCORE`.
   With sentence vectors (:mod:`.meaning`), an anchor pair must also align in meaning, and
   pairs across languages are found by meaning too (:mod:`.match`: mutual best, sentence
   alignment, anchors as a bonus). Without vectors (the encoder did not load) a link needs
   :data:`ANCHORS_ONLY_DISTINCTIVE` anchors.
5. Links join stories strongest first (ties by id: deterministic), except when the joined
   story's dated articles would span more than :data:`WINDOW_DAYS`, or the join would not
   hold together (:class:`_Stories`: no two items of one file, no second article of a
   language not linked directly, every two members aligned). Undated articles carry no
   date and so never block a join; that is what lets undated reports (``samedi``, ``土曜日``)
   join the dated one, and what keeps a December commentary that recalls the July conference
   out of the July story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from briefing.model import Document
from briefing.stories.anchors import (
    MAX_SHARE,
    SURE,
    Anchor,
    Weights,
    document_anchors,
    label_for,
)
from briefing.stories.dedupe import Duplicate, find_duplicates
from briefing.stories.match import MIN_ALIGN, alignment, meaning_score, mutual_best
from briefing.stories.story import Link, SharedAnchor, Story, StoryIndex

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
COHESION = 0.3
MEAN_COHESION = 0.42
"""Sentence alignment (:func:`.match.alignment`) every two members of a story not linked
directly need, and their mean over a join: unrelated news across languages aligns at ~0.1,
the members of one story at 0.4–0.9. Stops A~B~C chains whose ends share nothing; a
newcomer must sit with the whole story, not with one member."""

if TYPE_CHECKING:
    import numpy as np

AnchorsOf = Callable[[Document], Mapping[str, Anchor]]


def _ordinal(doc: Document) -> int | None:
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


def _shared(
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


class _Stories:
    """Union-find over articles that keeps each set's date span and refuses incoherent joins.

    Chaining (A~B, B~C ⇒ A~C) is where false stories come from: each link plausible, the ends
    sharing nothing. A join is refused when some pair across the two sets is not :func:`close`
    (see :func:`group_stories`), or when it would put two articles of one language together that
    were not linked to each other directly (a second same-language report must earn its place
    on its own, not through a translation of the first). Two articles of one file never share
    a story: a feed, an export or an aggregator page lists each item once, and its items are
    alike in form (the same outlet's template, the same feed's topic), which is what misleads.
    """

    def __init__(
        self,
        dates: Sequence[int | None],
        langs: Sequence[str],
        close: Callable[[int, int], float],
        files: Sequence[str],
    ) -> None:
        self.parent = list(range(len(dates)))
        self.span = [(d, d) if d is not None else None for d in dates]
        self.members: list[list[int]] = [[i] for i in range(len(dates))]
        self.langs = langs
        self.close = close
        self.files = files
        self.direct: dict[tuple[int, int], float] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _coherent(self, ri: int, rj: int) -> bool:
        found = []
        for x in self.members[ri]:
            for y in self.members[rj]:
                pair = (min(x, y), max(x, y))
                if self.files[x] == self.files[y]:
                    return False
                if pair in self.direct:
                    found.append(self.direct[pair])
                    continue
                if self.langs[x] == self.langs[y]:
                    return False
                closeness = self.close(x, y)
                if closeness < COHESION:
                    return False
                found.append(closeness)
        return not found or sum(found) / len(found) >= MEAN_COHESION

    def join(self, i: int, j: int, strength: float) -> bool:
        self.direct[(min(i, j), max(i, j))] = strength
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        a, b = self.span[ri], self.span[rj]
        if a is not None and b is not None:
            lo, hi = min(a[0], b[0]), max(a[1], b[1])
            if hi - lo > WINDOW_DAYS:
                return False
            span: tuple[int, int] | None = (lo, hi)
        else:
            span = a or b
        if not self._coherent(ri, rj):
            return False
        root, other = min(ri, rj), max(ri, rj)
        self.parent[other] = root
        self.span[root] = span
        self.members[root] += self.members[other]
        self.members[other] = []
        return True


def _story_id(doc_ids: Sequence[str]) -> str:
    return "s" + hashlib.sha1("\n".join(sorted(doc_ids)).encode("utf-8")).hexdigest()[:7]


def _order(doc: Document) -> tuple[int, str]:
    return (_ordinal(doc) or 10**7, doc.id)


def _links(
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


def group_stories(
    docs: Sequence[Document],
    *,
    anchors_of: AnchorsOf = document_anchors,
    duplicates: Mapping[str, Duplicate] | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> StoryIndex:
    """Every article in exactly one story; deterministic for the same articles in any order.

    ``vectors`` are the articles' sentence vectors (:func:`briefing.library.vectors_for`); with
    none (the encoder did not load), stories rest on anchors alone.
    """
    docs = sorted(docs, key=lambda d: d.id)
    by_id = {d.id: d for d in docs}
    dups = dict(find_duplicates(docs) if duplicates is None else duplicates)
    reps = [d for d in docs if d.id not in dups]
    anchors = [dict(anchors_of(d)) for d in reps]
    df: Counter[str] = Counter(key for a in anchors for key in a)
    weights = Weights(df=dict(df), n=len(reps))
    dates = [_ordinal(d) for d in reps]

    vecs = [vectors.get(d.id) if vectors else None for d in reps]
    links = _links(reps, anchors, dates, weights, vecs)

    def close(x: int, y: int) -> float:
        """How much two members of a would-be story have to do with each other."""
        a, b = vecs[x], vecs[y]
        score, distinctive, _keys = score_pair(anchors[x], anchors[y], weights)
        if a is not None and b is not None:
            return meaning_score(alignment(a, b), score)
        return 1.0 if distinctive >= ANCHORS_ONLY_DISTINCTIVE - 1 else 0.0

    union = _Stories(dates, [d.lang for d in reps], close, [d.path for d in reps])
    tree: list[tuple[float, int, int, list[str]]] = []
    for link in links:
        if union.join(link[1], link[2], link[0] if vecs[link[1]] is not None else 1.0):
            tree.append(link)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(reps)):
        members[union.find(i)].append(i)
    strength: dict[int, float] = defaultdict(float)
    for score, i, j, _ in links:
        if union.find(i) == union.find(j):
            strength[i] += score
            strength[j] += score

    tree_of: dict[int, list[tuple[float, int, int, list[str]]]] = defaultdict(list)
    for link in tree:
        tree_of[union.find(link[1])].append(link)
    copies_of: dict[str, list[Duplicate]] = defaultdict(list)
    for dup in sorted(dups.values(), key=lambda d: d.doc_id):
        copies_of[dup.of].append(dup)

    stories = []
    for root, idx in members.items():
        group = [reps[i] for i in idx]
        lead = min(idx, key=lambda i: (-strength[i], *_order(reps[i])))
        copies = [c for g in group for c in copies_of.get(g.id, ())]
        everyone = sorted(group + [by_id[d.doc_id] for d in copies], key=_order)
        days = sorted(d.date for d in everyone if isinstance(d.date, dt.date))
        story_links = tuple(
            Link(
                reps[i].id,
                reps[j].id,
                round(score, 3),
                _shared(keys, weights, [anchors[i], anchors[j]], [reps[i].id, reps[j].id]),
            )
            for score, i, j, keys in tree_of.get(root, ())
        )
        stories.append(
            Story(
                id=_story_id([d.id for d in everyone]),
                label=reps[lead].title,
                lead=reps[lead].id,
                start=days[0] if days else None,
                end=days[-1] if days else None,
                languages=tuple(dict.fromkeys(d.lang for d in everyone)),
                sources=tuple(dict.fromkeys(d.source for d in everyone if d.source)),
                documents=tuple(d.id for d in everyone),
                duplicates=tuple(sorted(copies, key=lambda d: d.doc_id)),
                anchors=_story_anchors(idx, anchors, reps, weights) if len(idx) > 1 else (),
                links=story_links,
            )
        )
    stories.sort(key=_story_order)
    return StoryIndex(
        stories=tuple(stories),
        duplicates=dups,
        anchors={d.id: a for d, a in zip(reps, anchors, strict=True)},
        weights=weights,
    )


def _story_anchors(
    idx: Sequence[int],
    anchors: Sequence[Mapping[str, Anchor]],
    reps: Sequence[Document],
    weights: Weights,
) -> tuple[SharedAnchor, ...]:
    """Anchors held by two or more members, minus themes and near-zero ones, heaviest first."""
    held: Counter[str] = Counter(key for i in idx for key in anchors[i])
    keys = [k for k, c in held.items() if c >= 2 and not k.startswith("theme:")]
    names = [k[5:] for k in keys if k.startswith("name:")]
    keys = [
        k
        for k in keys
        if not (k.startswith("name:") and any(k[5:] in o and k[5:] != o for o in names))
        and weights.weight(k) >= 0.2
    ]
    return _shared(keys, weights, [anchors[i] for i in idx], [reps[i].id for i in idx])


def _story_order(story: Story) -> tuple[int, int, str]:
    """Most-covered stories first, then the newest, then by id."""
    newest = story.end.toordinal() if story.end else 0
    return (-story.size, -newest, story.id)


_last_lock = threading.Lock()
_last: list[tuple[str, StoryIndex]] = []


def _fingerprint(docs: Sequence[Document]) -> str:
    digest = hashlib.sha1()
    for doc in sorted(docs, key=lambda d: d.id):
        when = doc.date.isoformat() if isinstance(doc.date, dt.date) else "-"
        parts = (doc.id, doc.content_hash or doc.text, when, ",".join(doc.theme_ids))
        digest.update("\t".join(parts).encode("utf-8", "replace") + b"\n")
    return digest.hexdigest()


def stories_for(
    docs: Sequence[Document], vectors: Mapping[str, np.ndarray] | None = None
) -> StoryIndex:
    """:func:`group_stories`, remembered for the last corpus asked about.

    The reader's compare view needs the corpus's anchor weights each time it opens; grouping
    10,000 articles again each time would cost seconds.
    """
    key = _fingerprint(docs) + ("+meaning" if vectors else "")
    with _last_lock:
        if _last and _last[0][0] == key:
            return _last[0][1]
    index = group_stories(docs, vectors=vectors)
    with _last_lock:
        _last[:] = [(key, index)]
    return index
