"""Documents, theme matches and briefs to JSON text and back, for the cache's rows.

JSON rather than pickle: a cache file is read by whatever briefing version the user runs next,
and a pickle of a dataclass that gained a field fails (or worse, loads wrongly), while a JSON
row that does not decode is simply a miss. Short keys keep a 10,000-article cache small; the
paragraphs are the bulk of it and stay as they are.

Anything that is not the document's own content is left out and filled in when a row is read:
the path it was found under (a relative path depends on the working directory), the id prefix
(it depends on the root the file was found under) and, for briefs, the id of the document (two
copies of one article share a brief).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from briefing.model import Brief, Document, Evidence, KeyPoint, Problem, ThemeMatch
from briefing.text.dates import iso

FILE_FORMAT = 3
"""The shape of a file row: 3 moved the paragraphs to their own column (:func:`encode_texts`),
2 added ``published``. A row of any other shape is a miss, read again from the file, never a
Document built from misplaced fields."""

TextsOf = Callable[[int, int, str, str], Sequence[str]]
"""What gives the paragraphs of a file's ``i``-th document, from its index, number of
paragraphs, title and content hash."""


class DecodeError(ValueError):
    """A row that is not what this version wrote: the caller treats it as a miss."""


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, TypeError) as err:
        raise DecodeError(str(err)) from None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encode_file(rel_id: str, docs: Sequence[Document], problems: Sequence[Problem]) -> str:
    """One file's documents (themes left out: they have their own key, paragraphs too: see
    :func:`encode_texts`; only their number is here) and problem messages."""
    rows = []
    for doc in docs:
        if not doc.id.startswith(rel_id):
            raise ValueError(f"document id {doc.id!r} does not start with {rel_id!r}")
        rows.append(
            [
                doc.id[len(rel_id) :],
                doc.title,
                doc.title_derived,
                iso(doc.date),
                doc.source,
                doc.lang,
                len(doc.paragraphs),
                doc.url,
                doc.author,
                doc.content_hash,
                iso(doc.published),
            ]
        )
    return _dumps({"v": FILE_FORMAT, "d": rows, "p": [p.message for p in problems]})


def encode_texts(docs: Sequence[Document]) -> str:
    """The paragraphs of a file's documents, kept apart from the rest so a reopen can skip them."""
    return _dumps([list(doc.paragraphs) for doc in docs])


def decode_texts(text: str) -> list[tuple[str, ...]]:
    """The paragraphs of :func:`encode_texts`, a tuple per document."""
    data = _loads(text)
    if not isinstance(data, list) or not all(
        isinstance(paras, list) and all(isinstance(p, str) for p in paras) for paras in data
    ):
        raise DecodeError("texts of another shape")
    return [tuple(paras) for paras in data]


def decode_file(
    text: str, rel_id: str, path: str, shared: dict[str, str] | None = None,
    texts: TextsOf | None = None,
) -> tuple[list[Document], list[Problem]]:  # fmt: skip
    """The documents and problems of :func:`encode_file`, under this run's id prefix and path.

    ``texts(i, n, title, hash)`` gives the ``i``-th document's ``n`` paragraphs (a cache hands over
    :class:`~briefing.model.StoredParagraphs`); without it they are empty, a row read for
    its metadata. ``shared`` (one dict for a whole reopen) keeps one copy of each source and
    language however many files hold it.
    """
    data = _loads(text)
    if not isinstance(data, dict) or data.get("v") != FILE_FORMAT:
        raise DecodeError("a file row of another format")
    table: dict[str, str] = {} if shared is None else shared
    try:
        docs = [
            Document(
                id=rel_id + suffix,
                path=path,
                title=title,
                title_derived=bool(derived),
                date=dt.date.fromisoformat(date) if date else None,
                source=table.setdefault(source, source) if source else source,
                lang=table.setdefault(lang, lang),
                paragraphs=(texts(index, int(paragraphs), title, content_hash) if texts else ()),
                url=url,
                author=author,
                content_hash=content_hash,
                published=dt.datetime.fromisoformat(published) if published else None,
            )
            for index, (
                suffix,
                title,
                derived,
                date,
                source,
                lang,
                paragraphs,
                url,
                author,
                content_hash,
                published,
            ) in enumerate(data["d"])
        ]
        problems = [Problem(path, message) for message in data["p"]]
    except (KeyError, TypeError, ValueError) as err:
        raise DecodeError(str(err)) from None
    return docs, problems


def encode_themes(matches: Sequence[ThemeMatch]) -> str:
    return _dumps(
        [
            [m.theme_id, m.score, [[e.term, e.paragraph, e.count] for e in m.evidence]]
            for m in matches
        ]
    )


def decode_themes(text: str) -> tuple[ThemeMatch, ...]:
    data = _loads(text)
    try:
        return tuple(
            ThemeMatch(theme_id, float(score), tuple(Evidence(t, p, c) for t, p, c in evidence))
            for theme_id, score, evidence in data
        )
    except (TypeError, ValueError) as err:
        raise DecodeError(str(err)) from None


def encode_brief(brief: Brief) -> str:
    return _dumps(
        {
            "s": list(brief.sentences),
            "k": [[k.text, k.paragraph] for k in brief.key_points],
            "m": brief.method,
        }
    )


def decode_brief(text: str, doc_id: str) -> Brief:
    data = _loads(text)
    try:
        return Brief(
            doc_id,
            tuple(str(s) for s in data["s"]),
            tuple(KeyPoint(t, int(p)) for t, p in data["k"]),
            str(data["m"]),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DecodeError(str(err)) from None
