"""Each format a user has: the article's text and metadata come through, the chrome does not."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.corpus.load import load_corpus

BODY = (
    "Chinese Premier Li Qiang on Saturday proposed establishing a global AI cooperation "
    "organization, speaking at the World Artificial Intelligence Conference in Shanghai. "
    "More than 1,000 participants attended the meeting."
)

PAGE = f"""<html><head><title>Li Qiang proposes WAICO | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2025-07-26"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Menu Subscribe Login</nav>
<article><h1>Li Qiang proposes a World AI Cooperation Organization</h1>
<p>{BODY}</p><p>The premier said AI should be an international public good that benefits all.</p>
<p>He said China is ready to share its experience with countries of the Global South.</p></article>
<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""

FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>AI Wire</title>
<item><title>First &amp; foremost</title><link>https://example.org/1</link>
<pubDate>Sat, 26 Jul 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Second</title><pubDate>Sun, 27 Jul 2025 10:00:00 GMT</pubDate>
<description>Le premier ministre chinois a parlé dimanche. La conférence a réuni mille personnes.</description></item>
</channel></rss>"""


def test_saved_web_page_gives_main_text_title_date_and_site(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,) = load_corpus([tmp_path]).documents
    assert doc.title == "Li Qiang proposes a World AI Cooperation Organization"
    assert doc.date == dt.date(2025, 7, 26)
    assert doc.source == "Example News"
    assert doc.paragraphs[0] == BODY
    assert "Menu" not in doc.text
    assert "All rights reserved" not in doc.text


def test_json_object_and_list_with_various_keys(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        json.dumps({"headline": "One", "body": BODY, "published": "2025-07-26T08:00:00Z",
                    "publisher": {"name": "Wire"}, "link": "https://e.org/1"}),
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "many.json").write_text(
        json.dumps(
            [{"title": "A", "text": BODY, "date": "26 July 2025"}, {"title": "B", "content": BODY}]
        ),
        encoding="utf-8",
    )
    docs = {d.id: d for d in load_corpus([tmp_path]).documents}
    assert set(docs) == {"one.json", "many.json#1", "many.json#2"}
    one = docs["one.json"]
    assert (one.title, one.date, one.source, one.url) == (
        "One",
        dt.date(2025, 7, 26),
        "Wire",
        "https://e.org/1",
    )
    assert docs["many.json#1"].date == dt.date(2025, 7, 26)
    assert docs["many.json#2"].title == "B"


def test_rss_feed_entries_become_documents_with_the_feed_as_source(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    docs = load_corpus([tmp_path]).documents
    assert [d.title for d in docs] == ["First & foremost", "Second"]
    assert [d.date for d in docs] == [dt.date(2025, 7, 26), dt.date(2025, 7, 27)]
    assert [d.lang for d in docs] == ["en", "fr"]
    assert docs[0].source == "AI Wire"
    assert docs[0].paragraphs == (BODY,)


def test_markdown_heading_is_the_title_and_syntax_is_gone(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        f"# WAIC opens in Shanghai\n\n**{BODY}**\n\nSee [the report](https://e.org) for more.\n",
        encoding="utf-8",
    )
    (doc,) = load_corpus([tmp_path]).documents
    assert doc.title == "WAIC opens in Shanghai"
    assert not doc.title_derived
    assert doc.paragraphs == (BODY, "See the report for more.")


def test_folder_is_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/1.txt", "a/z/3.txt", ".hidden/4.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Title {name}\n{BODY}\n", encoding="utf-8")
    ids = [d.id for d in load_corpus([tmp_path]).documents]
    assert ids == ["a/1.txt", "a/z/3.txt", "b/2.txt"]


def test_date_written_in_text_and_attribution_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "見出し\n本文です。会議が開かれました。\n(『週刊テスト』2024年3月5日の記事からダイジェスト)\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Titre de l'article\nLe texte commence ici. Il continue là.\nSource : Agence France-Presse\n",
        encoding="utf-8",
    )
    docs = {d.id: d for d in load_corpus([tmp_path]).documents}
    assert docs["a.txt"].date == dt.date(2024, 3, 5)
    assert docs["a.txt"].source == "週刊テスト"
    assert docs["b.txt"].source == "Agence France-Presse"
    assert "Source" not in docs["b.txt"].text


def _feed(encoding: str, title: str, body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>Wire</title><item><title>{title}</title><description>{body}</description>"
        "</item></channel></rss>\n"
    )


@pytest.mark.parametrize(
    ("declared", "codec", "title", "body"),
    [
        (
            "windows-1252",
            "cp1252",
            "L’été à Genève",
            "Le Conseil s’est réuni à Genève. Les délégués ont approuvé le plan.",
        ),
        (
            "KOI8-R",
            "koi8_r",
            "Президент России",
            "Президент выступил в среду. Конференция продолжится завтра.",
        ),
        (
            "windows-1251",
            "cp1251",
            "Президент России",
            "Президент выступил в среду. Конференция продолжится завтра.",
        ),
        (
            "windows-1256",
            "cp1256",
            "أعلن رئيس الوزراء",
            "أعلن رئيس الوزراء عن مبادرة جديدة. وسيعقد المؤتمر غدا.",
        ),
        (
            "ISO-8859-2",
            "iso-8859-2",
            "Rozpoczęła się konferencja",
            "Prezydent przemówił w Łodzi. Żółć gęślą jaźń.",
        ),
        # feedparser read the UTF-8 it made of our text as UTF-16: garbage at an even length
        ("UTF-16", "utf-16", "L’été à Genève", "Le Conseil s’est réuni à Genève."),
        ("UTF-16", "utf-16", "L’été à Genève!", "Le Conseil s’est réuni à Genève."),
    ],
    ids=[
        *("windows-1252", "koi8-r", "windows-1251", "windows-1256", "iso-8859-2"),
        *("utf-16-bom", "utf-16-bom-one-char-longer"),
    ],
)
def test_feed_in_its_declared_charset_reads_without_mojibake(
    tmp_path: Path, declared: str, codec: str, title: str, body: str
) -> None:
    (tmp_path / "feed.xml").write_bytes(_feed(declared, title, body).encode(codec))
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    (doc,) = corpus.documents
    assert (doc.title, doc.text) == (title, body)


GOOD_LINE = '{"title": "Good %d", "text": "The council met on day %d. Officials agreed a plan."}'


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            '{"title": "Big", "n": ' + "9" * 5000 + ', "text": "A huge number. It still loads."}',
            None,
        ),
        (
            "[" * 100_000 + "]" * 100_000,
            "line 2: JSON nested more than 64 levels deep, over the limit for an article file "
            "(raise it with BRIEFING_MAX_JSON_DEPTH)",
        ),
        ('{"title": "Odd \\ud800", "text": "A lone \\udfff surrogate. It still loads."}', None),
        ("\x00" * 300, "line 2: not valid JSON (Expecting value)"),
        ("null", "line 2: expected an article object, found null"),
    ],
    ids=["5000-digits", "nested-100000", "lone-surrogate", "nuls", "null"],
)
def test_one_awkward_jsonl_line_costs_only_that_line(
    tmp_path: Path, line: str, problem: str | None
) -> None:
    lines = [GOOD_LINE % (1, 1), line, GOOD_LINE % (3, 3)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [p.message for p in corpus.problems] == ([problem] if problem else [])
    titles = [d.title for d in corpus.documents]
    assert titles[0] == "Good 1"
    assert titles[-1] == "Good 3"
    assert len(titles) == (2 if problem else 3)
    for doc in corpus.documents:
        doc.text.encode("utf-8")  # nothing unencodable is left in a document
        doc.title.encode("utf-8")


def test_json_title_with_an_escaped_lone_surrogate_loads(tmp_path: Path) -> None:
    record = '{"title": "Title \\ud800", "text": "A body. It has text.", "url": "https://x.example/\\udc00"}'
    (tmp_path / "a.json").write_text(record, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    (doc,) = corpus.documents
    assert (doc.title, doc.url) == ("Title \ufffd", "https://x.example/\ufffd")


@pytest.mark.parametrize("ref", ["&#7;", "&#27;", "&#x1b;", "&#0;", "&#xFFFE;"])
def test_html_with_a_c0_character_reference_keeps_its_text(tmp_path: Path, ref: str) -> None:
    page = PAGE.replace("benefits all.", f"benefits all {ref}.")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    (doc,) = corpus.documents
    assert doc.paragraphs[0] == BODY
    assert "benefits all ." in doc.text


@pytest.mark.parametrize(
    ("stamp", "day"),
    [("2025年2月27日（木） 11:05", "2025-02-27"), ("2025年3月19日 16時48分", "2025-03-19"),
     ("2025/02/27 10:06", "2025-02-27")],
)  # fmt: skip
def test_a_text_file_opening_on_its_date_stamp_gets_that_date_and_its_headline(
    tmp_path: Path, stamp: str, day: str
) -> None:
    """As bbc-japanese/*.txt in ../shared/field: the stamp above the headline was the title and
    the article undated."""
    path = tmp_path / "fire.txt"
    path.write_text(
        f"{stamp}\n150人以上が行方不明 カリフォルニア州山火事で\n\n"
        "サンフランシスコ北のワイン生産で知られる地域を襲った山火事で少なくとも15人の死亡が確認された。"
        "死者のうち9人はソノマ郡の住民。\n\n最も被害が大きかったのは同郡サンタローザ市だった。\n",
        encoding="utf-8",
    )
    (doc,) = load_corpus([path]).documents
    assert doc.title == "150人以上が行方不明 カリフォルニア州山火事で"
    assert str(doc.date) == day
    assert not any(stamp in p for p in doc.paragraphs)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [("Tuesday 25 February 2025 19.05 GMT", "2025-02-25"),
     ("samedi 8 mars 2025 à 13h11", "2025-03-08"),
     ("佐賀新聞　公開日時：2025年4月1日 21時19分", "2025-04-01"),
     ("CBS News | Published: 13:02 EDT, 31 March 2025", "2025-03-31"),
     ("Updated 7:55 PM BST April 5, 2025", "2025-04-05"),
     ("Nice-Matin | 14/03/2025 12:31", "2025-03-14"),
     ("*11/03/2025 07:28*", "2025-03-11"),
     ("Le 12 mars 2025", "2025-03-12")],
)  # fmt: skip
def test_a_stamp_with_its_weekday_label_or_paper_dates_the_article_and_is_no_title(
    tmp_path: Path, stamp: str, day: str
) -> None:
    """From ../shared/field: each stamp above one long paragraph was taken for the title, so the
    article had no date (the stamp was its only one) and a stamp for a headline."""
    body = (
        "Le motard, un homme de 26 ans, ne portait pas de casque lors de la collision survenue "
        "vendredi vers 15 heures rue de Retinne. Malgré l'intervention rapide des secours, il "
        "est décédé sur place."
    )
    path = tmp_path / "crash.txt"
    path.write_text(f"{stamp}\n\n{body}\n", encoding="utf-8")
    (doc,) = load_corpus([path]).documents
    assert str(doc.date) == day
    assert doc.title_derived
    assert stamp not in doc.title
    assert doc.paragraphs == (body,)


def test_slashed_stamps_read_month_first_only_in_english(tmp_path: Path) -> None:
    fr = "Le conseil municipal a voté le budget hier soir après un long débat sur les écoles."
    en = "The city council passed the budget last night after a long debate about schools."
    (tmp_path / "fr.txt").write_text(f"Le Courrier | 03/04/2025 09:00\n\n{fr}\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(f"The Courier | 03/04/2025 09:00\n\n{en}\n", encoding="utf-8")
    dates = {d.lang: d.date for d in load_corpus([tmp_path]).documents}
    assert dates == {"fr": dt.date(2025, 4, 3), "en": dt.date(2025, 3, 4)}


@pytest.mark.parametrize(
    "name", ["2025-03-16_gerard-de-villiers.txt", "2025_03_16 obituary.txt", "20250316.txt",
             "202503161230.txt"],
)  # fmt: skip
def test_a_file_named_by_its_day_is_dated_by_it_not_by_a_birth_date(
    tmp_path: Path, name: str
) -> None:
    """As inbox/2025-03/2025-03-16_gerard-de-villiers-….txt in ../shared/field: the obituary was
    filed under 1929-12-08, the writer's birth date, the only full date its text gives."""
    path = tmp_path / name
    path.write_text(
        "Gérard de Villiers, l'auteur de SAS, est mort.\n\n"
        "Phénomène de l'édition française, il est décédé jeudi à 83 ans.\n\n"
        "Gérard de Villiers, né le 8 décembre 1929 à Paris, publiait quatre romans par an.\n",
        encoding="utf-8",
    )
    (doc,) = load_corpus([path]).documents
    assert doc.date == dt.date(2025, 3, 16)


@pytest.mark.parametrize(
    "name", ["article-7557627.txt", "20251399.txt", "id-20150112345.txt", "2025-03/notes.txt"]
)
def test_a_number_in_a_file_name_that_is_no_day_dates_nothing(tmp_path: Path, name: str) -> None:
    """An id, a month that does not exist, an 11-digit number, a month folder: no date."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "The council met on Tuesday.\n\nIt passed the budget after a long debate.\n",
        encoding="utf-8",
    )
    (doc,) = load_corpus([path]).documents
    assert doc.date is None


def test_a_dateline_in_the_text_still_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2025-03-20_saved.txt"
    path.write_text(
        "Published: March 18, 2025\n\nThe council met on Tuesday and passed the budget.\n\n"
        "The vote was close.\n",
        encoding="utf-8",
    )
    (doc,) = load_corpus([path]).documents
    assert doc.date == dt.date(2025, 3, 18)
