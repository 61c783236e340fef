"""The reader's briefs of a whole folder, each kept as one string until it is shown.

The reader holds a brief for every article so the preview, compare and export never wait, but
a :class:`~briefing.model.Brief` is a dozen objects (the brief, two tuples, a string per
sentence and key point, a :class:`~briefing.model.KeyPoint` each): 50,000 of them took
110 MB, half of it object headers. Here each brief is its method, sentences and key points
joined into one string (or its UTF-8 bytes when that is smaller: one ``’`` makes Python store
a whole Latin text at two bytes a character), and a :class:`Brief` is made again, equal to
the one stored, when something reads it: the reader reads a handful at a time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, MutableMapping, Sequence

from briefing.model import Brief, KeyPoint

FIELD = "\x1e"
"""Between the parts of a packed brief (record separator: the loader never keeps control
characters in an article's text; a brief that has one anyway is kept unpacked)."""
POINT = "\x1f"
"""Between a key point's paragraph and its text."""

Packed = str | bytes | Brief


def pack(brief: Brief) -> Packed:
    """``brief`` as one string or its UTF-8 bytes, whichever is smaller; the brief itself
    when its text holds a separator."""
    pieces = (*brief.sentences, *(k.text for k in brief.key_points), brief.method)
    if any(FIELD in p or POINT in p for p in pieces):
        return brief
    joined = FIELD.join(
        (
            brief.method,
            str(len(brief.sentences)),
            *brief.sentences,
            *(f"{k.paragraph}{POINT}{k.text}" for k in brief.key_points),
        )
    )
    if joined.isascii():
        return joined
    encoded = joined.encode("utf-8")
    return encoded if sys.getsizeof(encoded) < sys.getsizeof(joined) else joined


def unpack(doc_id: str, packed: Packed) -> Brief:
    """The brief :func:`pack` was given (with ``doc_id``, which is the mapping's key)."""
    if isinstance(packed, Brief):
        return packed
    text = packed.decode("utf-8") if isinstance(packed, bytes) else packed
    method, count, *rest = text.split(FIELD)
    n = int(count)
    points = []
    for piece in rest[n:]:
        paragraph, _, point = piece.partition(POINT)
        points.append(KeyPoint(point, int(paragraph)))
    return Brief(doc_id, tuple(rest[:n]), tuple(points), method)


class PackedBriefs(MutableMapping[str, Brief]):
    """Document id → brief, stored packed (:func:`pack`); reads give an equal :class:`Brief`."""

    def __init__(self) -> None:
        self._packed: dict[str, Packed] = {}

    def __getitem__(self, doc_id: str) -> Brief:
        return unpack(doc_id, self._packed[doc_id])

    def __setitem__(self, doc_id: str, brief: Brief) -> None:
        self._packed[doc_id] = pack(brief if brief.doc_id == doc_id else _renamed(brief, doc_id))

    def add_packed(self, pairs: Sequence[tuple[str, Packed]]) -> frozenset[str]:
        """Store (document id, :func:`pack`'s form) pairs; their document ids. The reader's
        worker packs each brief as it comes (50,000 cached ones take a third of a second to
        pack, too long for the event loop), and hands them over in batches."""
        self._packed.update(pairs)
        return frozenset(doc_id for doc_id, _ in pairs)

    def __delitem__(self, doc_id: str) -> None:
        del self._packed[doc_id]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _renamed(brief: Brief, doc_id: str) -> Brief:
    return Brief(doc_id, brief.sentences, brief.key_points, brief.method)
