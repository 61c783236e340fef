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
   hold together (:class:`~.union.Stories`: no two items of one file, no second article of a
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
    Anchor,
    Weights,
    document_anchors,
)
from briefing.stories.dedupe import Duplicate, find_duplicates
from briefing.stories.match import alignment, meaning_score
from briefing.stories.pairs import (
    ANCHORS_ONLY_DISTINCTIVE,
    WINDOW_DAYS,
    links_between,
    ordinal,
    pair_weight,
    score_pair,
    shared_anchors,
    shared_keys,
)
from briefing.stories.story import Link, SharedAnchor, Story, StoryIndex
from briefing.stories.union import Stories
from briefing.text.dates import iso

if TYPE_CHECKING:
    import numpy as np

AnchorsOf = Callable[[Document], Mapping[str, Anchor]]


def _story_id(doc_ids: Sequence[str]) -> str:
    return "s" + hashlib.sha1("\n".join(sorted(doc_ids)).encode("utf-8")).hexdigest()[:7]


def _order(doc: Document) -> tuple[int, str]:
    return (ordinal(doc) or 10**7, doc.id)


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
    dates = [ordinal(d) for d in reps]

    vecs = [vectors.get(d.id) if vectors else None for d in reps]
    links = links_between(reps, anchors, dates, weights, vecs)

    def close(x: int, y: int) -> float:
        """How much two members of a would-be story have to do with each other."""
        a, b = vecs[x], vecs[y]
        score, distinctive, _keys = score_pair(anchors[x], anchors[y], weights)
        if a is not None and b is not None:
            return meaning_score(alignment(a, b), score)
        return 1.0 if distinctive >= ANCHORS_ONLY_DISTINCTIVE - 1 else 0.0

    union = Stories(dates, [d.lang for d in reps], close, [d.path for d in reps])
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
                shared_anchors(keys, weights, [anchors[i], anchors[j]], [reps[i].id, reps[j].id]),
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
    return shared_anchors(keys, weights, [anchors[i] for i in idx], [reps[i].id for i in idx])


def _story_order(story: Story) -> tuple[int, int, str]:
    """Most-covered stories first, then the newest, then by id."""
    newest = story.end.toordinal() if story.end else 0
    return (-story.size, -newest, story.id)


_last_lock = threading.Lock()
_last: list[tuple[str, StoryIndex]] = []


def _fingerprint(docs: Sequence[Document]) -> str:
    digest = hashlib.sha1()
    for doc in sorted(docs, key=lambda d: d.id):
        when = iso(doc.date) or "-"
        parts = (doc.id, doc.content_hash or doc.text, when, ",".join(doc.theme_ids))
        digest.update("\t".join(parts).encode("utf-8", "replace") + b"\n")
    return digest.hexdigest()


def stories_for(
    docs: Sequence[Document],
    vectors: Mapping[str, np.ndarray] | None = None,
    duplicates: Mapping[str, Duplicate] | None = None,
) -> StoryIndex:
    """:func:`group_stories`, remembered for the last corpus asked about.

    The reader's compare view needs the corpus's anchor weights each time it opens; grouping
    10,000 articles again each time would cost seconds.
    """
    key = _fingerprint(docs) + ("+meaning" if vectors else "")
    with _last_lock:
        if _last and _last[0][0] == key:
            return _last[0][1]
    index = group_stories(docs, vectors=vectors, duplicates=duplicates)
    with _last_lock:
        _last[:] = [(key, index)]
    return index


__all__ = [
    "WINDOW_DAYS",
    "group_stories",
    "pair_weight",
    "score_pair",
    "shared_keys",
    "stories_for",
]
