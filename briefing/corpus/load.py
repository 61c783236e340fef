"""Folder or files in, :class:`Corpus` out: the loader's one entry point.

Walks the paths (sorted, so every run sees files in the same order), reads and decodes each file,
hands it to its format's reader, splits aggregator pages, repairs and cleans the text, and
describes each article (title, date, source, language). Anything unusable becomes a
:class:`~briefing.model.Problem` and the load goes on.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.corpus.clean import clean_paragraphs
from briefing.corpus.detect import (
    SAMPLE_CHARS,
    derive_title,
    detect_date,
    detect_language,
    looks_like_title,
)
from briefing.corpus.formats import PARSERS, RawArticle, parse_failure, parser_for
from briefing.corpus.limits import (
    Deadline,
    Limits,
    TimeLimitExceeded,
    chars_message,
    check,
    cut_text,
    items_message,
    paragraphs_message,
)
from briefing.corpus.names import printable_name
from briefing.corpus.read import DEFAULT_MAX_BYTES, ReadError, read_text
from briefing.corpus.repair import repair, scrub_surrogates
from briefing.corpus.split import split_aggregate
from briefing.model import Document, Problem
from briefing.text.dates import parse_date
from briefing.text.width import display_width

Progress = Callable[[int, int], None]

# a language tag from metadata: "en", "en-US", "zh_TW", "fr-FR"
LANG_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2,4}))?$", re.I)
# how a line that ends a sentence or clause ends (such lines are not hard-wrapped prose)
LINE_END = re.compile(r"[.!?:;。！？」)]$")
# a position at the end of an article's place in its file: "entry 12" → 12
TRAILING_NUMBER = re.compile(r"(\d+)$")

MAX_PROBLEM_LINES = 20
"""Problems reported per file at most (bad JSONL lines, items that are not articles); the
rest are counted in one more line, so one broken export cannot flood the terminal."""

DEFAULT_LIMITS = Limits()

TITLE_MAX = 1_000
"""Characters of a title a file gives: past this it is a body in the wrong field, and it would
be repaired and shown in every list row in full."""


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    roots: tuple[str, ...] = ()
    files: int = 0
    """How many files were read (documents can be more: aggregators, JSON lists, feeds)."""


def display_path(path: Path | str) -> str:
    """How ``path`` is shown and stored in documents and problems (:mod:`.names`)."""
    return printable_name(str(path))


def _leaves(entry: str, root: str) -> str | None:
    """Where the symlink ``entry`` really leads, if that is outside the folder ``root`` (a real
    path); None for anything that is not a symlink or stays inside."""
    if not os.path.islink(entry):
        return None
    target = os.path.realpath(entry)
    return None if target == root or target.startswith(root.rstrip(os.sep) + os.sep) else target


def _inside_only(here: str, names: list[str], root: str, problems: list[Problem]) -> list[str]:
    """``names`` in the folder ``here`` without the symlinks that leave ``root``, each said once."""
    kept = []
    for name in names:
        target = _leaves(os.path.join(here, name), root)
        if target is None:
            kept.append(name)
        else:
            problems.append(
                Problem(
                    display_path(os.path.join(here, name)),
                    f"symlink to {display_path(target)}, outside the folder: skipped "
                    "(--follow-symlinks reads it)",
                )
            )
    return kept


def iter_files(
    paths: Sequence[Path], *, follow_symlinks: bool = False
) -> tuple[list[tuple[Path, Path]], list[Problem]]:
    """Every candidate file under ``paths`` with the root it was found under, and the problems.

    A folder is untrusted: a link in it to ``/etc/passwd`` or ``../elsewhere`` would pull local
    files into a briefing that is then shared. So a symlink (to a file or a folder) is followed
    only while it stays inside the folder named, unless ``follow_symlinks``; each one skipped is
    a Problem. A path named directly is always read, link or not: the user chose it. Symlinked
    folders are never read twice, so a link loop is reported once instead of recursing forever.
    Hidden files and folders are skipped as any file manager would.
    """
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_file():
            found.append((path, path.parent))
            continue
        if not path.exists():
            problems.append(Problem(display_path(path), "no such file or folder"))
            continue
        if not path.is_dir():
            problems.append(Problem(display_path(path), "not a regular file or folder"))
            continue
        seen: set[tuple[int, int]] = set()
        root = os.path.realpath(path)

        def onerror(err: OSError, _problems: list[Problem] = problems) -> None:
            _problems.append(
                Problem(display_path(err.filename), f"cannot read folder: {err.strerror}")
            )

        for dirpath, dirnames, filenames in os.walk(path, followlinks=True, onerror=onerror):
            here = Path(dirpath)
            try:
                st = here.stat()
                key = (st.st_dev, st.st_ino)
            except OSError as err:
                problems.append(
                    Problem(display_path(dirpath), f"cannot read folder: {err.strerror}")
                )
                dirnames[:] = []
                continue
            if key in seen:
                problems.append(
                    Problem(display_path(dirpath), "symlink loop: folder already read, skipped")
                )
                dirnames[:] = []
                continue
            seen.add(key)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            names = sorted(n for n in filenames if not n.startswith("."))
            if not follow_symlinks:
                dirnames[:] = _inside_only(dirpath, dirnames, root, problems)
                names = _inside_only(dirpath, names, root, problems)
            found.extend((here / name, path) for name in names)
    return found, problems


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of repaired text: one a line, except hard-wrapped prose whose lines join.

    News text files put a paragraph on a line; a text wrapped at ~72 columns (mail, Gutenberg)
    shows blocks of several mid-length lines, each not ending a sentence.
    """
    blocks = [b for b in text.split("\n\n") if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        wrapped = (
            len(lines) >= 3
            and all(40 <= display_width(ln) <= 100 for ln in lines[:-1])
            and sum(not LINE_END.search(ln) for ln in lines[:-1]) >= 0.6 * (len(lines) - 1)
            and " " in lines[0]
        )
        if wrapped:
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _head(paragraphs: Sequence[str], chars: int) -> str:
    """The first ``chars`` characters of the paragraphs joined by line breaks, without joining
    the rest (an article may have a million characters; detection reads a few thousand)."""
    head: list[str] = []
    size = 0
    for para in paragraphs:
        head.append(para)
        size += len(para) + 1
        if size >= chars:
            break
    return "\n".join(head)[:chars]


def _joined(lines: Iterable[str], max_chars: int) -> tuple[str, int]:
    """The lines joined by line breaks, as far as the first one past ``max_chars`` (the rest
    would be cut anyway, and joining 25 MB of lines only to cut them costs a copy), and the
    length of the whole join."""
    head: list[str] = []
    size = -1
    for line in lines:
        size += len(line) + 1
        if size - len(line) <= max_chars:
            head.append(line)
    return "\n".join(head), max(size, 0)


def _normalize_lang(value: str | None) -> str | None:
    if not value:
        return None
    m = LANG_TAG.match(value.strip())
    if not m:
        return None
    lang, region = m[1].lower(), (m[2] or "").lower()
    if lang == "zh":
        return "zh-tw" if region in ("tw", "hk", "mo", "hant") else "zh-cn"
    return lang


def _hash(title: str, paragraphs: Sequence[str]) -> str:
    return hashlib.sha1("\n".join([title, *paragraphs]).encode("utf-8")).hexdigest()


def build_document(
    raw: RawArticle,
    *,
    doc_id: str,
    path: str,
    lines: Iterable[str] | None = None,
    title: str | None = None,
    source: str | None = None,
    date: object = None,
    limits: Limits = DEFAULT_LIMITS,
    notes: list[str] | None = None,
) -> Document | None:
    """One Document from an article's raw text and whatever metadata its file gave.

    The text is cut to ``limits.max_chars`` before anything reads it (repair, paragraphs,
    language and dates are linear, but a 20 MB line still costs each of them seconds) and to
    ``limits.max_paragraphs``; each cut adds its message to ``notes``.
    """
    text, size = _joined(lines, limits.max_chars) if lines is not None else (raw.text, 0)
    size = size or len(text)
    if size > limits.max_chars:
        if notes is not None:
            notes.append(chars_message(size, limits))
        text = cut_text(text, limits.max_chars)
    paragraphs = _paragraphs(repair(text))
    del text
    if len(paragraphs) > limits.max_paragraphs:
        if notes is not None:
            notes.append(paragraphs_message(len(paragraphs), limits))
        del paragraphs[limits.max_paragraphs :]
    title = repair(cut_text(title or raw.title or "", TITLE_MAX)).replace("\n", " ").strip() or None
    if title is None and len(paragraphs) > 1 and looks_like_title(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    if not paragraphs:
        return None
    lang = detect_language(_head(paragraphs, SAMPLE_CHARS))
    if lang == "und":
        lang = detect_language(title or "") if title else "und"
        lang = _normalize_lang(raw.lang) or lang
    when = parse_date(date) or parse_date(raw.date) or detect_date(paragraphs)
    cleaned = clean_paragraphs(paragraphs, lang)
    paragraphs = cleaned.paragraphs or paragraphs
    derived = title is None
    title = title or derive_title(paragraphs)
    src = source or (repair(raw.source).strip() if raw.source else None) or cleaned.source
    return Document(
        id=doc_id,
        path=path,
        title=title,
        title_derived=derived,
        date=when,
        source=src or None,
        lang=lang,
        paragraphs=tuple(paragraphs),
        url=scrub_surrogates(raw.url) if raw.url else raw.url,
        author=(repair(raw.author) if raw.author else None) or cleaned.author,
        content_hash=_hash(title, paragraphs),
    )


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


ReadFile = Callable[[Path, str], tuple[list[Document], list[Problem]]]
"""``(path, rel_id) -> (documents, problems)``: :func:`documents_from_file` or a cache of it."""

LOADER_VERSION = "3"
"""Bump whenever a change to this package can change a loaded document (text, title, date,
language, id): the cache keeps each file's documents under it, so a bump re-reads every file
once."""


def relative_id(path: Path, root: Path) -> str:
    """The id prefix of ``path``'s documents: its path under the root it was found in."""
    try:
        return printable_name(path.relative_to(root).as_posix())
    except ValueError:
        return printable_name(path.name)


def assemble_corpus(
    paths: Sequence[Path | str],
    files: Sequence[tuple[Path, Path]],
    problems: Sequence[Problem],
    read_file: ReadFile,
    progress: Progress | None = None,
) -> Corpus:
    """The corpus of ``files`` (from :func:`iter_files`), each read by ``read_file``, in order.

    Split from :func:`load_corpus` so a cache can answer ``read_file`` from stored results
    while ids stay exactly what a plain load gives (the same relative name under two roots
    gets ``~2``, in file order).
    """
    found = list(problems)
    documents: list[Document] = []
    ids: set[str] = set()
    total = len(files)
    for done, (path, root) in enumerate(files, 1):
        docs, probs = read_file(path, relative_id(path, root))
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


def document_from_record(record: dict[str, object], path: str = "", index: int = 0) -> Document:
    """A Document from one article object ({"title", "text", "date", "source", …}).

    ``briefing eval`` uses it so evaluation articles go through the same repair, cleaning and
    language detection as a user's files. Raises ValueError when the record has no text.
    """
    from briefing.corpus.formats import record_to_article

    raw = record_to_article(record, f"item {index}")
    if isinstance(raw, str):
        raise ValueError(raw)
    doc = build_document(
        raw, doc_id=f"{Path(path).name}#{index}" if path else str(index), path=path
    )
    if doc is None:
        raise ValueError(f"item {index}: no text after repair")
    return doc
