"""What a worker process does with one chunk: load files, match themes, or summarize.

Top-level functions of a module that imports nothing heavy, because a spawned worker imports
this module by name before it runs anything: jieba, tinysegmenter, langdetect and sumy load in
the worker on the first document that needs them (and stay loaded for its next chunks). The
parent never needs them during a cold build, so its own memory stays small.

Each function runs the same in-process (small jobs, ``--jobs 1``) and in a worker, and never
lets one bad item fail its chunk: a loader or summarizer bug on one article becomes a Problem
for that article, and the rest of the chunk is still returned.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.model import Brief, Document, Problem, Theme, ThemeMatch

if TYPE_CHECKING:
    from briefing.corpus.limits import Limits

FileItem = tuple[str, str, int, "Limits"]
"""A file to load: path as found, id prefix, max bytes, and the other limits."""

Matches = tuple[ThemeMatch, ...] | Problem
"""A document's theme matches, or the Problem that stopped them."""

LoadedFile = tuple[list[Document], list[Problem], bool, list[Matches] | None]
"""A file's documents (themes not set), its problems, whether that may be cached, and each
document's theme matches (None for a file that came from the cache: its documents' matches
are looked up by their own key)."""


def load_files(items: Sequence[FileItem], themes: Sequence[Theme] | None = ()) -> list[LoadedFile]:
    """Each file's documents and problems, and the documents' theme matches (None when
    ``themes`` is None: matched afterwards, by their own step).

    Themes are matched here, in the same pass, so a cold build reads and tokenizes each
    article in one worker and reports one progress over files. A file that cannot be read is
    not cached: making it readable (``chmod``) changes neither its size nor its mtime, so a
    cached "cannot read" would outlive the fix. Nor is a file that ran out of time: the
    next run (or a higher ``--time-limit``) may load it.
    """
    from briefing.corpus.limits import Deadline, TimeLimitExceeded, time_limit
    from briefing.corpus.load import documents_from_file
    from briefing.corpus.names import printable_name

    out: list[LoadedFile] = []
    for path, rel_id, max_bytes, limits in items:
        try:
            # the deadline is checked between the steps of a load; the alarm (worker processes
            # and the CLI's main thread) also stops Python code that runs long between them
            with time_limit(limits.time_limit):
                deadline = Deadline(limits.time_limit)
                docs, problems = documents_from_file(
                    Path(path), rel_id, max_bytes, limits, deadline
                )
        except TimeLimitExceeded as err:
            out.append(([], [Problem(path, str(err))], False, []))
            continue
        except Exception as err:  # a loader bug on one file must not stop the others
            problem = Problem(printable_name(path), f"could not load: {type(err).__name__}: {err}")
            out.append(([], [problem], False, []))
            continue
        matches: list[Matches] | None = (
            None if themes is None else match_themes(docs, themes) if themes else [() for _ in docs]
        )
        out.append((docs, problems, bool(docs) or os.access(path, os.R_OK), matches))
    return out


def match_themes(docs: Sequence[Document], themes: Sequence[Theme]) -> list[Matches]:
    """Each document's theme matches, or the Problem that stopped them."""
    from briefing.themes import match_themes as match

    out: list[Matches] = []
    for doc in docs:
        try:
            out.append(match(doc, themes))
        except Exception as err:  # one article's themes are not worth the corpus
            out.append(Problem(doc.path, f"themes not applied: {type(err).__name__}: {err}"))
    return out


def summarize_docs(docs: Sequence[Document]) -> list[Brief | Problem]:
    """Each document's brief, or the Problem that stopped it."""
    from briefing.summarize import summarize

    out: list[Brief | Problem] = []
    for doc in docs:
        try:
            out.append(summarize(doc))
        except Exception as err:  # one bad article must not stop the others
            out.append(Problem(doc.path, f"could not summarize: {type(err).__name__}: {err}"))
    return out


def embed_docs(docs: Sequence[Document]) -> list[bytes | None]:
    """Each document's sentence vectors as cache bytes, or None (no encoder, nothing to embed)."""
    from briefing.stories.meaning import (
        embed_many_on_this_thread,
        embed_on_this_thread,
        encode_vectors,
        one_blas_thread,
    )

    with one_blas_thread():
        try:  # the chunk in one pass: the same vectors as one by one, for less CPU
            made = embed_many_on_this_thread(docs)
        except Exception:  # then one by one, so one bad article costs only its own vectors
            made = []
            for doc in docs:
                try:
                    made.append(embed_on_this_thread(doc))
                except Exception:
                    made.append(None)
    return [None if v is None else encode_vectors(v) for v in made]
