"""What the reader knows and the user has done: the corpus so far, briefs, themes, compare marks,
and the notes store.

Screens read it; the app changes it, on its workers' messages and the screens' requests, and
then publishes which documents changed. Keeping it apart from the app means a screen never
needs the app's internals, and a test can set up a session without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from briefing.model import Document, Theme
from briefing.query import QueryIndex
from briefing.store import Entry, Store
from briefing.tui.grouping import newest_first_rank
from briefing.tui.packed_briefs import Packed, PackedBriefs
from briefing.tui.widgets.document_list import Row


class Session:
    MAX_COMPARE = 4

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self.documents: dict[str, Document] = {}
        self.briefs = PackedBriefs()
        """Every brief handed over, kept packed (a folder of 50,000 holds them all)."""
        self.themes: dict[str, Theme] = {}
        self.marked: list[str] = []
        """Documents chosen for compare, in the order they were marked."""
        self.loaded = False
        """The whole folder is in (until then :attr:`documents` holds what was read so far)."""
        self.search_index = QueryIndex(())
        """Folded text of every document for the filter line, built once by the load worker."""
        self.indexing = False
        """The index is being made: words cannot be looked up yet (folding 10,000 texts on the
        event loop would freeze the reader for seconds)."""
        self.rank: dict[str, int] = {}
        """Newest-first position of every document (see ``newest_first_rank``)."""
        self._entries: dict[str, tuple[Document, Entry]] = {}
        """Each document's read state and note as last asked of the store, with the document
        asked about: a keystroke's filter, headings and status read them for every document,
        and the store works out an article's place (a path) per call. Kept while the store
        does not change, for as long as the id holds the same document: a folder's list is
        rebuilt a dozen times while it loads, and asking again for the documents already
        listed took 4.9 of the 10 s 50,000 articles took to list."""
        self._entries_of: int | None = None
        """The store's revision :attr:`_entries` were asked at."""
        self._counted_at: tuple[int, int, int] | None = None
        """The :attr:`version` :attr:`_unread` and :attr:`_noted` were counted at."""
        self._unread: set[str] = set()
        self._languages: tuple[tuple[int, int] | None, list[str]] = (None, [])
        self._noted: set[str] = set()

    @property
    def store(self) -> Store:
        """The notes store, opened on first use (its file is read once)."""
        if self._store is None:
            self._store = Store()
        return self._store

    @property
    def languages(self) -> list[str]:
        """The folder's languages, worked out once per set of documents (every keystroke of
        the filter line asks)."""
        key = (id(self.documents), len(self.documents))
        if self._languages[0] != key:
            self._languages = (key, sorted({doc.lang for doc in self.documents.values()}))
        return list(self._languages[1])

    def entry(self, doc_id: str) -> Entry:
        """The store's entry on ``doc_id`` (empty for a document not in the folder), kept until
        the documents or the store change."""
        self._check()
        doc = self.documents.get(doc_id)
        if doc is None:
            return Entry()
        kept = self._entries.get(doc_id)
        if kept is None or kept[0] is not doc:
            kept = self._entries[doc_id] = (doc, self.store.entry(doc))
        return kept[1]

    def is_read(self, doc_id: str) -> bool:
        """Read, or no longer in the folder (neither counts as unread)."""
        return doc_id not in self.documents or self.entry(doc_id).read

    def note(self, doc_id: str) -> str:
        return self.entry(doc_id).note

    @property
    def unread(self) -> set[str]:
        """The unread documents of the folder, found once per :attr:`version`, so the status
        line and the headings do not ask the store about every document on every keystroke."""
        self._count()
        return self._unread

    @property
    def noted(self) -> set[str]:
        """The documents with a note: the filter looks for its words in these notes only."""
        self._count()
        return self._noted

    @property
    def version(self) -> tuple[int, int, int]:
        """Changes when the documents, their read state or their notes do: an answer worked
        out for one version (the list's filter) is not reused for another."""
        return (id(self.documents), len(self.documents), self.store.revision)

    def _check(self) -> None:
        if self._entries_of != self.store.revision:
            self._entries_of = self.store.revision
            self._entries = {}
            self._counted_at = None

    def _count(self) -> None:
        self._check()
        if self._counted_at != self.version:
            self._unread = {i for i in self.documents if not self.is_read(i)}
            self._noted = {i for i in self.documents if self.note(i)}
            self._counted_at = self.version
            if len(self._entries) > len(self.documents):  # a reload dropped some: let them go
                docs = self.documents
                self._entries = {i: e for i, e in self._entries.items() if docs.get(i) is e[0]}

    def arrive(self, docs: Iterable[Document]) -> None:
        """Documents read so far; the final list replaces them (:meth:`finish_loading`)."""
        for doc in docs:
            self.documents.setdefault(doc.id, doc)

    def finish_loading(
        self,
        docs: Sequence[Document],
        themes: Sequence[Theme],
        index: QueryIndex | None = None,
        *,
        indexing: bool = False,
    ) -> None:
        self.documents = {}
        self.arrive(docs)
        self.themes = {theme.id: theme for theme in themes}
        # without the worker's index, documents are folded as the first query reaches them
        self.search_index = index or QueryIndex(())
        self.indexing = indexing
        self.rank = newest_first_rank(self.documents.values())
        self.loaded = True

    def add_briefs(self, packed: Sequence[tuple[str, Packed]]) -> frozenset[str]:
        """Store briefs the worker packed (:func:`~briefing.tui.packed_briefs.pack`); the
        ids of their documents."""
        return self.briefs.add_packed(packed)

    def row(self, doc_id: str, documents: Mapping[str, Document] | None = None) -> Row:
        """A list row: the document (of ``documents``, by default the folder's now) with its
        read state, note and compare mark."""
        doc = (self.documents if documents is None else documents)[doc_id]
        entry = self.entry(doc_id)
        marked = self.marked.index(doc_id) + 1 if doc_id in self.marked else None
        return Row(doc, entry.read, entry.note, marked)

    def rows(self) -> Mapping[str, Row]:
        """Every row, each made when the list asks for it: it shows a page, not the corpus.

        The rows are those of the documents as they are now: a reload replaces the folder's
        documents before the list hears of it (signals are delivered as messages), and a
        frame drawn in between must still find the rows the list holds, not fail on an
        article the reload dropped."""
        documents = self.documents
        return _Rows(lambda doc_id: self.row(doc_id, documents))

    def toggle_mark(self, doc_id: str) -> list[str] | None:
        """Mark or unmark for compare; the ids whose rows change, or None when compare is full
        (every mark's number may shift when one goes)."""
        if doc_id in self.marked:
            self.marked.remove(doc_id)
        elif len(self.marked) >= self.MAX_COMPARE:
            return None
        else:
            self.marked.append(doc_id)
        return [doc_id, *self.marked]

    def clear_marks(self) -> list[str]:
        changed, self.marked = self.marked, []
        return changed


class _Rows(Mapping[str, Row]):
    def __init__(self, make: Callable[[str], Row]) -> None:
        self._make = make

    def __getitem__(self, doc_id: str) -> Row:
        return self._make(doc_id)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0
