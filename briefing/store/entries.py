"""The notes file's contents: one :class:`Entry` per article, its key, and the file format.

Kept apart from :class:`~briefing.store.store.Store` (which reads and writes the file safely)
because keys and entries are what the rest of briefing asks about: where an article's note
lives, whether a note found there was written on this article.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.model import Document

VERSION = 2
"""The file format written here; a newer number means a newer briefing wrote it: read only."""
FILENAME = "notes.json"
UNPLACED = "v1:"
"""Key prefix of entries migrated from version 1 that no opened corpus has placed yet."""
MISSING = "missing:"
"""Key prefix of entries whose article is no longer where they were written."""
_FRAGMENT = re.compile(r"(#\d+)?(?:~\d+)?$")
"""The tail of a document id: ``#3`` (third article of its file), then ``~2`` (the same
relative name under a second root, which says nothing about the file)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the user has recorded about one document."""

    read: bool = False
    note: str = ""
    content_hash: str = ""
    """The text the note was written against; finds the entry again if the id changes."""
    updated: str = ""
    """ISO timestamp of the last change (UTC), for exports and for humans reading the file."""
    title: str = ""
    """The article's title when the entry was written: tells a moved article from a new one."""
    doc_id: str = ""
    """The article's id in its corpus then, for ``briefing notes``."""

    def to_json(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "note": self.note,
            "content_hash": self.content_hash,
            "updated": self.updated,
            "title": self.title,
            "id": self.doc_id,
        }

    @classmethod
    def from_json(cls, value: Any) -> Entry:
        if not isinstance(value, dict):
            raise ValueError("entry is not an object")
        note = value.get("note", "")
        if not isinstance(note, str):
            raise ValueError("note is not a string")
        return cls(
            read=bool(value.get("read", False)),
            note=note,
            content_hash=str(value.get("content_hash", "")),
            updated=str(value.get("updated", "")),
            title=str(value.get("title", "")),
            doc_id=str(value.get("id", "")),
        )

    @property
    def empty(self) -> bool:
        return not self.read and not self.note


class StoreError(Exception):
    """The store could not be written (locked, read-only, or written by a newer briefing)."""


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def article_key(doc: Document) -> str:
    """Where ``doc`` lives: its file's absolute path, plus ``#N`` inside a multi-article file."""
    match = _FRAGMENT.search(doc.id)
    fragment = match.group(1) or "" if match else ""
    return os.path.abspath(doc.path or doc.id) + fragment


def place_file(key: str) -> str:
    """The file part of an entry key (the key without its `#N`)."""
    return _FRAGMENT.sub("", key, count=1)


def parse_entries(raw: bytes) -> dict[str, Entry]:
    """The entries in ``raw``; raises ValueError for anything that is not a notes file.

    A version-1 file (keyed by ids inside a corpus) comes back with every key under
    :data:`UNPLACED`: :meth:`Store.attach` places them by their text.
    """
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a briefing notes file")
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NewerVersion(version)
    if version == 1 and isinstance(data.get("documents"), dict):
        return {UNPLACED + str(k): Entry.from_json(v) for k, v in data["documents"].items()}
    if version != VERSION or not isinstance(data.get("articles"), dict):
        raise ValueError(f"not a briefing notes file (version {version!r})")
    return {str(key): Entry.from_json(value) for key, value in data["articles"].items()}


def file_version(raw: bytes) -> object:
    with contextlib.suppress(ValueError, UnicodeDecodeError, AttributeError):
        return json.loads(raw.decode("utf-8")).get("version")
    return None


def same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def holds(entry: Entry, doc: Document, key: str) -> bool:
    """Whether ``entry``, found at ``doc``'s place, was written on this article.

    The same text, or the same file for a one-article file (an edited article keeps its note),
    or the same title inside a multi-article file (repair changed the text, not the article).
    A feed's ``#3`` that now holds another story fails all three.
    """
    if not entry.content_hash or entry.content_hash == doc.content_hash:
        return True
    if place_file(key) == key:
        return True
    return bool(entry.title) and same_title(entry.title, doc.title)


class NewerVersion(ValueError):
    """Valid JSON from a newer briefing: not corrupt, just not ours to rewrite."""


def dump_entries(entries: dict[str, Entry]) -> bytes:
    articles = {key: entry.to_json() for key, entry in sorted(entries.items()) if not entry.empty}
    data = {"version": VERSION, "articles": articles}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def plan_moves(entries: dict[str, Entry], docs: Iterable[Document]) -> list[tuple[str, str]]:
    """``(old key, new key)`` for each entry whose article is now elsewhere in ``docs`` (found by
    its text), or ``(key, MISSING + key)`` for one whose place holds another article now.

    An entry moves only when its own place is unusable (see :meth:`Store.attach`); the first
    document with its text that has no entry of its own takes it.
    """
    by_key: dict[str, Document] = {}
    by_hash: dict[str, list[str]] = {}
    for doc in docs:
        key = article_key(doc)
        by_key.setdefault(key, doc)
        if doc.content_hash:
            by_hash.setdefault(doc.content_hash, []).append(key)
    files = {place_file(k) for k in by_key}
    moves: list[tuple[str, str]] = []
    taken = {k for k in by_key if k in entries}
    for key in sorted(entries):
        entry = entries[key]
        held = by_key.get(key)
        if held is not None and holds(entry, held, key):
            continue
        if not _may_move(key, held, files):
            continue
        target = next((k for k in by_hash.get(entry.content_hash, ()) if k not in taken), None)
        if target is not None:
            moves.append((key, target))
            taken.add(target)
        elif held is not None:  # the place holds another article now
            moves.append((key, MISSING + key))
    return moves


def _may_move(key: str, doc: Document | None, files: set[str]) -> bool:
    if doc is not None or key.startswith(UNPLACED):
        return True
    if key.startswith(MISSING):
        return False  # already set apart; it comes back only through its own place
    file = place_file(key)
    return file in files or not os.path.exists(file)
