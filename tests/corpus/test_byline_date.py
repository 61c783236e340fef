"""A saved page's date is the one written under its headline, in the languages pages use, and
never a date from the article's body or from a list of other articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.corpus.load import load_corpus

BODY = (
    "<p>Rents in central Tokyo rose for the twelfth month in a row, a survey published on Tuesday "
    "showed, as companies brought staff back to offices across the five central wards.</p>"
    "<p>The average asking rent reached a record, the survey said, and analysts expect more.</p>"
    "<p>Vacancy rates fell to their lowest level since 2020 across the five central wards.</p>"
)


def _page(byline: str, head: str = "", body: str = BODY) -> str:
    return (
        f"<html><head><title>Tokyo rents rise again</title>{head}</head><body>"
        '<aside><span class="date">Tue, 14 Jan 2020</span></aside><article>'
        f"<h1>Tokyo rents rise again</h1>{byline}{body}</article></body></html>"
    )


def _date(tmp_path: Path, html: str) -> dt.date | None:
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (doc,) = load_corpus([tmp_path]).documents
    return doc.date


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("<p>News24<br>13 Jan 2020, 22:11 GMT+10</p>", dt.date(2020, 1, 13)),
        ('<p class="date">Written: 2023-11-07 15:03:30</p>', dt.date(2023, 11, 7)),
        ("<span>Monday, 6 January 2020</span>", dt.date(2020, 1, 6)),
        ("<p>Von Redaktion, 15. Mai 2019, 05:28 Uhr</p>", dt.date(2019, 5, 15)),
        ("<p>Publié le 26 juillet 2025 à 10 h</p>", dt.date(2025, 7, 26)),
        ("<p>2025年7月26日 10時00分</p>", dt.date(2025, 7, 26)),
    ],
)
def test_the_byline_date_under_the_headline_is_the_pages_date(
    tmp_path: Path, byline: str, want: dt.date
) -> None:
    assert _date(tmp_path, _page(byline)) == want


def test_the_byline_wins_over_a_stamp_of_another_day_but_a_same_day_stamp_keeps_its_offset(
    tmp_path: Path,
) -> None:
    early = '<meta property="article:published_time" content="2020-01-03T09:48:24Z">'
    assert _date(tmp_path, _page("<p>Monday, 6 January 2020</p>", early)) == dt.date(2020, 1, 6)
    same = '<meta property="article:published_time" content="2020-01-06T23:30:00+09:00">'
    (tmp_path / "page.html").unlink()
    (tmp_path / "page.html").write_text(_page("<p>6 January 2020</p>", same), encoding="utf-8")
    (doc,) = load_corpus([tmp_path]).documents
    assert doc.published is not None
    assert doc.published.utcoffset() == dt.timedelta(hours=9)


def test_a_date_in_the_body_is_not_taken_for_the_byline(tmp_path: Path) -> None:
    body = (
        "<p>On 2 March 2019 the survey began, and rents in central Tokyo have risen in every "
        "month since then, as companies brought staff back to offices across the wards.</p>"
    ) + BODY
    stamp = '<meta property="article:published_time" content="2020-01-13T08:00:00+09:00">'
    assert _date(tmp_path, _page("", stamp, body)) == dt.date(2020, 1, 13)


def test_an_update_date_before_the_publication_date_is_not_the_date(tmp_path: Path) -> None:
    byline = "<p>Updated: 5 May 2021 05:53 · Published 4 May 2021 19:18</p>"
    assert _date(tmp_path, _page(byline)) == dt.date(2021, 5, 4)
