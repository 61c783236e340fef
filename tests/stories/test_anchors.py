"""Anchors: the same fact written in five languages gives one key."""

from __future__ import annotations

from briefing.stories.anchors import document_anchors, text_anchors
from briefing.stories.figures import extract_figures
from briefing.stories.names import extract_names


def keys(text: str) -> set[str]:
    return set(text_anchors(text))


def test_numbers_written_three_ways_are_one_anchor() -> None:
    assert "number:1000" in keys("会場には1000人以上が集まり")
    assert "number:1000" in keys("qui a attiré plus de 1 000 participants")
    assert "number:1000" in keys("more than 1,000 people attended")
    assert "number:300000000" in keys("3億円の投資")


def test_dates_and_weekdays_across_languages() -> None:
    for text in ("2025年7月26日に開幕", "le 26 juillet 2025 à Shanghai", "on July 26, 2025"):
        assert {"date:07-26", "year:2025"} <= keys(text), text
    for text in ("李強首相は土曜日", "a déclaré samedi", "said on Saturday", "星期六在上海"):
        assert "weekday:5" in keys(text), text


def test_dates_do_not_leak_numbers_and_citations_are_not_numbers() -> None:
    figures = extract_figures("2025年7月26日 [1][2] Group 1")
    assert [(f.kind, f.key) for f in figures if f.kind == "number"] == [("number", "1")]
    assert all(f.small for f in figures if f.kind == "number")


def test_a_name_across_scripts_is_one_key() -> None:
    ja = {n.key: n.form for n in extract_names("中国の李強首相は、上海で開かれた会議で")}
    tw = {n.key: n.form for n in extract_names("國務院總理李強在上海出席")}
    cn = {n.key: n.form for n in extract_names("国务院总理李强在上海出席")}
    fr = {n.key: n.form for n in extract_names("Le premier ministre chinois Li Qiang a déclaré")}
    assert ja["liqiang"] == "李強"
    assert tw["liqiang"] == "李強"
    assert cn["liqiang"] == "李强"
    assert fr["liqiang"] == "Li Qiang"
    assert "shanghai" in ja
    assert "shanghai" in tw


def test_latin_names_in_cjk_text_and_french_acronyms() -> None:
    names = {n.key for n in extract_names("世界人工知能大会(WAIC)を開催し、OpenAIやGoogleは")}
    assert {"waic", "openai", "google"} <= names
    assert "ai" in {n.key for n in extract_names("la gouvernance mondiale de l’IA")}


def test_sentence_openers_and_headings_are_not_names() -> None:
    names = {n.key for n in extract_names("Le pays est prêt. Pour y parvenir, il a parlé.")}
    assert not names
    heading = {n.key for n in extract_names("Group 1: AI Governance Challenges - The current law")}
    assert "governance" not in heading
    assert "challenges" not in heading


def test_a_person_named_only_next_to_a_title() -> None:
    names = {n.key: n.form for n in extract_names("中國外交部前副部長傅瑩曾指出")}
    assert names.get("fuying") == "傅瑩"


def test_document_anchors_carry_weekday_of_the_date_and_themes(seed_library) -> None:
    doc = next(d for d in seed_library.documents if d.id.startswith("001"))
    anchors = document_anchors(doc)
    assert anchors["weekday:5"].forms == ("Saturday",)  # 2025-07-26 was a Saturday
    assert any(k.startswith("theme:") for k in anchors)


def test_rare_anchors_weigh_more_than_common_ones(seed_index) -> None:
    weights = seed_index.weights
    assert weights.weight("name:ai") < weights.weight("name:liqiang")
    assert weights.distinctive("name:liqiang")
    assert not weights.distinctive("name:ai")  # in 12 of 14 seeds: never enough to link
    assert weights.weight("year:2025") < weights.weight("number:1000")


def test_a_tiny_corpus_cannot_call_everything_common() -> None:
    from briefing.stories.anchors import Weights

    weights = Weights(df={"name:liqiang": 2}, n=3)
    assert weights.distinctive("name:liqiang")
    assert weights.weight("name:liqiang") > 2
