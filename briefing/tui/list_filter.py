"""What the filter line and the language key leave of the folder, worked out per keystroke.

Typing extends the query one character at a time, and often the new query can only narrow the
last one (a CJK word grows, ``lang:fr`` gains a word): then only the last answer is searched,
not the folder. With whole-word matching that is not always so ("li" finds what "lia" does
not), and :meth:`~briefing.query.Query.narrows` says when it is. The answer is remembered only
for the same documents, read states and notes (:attr:`Session.version`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Document
from briefing.query import Query, parse
from briefing.tui.grouping import filter_documents
from briefing.tui.session import Session


class SearchPending(Exception):
    """The query has words and the search index is still being made (the list waits)."""


@dataclass
class ListFilter:
    """The last query run and its answer; :meth:`run` raises ``QueryError`` for a bad query."""

    _last: tuple[object, ...] | None = None
    _query: Query | None = None
    _answer: list[Document] = field(default_factory=list)

    def run(self, session: Session, text: str, language: str | None) -> list[Document]:
        """The documents ``text`` and ``language`` leave, in folder order."""
        query = parse(
            text,
            themes=list(session.themes) if session.loaded else None,
            langs=session.languages if session.loaded else None,
        )
        if session.indexing and query.words:
            raise SearchPending
        key = (id(session.documents), session.version, id(session.search_index), language)
        docs: list[Document] | None = None
        if key == self._last and self._query is not None:
            if query == self._query:
                return self._answer
            if query.narrows(self._query):
                docs = self._answer
        if docs is None:
            docs = list(session.documents.values())
        store_read = session.is_read
        answer = filter_documents(
            docs,
            session.search_index,
            query,
            language,
            is_read=lambda doc: store_read(doc.id),
            note_of=lambda doc: session.note(doc.id),
            noted=session.noted,
        )
        self._last, self._query, self._answer = key, query, answer
        return answer
