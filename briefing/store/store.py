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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from briefing import paths
from briefing.atomic import move_aside, write_atomic
from briefing.model import Document, Problem
from briefing.store.entries import (
    FILENAME,
    MISSING,
    UNPLACED,
    Entry,
    NewerVersion,
    StoreError,
    article_key,
    dump_entries,
    file_version,
    holds,
    now_utc,
    parse_entries,
    plan_moves,
)

LOCK_TIMEOUT = 5.0
"""Seconds to wait for another process's write; writes take milliseconds, so longer means stale."""


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
        self.revision = 0
        """Counts changes to the entries in memory (writes, moves, another process's entries
        read back before a write): a reader that keeps entries knows when to ask again."""
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
            entries = parse_entries(raw)
        except NewerVersion:
            self._problem("notes were written by a newer briefing; changes will not be saved")
            self.read_only = True
            return {}
        except (ValueError, UnicodeDecodeError):
            return self._recover()
        if file_version(raw) == 1:
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
                if file_version(on_disk) == 1:  # another process may have migrated it meanwhile
                    write_atomic(self.path, dump_entries(entries))
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
            return parse_entries(self.backup.read_bytes())
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
        if not self._entries:  # a first session: no article's place need be worked out
            return Entry()
        key = article_key(doc)
        found = self._entries.get(key)
        if found is None or not holds(found, doc, key):
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
        moves = plan_moves(self._entries, docs)
        if not moves or self.read_only:
            return 0 if not moves else self._apply_moves(moves)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                on_disk = self._read_for_write()
                if on_disk is not None:
                    self._entries = on_disk
                moved = self._apply_moves(moves)
                write_atomic(self.path, dump_entries(self._entries))
        except (OSError, StoreError) as error:
            self._problem(f"could not save the notes that followed their articles: {error}")
            return self._apply_moves(moves)
        return moved

    def _apply_moves(self, moves: list[tuple[str, str]]) -> int:
        self.revision += 1
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
        self._change((doc,), lambda entry: replace(entry, read=read))

    def set_read_many(self, docs: Iterable[Document], read: bool = True) -> None:
        """One write for many articles: marking a 1,300-article folder read (or undoing it) is
        one locked, fsync'ed write, not 1,300, and a crash leaves all of it or none."""
        self._change(tuple(docs), lambda entry: replace(entry, read=read))

    def set_note(self, doc: Document, note: str) -> None:
        """Store ``note`` (trailing whitespace trimmed); an empty note removes it."""
        text = note.rstrip()
        self._change((doc,), lambda entry: replace(entry, note=text))

    def _change(self, docs: tuple[Document, ...], update: Callable[[Entry], Entry]) -> None:
        """Apply one change to the file as it is on disk now, then to memory.

        Re-reading under the lock is what keeps a second process's notes: we never write our
        whole in-memory copy over theirs, only these entries.
        """

        def stamped(doc: Document, entry: Entry) -> Entry:
            return replace(update(entry), content_hash=doc.content_hash, updated=now_utc(),
                           title=doc.title, doc_id=doc.id)  # fmt: skip

        if not docs:
            return
        self.revision += 1
        if self.read_only:
            for doc in docs:
                self._put(doc, stamped(doc, self.entry(doc)))
            raise StoreError("notes are read-only in this session: " + self.problems[-1].message)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            on_disk = self._read_for_write()
            if on_disk is not None:
                self._entries = on_disk
            for doc in docs:
                self._put(doc, stamped(doc, self.entry(doc)))
            if on_disk is not None and self.path.exists():
                write_atomic(self.backup, self.path.read_bytes())
            write_atomic(self.path, dump_entries(self._entries))

    def _put(self, doc: Document, entry: Entry) -> None:
        key = article_key(doc)
        old = self._entries.get(key)
        if old is not None and not holds(old, doc, key) and not old.empty:
            self._apply_moves([(key, MISSING + key)])  # another article's note: set apart
        self._entries[key] = entry

    def _read_for_write(self) -> dict[str, Entry] | None:
        """The entries on disk now; None when missing, or corrupt (then moved aside)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return parse_entries(raw)
        except NewerVersion as error:
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
