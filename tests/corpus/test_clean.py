"""Where an article ends: a comments section, a related-links box at its foot, a pitch glued
to its last sentence; and the article sentences beside them that stay."""

from __future__ import annotations

from briefing.corpus.clean import clean_paragraphs

ARTICLE = [
    "The city council approved the new tram line on Monday after a debate of six hours.",
    "Work on the first section is due to start in the spring, the mayor told reporters.",
    "The line will link the university with the main station and the northern suburbs.",
    "Opponents said the cost had doubled since the plan was first presented in 2019.",
]


def test_a_comments_heading_ends_the_article() -> None:
    paras = [*ARTICLE, "Kommentarer", "Vi ønsker en åben og livlig debat, skriv en kommentar."]
    assert clean_paragraphs(paras, "da").paragraphs == ARTICLE


def test_a_related_heading_with_teasers_at_the_foot_goes_but_not_prose_after_it() -> None:
    teasers = [*ARTICLE, "Czytaj też:", "Ten region Polski zanotował najniższe bezrobocie"]
    assert clean_paragraphs(teasers, "pl").paragraphs == ARTICLE
    prose = [*ARTICLE, "Related", "The council will vote on the budget for the line next month."]
    assert clean_paragraphs(prose, "en").paragraphs == [*ARTICLE, prose[-1]]


def test_an_onward_link_glued_to_the_last_sentence_costs_only_itself() -> None:
    last = (
        "In 2007 the defence minister pondered the legal side of an invasion from outer space. "
        "READ MORE: Japan unveils Izumo, its largest warship since World War II"
    )
    cleaned = clean_paragraphs([*ARTICLE, last], "en").paragraphs
    assert cleaned[-1] == (
        "In 2007 the defence minister pondered the legal side of an invasion from outer space."
    )


def test_a_closing_pitch_paragraph_goes_whole_and_news_of_donations_stays() -> None:
    pitch = "Get a weekly roundup in your inbox instead. Sign up for our newsletter here."
    assert clean_paragraphs([*ARTICLE, pitch], "en").paragraphs == ARTICLE
    donated = "It also lists the names and amounts donated by residents of the town at the time."
    assert clean_paragraphs([*ARTICLE, donated], "en").paragraphs == [*ARTICLE, donated]
