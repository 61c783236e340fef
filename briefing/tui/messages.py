"""What the workers tell the app, and what screens ask of it. Neither touches the other's
widgets: workers post events (past tense), screens post requests (imperative), the app acts.

Dataclass messages as in toolong's ``messages.py``: past-tense events, posted from a thread with
``App.post_message`` (thread-safe) and handled on the event loop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from briefing.model import Document, Problem, Theme
from briefing.query import QueryIndex
from briefing.tui.packed_briefs import Packed


@dataclass
class LoadProgressed(Message):
    """Progress of one stage of the load ("Loading", "Summarizing")."""

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # A file-by-file flood of progress collapses to the latest count of the same stage.
        return isinstance(message, LoadProgressed) and message.stage == self.stage


@dataclass
class DocumentsArrived(Message):
    """Documents of files just read (or found in the cache), before the whole folder is in:
    the list shows them at once. Their themes may still be missing; :class:`CorpusLoaded`
    brings the final documents."""

    documents: tuple[Document, ...]


@dataclass
class CorpusLoaded(Message):
    """The documents are read and themed: the list can show them, briefs are still to come."""

    documents: tuple[Document, ...]
    themes: tuple[Theme, ...]
    problems: tuple[Problem, ...]
    notes_moved: int = 0
    """Notes that followed a renamed or moved article to its new place."""
    notices: tuple[Problem, ...] = ()
    """Messages that are not skipped files: the cache was locked, the notes file was repaired."""
    index: QueryIndex | None = None
    """The documents' folded text for the filter line, made in the worker (seconds on 10,000
    articles: never on the event loop)."""
    indexing: bool = False
    """The index is still being made and follows in :class:`SearchIndexed`: the list is shown
    without waiting for it (4 s of CPU on 10,000 articles, four times the warm open)."""


@dataclass
class SearchIndexed(Message):
    """The filter line's index of the documents of the last :class:`CorpusLoaded`."""

    documents: tuple[Document, ...]
    index: QueryIndex


@dataclass
class BriefsReady(Message):
    """Briefs just made or found in the cache, a batch at a time: one message per brief would
    flood the event loop of a large folder while the user is trying to use the list. Packed
    in the worker (:mod:`briefing.tui.packed_briefs`), keyed by document id."""

    briefs: tuple[tuple[str, Packed], ...]


@dataclass
class SummariesFinished(Message):
    """Every brief is done; documents that could not be summarized are listed as problems."""

    problems: tuple[Problem, ...]


@dataclass
class DatesEstimated(Message):
    """Undated articles placed by their story (doc id → the story's first date)."""

    estimates: dict[str, dt.date]
    basis: dict[str, Document]
    """The undated documents the estimates were made from: the app applies them only to those
    still in the session unchanged."""


# what screens ask of the app ---------------------------------------------------------------


@dataclass
class BriefsWanted(Message):
    """The list has the whole folder: summarize in this order (what the user sees first)."""

    order: tuple[str, ...]


@dataclass
class OpenReader(Message):
    doc_id: str


@dataclass
class ToggleMark(Message):
    """Mark for compare, or unmark."""

    doc_id: str


@dataclass
class Exported(Message):
    """The reader's export is written (``path``), or could not be (``error``)."""

    path: Path | None
    count: int
    error: str = ""


@dataclass
class FolderChanged(Message):
    """The watcher saw files added, changed or deleted under the corpus."""

    changes: int
