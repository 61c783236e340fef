"""What every corpus command shares: loading with messages, and printing safely."""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from briefing.commands.corpus_arg import BUNDLED, corpus_paths
from briefing.library import Library, open_library
from briefing.model import Brief, Document, Problem
from briefing.render.safe import inert
from briefing.store import Store

if TYPE_CHECKING:
    from briefing.stories import StoryIndex

__all__ = ["BUNDLED", "corpus_paths"]  # and the helpers below


def find_documents(docs: Sequence[Document], ref: str) -> list[Document]:
    """Documents whose id is ``ref``, or else starts with it (``000`` finds ``000_e6fb….txt``)."""
    exact = [d for d in docs if d.id == ref]
    return exact or [d for d in docs if d.id.startswith(ref)]


def report_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    """One line per problem on stderr: ``briefing: PATH: message``."""
    for problem in problems:
        sys.stderr.write(inert(f"briefing: {problem.path}: {problem.message}", keep_newlines=False))
        sys.stderr.write("\n")


class ProgressBar:
    """``Reading  ███████░░░░░  1,234/10,000 files  85/s`` on one stderr line, for long builds.

    Drawn only on a terminal (a pipe or a log file gets nothing, so ``2>log`` stays one line
    per problem), only once the work has taken :attr:`DELAY` seconds (a warm run shows no
    flicker), and at most every :attr:`EVERY` seconds. The line is erased when the work ends,
    is interrupted or fails.
    """

    DELAY = 0.5
    EVERY = 0.1
    WIDTH = 24

    def __init__(self, stage: str, unit: str, stream: TextIO | None = None) -> None:
        self.stage, self.unit = stage, unit
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.drawn_at = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.start < self.DELAY or (now - self.drawn_at < self.EVERY and done < total):
            return
        self.drawn_at = now
        filled = self.WIDTH * done // total if total else self.WIDTH
        rate = done / (now - self.start)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        line = f"{self.stage}  {bar}  {done:,}/{total:,} {self.unit}  {rate:,.0f}/s"
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()
        self.shown = True

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def progress_bar(stage: str, unit: str) -> ProgressBar | contextlib.nullcontext[None]:
    """A :class:`ProgressBar` on stderr when it is a terminal, else nothing (``None``)."""
    isatty = getattr(sys.stderr, "isatty", None)
    if isatty and isatty():
        return ProgressBar(stage, unit)
    return contextlib.nullcontext()


def load(args: argparse.Namespace) -> Library:
    """The library of ``args.corpus``, every problem and cache message reported on stderr."""
    with progress_bar("Reading", "files") as bar:
        lib = open_library(
            corpus_paths(args.corpus),
            max_bytes=args.max_size,
            progress=bar,
            use_cache=getattr(args, "use_cache", True),
            jobs=getattr(args, "jobs", None),
            follow_symlinks=getattr(args, "follow_symlinks", False),
            time_limit=getattr(args, "time_limit", None),
        )
    report_problems(lib.notices)
    report_problems(lib.problems)
    return lib


def briefs(lib: Library, docs: Sequence[Document]) -> Callable[[Document], Brief]:
    """Briefs of ``docs`` made in one batch (cache, then every core), as a lookup function.

    A document whose brief could not be made is reported on stderr and shown without one,
    rather than ending the command.
    """
    with progress_bar("Summarizing", "articles") as bar:
        found, problems = lib.briefs(docs, bar)
    report_problems(problems)

    def brief_of(doc: Document) -> Brief:
        return found.get(doc.id) or Brief(doc.id, (), (), "unavailable")

    return brief_of


def stories(lib: Library, docs: Sequence[Document] | None = None) -> StoryIndex:
    """The stories of ``docs`` (default: all), vectors made with a progress bar; the notice
    that the encoder is missing, if it is, on stderr."""
    with progress_bar("Reading meaning", "articles") as bar:
        index, problems = lib.stories(docs, bar)
    report_problems(problems)
    return index


def with_story_dates(lib: Library, docs: Sequence[Document]) -> list[Document]:
    """``docs`` with each undated article of a dated story given that story's first date,
    marked as an estimate (:mod:`briefing.stories.dates`); stories are those of the whole
    corpus, so a filter does not change where an article is filed. Remembered ones first, and
    none to find when no undated article could join anyone: no vectors, no encoder."""
    from briefing.library.story_dates import estimated_dates
    from briefing.stories.dates import apply_estimates

    if all(d.date is not None for d in docs):  # nothing of ``docs`` to place
        return list(docs)
    with progress_bar("Reading meaning", "articles") as bar:
        estimates, problems = estimated_dates(
            lib.documents, bar, use_cache=lib.use_cache, jobs=lib.jobs
        )
    report_problems(problems)
    return apply_estimates(docs, estimates)


def with_known_story_dates(lib: Library, docs: Sequence[Document]) -> list[Document]:
    """:func:`with_story_dates` from what an earlier grouping of this folder state left in the
    cache, and nothing else: ``briefing list`` must stay a listing, never a grouping."""
    from briefing.stories.dates import apply_estimates

    known = lib.remembered_story_dates()
    return list(docs) if known is None else apply_estimates(docs, known)


# characters JSON leaves raw with ensure_ascii=False that a terminal still acts on: DEL, C1
# controls (U+009B is CSI), bidi overrides and isolates, and the line/paragraph separators
JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def print_json(value: Any) -> None:
    """One JSON document on stdout. ``ensure_ascii=False`` keeps CJK readable; C0 controls are
    escaped by JSON itself, and :data:`JSON_UNSAFE` characters are written as ``\\uXXXX`` too
    (the same string to a parser, inert on a terminal)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    text = JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    sys.stdout.write(text + "\n")


def filter_docs(
    lib: Library, args: argparse.Namespace, store: Store | None = None
) -> list[Document]:
    """The documents ``--theme``, ``--lang``, ``--unread`` and ``--query`` leave.

    A bad query raises :class:`~briefing.query.QueryError`, which ``main`` prints as one line
    and exit code 2.
    """
    docs = list(lib.documents)
    text = getattr(args, "query", None)
    unread = getattr(args, "unread", False)
    if text or unread:
        from briefing.library import search_index
        from briefing.query import parse

        query = parse(
            text or "",
            themes=[t.id for t in lib.themes],
            langs=sorted({d.lang for d in docs}),
        )
        store = store or Store()
        report_problems(store.problems)
        if unread:
            query = replace(query, unread=True)
        docs = search_index(docs).filter(docs, query, is_read=store.is_read, note_of=store.note)
    theme = getattr(args, "theme", None)
    if theme:
        wanted_theme = theme.casefold()
        docs = [d for d in docs if wanted_theme in {t.casefold() for t in d.theme_ids}]
    lang = getattr(args, "lang", None)
    if lang:
        wanted = lang.lower()
        docs = [d for d in docs if d.lang == wanted or d.lang.split("-")[0] == wanted]
    return docs
