"""Folder or files in, :class:`Corpus` out: the loader's one entry point.

Walks the paths (sorted, so every run sees files in the same order), reads and decodes each file,
hands it to its format's reader, splits aggregator pages, repairs and cleans the text, and
describes each article (title, date, source, language). Anything unusable becomes a
:class:`~briefing.model.Problem` and the load goes on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from briefing.corpus.assemble import LOADER_VERSION, Corpus, Progress, ReadFile, assemble_corpus
from briefing.corpus.document import DEFAULT_LIMITS, build_document, document_from_record
from briefing.corpus.formats import PARSERS, parse_failure, parser_for
from briefing.corpus.limits import (
    Deadline,
    Limits,
    TimeLimitExceeded,
    check,
    items_message,
)
from briefing.corpus.read import DEFAULT_MAX_BYTES, ReadError, read_text
from briefing.corpus.repair import repair
from briefing.corpus.split import split_aggregate
from briefing.corpus.walk import display_path, iter_files, relative_id
from briefing.model import Document, Problem

# a position at the end of an article's place in its file: "entry 12" → 12
TRAILING_NUMBER = re.compile(r"(\d+)$")

MAX_PROBLEM_LINES = 20
"""Problems reported per file at most (bad JSONL lines, items that are not articles); the
rest are counted in one more line, so one broken export cannot flood the terminal."""


__all__ = [
    "LOADER_VERSION",
    "Corpus",
    "ReadFile",
    "assemble_corpus",
    "build_document",
    "display_path",
    "document_from_record",
    "documents_from_file",
    "iter_files",
    "load_corpus",
    "relative_id",
]


def _number(where: str, fallback: int) -> int:
    m = TRAILING_NUMBER.search(where)
    return int(m[1]) if m else fallback


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEM_LINES:
        return problems
    keep = problems[: MAX_PROBLEM_LINES - 1]
    more = len(problems) - len(keep)
    return [*keep, Problem(keep[0].path, f"… and {more:,} more problems in this file")]


def documents_from_file(
    path: Path,
    rel_id: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits = DEFAULT_LIMITS,
    deadline: Deadline | None = None,
) -> tuple[list[Document], list[Problem]]:
    """The documents of one file and its problems; never raises for bad input.

    Only :class:`TimeLimitExceeded` goes up, when ``deadline`` passes: the caller reports the
    file and, unlike a bad file, does not cache that (the next run, or a higher limit, may
    load it).
    """
    shown = display_path(path)
    parser = parser_for(path)
    if parser is None:
        kind = path.suffix.lower() or "no extension"
        return [], [Problem(shown, f"not a supported file type ({kind}); briefing reads "
                            f"{', '.join(sorted(PARSERS))}")]  # fmt: skip
    try:
        text = read_text(path, max_bytes)
        check(deadline)
        raws, partial = parser(text, limits)
        del text  # the articles hold what they need of it
    except ReadError as err:
        return [], [Problem(shown, str(err))]
    except (RecursionError, MemoryError, ValueError) as err:  # pathological, not a bug
        return [], [Problem(shown, parse_failure(err))]
    problems = [Problem(shown, msg) for msg in partial]
    built: list[tuple[int, Document]] = []
    placed = any(r.where for r in raws)
    raws.reverse()  # popped in file order, so each article's text is freed once it is built
    n = 0
    while raws:
        raw, n = raws.pop(), n + 1
        check(deadline)
        notes: list[str] = []
        if raw.splittable:
            segments = split_aggregate(repair(raw.text))
            raw = replace(raw, text="")
            if len(segments) > limits.max_items:
                problems.append(Problem(shown, items_message(len(segments), limits)))
                del segments[limits.max_items :]
            several = len(segments) > 1
            segments.reverse()
            k = 0
            while segments:
                seg, k = segments.pop(), k + 1
                check(deadline)
                doc = build_document(raw, doc_id="", path=shown, lines=seg.lines, title=seg.title,
                                     source=seg.source, date=seg.date, limits=limits,
                                     notes=notes)  # fmt: skip
                if doc:
                    built.append((k, doc))
                where = f"article {k}: " if several else ""
                problems.extend(Problem(shown, where + note) for note in notes)
                notes.clear()
        else:
            doc = build_document(raw, doc_id="", path=shown, limits=limits, notes=notes)
            if doc:
                built.append((_number(raw.where, n), doc))
            where = f"{raw.where}: " if raw.where else ""
            problems.extend(Problem(shown, where + note) for note in notes)
    if not built and not problems:
        problems.append(Problem(shown, "no article text found"))
    problems = _capped(problems)
    many = len(built) > 1 or placed
    docs = [replace(doc, id=f"{rel_id}#{k}" if many else rel_id) for k, doc in built]
    return docs, problems


def load_corpus(
    paths: Sequence[Path | str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    follow_symlinks: bool = False,
) -> Corpus:
    """Every document under ``paths``, with a Problem for each file or part that was skipped."""
    files, problems = iter_files([Path(p) for p in paths], follow_symlinks=follow_symlinks)

    limits = Limits.from_env()

    def read_file(path: Path, rel_id: str) -> tuple[list[Document], list[Problem]]:
        try:
            return documents_from_file(path, rel_id, max_bytes, limits, Deadline(limits.time_limit))
        except TimeLimitExceeded as err:
            return [], [Problem(display_path(path), str(err))]

    return assemble_corpus(paths, files, problems, read_file, progress)
