"""A corpus put together from its files' documents, in file order, with unique ids: the part of
loading a warm reopen needs. Reading a file (formats, repair, detection) lives in :mod:`.load`,
which imports every parser; a reopen answered by the cache imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.corpus.walk import display_path, relative_id
from briefing.model import Document, Problem

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    roots: tuple[str, ...] = ()
    files: int = 0
    """How many files were read (documents can be more: aggregators, JSON lists, feeds)."""


ReadFile = Callable[[Path, str], tuple[list[Document], list[Problem]]]
"""``(path, rel_id) -> (documents, problems)``: :func:`documents_from_file` or a cache of it."""

LOADER_VERSION = "9"  # 9: file-name dates, labelled date stamps; 8: a picture marker: no title
"""Bump whenever a change to this package can change a loaded document (text, title, date,
language, id): the cache keeps each file's documents under it, so a bump re-reads every file
once."""


def assemble_corpus(
    paths: Sequence[Path | str],
    files: Sequence[tuple[Path, Path]],
    problems: Sequence[Problem],
    read_file: ReadFile,
    progress: Progress | None = None,
    rel_ids: Sequence[str] | None = None,
) -> Corpus:
    """The corpus of ``files`` (from :func:`iter_files`), each read by ``read_file``, in order.

    Split from :func:`load_corpus` so a cache can answer ``read_file`` from stored results
    while ids stay exactly what a plain load gives (the same relative name under two roots
    gets ``~2``, in file order). ``rel_ids``: each file's :func:`relative_id`, when the caller
    has them already (a warm reopen of 50,000 files spent a tenth of a second making them again).
    """
    found = list(problems)
    documents: list[Document] = []
    ids: set[str] = set()
    total = len(files)
    for done, (path, root) in enumerate(files, 1):
        rel = rel_ids[done - 1] if rel_ids is not None else relative_id(path, root)
        docs, probs = read_file(path, rel)
        found.extend(probs)
        for doc in docs:
            doc_id, k = doc.id, 2
            while doc_id in ids:  # the same relative name under two roots
                doc_id, k = f"{doc.id}~{k}", k + 1
            ids.add(doc_id)
            documents.append(replace(doc, id=doc_id) if doc_id != doc.id else doc)
        if progress:
            progress(done, total)
    return Corpus(
        documents=tuple(documents),
        problems=tuple(found),
        roots=tuple(display_path(p) for p in paths),
        files=total,
    )
