"""Notes and read state, kept in one small versioned JSON file under the user data dir.

An analyst's notes are the one thing briefing holds that cannot be recomputed, so the file is
treated like a database:

* every write is atomic (temp file in the same directory, flush, ``os.fsync``, ``os.replace``), so
  a crash mid-write leaves the old file or the new one, never half of one;
* the previous good file is kept as ``notes.json.bak``;
* a file that does not parse is moved aside (``notes.json.corrupt-<timestamp>``), reported as a
  :class:`~briefing.model.Problem`, and the backup is used; it is never overwritten in place;
* a write re-reads the file under a lock and applies only this change to it, so two briefing
  processes (a TUI and a ``briefing export``) never lose each other's notes.

**Keys.** An entry belongs to one article of one folder: its key is the article's file as an
absolute path, plus ``#N`` for the N-th article of a file that holds several
(``/home/ana/news/feeds/mixed.xml#3``). Version 1 keyed entries by the id inside the corpus
(``feeds/mixed.xml#3``), so a note taken in one folder showed on whatever article sat at the same
relative path of another folder. Each entry also keeps the article's ``content_hash`` and title:

* :meth:`Store.attach` (called once a corpus is loaded) moves an entry whose article was renamed
  or moved to its new place, found by its text: the old file is gone, or the article moved within
  its file (a feed that gained an item);
* an entry at a place that now holds a *different* article (a refreshed feed's ``#3``) is never
  shown on it: it is set apart under ``missing:`` and listed by ``briefing notes``, never dropped;
* version-1 files are migrated on first open: the old file is kept as ``notes.json.v1``, and
  its entries wait under ``v1:`` until a corpus holding their text is opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.atomic import move_aside, write_atomic
from briefing.model import Document, Problem

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
LOCK_TIMEOUT = 5.0
"""Seconds to wait for another process's write; writes take milliseconds, so longer means stale."""


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


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def article_key(doc: Document) -> str:
    """Where ``doc`` lives: its file's absolute path, plus ``#N`` inside a multi-article file."""
    match = _FRAGMENT.search(doc.id)
    fragment = match.group(1) or "" if match else ""
    return os.path.abspath(doc.path or doc.id) + fragment


def place_file(key: str) -> str:
    """The file part of an entry key (the key without its `#N`)."""
    return _FRAGMENT.sub("", key, count=1)


def _parse(raw: bytes) -> dict[str, Entry]:
    """The entries in ``raw``; raises ValueError for anything that is not a notes file.

    A version-1 file (keyed by ids inside a corpus) comes back with every key under
    :data:`UNPLACED`: :meth:`Store.attach` places them by their text.
    """
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a briefing notes file")
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise _NewerVersion(version)
    if version == 1 and isinstance(data.get("documents"), dict):
        return {UNPLACED + str(k): Entry.from_json(v) for k, v in data["documents"].items()}
    if version != VERSION or not isinstance(data.get("articles"), dict):
        raise ValueError(f"not a briefing notes file (version {version!r})")
    return {str(key): Entry.from_json(value) for key, value in data["articles"].items()}


def _version(raw: bytes) -> object:
    with contextlib.suppress(ValueError, UnicodeDecodeError, AttributeError):
        return json.loads(raw.decode("utf-8")).get("version")
    return None


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _holds(entry: Entry, doc: Document, key: str) -> bool:
    """Whether ``entry``, found at ``doc``'s place, was written on this article.

    The same text, or the same file for a one-article file (an edited article keeps its note),
    or the same title inside a multi-article file (repair changed the text, not the article).
    A feed's ``#3`` that now holds another story fails all three.
    """
    if not entry.content_hash or entry.content_hash == doc.content_hash:
        return True
    if place_file(key) == key:
        return True
    return bool(entry.title) and _same_title(entry.title, doc.title)


class _NewerVersion(ValueError):
    """Valid JSON from a newer briefing: not corrupt, just not ours to rewrite."""


def _dump(entries: dict[str, Entry]) -> bytes:
    articles = {key: entry.to_json() for key, entry in sorted(entries.items()) if not entry.empty}
    data = {"version": VERSION, "articles": articles}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class Store:
    """Read state and notes per document, safe against crashes, corruption and a second process.

    Reads are served from memory; each change is written through at once (an analyst's note is
    small and rare, and losing one to a crash is the failure that matters). ``problems`` collects
    what went wrong on the way (a corrupt file moved aside, a lock not obtained) for the UI to show.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.data_dir() / FILENAME
        self.backup = self.path.with_name(self.path.name + ".bak")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.problems: list[Problem] = []
        self.read_only = False
        """True when the file was written by a newer briefing: changes stay in memory only."""
        self._entries: dict[str, Entry] = self._load()

    # reading -------------------------------------------------------------------------------

    def _load(self) -> dict[str, Entry]:
        """The entries on disk; a corrupt file is moved aside and the backup used instead."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._load_backup() if self.backup.exists() else {}
        except OSError as error:
            self._problem(f"cannot read notes: {error.strerror or error}")
            self.read_only = True
            return {}
        try:
            entries = _parse(raw)
        except _NewerVersion:
            self._problem("notes were written by a newer briefing; changes will not be saved")
            self.read_only = True
            return {}
        except (ValueError, UnicodeDecodeError):
            return self._recover()
        if _version(raw) == 1:
            self._migrate(raw, entries)
        return entries

    def _migrate(self, raw: bytes, entries: dict[str, Entry]) -> None:
        """Keep the version-1 file as ``notes.json.v1`` and write it out as version 2."""
        keep = self.path.with_name(self.path.name + ".v1")
        try:
            if not keep.exists():
                write_atomic(keep, raw)
            with self._locked():
                on_disk = self.path.read_bytes()
                if _version(on_disk) == 1:  # another process may have migrated it meanwhile
                    write_atomic(self.path, _dump(entries))
        except (OSError, StoreError) as error:
            self._problem(f"cannot migrate the notes file (kept as it was): {error}")
            self.read_only = True

    def _recover(self) -> dict[str, Entry]:
        moved = self._move_aside()
        restored = self._load_backup()
        where = f"moved to {moved.name}" if moved else "left in place"
        if self.backup.exists() and restored is not None:
            self._problem(f"notes file was corrupt ({where}); restored from {self.backup.name}")
        else:
            self._problem(f"notes file was corrupt ({where}); no usable backup, starting empty")
        return restored or {}

    def _load_backup(self) -> dict[str, Entry]:
        try:
            return _parse(self.backup.read_bytes())
        except (OSError, ValueError, UnicodeDecodeError):
            return {}

    def _move_aside(self) -> Path | None:
        """Rename the unreadable file so it is kept for the user and never overwritten."""
        try:
            return move_aside(self.path)
        except OSError as error:
            self._problem(f"cannot move the corrupt notes file aside: {error}")
            self.read_only = True
            return None

    def _problem(self, message: str) -> None:
        self.problems.append(Problem(str(self.path), message))

    def entry(self, doc: Document) -> Entry:
        """The entry written on ``doc`` at its place; empty when there is none, or when the
        entry there was written on another article."""
        key = article_key(doc)
        found = self._entries.get(key)
        if found is None or not _holds(found, doc, key):
            return Entry()
        return found

    def is_read(self, doc: Document) -> bool:
        return self.entry(doc).read

    def note(self, doc: Document) -> str:
        return self.entry(doc).note

    def entries(self) -> dict[str, Entry]:
        """Every stored entry by key (article place, or a ``v1:``/``missing:`` key)."""
        return dict(self._entries)

    def unplaced(self) -> dict[str, Entry]:
        """Entries whose article is not where they were written, by key: for ``briefing notes``."""
        return {k: e for k, e in self._entries.items() if k.startswith((UNPLACED, MISSING))}

    # placing entries on a loaded corpus ----------------------------------------------------

    def attach(self, docs: Iterable[Document]) -> int:
        """Follow moved and renamed articles of a just-loaded corpus; returns entries moved.

        An entry moves to a document with its text when that document has no entry of its own
        and the entry's place is unusable: its file is gone, it is a version-1 entry, the place
        holds another article now, or it was a place in one of this corpus's files that no
        longer exists (a feed that lost an item). An entry in another folder that still exists
        stays where it is, so two copies of a folder keep their own notes. An entry whose
        place holds another article and whose own article is nowhere is set apart under
        :data:`MISSING`, so no note is ever shown on the wrong article and none is dropped.
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
        taken = {k for k in by_key if k in self._entries}
        for key in sorted(self._entries):
            entry = self._entries[key]
            held = by_key.get(key)
            if held is not None and _holds(entry, held, key):
                continue
            if not self._may_move(key, held, files):
                continue
            target = next((k for k in by_hash.get(entry.content_hash, ()) if k not in taken), None)
            if target is not None:
                moves.append((key, target))
                taken.add(target)
            elif held is not None:  # the place holds another article now
                moves.append((key, MISSING + key))
        if not moves or self.read_only:
            return 0 if not moves else self._apply_moves(moves)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                on_disk = self._read_for_write()
                if on_disk is not None:
                    self._entries = on_disk
                moved = self._apply_moves(moves)
                write_atomic(self.path, _dump(self._entries))
        except (OSError, StoreError) as error:
            self._problem(f"could not save the notes that followed their articles: {error}")
            return self._apply_moves(moves)
        return moved

    @staticmethod
    def _may_move(key: str, doc: Document | None, files: set[str]) -> bool:
        if doc is not None or key.startswith(UNPLACED):
            return True
        if key.startswith(MISSING):
            return False  # already set apart; it comes back only through its own place
        file = place_file(key)
        return file in files or not os.path.exists(file)

    def _apply_moves(self, moves: list[tuple[str, str]]) -> int:
        moved = 0
        for old, new in moves:
            entry = self._entries.get(old)
            if entry is None or (new in self._entries and not new.startswith(MISSING)):
                continue
            del self._entries[old]
            if new.startswith(MISSING) and new in self._entries:
                new = f"{new}~{entry.content_hash[:12]}"
            self._entries[new] = entry
            moved += 1
        return moved

    # writing -------------------------------------------------------------------------------

    def set_read(self, doc: Document, read: bool = True) -> None:
        self._change(doc, lambda entry: replace(entry, read=read))

    def set_note(self, doc: Document, note: str) -> None:
        """Store ``note`` (trailing whitespace trimmed); an empty note removes it."""
        text = note.rstrip()
        self._change(doc, lambda entry: replace(entry, note=text))

    def _change(self, doc: Document, update: Callable[[Entry], Entry]) -> None:
        """Apply one change to the file as it is on disk now, then to memory.

        Re-reading under the lock is what keeps a second process's notes: we never write our
        whole in-memory copy over theirs, only this one entry.
        """

        def stamped(entry: Entry) -> Entry:
            return replace(
                update(entry),
                content_hash=doc.content_hash,
                updated=_now(),
                title=doc.title,
                doc_id=doc.id,
            )

        if self.read_only:
            self._put(doc, stamped(self.entry(doc)))
            raise StoreError("notes are read-only in this session: " + self.problems[-1].message)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            on_disk = self._read_for_write()
            if on_disk is not None:
                self._entries = on_disk
            self._put(doc, stamped(self.entry(doc)))
            if on_disk is not None and self.path.exists():
                write_atomic(self.backup, self.path.read_bytes())
            write_atomic(self.path, _dump(self._entries))

    def _put(self, doc: Document, entry: Entry) -> None:
        key = article_key(doc)
        old = self._entries.get(key)
        if old is not None and not _holds(old, doc, key) and not old.empty:
            self._apply_moves([(key, MISSING + key)])  # another article's note: set apart
        self._entries[key] = entry

    def _read_for_write(self) -> dict[str, Entry] | None:
        """The entries on disk now; None when missing, or corrupt (then moved aside)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return _parse(raw)
        except _NewerVersion as error:
            self.read_only = True
            self._problem("notes were written by a newer briefing; changes will not be saved")
            raise StoreError(self.problems[-1].message) from error
        except (ValueError, UnicodeDecodeError):
            moved = self._move_aside()
            if moved is None:
                raise StoreError(self.problems[-1].message) from None
            self._problem(f"notes file was corrupt (moved to {moved.name}); kept notes in memory")
            return None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock between briefing processes for the read-modify-write of one change.

        filelock takes an OS lock (``flock`` on Unix, ``msvcrt`` on Windows) that the OS
        releases if the process dies, so a crashed briefing never leaves notes locked.
        """
        from filelock import FileLock, Timeout

        try:
            with FileLock(self.lock_path, timeout=LOCK_TIMEOUT):
                yield
        except Timeout:
            raise StoreError("notes are locked by another briefing") from None


__all__ = ["Entry", "Store", "StoreError"]
