"""The three cached steps of a build: files, theme matches and briefs (see :mod:`.step`).

Each says how its results are keyed, read back from the cache and written to it; the loop
that runs them is the same (:func:`briefing.cache.step.run`). Versions are part of the keys:
a new loader, theme set or summarizer misses every old row, and its first store drops them.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefing import __version__, summarize
from briefing.cache import tasks
from briefing.cache.codec import (
    DecodeError,
    decode_brief,
    decode_file,
    decode_themes,
    encode_brief,
    encode_file,
    encode_texts,
    encode_themes,
)
from briefing.cache.db import Cache, FileRow
from briefing.cache.step import Step
from briefing.cache.tasks import FileItem, LoadedFile, Matches
from briefing.cache.texts import StoredTexts
from briefing.corpus import assemble
from briefing.corpus.walk import display_path
from briefing.model import Brief, Document, Problem, Theme
from briefing.themes import themes_version

ThemeKey = tuple[str, str]
BriefKey = tuple[str, str, int]


def loader_version() -> str:
    return f"{__version__}+{assemble.LOADER_VERSION}"  # read at call time: tests bump it


def summarizer_version() -> str:
    return f"{__version__}+{summarize.SUMMARIZER_VERSION}"


def theme_set_version(themes: Sequence[Theme]) -> str:
    return f"{__version__}+{themes_version(themes)}"


def file_step(
    cache: Cache | None, themes: Sequence[Theme], max_bytes: int,
    absolute: Mapping[str, str] | None = None,
) -> Step[FileItem, str, LoadedFile]:  # fmt: skip
    """Files by absolute path, valid while size, mtime and the loader version (with the limits
    the file was read under) are unchanged. A cached file comes back with its theme matches
    ``None``: they have their own key (:func:`theme_step`). Documents matched while loading
    (in worker processes) store their matches too; in this process the file step only reads,
    and the theme step matches next, so the rows are there first. ``absolute``: each item's
    absolute path by its path, when the caller made them already
    (:func:`briefing.corpus.walk.absolute_paths`)."""
    stats: dict[str, os.stat_result | None] = {}
    known = absolute or {}
    themes_key = theme_set_version(themes)
    strings: dict[str, str] = {}  # one copy of each source and language (codec.decode_file)
    stored = StoredTexts(cache, _read_again) if cache else None

    versions: dict[int, str] = {}  # by the Limits object: one f-string a run, not one a file

    def version(item: FileItem) -> str:
        limits = item[3]
        if id(limits) not in versions:
            versions[id(limits)] = f"{loader_version()}+{limits.key()}"
        return versions[id(limits)]

    def key(item: FileItem) -> str:
        path = known.get(item[0]) or os.path.abspath(item[0])
        try:
            stats[path] = os.stat(item[0])
        except OSError:
            stats[path] = None
        return path

    items_by_path: dict[str, FileItem] = {}

    def keyed(item: FileItem) -> str:
        path = key(item)
        items_by_path[path] = item
        return path

    def lookup(paths: Sequence[str]) -> Mapping[str, LoadedFile]:
        rows = cache.files(list(paths)) if cache else {}
        out: dict[str, LoadedFile] = {}
        for path, row in rows.items():
            shown, rel, *_ = item = items_by_path[path]
            st = stats.get(path)
            if st is None or st.st_size > max_bytes:
                continue
            if (row.rel, row.size, row.mtime_ns, row.loader) != (
                rel, st.st_size, st.st_mtime_ns, version(item)
            ):  # fmt: skip
                continue
            with contextlib.suppress(DecodeError):  # written by something else: read again
                texts = functools.partial(stored.paragraphs, path, item) if stored else None
                shown_as = display_path(shown)
                shown_as = path if shown_as == path else shown_as  # one string for both
                docs, probs = decode_file(row.payload, rel, shown_as, strings, texts)
                out[path] = (docs, probs, False, None)
        return out

    def store(pairs: Sequence[tuple[FileItem, LoadedFile]]) -> None:
        if cache is None:
            return
        file_rows, theme_rows = [], []
        for item, (docs, probs, cacheable, matches) in pairs:
            shown, rel = item[0], item[1]
            for doc, found in zip(docs, matches or (), strict=False):
                if doc.content_hash and not isinstance(found, Problem):
                    theme_rows.append((doc.content_hash, doc.lang, encode_themes(found)))
            path = os.path.abspath(shown)
            st = stats.get(path)
            # ids are stored without their prefix (it depends on the root the file was found in)
            prefixed = all(doc.id.startswith(rel) for doc in docs)
            if cacheable and prefixed and st is not None and st.st_size <= max_bytes:
                payload = encode_file(rel, docs, probs)
                row = FileRow(rel, st.st_size, st.st_mtime_ns, version(item), payload,
                              encode_texts(docs))  # fmt: skip
                file_rows.append((path, row))
        cache.store_files(file_rows)
        cache.store_themes(theme_rows, themes_key)

    return Step(keyed, lookup, tasks.load_files, store, (tuple(themes),), local_args=(None,))


def _read_again(item: FileItem) -> list[Document]:
    """A cached file's documents read from the file itself, when the cache cannot give their
    text (:mod:`.texts`); none when it cannot be read in its time limit."""
    from pathlib import Path

    from briefing.corpus import load  # the parsers: only a file the cache cannot give needs them
    from briefing.corpus.limits import Deadline, TimeLimitExceeded

    path, rel, max_bytes, limits = item
    try:
        return load.documents_from_file(Path(path), rel, max_bytes, limits,
                                        Deadline(limits.time_limit))[0]  # fmt: skip
    except TimeLimitExceeded:
        return []


def theme_step(cache: Cache | None, themes: Sequence[Theme]) -> Step[Document, ThemeKey, Matches]:
    """Theme matches by content hash and language, for this theme set."""
    version = theme_set_version(themes)
    decoded: dict[str, Matches] = {}
    """Matches by payload: copies and follow-ups of one story match the same themes on the
    same terms, and share one decoded tuple (half the theme rows of a big folder)."""

    def lookup(keys: Sequence[ThemeKey]) -> Mapping[ThemeKey, Matches]:
        out: dict[ThemeKey, Matches] = {}
        for key, payload in (cache.themes(keys, version) if cache else {}).items():
            if payload in decoded:
                out[key] = decoded[payload]
                continue
            with contextlib.suppress(DecodeError):  # unreadable row: match again
                out[key] = decoded[payload] = decode_themes(payload)
        return out

    def store(pairs: Sequence[tuple[Document, Matches]]) -> None:
        rows = [
            (doc.content_hash, doc.lang, encode_themes(found))
            for doc, found in pairs
            if not isinstance(found, Problem)
        ]
        if cache is not None:
            cache.store_themes(rows, version)

    return Step(
        lambda doc: (doc.content_hash, doc.lang),
        lookup,
        tasks.match_themes,
        store,
        (tuple(themes),),
    )


def brief_key(doc: Document) -> BriefKey:
    """Copies of one article share a brief; a document without text hash is its own."""
    return (doc.content_hash or f"id:{doc.id}", doc.lang, int(doc.title_derived))


def brief_step(cache: Cache | None) -> Step[Document, BriefKey, Brief | Problem]:
    """Briefs by content hash, language and whether the title was derived (the summarizer
    reads the title), for this summarizer version."""
    version = summarizer_version()

    def lookup(keys: Sequence[BriefKey]) -> Mapping[BriefKey, Brief | Problem]:
        hashed = [k for k in keys if not k[0].startswith("id:")]
        stored = cache.briefs(hashed, version) if cache else {}
        out: dict[BriefKey, Brief | Problem] = {}
        for key, payload in stored.items():
            with contextlib.suppress(DecodeError):
                out[key] = decode_brief(payload, "")
        return out

    def store(pairs: Sequence[tuple[Document, Brief | Problem]]) -> None:
        rows = [
            (doc.content_hash, doc.lang, int(doc.title_derived), encode_brief(result))
            for doc, result in pairs
            if doc.content_hash and isinstance(result, Brief)
        ]
        if cache is not None:
            cache.store_briefs(rows, version)

    return Step(brief_key, lookup, tasks.summarize_docs, store, cheap_keys=True)


def for_document(result: Brief | Problem, doc: Document) -> Brief | Problem:
    """A shared result made out for one of the documents that share it."""
    if isinstance(result, Problem):
        return replace(result, path=doc.path)
    return replace(result, doc_id=doc.id)


VectorKey = tuple[str, str, int]


def vector_step(cache: Cache | None) -> Step[Document, VectorKey, bytes | None]:
    """Sentence vectors (float16 bytes, :mod:`briefing.stories.meaning`) by the brief's key, for
    this encoder version: a changed article or another encoder recomputes, a copy does not."""
    from briefing.stories.meaning import VERSION

    def lookup(keys: Sequence[VectorKey]) -> Mapping[VectorKey, bytes | None]:
        hashed = [k for k in keys if not k[0].startswith("id:")]
        return dict(cache.vectors(hashed, VERSION)) if cache else {}

    def store(pairs: Sequence[tuple[Document, bytes | None]]) -> None:
        rows = [
            (doc.content_hash, doc.lang, int(doc.title_derived), payload)
            for doc, payload in pairs
            if doc.content_hash and payload
        ]
        if cache is not None:
            cache.store_vectors(rows, VERSION)

    return Step(brief_key, lookup, tasks.embed_docs, store)
