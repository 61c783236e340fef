"""The corpus as the CLI and the TUI see it: documents with their themes, briefs, every problem.

One place composes the core (load → themes → briefs) so ``briefing list``, ``briefing daily`` and
the TUI can never disagree about what a folder holds, and so all of them get the cache and the
worker processes. Each step looks its items up in the cache first, computes only the misses (on
every core when there are enough of them to pay for starting workers), and stores what it
computed as it arrives, so an interrupted build keeps its progress:

* files, by path and ``stat`` (size, mtime_ns) and the loader version: an unchanged file is
  never opened; its documents come back from the cache with their paragraphs;
* theme matches, by content hash and the themes version: editing a theme file re-matches every
  document but re-reads none;
* briefs, by content hash and the summarizer version, made only when asked for
  (:func:`briefs_for`): ``briefing list`` never pays for a summarizer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import __version__
from briefing.corpus.limits import Limits
from briefing.corpus.load import (
    LOADER_VERSION,
    Corpus,
    assemble_corpus,
    display_path,
    iter_files,
    relative_id,
)
from briefing.corpus.read import DEFAULT_MAX_BYTES
from briefing.model import Brief, Document, Problem, Theme, ThemeMatch

if TYPE_CHECKING:
    from briefing.cache.db import Cache
    from briefing.cache.tasks import FileItem, LoadedFile, Matches
    from briefing.stories import StoryIndex

BUNDLED = "seeds"
"""The name that selects the bundled corpus (the default)."""

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]

MIN_PARALLEL = 24
"""Misses (files or documents) below which a step runs in this process. A worker costs about
0.2 s to start plus 1–2 s to load jieba, langdetect's profiles and sumy, which a handful of
articles (the seeds, an edited file) never wins back."""


@dataclass(frozen=True, slots=True)
class Library:
    corpus: Corpus
    themes: tuple[Theme, ...]
    theme_problems: tuple[Problem, ...] = ()
    notices: tuple[Problem, ...] = ()
    """Messages about the cache (damaged, locked): worth a line on stderr, but no file was
    skipped, so they are kept out of :attr:`problems` (which decides exit code 3)."""
    use_cache: bool = True
    jobs: int | None = None

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.corpus.documents

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.corpus.problems + self.theme_problems

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def brief(self, doc: Document) -> Brief:
        return brief_for(doc, use_cache=self.use_cache)

    def briefs(
        self,
        docs: Sequence[Document],
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
        on_brief: Callable[[Brief], None] | None = None,
    ) -> tuple[dict[str, Brief], tuple[Problem, ...]]:
        return briefs_for(
            docs,
            progress,
            use_cache=self.use_cache,
            jobs=self.jobs,
            should_stop=should_stop,
            on_brief=on_brief,
        )

    def stories(
        self,
        docs: Sequence[Document] | None = None,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> tuple[StoryIndex, tuple[Problem, ...]]:
        """The stories of ``docs`` (default: every document), by anchors and meaning.

        Vectors come from the cache or are made on every core (:func:`vectors_for`); without
        the encoder the stories rest on anchors alone and one Problem says so.
        """
        from briefing.stories import stories_for

        docs = self.documents if docs is None else docs
        vectors, problems = vectors_for(
            docs, progress, use_cache=self.use_cache, jobs=self.jobs, should_stop=should_stop
        )
        return stories_for(docs, vectors), problems


def corpus_paths(corpus: str | Path | Sequence[str | Path] | None) -> list[Path]:
    """``None`` or ``"seeds"`` is the bundled corpus; anything else is a path (or several)."""
    from briefing.paths import bundled_seeds

    if corpus is None:
        return [bundled_seeds()]
    items = [corpus] if isinstance(corpus, str | Path) else list(corpus)
    out: list[Path] = []
    for item in items:
        if str(item) == BUNDLED and not Path(item).exists():
            out.append(bundled_seeds())
        else:
            out.append(Path(item))
    return out


def loader_version() -> str:
    return f"{__version__}+{LOADER_VERSION}"


def summarizer_version() -> str:
    from briefing.summarize import SUMMARIZER_VERSION

    return f"{__version__}+{SUMMARIZER_VERSION}"


def theme_set_version(themes: Sequence[Theme]) -> str:
    from briefing.themes import themes_version

    return f"{__version__}+{themes_version(themes)}"


def _cache(use_cache: bool) -> Cache | None:
    if not use_cache:
        return None
    from briefing.cache.db import open_cache

    return open_cache()


def _workers(jobs: int | None, misses: int) -> int:
    from briefing.cache.pool import available_cores

    wanted = available_cores() if jobs is None else max(1, jobs)
    return wanted if misses >= MIN_PARALLEL else 1


def open_library(
    corpus: str | Path | Sequence[str | Path] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
    on_documents: Callable[[Sequence[Document]], None] | None = None,
    follow_symlinks: bool = False,
    time_limit: float | None = None,
) -> Library:
    """Load ``corpus`` with themes, from the cache where it is still valid.

    ``progress(done, total)`` counts files (then, if theme files changed, documents being
    re-matched); ``jobs`` caps the worker processes (default: every core; 1: none);
    ``should_stop`` lets a TUI worker give up between chunks; ``on_documents`` gets the
    documents of each batch of files as it is read (cached ones first), so a reader can list
    them before the folder is done. Those may still lack their themes, and an id can still get
    its ``~2`` (the same relative name under a second root): the returned corpus is final.
    ``follow_symlinks`` reads links that leave the folder too
    (:func:`~briefing.corpus.load.iter_files`).
    ``time_limit`` is the seconds one file may take (default ``BRIEFING_TIME_LIMIT`` or 30; 0: no
    limit), and the other per-file limits come from the environment
    (:class:`~briefing.corpus.limits.Limits`).
    """
    from briefing.themes import load_themes

    paths = corpus_paths(corpus)
    cache = _cache(use_cache)
    themes, theme_problems = load_themes()
    files, problems = iter_files(paths, follow_symlinks=follow_symlinks)
    limits = Limits.from_env(time_limit)
    loaded, fresh = _load_files(
        files, themes, max_bytes, cache, jobs, progress, should_stop, limits, on_documents
    )
    if cache is not None:
        _forget_deleted(cache, paths, files)

    def read_file(path: Path, _rel_id: str) -> tuple[list[Document], list[Problem]]:
        return loaded.get(str(path), ([], []))

    corpus_ = assemble_corpus(paths, files, problems, read_file)
    shown_fresh = {display_path(p) for p in fresh}  # documents carry the printable path
    cached = [i for i, d in enumerate(corpus_.documents) if d.path not in shown_fresh]
    docs, more = _with_themes(corpus_.documents, cached, themes, cache, jobs, progress, should_stop)
    corpus_ = replace(corpus_, documents=docs, problems=corpus_.problems + more)
    return Library(
        corpus=corpus_,
        themes=tuple(themes),
        theme_problems=tuple(theme_problems),
        notices=tuple(cache.take_notices()) if cache else (),
        use_cache=use_cache,
        jobs=jobs,
    )


def _load_files(
    files: Sequence[tuple[Path, Path]],
    themes: Sequence[Theme],
    max_bytes: int,
    cache: Cache | None,
    jobs: int | None,
    progress: Progress | None,
    should_stop: ShouldStop | None,
    limits: Limits | None = None,
    on_documents: Callable[[Sequence[Document]], None] | None = None,
) -> tuple[dict[str, tuple[list[Document], list[Problem]]], set[str]]:
    """Each file's documents and problems, by path as found, and the paths read just now.

    Documents of files that were read here come back with their themes set; documents from the
    cache come back without (their themes have their own key: :func:`_with_themes`). A file
    is cached under the loader version and the limits it was read with, so raising a limit
    reads again the files it cut.
    """
    from briefing.cache.codec import DecodeError, decode_file, encode_file, encode_themes

    limits = limits or Limits.from_env()
    version = f"{loader_version()}+{limits.key()}"
    themes_key = theme_set_version(themes)
    absolute = {str(path): os.path.abspath(path) for path, _root in files}
    rows = cache.files(list(absolute.values())) if cache else {}
    results: dict[str, tuple[list[Document], list[Problem]]] = {}
    fresh: set[str] = set()
    stats: dict[str, os.stat_result | None] = {}
    todo: list[FileItem] = []
    for path, root in files:
        shown, rel = str(path), relative_id(path, root)
        try:
            st: os.stat_result | None = path.stat()
        except OSError:
            st = None
        row = rows.get(absolute[shown])
        if (
            st is not None
            and row is not None
            and row[:4] == (rel, st.st_size, st.st_mtime_ns, version)
            and st.st_size <= max_bytes
        ):
            try:
                results[shown] = decode_file(row[4], rel, display_path(shown))
                continue
            except DecodeError:
                pass  # written by something else: read the file again
        stats[shown] = st
        todo.append((shown, rel, max_bytes, limits))

    total, done = len(files), len(files) - len(todo)
    if on_documents and results:
        on_documents([doc for docs, _probs in results.values() for doc in docs])
    if progress:
        progress(done, total)

    def on_chunk(chunk: list[FileItem], out: list[LoadedFile]) -> None:
        nonlocal done
        file_rows, theme_rows = [], []
        for (shown, rel, *_), (docs, probs, cacheable, matches) in zip(chunk, out, strict=True):
            themed, theme_probs = list(docs), []
            for i, (doc, found) in enumerate(zip(docs, matches, strict=True)):
                if isinstance(found, Problem):
                    theme_probs.append(found)
                    continue
                themed[i] = replace(doc, themes=found)
                if doc.content_hash:
                    theme_rows.append((doc.content_hash, doc.lang, encode_themes(found)))
            results[shown] = (themed, probs + theme_probs)
            fresh.add(shown)
            st = stats[shown]
            # ids are stored without their prefix (it depends on the root the file was found in)
            prefixed = all(doc.id.startswith(rel) for doc in docs)
            if cacheable and prefixed and st is not None and st.st_size <= max_bytes:
                payload = encode_file(rel, docs, probs)
                file_rows.append(
                    (absolute[shown], rel, st.st_size, st.st_mtime_ns, version, payload)
                )
        if cache is not None:
            cache.store_files(file_rows)
            cache.store_themes(theme_rows, themes_key)
        if on_documents:
            on_documents([doc for item in chunk for doc in results[item[0]][0]])
        done += len(chunk)
        if progress:
            progress(done, total)

    _run(_task("load_files"), todo, on_chunk, (tuple(themes),), jobs, should_stop)
    return results, fresh


def _with_themes(
    docs: Sequence[Document],
    bare: Sequence[int],
    themes: Sequence[Theme],
    cache: Cache | None,
    jobs: int | None,
    progress: Progress | None,
    should_stop: ShouldStop | None,
) -> tuple[tuple[Document, ...], tuple[Problem, ...]]:
    """``docs`` with the documents at ``bare`` (from cached files) given their theme matches,
    cached or matched now."""
    from briefing.cache.codec import DecodeError, decode_themes, encode_themes

    if not bare or not themes:
        return tuple(docs), ()
    version = theme_set_version(themes)
    keys = {(docs[i].content_hash, docs[i].lang) for i in bare}
    found: dict[tuple[str, str], tuple[ThemeMatch, ...]] = {}
    for key, payload in (cache.themes(sorted(keys), version) if cache else {}).items():
        with contextlib.suppress(DecodeError):  # unreadable row: match again
            found[key] = decode_themes(payload)
    missing: dict[tuple[str, str], Document] = {}
    for i in bare:
        key = (docs[i].content_hash, docs[i].lang)
        if key not in found:
            missing.setdefault(key, docs[i])
    problems: list[Problem] = []
    total, done = len(missing), 0

    def on_chunk(chunk: list[Document], out: list[Matches]) -> None:
        nonlocal done
        rows = []
        for doc, matches in zip(chunk, out, strict=True):
            if isinstance(matches, Problem):
                problems.append(matches)
                continue
            found[(doc.content_hash, doc.lang)] = matches
            rows.append((doc.content_hash, doc.lang, encode_themes(matches)))
        if cache is not None:
            cache.store_themes(rows, version)
        done += len(chunk)
        if progress:
            progress(done, total)

    if missing:
        _run(_task("match_themes"), list(missing.values()), on_chunk, (tuple(themes),), jobs,
             should_stop)  # fmt: skip
    out = list(docs)
    for i in bare:
        matches = found.get((docs[i].content_hash, docs[i].lang))
        if matches:
            out[i] = replace(docs[i], themes=matches)
    return tuple(out), tuple(problems)


def _forget_deleted(
    cache: Cache, paths: Sequence[Path], files: Sequence[tuple[Path, Path]]
) -> None:
    """Drop cached files that were deleted from a folder, so the cache does not only grow."""
    present = {os.path.abspath(path) for path, _root in files}
    for folder in paths:
        if Path(folder).is_dir():
            gone = [p for p in cache.files_under(os.path.abspath(folder)) if p not in present]
            cache.forget_files(gone)


def _task(name: str) -> Callable[..., list]:  # type: ignore[type-arg]
    from briefing.cache import tasks

    return getattr(tasks, name)


def _run(
    fn: Callable[..., list],  # type: ignore[type-arg]
    items: Sequence[object],
    on_chunk: Callable[..., None],
    args: tuple[object, ...],
    jobs: int | None,
    should_stop: ShouldStop | None,
) -> None:
    from briefing.cache.pool import chunked, run_chunks

    if not items:
        return
    workers = _workers(jobs, len(items))
    run_chunks(
        fn, chunked(items, workers), on_chunk, args=args, jobs=workers, should_stop=should_stop
    )


def briefs_for(
    docs: Sequence[Document],
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
    on_brief: Callable[[Brief], None] | None = None,
) -> tuple[dict[str, Brief], tuple[Problem, ...]]:
    """The brief of each document, by id, and a Problem for each that could not be made.

    Cached briefs come back at once; the rest are made in worker processes when there are
    enough of them, in this process otherwise, and stored as each chunk finishes. Copies of
    one article (same content hash) are summarized once. ``on_brief`` is called with each
    brief as soon as it is there (the cached ones first), so a reader can show them while the
    rest are being made.
    """
    from briefing.cache.codec import DecodeError, decode_brief, encode_brief

    cache = _cache(use_cache)
    version = summarizer_version()

    def key(doc: Document) -> tuple[str, str, int]:
        return (doc.content_hash or f"id:{doc.id}", doc.lang, int(doc.title_derived))

    by_key: dict[tuple[str, str, int], list[Document]] = {}
    for doc in docs:
        by_key.setdefault(key(doc), []).append(doc)
    stored = (
        cache.briefs([k for k in by_key if not k[0].startswith("id:")], version) if cache else {}
    )
    out: dict[str, Brief] = {}
    missing: list[Document] = []
    for k, group in by_key.items():
        payload = stored.get(k)
        if payload is not None:
            try:
                for doc in group:
                    out[doc.id] = decode_brief(payload, doc.id)
                continue
            except DecodeError:
                pass
        missing.append(group[0])
    if on_brief:
        for doc in docs:
            if doc.id in out:
                on_brief(out[doc.id])
    problems: list[Problem] = []
    total, done = len(docs), len(docs) - sum(len(by_key[key(d)]) for d in missing)
    if progress:
        progress(done, total)

    def on_chunk(chunk: list[Document], results: list[Brief | Problem]) -> None:
        nonlocal done
        rows = []
        for doc, result in zip(chunk, results, strict=True):
            group = by_key[key(doc)]
            done += len(group)
            if isinstance(result, Problem):
                problems.extend(replace(result, path=d.path) for d in group)
                continue
            for other in group:
                out[other.id] = replace(result, doc_id=other.id)
                if on_brief:
                    on_brief(out[other.id])
            if doc.content_hash:
                rows.append(
                    (doc.content_hash, doc.lang, int(doc.title_derived), encode_brief(result))
                )
        if cache is not None:
            cache.store_briefs(rows, version)
        if progress:
            progress(done, total)

    _run(_task("summarize_docs"), missing, on_chunk, (), jobs, should_stop)
    notices = cache.take_notices() if cache else []
    return out, (*notices, *problems)


def brief_for(doc: Document, *, use_cache: bool = True) -> Brief:
    """One document's brief (from the cache when it is there); raises if it cannot be made."""
    briefs, _problems = briefs_for([doc], use_cache=use_cache, jobs=1)
    if doc.id in briefs:
        return briefs[doc.id]
    from briefing.summarize import summarize

    return summarize(doc)  # raises the summarizer's own error, as it always did


def find_documents(docs: Sequence[Document], ref: str) -> list[Document]:
    """Documents whose id is ``ref``, or else starts with it (``000`` finds ``000_e6fb….txt``)."""
    exact = [d for d in docs if d.id == ref]
    if exact:
        return exact
    return [d for d in docs if d.id.startswith(ref)]


def vectors_for(
    docs: Sequence[Document],
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
) -> tuple[dict[str, Any], tuple[Problem, ...]]:
    """Each document's sentence vectors (:mod:`briefing.stories.meaning`), by id.

    Cached like briefs, by content hash, language and derived-title flag, so a changed article
    recomputes and a copied one does not. A document missing from the result has no vectors:
    the encoder did not load (one Problem says so, and stories use anchors alone) or it had no
    text to embed.
    """
    from briefing.stories import meaning

    cache = _cache(use_cache)
    version = meaning.VERSION

    def key(doc: Document) -> tuple[str, str, int]:
        return (doc.content_hash or f"id:{doc.id}", doc.lang, int(doc.title_derived))

    by_key: dict[tuple[str, str, int], list[Document]] = {}
    for doc in docs:
        by_key.setdefault(key(doc), []).append(doc)
    stored = (
        cache.vectors([k for k in by_key if not k[0].startswith("id:")], version) if cache else {}
    )
    out: dict[str, Any] = {}
    missing: list[Document] = []
    for k, group in by_key.items():
        vectors = meaning.decode_vectors(stored[k]) if k in stored else None
        if vectors is None:
            missing.append(group[0])
            continue
        for doc in group:
            out[doc.id] = vectors
    total, done = len(docs), len(docs) - sum(len(by_key[key(d)]) for d in missing)
    if progress:
        progress(done, total)

    def on_chunk(chunk: list[Document], results: list[bytes | None]) -> None:
        nonlocal done
        rows = []
        for doc, payload in zip(chunk, results, strict=True):
            done += len(by_key[key(doc)])
            vectors = meaning.decode_vectors(payload) if payload else None
            if vectors is None:
                continue
            for other in by_key[key(doc)]:
                out[other.id] = vectors
            if doc.content_hash:
                rows.append((doc.content_hash, doc.lang, int(doc.title_derived), payload))
        if cache is not None:
            cache.store_vectors(rows, version)
        if progress:
            progress(done, total)

    problems: list[Problem] = []
    if missing and meaning.available():
        _run(_task("embed_docs"), missing, on_chunk, (), jobs, should_stop)
    elif missing:
        problems.append(
            Problem(
                "", f"sentence encoder unavailable ({meaning.failure()}): stories use anchors only"
            )
        )
    notices = cache.take_notices() if cache else []
    return out, (*notices, *problems)
