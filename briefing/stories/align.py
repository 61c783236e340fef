"""Lining up what each outlet says: one row per fact, one column per article.

The units are an article's key points and the brief sentences they do not repeat (the lede
often carries the numbers: "plus de 1 000 participants"). Two units from different articles
belong in one row when they share rare anchors weighing at least :data:`MIN_ROW_WEIGHT`, one of
them distinctive: a name or number a few articles hold is enough, a weekday or a place is not,
and ``AI`` or ``中国`` in most articles never counts. Rows are built greedily, the
strongest pairs first, with at most one unit per article in a row, so a row never shows two
sentences of the same outlet. A unit no other article matches is a row of one: the points only
that outlet reports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from briefing.model import Brief, Document
from briefing.stories.anchors import MAX_SHARE, SURE, Anchor, Weights, label_for, text_anchors
from briefing.stories.group import pair_weight, shared_keys
from briefing.stories.story import SharedAnchor, Story, StoryIndex

MIN_ROW_WEIGHT = 1.5
"""Shared weight that puts two points in one row when one of the shared anchors is distinctive:
one name or number held by a few articles (Li Qiang, 1000: ≈2) is enough."""
MIN_ROW_SUPPORT = 2.5
"""Shared weight that does it without a distinctive anchor: a place, a date and a weekday."""


@dataclass(frozen=True, slots=True)
class Point:
    """A key point or brief sentence of one article."""

    doc_id: str
    text: str
    paragraph: int
    """Index into the article's paragraphs (-1 when not found)."""
    key_point: bool
    """False for a brief sentence."""


@dataclass(frozen=True, slots=True)
class AlignedRow:
    cells: tuple[Point | None, ...]
    """One per column of :class:`Alignment`; None where that article says nothing matching."""
    anchors: tuple[SharedAnchor, ...] = ()
    """What the cells share, heaviest first; empty for a point only one outlet reports."""

    @property
    def single(self) -> bool:
        """Only one outlet reports this point."""
        return sum(c is not None for c in self.cells) == 1


@dataclass(frozen=True, slots=True)
class Alignment:
    columns: tuple[str, ...]
    """Document ids, in the order given."""
    rows: tuple[AlignedRow, ...]
    """Rows shared by several articles first (in reading order), then single-outlet rows."""

    @property
    def shared(self) -> tuple[AlignedRow, ...]:
        return tuple(r for r in self.rows if not r.single)

    @property
    def singles(self) -> tuple[AlignedRow, ...]:
        return tuple(r for r in self.rows if r.single)


def _paragraph_of(doc: Document, text: str) -> int:
    probe = text.strip().rstrip("…")[:30]
    return next((i for i, p in enumerate(doc.paragraphs) if probe and probe in p), -1)


def points_of(doc: Document, brief: Brief) -> list[Point]:
    """Key points, plus brief sentences no key point repeats, in reading order."""
    points = [Point(doc.id, k.text, k.paragraph, True) for k in brief.key_points]
    cores = [k.text.strip().rstrip("…").strip() for k in brief.key_points]
    for sentence in brief.sentences:
        if any(c and (c in sentence or sentence in c) for c in cores):
            continue
        points.append(Point(doc.id, sentence, _paragraph_of(doc, sentence), False))

    def position(p: Point) -> tuple[int, int]:
        if p.paragraph < 0 or p.paragraph >= len(doc.paragraphs):
            return (len(doc.paragraphs), 0)
        found = doc.paragraphs[p.paragraph].find(p.text.strip().rstrip("…")[:30])
        return (p.paragraph, max(found, 0))

    return sorted(points, key=position)


def align(
    docs: Sequence[Document],
    brief_of: Callable[[Document], Brief],
    weights: Weights,
    known: Mapping[str, Mapping[str, Anchor]] | None = None,
) -> Alignment:
    """The aligned rows of ``docs`` (2 or more), with anchors weighed by the corpus ``weights``.

    ``known`` maps a document id to its article-level anchors (``StoryIndex.anchors``): a name
    introduced once with a title is then recognised in every point that writes it bare.
    """
    columns = tuple(d.id for d in docs)
    units: list[tuple[int, int, Point, dict[str, Anchor]]] = []
    for col, doc in enumerate(docs):
        doc_known = (known or {}).get(doc.id)
        for pos, point in enumerate(points_of(doc, brief_of(doc))):
            units.append((col, pos, point, text_anchors(point.text, doc_known)))

    pairs: list[tuple[float, int, int]] = []
    for x, (col_a, _, _, anchors_a) in enumerate(units):
        for y in range(x + 1, len(units)):
            col_b, _, _, anchors_b = units[y]
            if col_a == col_b:
                continue
            both = (anchors_a, anchors_b)
            keys = [k for k in shared_keys(*both) if weights.share(k) <= MAX_SHARE]
            score = sum(pair_weight(k, both, weights) for k in keys)
            sure = any(
                weights.distinctive(k) and min(a[k].confidence for a in both) >= SURE for k in keys
            )
            if score >= (MIN_ROW_WEIGHT if sure else MIN_ROW_SUPPORT):
                pairs.append((score, x, y))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))

    row_of: dict[int, int] = {}
    rows: list[dict[int, int]] = []  # column → unit index
    for _, x, y in pairs:
        rx, ry = row_of.get(x), row_of.get(y)
        if rx is None and ry is None:
            row_of[x] = row_of[y] = len(rows)
            rows.append({units[x][0]: x, units[y][0]: y})
        elif rx is not None and ry is None and units[y][0] not in rows[rx]:
            rows[rx][units[y][0]] = y
            row_of[y] = rx
        elif ry is not None and rx is None and units[x][0] not in rows[ry]:
            rows[ry][units[x][0]] = x
            row_of[x] = ry
    for i in range(len(units)):
        if i not in row_of:
            row_of[i] = len(rows)
            rows.append({units[i][0]: i})

    built: list[tuple[tuple[int, int, int], AlignedRow]] = []
    for members in rows:
        cells = tuple(units[members[c]][2] if c in members else None for c in range(len(columns)))
        held = [units[i][3] for i in members.values()]
        keys = sorted({k for a in held for k in a if sum(k in h for h in held) >= 2})
        shown = []
        for key in keys:
            weight = pair_weight(key, held, weights)
            if weights.share(key) > MAX_SHARE or key.startswith(("year:", "count:")):
                continue
            kind, value = key.split(":", 1)
            forms = [f for h in held if key in h for f in h[key].forms]
            holders = tuple(units[i][2].doc_id for i in members.values() if key in units[i][3])
            shown.append(
                SharedAnchor(key, kind, label_for(kind, value, forms), round(weight, 3), holders)
            )
        first = min((units[i][0], units[i][1]) for i in members.values())
        order = (int(len(members) == 1), *first)
        row = AlignedRow(cells, tuple(sorted(shown, key=lambda s: (-s.weight, s.key))))
        built.append((order, row))
    built.sort(key=lambda t: t[0])
    return Alignment(columns, tuple(row for _, row in built))


def align_story(
    story: Story,
    documents: Mapping[str, Document],
    brief_of: Callable[[Document], Brief],
    index: StoryIndex,
) -> Alignment:
    """The story's distinct articles side by side (a duplicate would only repeat its keeper)."""
    shown = {d.doc_id for d in story.duplicates}
    docs = [documents[i] for i in story.documents if i not in shown and i in documents]
    weights = index.weights or Weights(df={}, n=len(docs))
    return align(docs, brief_of, weights, index.anchors)
