"""``r`` and ``--watch``: read the folder again and show what changed, keeping the user's place.

The load is the first one's (the same worker, the cache making unchanged files a stat each);
what differs is its end: the list is rebuilt around the article under the cursor, briefs of
edited articles are dropped and made again, compare marks of deleted ones go, and the store
(keyed by each article's place and text, never by list position) needs no change at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.signal import Signal

from briefing.model import Document, Problem
from briefing.tui.messages import CorpusLoaded, FolderChanged

if TYPE_CHECKING:
    from briefing.tui.screens.library import LibraryScreen
    from briefing.tui.session import Session

    _App = App[None]
else:
    _App = object


class ReloadMixin(_App):
    """The app's part of reloading (mixed into :class:`BriefingApp`)."""

    session: Session
    library: LibraryScreen
    _corpus_complete: bool
    corpus_changed: Signal[None]
    document_changed: Signal[str]
    progress_changed: Signal[tuple[str, int, int] | None]

    def load_corpus(self) -> None:
        raise NotImplementedError

    def summarize_all(self, docs: tuple[Document, ...]) -> None:
        raise NotImplementedError

    def _report(self, problems: tuple[Problem, ...], what: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        """Read the folder again (the cache makes unchanged files cheap); the list keeps its
        cursor, and notes and read state stay with their articles (the store keys them by
        place and text, not by list position)."""
        if not self._corpus_complete:
            self.notify("Still loading the folder.", timeout=2)
            return
        self.load_corpus()

    def on_folder_changed(self, _message: FolderChanged) -> None:
        self.reload()

    def _reloaded(self, message: CorpusLoaded) -> None:
        session, old = self.session, self.session.documents
        session.finish_loading(message.documents, message.themes, message.index)
        new = session.documents
        changed = [i for i in new if i in old and old[i].content_hash != new[i].content_hash]
        gone = [i for i in old if i not in new]
        for doc_id in (*changed, *gone):
            session.briefs.pop(doc_id, None)  # an edited article gets a new brief
        session.marked = [i for i in session.marked if i in new]
        self.corpus_changed.publish(None)
        for doc_id in changed:
            self.document_changed.publish(doc_id)
        todo = tuple(new[i] for i in self.library.list_order() if i not in session.briefs)
        if todo:
            self.progress_changed.publish(("Summarizing", 0, len(todo)))
            self.summarize_all(todo)
        else:
            self.progress_changed.publish(None)
        added = len([i for i in new if i not in old])
        self.notify(f"Reloaded: {added} new, {len(changed)} changed, {len(gone)} gone.",
                    timeout=4)  # fmt: skip
        self._report(message.problems, "skipped")
