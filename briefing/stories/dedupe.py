"""Exact and near-duplicate articles: the same wire story in two files, an item repeated.

Duplicates are shown once with "also in: …", never dropped, so this module only says which
article stands for which. Exact copies share a hash of their normalised text. Near copies (a
changed headline, a credit line added, a paragraph cut) are found by MinHash over shingles of
normalised tokens, blocked with LSH bands so no one compares every pair, and each candidate
pair is then checked with the exact Jaccard of its shingle sets: the bands only decide what to
check, never what is a duplicate.

Everything is seeded and hashed with stable functions (crc32, fixed multipliers), never Python's
``hash()`` of a string, which changes between runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from briefing.model import Document
from briefing.stories.unionfind import UnionFind
from briefing.text.scripts import to_simplified

# one token for shingling: a single Han/kana/hangul character, or a run of other letters/digits
TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"
    r"|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+"
)

SHINGLE = 5
"""Tokens per shingle: five CJK characters or five words; long enough that two unrelated
articles on one topic share few."""
BANDS, ROWS = 20, 3
"""LSH: 60 MinHash values in 20 bands of 3. A pair at Jaccard 0.5 becomes a candidate with
probability 0.94, at 0.2 with 0.15, so true duplicates are checked and little else is."""
NEAR_JACCARD = 0.6
"""Shingle-set Jaccard from which two articles are near-duplicates."""
NEAR_CONTAINMENT = 0.9
"""Or: this share of the shorter article's shingles is in the longer one (a cut copy)."""
MIN_SHINGLES = 20
"""Shorter texts are compared exactly only: a few shared shingles prove nothing."""
BIG_BUCKET = 64
"""An LSH bucket this full is checked against its first member only, so 1,000 copies of one
item cost 1,000 checks, not 500,000."""

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_RNG = np.random.default_rng(20250726)
_SEEDS = _RNG.integers(1, 2**63 - 1, size=(BANDS * ROWS, 1), dtype=np.uint64)
_MULT = _RNG.integers(1, 2**63 - 1, size=(BANDS * ROWS, 1), dtype=np.uint64) | np.uint64(1)
_POSITION = _RNG.integers(1, 2**63 - 1, size=SHINGLE, dtype=np.uint64) | np.uint64(1)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article shown under another one: "also in: …"."""

    doc_id: str
    of: str
    """The article that stands for both: the earliest (then by id), or a much fuller copy."""
    kind: str
    """``exact`` (same text once normalised) or ``near``."""
    similarity: float
    """Jaccard of the shingle sets (1.0 for exact copies)."""


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(to_simplified(unicodedata.normalize("NFKC", text).casefold()))


def _token_ids(tokens: Sequence[str]) -> np.ndarray:
    ids = [ord(t) if len(t) == 1 else zlib.crc32(t.encode("utf-8")) | (1 << 32) for t in tokens]
    return np.asarray(ids, dtype=np.uint64)


def shingles(text: str) -> np.ndarray:
    """The sorted distinct shingle hashes of ``text`` (uint64)."""
    return _shingles(_tokens(text))


def _shingles(tokens: Sequence[str]) -> np.ndarray:
    ids = _token_ids(tokens)
    if ids.size == 0:
        return ids
    if ids.size < SHINGLE:
        ids = np.concatenate([ids, np.zeros(SHINGLE - ids.size, dtype=np.uint64)])
    count = ids.size - SHINGLE + 1
    with np.errstate(over="ignore"):
        hashed = np.zeros(count, dtype=np.uint64)
        for j in range(SHINGLE):
            hashed = hashed * np.uint64(31) + ids[j : j + count] * _POSITION[j]
    return np.unique(hashed)


def minhash(shingle_set: np.ndarray) -> np.ndarray:
    """60 MinHash values: each a different mixing of the shingle hashes, minimised."""
    if shingle_set.size == 0:
        return np.full(BANDS * ROWS, _MASK, dtype=np.uint64)
    with np.errstate(over="ignore"):
        mixed = (shingle_set[np.newaxis, :] ^ _SEEDS) * _MULT
        mixed ^= mixed >> np.uint64(29)
    return np.asarray(mixed.min(axis=1), dtype=np.uint64)


def _similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two sorted shingle sets."""
    if a.size == 0 or b.size == 0:
        return 0.0, 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter), inter / min(a.size, b.size)


def _body_hash(tokens: Sequence[str]) -> str:
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).hexdigest()


FULLER = 1.2
"""A copy this much longer (in shingles) stands for the others even if it came later: it is
the one that lost nothing."""


def _keeper(docs: Sequence[Document], members: Sequence[int], sizes: Mapping[int, int]) -> int:
    """Which copy stands for the others: the earliest dated (then by id), unless another copy
    is :data:`FULLER` than it, in which case the fullest."""

    def first(i: int) -> tuple[int, str]:
        date = docs[i].date
        return (date.toordinal() if isinstance(date, dt.date) else 10**7, docs[i].id)

    keeper = min(members, key=first)
    fullest = max(members, key=lambda i: (sizes[i], [-ord(c) for c in docs[i].id]))
    return fullest if sizes[fullest] >= FULLER * sizes[keeper] else keeper


def find_duplicates(docs: Sequence[Document]) -> dict[str, Duplicate]:
    """Each duplicate article's id → the article shown in its place (keepers are absent)."""
    n = len(docs)
    union = UnionFind(n)
    hashes: list[str] = []
    first: dict[str, int] = {}
    sets: dict[int, np.ndarray] = {}
    for i, doc in enumerate(docs):
        tokens = _tokens(doc.text)
        # a body this short ("correct description") is a copy only under the same title too
        short = len(tokens) < MIN_SHINGLES
        key = _body_hash([*_tokens(doc.title), "\n", *tokens] if short else tokens)
        hashes.append(key)
        if key in first:
            union.union(first[key], i)
        else:
            first[key] = i
            sets[i] = _shingles(tokens)
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, shingle_set in sets.items():
        if shingle_set.size < MIN_SHINGLES:
            continue
        signature = minhash(shingle_set)
        for band in range(BANDS):
            buckets[(band, signature[band * ROWS : (band + 1) * ROWS].tobytes())].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > BIG_BUCKET:
            candidates.update((members[0], j) for j in members[1:])
        else:
            candidates.update((a, b) for x, a in enumerate(members) for b in members[x + 1 :])
    for a, b in sorted(candidates):
        jaccard, containment = _similarity(sets[a], sets[b])
        if jaccard >= NEAR_JACCARD or containment >= NEAR_CONTAINMENT:
            union.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[union.find(i)].append(i)
    out: dict[str, Duplicate] = {}
    for members in groups.values():
        if len(members) < 2:
            continue

        def shingles_of(i: int) -> np.ndarray:
            return sets[first[hashes[i]]]

        sizes = {i: shingles_of(i).size for i in members}
        keeper = _keeper(docs, members, sizes)
        for i in members:
            if i == keeper:
                continue
            if hashes[i] == hashes[keeper]:
                kind, similarity = "exact", 1.0
            else:
                kind, similarity = "near", _similarity(shingles_of(i), shingles_of(keeper))[0]
            out[docs[i].id] = Duplicate(docs[i].id, docs[keeper].id, kind, round(similarity, 3))
    return out
