"""The query language: parsing, folding, word boundaries, and real articles of the seeds."""

from __future__ import annotations

import datetime as dt
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model import Document, ThemeMatch
from briefing.query import QueryError, QueryIndex, find_spans, fold_for_search, parse


def doc(
    doc_id: str,
    text: str,
    *,
    title: str = "t",
    lang: str = "en",
    date: dt.date | None = dt.date(2025, 7, 21),
    themes: tuple[str, ...] = (),
) -> Document:
    return Document(
        doc_id, "p", title, False, date, "Src", lang, (text,),
        themes=tuple(ThemeMatch(t, 3.0) for t in themes),
    )  # fmt: skip


def ids(docs: list[Document], query: str, **kw: object) -> list[str]:
    return [d.id for d in QueryIndex(docs).filter(docs, parse(query), **kw)]  # type: ignore[arg-type]


def test_words_fold_case_width_accents_and_script() -> None:
    docs = [
        doc("tw", "國務院總理李強出席", lang="zh-tw"),
        doc("ja", "１０人が参加した", lang="ja"),
        doc("fr", "Macron reçoit à l'Élysée", lang="fr"),
        doc("en", "nothing here"),
    ]
    assert ids(docs, "李强") == ["tw"]
    assert ids(docs, "10人") == ["ja"]
    assert ids(docs, "elysee") == ["fr"]
    assert ids(docs, "ELYSÉE recoit") == ["fr"]


def test_spaced_words_match_on_word_boundaries_only() -> None:
    docs = [doc("rel", "high reliability of the grid"), doc("li", "Premier Li Qiang said")]
    assert ids(docs, "Li") == ["li"]
    assert ids(docs, "reliability") == ["rel"]
    assert ids(docs, "liability") == []


def test_cjk_matches_inside_unspaced_text_and_beside_latin() -> None:
    docs = [doc("a", "中国の李強首相はAI協力機構を提案", lang="ja")]
    assert ids(docs, "李強首相") == ["a"]
    assert ids(docs, "ai") == ["a"]  # Latin between CJK is a word of its own
    assert ids(docs, "強首") == ["a"]


def test_phrase_terms_and_keys_are_anded() -> None:
    docs = [
        doc("a", "Li Qiang spoke", themes=("ai-safety",), date=dt.date(2025, 7, 26)),
        doc("b", "Qiang Li spoke", themes=("ai-safety",), date=dt.date(2025, 7, 26)),
        doc("c", "Li Qiang spoke", themes=("trade",), date=dt.date(2025, 7, 26)),
        doc("d", "Li Qiang spoke", themes=("ai-safety",), date=dt.date(2025, 6, 1)),
        doc("e", "Li Qiang spoke", themes=("ai-safety",), date=None),
    ]
    query = 'theme:ai-safety since:2025-07-20 until:2025-07-31 "li qiang"'
    assert ids(docs, query) == ["a"]
    assert ids(docs, "li qiang") == ["a", "b", "c", "d", "e"]


def test_lang_matches_exact_or_family() -> None:
    docs = [doc("cn", "x", lang="zh-cn"), doc("tw", "x", lang="zh-tw"), doc("ja", "x", lang="ja")]
    assert ids(docs, "lang:zh") == ["cn", "tw"]
    assert ids(docs, "lang:zh-tw") == ["tw"]
    assert ids(docs, "lang:zh lang:ja") == ["cn", "tw", "ja"]  # one of the languages


def test_unread_and_note() -> None:
    docs = [doc("a", "x"), doc("b", "y")]
    read = {"a"}
    assert ids(docs, "unread", is_read=lambda d: d.id in read) == ["b"]
    notes = {"a": "Follow up with Élysée desk"}
    assert ids(docs, "elysee", note_of=lambda d: notes.get(d.id, "")) == ["a"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour:red", "unknown key 'colour'"),
        ("since:2025-13-40", "since:2025-13-40: not a date"),
        ("until:yesterday", "until:yesterday: not a date"),
        ("theme:", "theme: needs a value"),
        ("since:2025-08-01 until:2025-07-01", "is after"),
        ("theme:nope", "unknown theme 'nope'"),
        ("lang:xx", "unknown language 'xx'"),
    ],
)
def test_bad_terms_are_one_clear_line(query: str, message: str) -> None:
    with pytest.raises(QueryError) as err:
        parse(query, themes=["ai-safety"], langs=["ja", "zh-tw"])
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_text_that_looks_like_a_key_can_be_quoted() -> None:
    docs = [doc("a", "see https://example.org/x now")]
    with pytest.raises(QueryError):
        parse("https://example.org/x")
    assert ids(docs, '"https://example.org/x"') == ["a"]
    assert ids(docs, "10:30") == []  # digits before a colon are a word, not a key


def test_spans_point_into_the_original_text() -> None:
    text = "Macron à l'Élysée, puis ÉLYSÉE; ＡＩ and 李強"
    spans = find_spans(text, parse("elysee ai 李强"))
    assert [text[a:b] for a, b in spans] == ["Élysée", "ÉLYSÉE", "ＡＩ", "李強"]


def test_typographic_quotes_and_dashes_are_found_as_typed() -> None:
    """Articles set ’ “ ” — œ; a keyboard types ' " - oe. Each finds the other."""
    docs = [
        doc("a", "Le cœur de l’Italie — “Viva”, dit-il."),
        doc("b", 'Le coeur de l\'Italie - "Viva"'),
    ]
    assert ids(docs, "l'italie") == ["a", "b"]
    assert ids(docs, "l’Italie") == ["a", "b"]
    assert ids(docs, "coeur") == ["a", "b"]
    assert ids(docs, "cœur") == ["a", "b"]
    assert ids(docs, '"italie - "') == ["a", "b"]
    text = "Le cœur de l’Italie"
    spans = find_spans(text, parse("coeur l'italie"))
    assert [text[a:b] for a, b in spans] == ["cœur", "l’Italie"]


def test_a_latin_article_is_folded_to_one_byte_a_character() -> None:
    """The index keeps every article's folded text: one ’ must not double a Latin text's size."""
    folded = fold_for_search("L’Élysée — “non”, a-t-il dit. " * 50)
    assert max(folded) <= "\xff"
    assert sys.getsizeof(folded) < 1.1 * len(folded) + 100


words = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=8
)


@settings(max_examples=200, deadline=None)
@given(words, words, words)
def test_a_word_is_found_between_spaces_whatever_its_script(
    before: str, word: str, after: str
) -> None:
    """Any word surrounded by spaces is found by itself, in any case or width."""
    folded = fold_for_search(word).strip()
    if not folded or '"' in word or ":" in word or folded == "unread":
        return
    text = f"{before} {word} {after}"
    asked = word.upper() if fold_for_search(word.upper()) == folded else word  # ı → I → i
    assert ids([doc("a", text)], f'"{asked}"') == ["a"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_any_query_parses_or_fails_with_one_line(query: str, text: str) -> None:
    try:
        parsed = parse(query)
    except QueryError as err:
        message = str(err)
    else:
        message = ""
    if message:
        assert "\n" not in message
        return
    QueryIndex([doc("a", text)]).filter([doc("a", text)], parsed)
    for start, end in find_spans(text, parsed):
        assert 0 <= start < end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_folding_is_idempotent(text: str) -> None:
    once = fold_for_search(text)
    assert fold_for_search(once) == once


def test_real_articles_of_the_seeds(seed_corpus) -> None:  # type: ignore[no-untyped-def]
    docs = list(seed_corpus.documents)
    index = QueryIndex(docs)

    def found(query: str) -> set[str]:
        return {d.id for d in index.filter(docs, parse(query))}

    # 001 is traditional Chinese (李強, 國務院); 000 is Japanese (李強首相); 003 is French
    assert {"000_e6fbc0d64e4d1f4c.txt", "001_e834074ab85ee63e.txt"} <= found("李强")
    assert "001_e834074ab85ee63e.txt" in found("国务院 lang:zh-tw")
    assert "003_8db735ba76f7c009.txt" in found('"li qiang" lang:fr')
    assert "003_8db735ba76f7c009.txt" not in found("li lang:ja")
    assert found("since:2025-07-26 until:2025-07-26") == {
        d.id for d in docs if d.date == dt.date(2025, 7, 26)
    }


def test_a_keystroke_over_ten_thousand_articles_is_fast(seed_corpus) -> None:  # type: ignore[no-untyped-def]
    """The index is built once; a query then costs well under a keystroke (a generous bound:
    the machine running the tests is shared)."""
    base = list(seed_corpus.documents)
    docs = [
        Document(f"{d.id}-{n}", d.path, d.title, False, d.date, d.source, d.lang, d.paragraphs)
        for n in range(10_000 // len(base) + 1)
        for d in base
    ][:10_000]
    index = QueryIndex(docs)
    start = time.perf_counter()
    index.filter(docs, parse("lang:ja 李强 ai"))
    assert time.perf_counter() - start < 1.0


def test_a_query_narrows_another_only_when_its_answer_must_be_inside() -> None:
    assert parse("李强 会议").narrows(parse("李强"))  # one more word
    assert parse("人工智能").narrows(parse("人工"))  # a CJK word grown: matched inside runs
    assert parse("lang:fr chine").narrows(parse("chine"))
    assert parse("since:2025-07-02").narrows(parse("since:2025-07-01"))
    assert not parse("lia").narrows(parse("li"))  # whole words: "li" finds what "lia" does not
    assert not parse("li").narrows(parse("lia"))
    assert not parse("lang:fr lang:ja").narrows(parse("lang:fr"))  # several lang: are "any"
    assert not parse("since:2025-06-30").narrows(parse("since:2025-07-01"))
    assert not parse("chine").narrows(parse("chine unread"))


def test_words_inside_phrases_and_mixed_terms_still_match_whole_words() -> None:
    docs = [
        doc("a", "Premier Li Qiang spoke"),
        doc("b", "Li met Qiang later"),  # both words, not the phrase
        doc("c", "reliability qiang"),
        doc("d", "１０人が参加", lang="ja"),
    ]
    assert ids(docs, '"li qiang"') == ["a"]
    assert ids(docs, "10人") == ["d"]
    assert ids(docs, '"liability qiang"') == []


def test_a_word_in_a_note_is_found_only_among_the_noted_when_they_are_given() -> None:
    docs = [doc("a", "nothing"), doc("b", "nothing")]
    notes = {"a": "Élysée", "b": "Élysée"}
    found = QueryIndex(docs).filter(
        docs, parse("elysee"), note_of=lambda d: notes[d.id], noted={"b"}
    )
    assert [d.id for d in found] == ["b"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_any_text_does(text: str) -> None:
    """English articles take a short cut through folding; it must find what the long way
    finds (case, every kind of ASCII white space)."""
    from briefing.query import _fold_unicode

    assert fold_for_search(text) == _fold_unicode(text)


@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028"
                                        "\u3000\u200bab李é"), max_size=30))  # fmt: skip
def test_whitespace_runs_become_one_space_as_the_regex_makes_them(text: str) -> None:
    """The folded text a query is matched against is the same as with the regex it replaced
    (unicode spaces, ideographic space, ends kept)."""
    import re

    from briefing.query import one_space

    assert one_space(text) == re.sub(r"\s+", " ", text)


def test_a_folder_past_two_byte_positions_still_finds_every_document() -> None:
    """Postings start at 2 bytes a position and widen past 65,536 documents: documents on both
    sides of the bound, and one added after the index was made, are found."""
    wanted = (0, 65535, 65536, 70000)
    docs = [doc(f"d{i}", "Lyon" if i in wanted else "x") for i in range(70001)]
    index = QueryIndex(docs)
    assert [d.id for d in index.filter(docs, parse("lyon"))] == [f"d{i}" for i in wanted]
    late = doc("late", "Lyon again")  # read while loading: added after the index was made
    assert [d.id for d in index.filter([*docs, late], parse("lyon"))][-1] == "late"
