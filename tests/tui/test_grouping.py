"""Filtering and grouping: the ranked fast path gives the list the slow sort would."""

from __future__ import annotations

import datetime as dt

from briefing.query import QueryIndex, parse
from briefing.tui.grouping import UNDATED, filter_documents, group_documents, newest_first_rank
from tests.tui.fakes import make_doc

DAYS = [dt.date(2025, 1, 1) + dt.timedelta(days=n % 7) for n in range(40)]
DOCS = [
    make_doc(f"d{n:02d}", f"Title {n % 5}", "fr" if n % 3 else "en", None if n % 11 == 0 else day,
             "Wire", [f"Body {n} {'chine' if n % 2 else 'japon'}"])
    for n, day in enumerate(DAYS)
]  # fmt: skip


def test_ranked_grouping_equals_sorting_every_time() -> None:
    rank = newest_first_rank(DOCS)
    for grouping in ("date", "theme"):
        slow = group_documents(DOCS, grouping, {})
        assert group_documents(list(reversed(DOCS)), grouping, {}, rank) == slow
    groups = group_documents(DOCS, "date", {}, rank)
    assert groups[-1].label == UNDATED
    assert [g.label for g in groups[:-1]] == sorted({g.label for g in groups[:-1]}, reverse=True)


def test_a_document_the_index_has_not_ranked_is_still_placed() -> None:
    rank = newest_first_rank(DOCS[:10])  # read while loading, before the rank knew them
    assert group_documents(DOCS, "date", {}, rank) == group_documents(DOCS, "date", {})


def test_every_word_and_the_language_must_match() -> None:
    index = QueryIndex(DOCS)
    found = filter_documents(DOCS, index, parse("CHINE title"), "fr")
    assert found == [d for d in DOCS if d.lang == "fr" and "chine" in d.text]
    assert filter_documents(DOCS, index, parse("chine japon")) == []
    assert filter_documents(DOCS, QueryIndex(()), parse("japon")) == [
        d for d in DOCS if "japon" in d.text
    ]
