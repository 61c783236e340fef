"""Read state from the reader: toggle one article, mark a group or the whole list read, undo.

newsboat lost users' read state to a mark-all key pressed by mistake (its issues #1006, #3422):
here every mark-many keeps what it changed, ``u`` puts it back, and the notification says so.
Only the articles whose state changed are remembered, so undo never marks unread an article
that was read before. Many articles are one write to the store
(:meth:`~briefing.store.Store.set_read_many`), whatever the count.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App

from briefing.store import StoreError

if TYPE_CHECKING:
    from briefing.tui.session import Session

    _App = App[None]
else:
    _App = object

UNDO_DEPTH = 20


class ReadStateMixin(_App):
    """The app's part of ``m``, ``M``, ``A`` and ``u`` (mixed into :class:`BriefingApp`)."""

    session: Session
    _undo: list[tuple[tuple[str, ...], bool, str]]

    def _announce(self, doc_ids: Iterable[str]) -> None:
        raise NotImplementedError  # BriefingApp publishes which documents changed

    def _write_read(self, doc_ids: tuple[str, ...], read: bool) -> bool:
        docs = [self.session.documents[i] for i in doc_ids if i in self.session.documents]
        try:
            self.session.store.set_read_many(docs, read)
        except (StoreError, OSError) as error:
            self.notify(f"Not saved: {error}", title="Notes", severity="error", markup=False)
            return False
        finally:
            self._announce(doc_ids)
        return True

    def mark_read_on_open(self, doc_id: str) -> None:
        doc = self.session.documents[doc_id]
        if not self.session.store.is_read(doc):
            self._write_read((doc_id,), True)

    def toggle_read(self, doc_id: str) -> None:
        doc = self.session.documents.get(doc_id)
        if doc is None:
            self.notify("That article is no longer in the folder.", severity="warning")
            return
        self._write_read((doc_id,), not self.session.store.is_read(doc))

    def mark_many_read(self, doc_ids: Iterable[str], what: str) -> None:
        """Mark ``doc_ids`` read, remembering which were unread, for ``u``."""
        store, docs = self.session.store, self.session.documents
        changed = tuple(
            i for i in dict.fromkeys(doc_ids) if i in docs and not store.is_read(docs[i])
        )
        if not changed:
            self.notify(f"Every article in {what} is already read.", timeout=3, markup=False)
            return
        if self._write_read(changed, True):
            self._undo = [*self._undo[-UNDO_DEPTH + 1 :], (changed, False, what)]
            n = len(changed)
            self.notify(f"Marked {n} article{'s' * (n != 1)} in {what} read. Press u to undo.",
                        timeout=8, markup=False)  # fmt: skip

    def undo_read(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.", timeout=3)
            return
        doc_ids, read, what = self._undo.pop()
        if self._write_read(doc_ids, read):
            n = len(doc_ids)
            self.notify(f"Undone: {n} article{'s' * (n != 1)} in {what} unread again.",
                        timeout=5, markup=False)  # fmt: skip
