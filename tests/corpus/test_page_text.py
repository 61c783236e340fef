"""A saved page's article lines: a hard-wrapped paragraph stays one paragraph, a block that is
only a link to another page is dropped, an article subheading a contents list links to stays."""

from __future__ import annotations

from pathlib import Path

from briefing.corpus.load import documents_from_file

PROSE = (
    "Rents in central Tokyo rose for the twelfth month in a row, a survey published on Tuesday "
    "showed, as companies brought staff back to offices across the five central wards."
)


def _doc(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    page = (
        "<html><head><title>Tokyo rents rise again</title></head><body><article>"
        f"<h1>Tokyo rents rise again</h1><p>{PROSE}</p>{body}"
        "<p>Analysts expect the rise to continue into next year, the report added, citing the "
        "strong demand for new offices near the main stations of the capital.</p>"
        "<p>Vacancy rates fell to their lowest level since 2020 across the five central wards, "
        "the survey by the agency found, and landlords raised asking rents again.</p>"
        "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (doc,), problems = documents_from_file(tmp_path / "page.html", "page.html")
    assert not problems
    return doc


def test_a_paragraph_wrapped_over_lines_in_the_source_is_one_paragraph(tmp_path: Path) -> None:
    wrapped = (
        "<p>Seit\ndie schwedische Klimaaktivistin mit Zügen und Segelbooten die Welt bereist,\n"
        "träumen viele Menschen wieder davon, Europa ohne Flugzeug zu erkunden.</p>"
    )
    doc = _doc(tmp_path, wrapped)
    assert (
        "Seit die schwedische Klimaaktivistin mit Zügen und Segelbooten die Welt bereist, "
        "träumen viele Menschen wieder davon, Europa ohne Flugzeug zu erkunden."
    ) in doc.paragraphs
    assert "Seit" not in doc.paragraphs


def test_a_paragraph_that_is_only_a_link_to_another_article_is_dropped(tmp_path: Path) -> None:
    teaser = (
        '<p><strong><a href="/world/putin-drill">PUTIN OVERSEES RUSSIAN MILITARY DRILL '
        "SIMULATING 'MASSIVE RETALIATORY NUCLEAR STRIKE': REPORTS</a></strong></p>"
        '<p>Prices rose, the <a href="/survey">survey</a> said, and offices filled up again '
        "as firms called their staff back from working at home.</p>"
    )
    doc = _doc(tmp_path, teaser)
    assert not any("PUTIN OVERSEES" in p for p in doc.paragraphs)
    assert any(p.startswith("Prices rose, the survey said") for p in doc.paragraphs)


def test_a_subheading_a_contents_list_links_to_stays(tmp_path: Path) -> None:
    body = (
        '<ul class="toc"><li><a href="#demand">Demand from tech firms</a></li></ul>'
        '<h2 id="demand">Demand from tech firms</h2>'
        "<p>Technology companies took most of the new space, the agency said in its report "
        "on the quarter, ahead of banks and insurers.</p>"
    )
    doc = _doc(tmp_path, body)
    assert "Demand from tech firms" in doc.paragraphs


def _page_with_lead(lead_html: str, description: str) -> str:
    return (
        "<html><head><title>Tokyo rents rise again</title>"
        f'<meta name="description" content="{description}"></head><body>'
        f"<header><h1>Tokyo rents rise again</h1>{lead_html}</header><article><p>{PROSE}</p>"
        "<p>Analysts expect the rise to continue into next year, the report added, citing the "
        "strong demand for new offices near the main stations of the capital.</p>"
        "<p>Vacancy rates fell to their lowest level since 2020 across the five central wards, "
        "the survey by the agency found, and landlords raised asking rents again.</p>"
        "</article></body></html>"
    )


LEAD = "Offices are filling up again, and landlords are asking more than ever for them."


def test_the_standfirst_under_the_headline_opens_the_article(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        _page_with_lead(f'<p class="chapo">{LEAD}</p>', LEAD), encoding="utf-8"
    )
    (doc,), _ = documents_from_file(tmp_path / "page.html", "page.html")
    assert doc.paragraphs[0] == LEAD
    assert doc.paragraphs.count(LEAD) == 1


def test_a_description_the_page_only_links_or_never_shows_is_not_text(tmp_path: Path) -> None:
    for lead_html in (f'<a href="/tokyo-rents"><p>{LEAD}</p></a>', "<p>Read on.</p>"):
        (tmp_path / "page.html").write_text(_page_with_lead(lead_html, LEAD), encoding="utf-8")
        (doc,), _ = documents_from_file(tmp_path / "page.html", "page.html")
        assert LEAD not in doc.paragraphs
