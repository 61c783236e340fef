"""Real pages and feeds as a reader meets them: the headline without the site's name, the outlet
and not its tagline, no placeholder author, the publisher's own date, and no page chrome."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.cache.codec import decode_file, encode_file
from briefing.cli import main
from briefing.corpus.load import documents_from_file, load_corpus

BODY = (
    "Rents in central Tokyo rose for the twelfth month in a row, a survey published on Tuesday "
    "showed, as companies brought staff back to offices. "
    "The average asking rent reached a record, the survey said."
)
FIELD = Path(__file__).resolve().parents[2].parent / "shared" / "field"


def _page(head: str, h1: str = "", body: str = BODY) -> str:
    return (
        f"<html><head>{head}</head><body><nav>Home World Business</nav><article>"
        f"{f'<h1>{h1}</h1>' if h1 else ''}<p>{body}</p>"
        "<p>Analysts expect the rise to continue into next year, the report added.</p>"
        "<p>Vacancy rates fell to their lowest level since 2020 across the five central wards.</p>"
        "</article><footer>Copyright The Japan Times</footer></body></html>"
    )


def _load_one(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    (doc,) = load_corpus([tmp_path]).documents
    return doc


def test_site_name_suffix_is_stripped_from_a_page_title(tmp_path: Path) -> None:
    head = (
        "<title>Tokyo rents rise again | The Japan Times</title>"
        '<meta property="og:title" content="Tokyo rents rise again | The Japan Times">'
        '<meta property="og:site_name" content="The Japan Times">'
    )
    doc = _load_one(tmp_path, "page.html", _page(head))
    assert doc.title == "Tokyo rents rise again"
    assert doc.source == "The Japan Times"


def test_site_name_and_date_suffix_of_dw_is_stripped(tmp_path: Path) -> None:
    head = (
        '<meta property="og:title" content="Berlin renames colonial-era streets | DW | 23.05.2011">'
        '<meta property="og:site_name" content="DW.COM">'
        '<meta property="og:url" content="https://www.dw.com/en/berlin-renames/a-1">'
    )
    doc = _load_one(tmp_path, "page.html", _page(head))
    assert doc.title == "Berlin renames colonial-era streets"


def test_japanese_portal_suffix_stripped_and_its_tagline_is_never_the_source(
    tmp_path: Path,
) -> None:
    head = (
        '<meta property="og:title" content="東京の家賃、12か月連続で上昇|au Webポータル">'
        '<meta property="og:site_name" content="Au Webポータル|最新のニュースをお届け！">'
    )
    body = "東京都心の家賃が12か月連続で上昇したことが、火曜日に公表された調査で分かった。"
    doc = _load_one(tmp_path, "page.html", _page(head, body=body))
    assert doc.title == "東京の家賃、12か月連続で上昇"
    assert doc.source == "Au Webポータル"


def test_a_real_part_of_a_headline_is_kept(tmp_path: Path) -> None:
    head = (
        '<meta property="og:title" content="Japan: the rent squeeze – Until Now | Example Daily">'
        '<meta property="og:site_name" content="The Japan Times">'
    )
    doc = _load_one(tmp_path, "page.html", _page(head))
    assert doc.title == "Japan: the rent squeeze – Until Now | Example Daily"


def test_page_without_og_title_takes_its_h1_headline(tmp_path: Path) -> None:
    head = "<title>Rents up | The Japan Times</title>"
    doc = _load_one(tmp_path, "page.html", _page(head, h1="Tokyo rents rise for a twelfth month"))
    assert doc.title == "Tokyo rents rise for a twelfth month"


def test_page_without_site_name_is_credited_to_its_domain_not_a_handle(tmp_path: Path) -> None:
    head = (
        '<meta property="og:title" content="Tokyo rents rise again">'
        '<meta name="twitter:site" content="@jt_handle">'
        '<link rel="canonical" href="https://www.japantimes.co.jp/news/rents">'
    )
    doc = _load_one(tmp_path, "page.html", _page(head))
    assert doc.source == "japantimes.co.jp"


FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Japan Desk | Top news, every hour</title>
<item><title>Midnight in Tokyo</title><author>No Author</author>
<pubDate>Wed, 19 Mar 2025 00:00:00 +0900</pubDate>
<description>The item was published at midnight in Tokyo, on the 19th.</description></item>
<item><title>Evening in New York</title><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">admin</dc:creator>
<pubDate>Tue, 18 Mar 2025 22:30:00 EDT</pubDate>
<description>The item was published late in the evening in New York, on the 18th.</description></item>
</channel></rss>"""


def test_rss_plus0900_date_is_kept_on_its_own_day(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    docs, problems = documents_from_file(tmp_path / "feed.xml", "feed.xml")
    assert not problems
    tokyo, new_york = docs
    assert tokyo.date == dt.date(2025, 3, 19)  # in UTC it is the 18th
    assert tokyo.published is not None
    assert tokyo.published.isoformat() == "2025-03-19T00:00:00+09:00"
    assert new_york.date == dt.date(2025, 3, 18)  # in UTC it is the 19th
    assert new_york.published is not None
    assert new_york.published.isoformat() == "2025-03-18T22:30:00-04:00"


def test_no_author_and_admin_are_never_authors_and_a_tagline_never_a_source(
    tmp_path: Path,
) -> None:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    docs, _ = documents_from_file(tmp_path / "feed.xml", "feed.xml")
    assert [d.author for d in docs] == [None, None]
    assert {d.source for d in docs} == {"Japan Desk"}


def test_json_output_keeps_the_offset_of_published(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "one.json").write_text(
        json.dumps({"title": "Stated in JST", "text": BODY,
                    "published": "2025-03-19T00:00:00+09:00"}),
        encoding="utf-8",
    )  # fmt: skip
    assert main(["list", str(tmp_path), "--json"]) == 0
    rows = {row["title"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["Midnight in Tokyo"]["published"] == "2025-03-19T00:00:00+09:00"
    assert rows["Midnight in Tokyo"]["date"] == "2025-03-19"
    assert rows["Stated in JST"]["published"] == "2025-03-19T00:00:00+09:00"
    assert rows["Stated in JST"]["date"] == "2025-03-19"


def test_the_cache_keeps_published_with_its_offset(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    docs, _ = documents_from_file(tmp_path / "feed.xml", "feed.xml")
    again, _ = decode_file(encode_file("feed.xml", docs, []), "feed.xml", docs[0].path)
    assert [d.published for d in again] == [d.published for d in docs]
    old_row = json.dumps({"d": [], "p": []})  # a row of the format before published
    with pytest.raises(ValueError, match="format"):
        decode_file(old_row, "feed.xml", "x")


CHROME = {
    "ja": ["完了しました", "シェア ツイート LINE", "関連記事"],
    "zh": ["【北京新浪網】 科比:詹姆斯是湖人是我兄弟…", "分享到：", "已复制"],
    "fr": ["Partager Tweeter Imprimer", "Lire aussi",
           "Nous utilisons des cookies pour améliorer votre expérience. Accepter"],
    "en": ["Share Tweet Email", "Link copied!",
           "We use cookies to give you the best experience. Accept all cookies"],
}  # fmt: skip
ARTICLE = {
    "ja": ["東京都心の家賃が12か月連続で上昇した。", "調査は火曜日に公表され、企業の出社回帰が背景にある。",
           "作業は2025年3月19日に完了しました。"],
    "zh": ["北京市今年一季度经济同比增长百分之五。", "统计局周二发布的数据显示,消费和投资均有回升。",
           "专家认为,这一势头有望在二季度延续。"],
    "fr": ["Les loyers parisiens ont encore augmenté au premier trimestre.",
           "Le site utilise des cookies, a révélé la CNIL dans un rapport publié mardi.",
           "Les agences prévoient une hausse plus modérée d'ici à la fin de l'année."],
    "en": ["Rents in central Tokyo rose for the twelfth month in a row.",
           "The company said it would share details with regulators on Tuesday.",
           "Analysts expect the rise to continue into next year."],
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(CHROME))
def test_chrome_lines_are_dropped_and_article_paragraphs_kept(tmp_path: Path, lang: str) -> None:
    article = ARTICLE[lang]
    lines = [article[0], *CHROME[lang][:2], article[1], CHROME[lang][2], article[2]]
    doc = _load_one(tmp_path, "article.txt", "Headline of the day\n\n" + "\n\n".join(lines))
    assert list(doc.paragraphs) == article


@pytest.mark.skipif(not FIELD.is_dir(), reason="../shared/field (the field folder) is absent")
def test_field_feed_dates_are_the_publishers_days() -> None:
    labels = [
        json.loads(line)
        for line in (FIELD.parent / "field-labels.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rel = "feeds/kaigai-news-20250303.xml"  # +0900 items that UTC moved to the day before
    want = {lab["index"]: lab["date"] for lab in labels if lab["path"] == rel}
    docs, _ = documents_from_file(FIELD / rel, rel)
    got = {int(d.id.rsplit("#", 1)[1]) - 1: d.date.isoformat() if d.date else None for d in docs}
    assert got == want


def test_credits_of_a_copied_article_are_dropped_and_a_staff_byline_names_no_author(
    tmp_path: Path,
) -> None:
    lines = [
        "By Staff Reporter",
        "(Reuters) - General Motors is recalling nearly 19,000 pickup trucks, it said on Friday.",
        "Photo d'illustration. (AFP)",
        "By the numbers: the recall covers three plants in two states.",
        "The company said no injuries had been reported so far.",
        "This article originally appeared on CNN.",
    ]
    doc = _load_one(tmp_path, "copy.txt", "GM recalls pickups\n\n" + "\n\n".join(lines))
    assert list(doc.paragraphs) == [
        "General Motors is recalling nearly 19,000 pickup trucks, it said on Friday.",
        "By the numbers: the recall covers three plants in two states.",
        "The company said no injuries had been reported so far.",
    ]
    assert doc.author is None


def test_a_wire_copy_keeps_neither_attribution_line(tmp_path: Path) -> None:
    lines = ["南非周日正式向前总统德克勒克致敬。", "（资料图）", "他于11月11日在家中去世,享年85岁。",
             "南非各界人士纷纷发表悼词,回顾他在结束种族隔离中的作用。",
             "（来源：外媒编译）", "（来源：环球速览）"]  # fmt: skip
    doc = _load_one(tmp_path, "copy.txt", "南非悼念前总统德克勒克\n\n" + "\n\n".join(lines))
    assert list(doc.paragraphs) == [lines[0], lines[2], lines[3]]
    assert doc.source == "环球速览"


def test_an_export_title_loses_its_sources_name_but_keeps_a_real_part(tmp_path: Path) -> None:
    rows = [
        {"title": "能登半島地震、死者168人に - BBCニュース", "source": "BBCニュース", "text": BODY},
        {"title": "Tokyo rents rise - a record", "source": "BBCニュース", "text": BODY},
    ]
    (tmp_path / "export.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    docs = load_corpus([tmp_path]).documents
    assert [d.title for d in docs] == ["能登半島地震、死者168人に", "Tokyo rents rise - a record"]


def test_a_pages_one_h1_beats_an_og_title_that_is_another_headline(tmp_path: Path) -> None:
    head = '<meta property="og:title" content="Tokyo rents to keep rising into next year">'
    doc = _load_one(tmp_path, "page.html", _page(head, h1="Tokyo rents rise for a twelfth month"))
    assert doc.title == "Tokyo rents rise for a twelfth month"


def test_an_og_title_with_a_kicker_over_the_h1_stays(tmp_path: Path) -> None:
    head = '<meta property="og:title" content="Tokyo rents rise for a twelfth month">'
    h1 = "Property: Tokyo rents rise for a twelfth month"
    assert _load_one(tmp_path, "page.html", _page(head, h1=h1)).title == (
        "Tokyo rents rise for a twelfth month"
    )


def test_a_template_only_page_is_reported_not_loaded(tmp_path: Path) -> None:
    body = " ".join(f"{{{{rubedo.current.page.field{i}}}}}" for i in range(30)) + " Home"
    (tmp_path / "page.html").write_text(_page("<title>x</title>", body=body), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert not corpus.documents
    (problem,) = corpus.problems
    assert "template placeholders" in problem.message


def test_a_page_naming_no_address_is_credited_to_its_feeds_host(tmp_path: Path) -> None:
    head = (
        "<title>Sur la PMA avec les juristes - Les oreilles loin du front</title>"
        '<link rel="alternate" type="application/rss+xml" href="http://www.loldf.org/backend">'
    )
    doc = _load_one(tmp_path, "page.html", _page(head))
    assert doc.source == "loldf.org"


def test_a_pages_address_is_its_og_url_not_a_relative_canonical_path(tmp_path: Path) -> None:
    head = (
        '<link rel="canonical" href="/newsticker/meldung/tokyo-rents.html">'
        '<meta property="og:url" content="https://www.heise.de/newsticker/meldung/tokyo-rents.html">'
    )
    doc = _load_one(tmp_path, "page.html", _page(head))
    assert doc.url == "https://www.heise.de/newsticker/meldung/tokyo-rents.html"
