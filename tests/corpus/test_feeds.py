"""Feed items as a reader expects them: the item's fuller text, no drawing markup, and a damaged
feed reported in one line with the items that could be read kept."""

from __future__ import annotations

from pathlib import Path

from briefing.corpus.load import load_corpus

LONG = (
    "Rents in central Tokyo rose for the twelfth month in a row, a survey published on Tuesday "
    "showed, as companies brought staff back to offices. The average asking rent reached a record."
)


def _rss(items: str, close: bool = True) -> str:
    tail = "</channel></rss>" if close else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Desk</title>'
        f"{items}{tail}"
    )


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / "feed.xml").write_text(text, encoding="utf-8")
    return load_corpus([tmp_path])


def test_content_encoded_wins_over_a_shorter_description(tmp_path: Path) -> None:
    item = (
        "<item><title>Rents</title><link>https://desk.example/a</link>"
        "<description>Rents rose.</description>"
        f"<content:encoded><![CDATA[<p>{LONG}</p>]]></content:encoded></item>"
    )
    (doc,) = _load(tmp_path, _rss(item)).documents
    assert doc.text.startswith("Rents in central Tokyo")
    assert doc.url == "https://desk.example/a"


def test_a_description_longer_than_a_teaser_content_wins(tmp_path: Path) -> None:
    item = (
        f"<item><title>Rents</title><link>https://desk.example/a</link>"
        f"<description>{LONG}</description>"
        "<content:encoded><![CDATA[<p>Read more…</p>]]></content:encoded></item>"
    )
    (doc,) = _load(tmp_path, _rss(item)).documents
    assert "twelfth month" in doc.text


def test_an_embedded_svg_is_no_text(tmp_path: Path) -> None:
    item = (
        "<item><title>Tree</title><link>https://desk.example/t</link><content:encoded><![CDATA["
        f'<p>{LONG}</p><svg xmlns="http://www.w3.org/2000/svg"><metadata><title>Christmas Tree'
        "</title></metadata></svg>]]></content:encoded></item>"
    )
    (doc,) = _load(tmp_path, _rss(item)).documents
    assert "svg" not in doc.text
    assert "Christmas Tree" not in doc.text


def test_a_cut_feed_is_one_line_and_keeps_the_items_read(tmp_path: Path) -> None:
    items = (
        f"<item><title>One</title><link>https://desk.example/1</link><description>{LONG}"
        "</description></item><item><title>Two</title><description>Rents in cen"
    )
    corpus = _load(tmp_path, _rss(items, close=False))
    assert [d.title for d in corpus.documents] == ["One"]
    (problem,) = corpus.problems
    assert problem.path.endswith("feed.xml")
    assert problem.message.startswith("malformed XML feed")
    assert "kept the 1 item" in problem.message


def test_an_item_without_a_link_keeps_its_guid_address(tmp_path: Path) -> None:
    item = (
        "<item><title>Rents</title><guid>https://desk.example/rents-2025</guid>"
        f"<description>{LONG}</description></item>"
    )
    (doc,) = _load(tmp_path, _rss(item)).documents
    assert doc.url == "https://desk.example/rents-2025"
