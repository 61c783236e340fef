"""Themes: what an analyst filtering by theme would notice.

The seed documents get the themes a reader would give them (and none a reader would call wrong),
with evidence that points at the words; user theme files add and override; broken files are
reported one line each and skipped; matching follows each language's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import paths
from briefing.model import Document, Evidence, Problem, Term, Theme
from briefing.text.scripts import fold
from briefing.themes import (
    assign_themes,
    count_documents,
    filter_documents,
    find_theme,
    load_themes,
    match_themes,
    parse_theme,
    themes_version,
)

ALL = {
    "ai-governance",
    "ai-safety",
    "china-global-role",
    "economy-industry",
    "global-south",
    "international-cooperation",
    "open-source",
    "robotics",
    "us-china",
}
AGG = "004_f3eb38ce3b79a726.txt"

# (document id, themes a reader expects, themes a reader would call wrong); themes in neither set
# are judgement calls left to the scorer
SEED_THEMES: list[tuple[str, set[str], set[str]]] = [
    # ja: Li Qiang proposes the World AI Cooperation Organization at WAIC
    (
        "000_e6fbc0d64e4d1f4c.txt",
        {"international-cooperation", "ai-governance", "global-south"},
        {"us-china", "robotics", "open-source", "economy-industry"},
    ),
    # zh-tw: commentary on the proposal: safety, governance, the "intelligence divide"
    (
        "001_e834074ab85ee63e.txt",
        {"ai-safety", "ai-governance", "international-cooperation", "global-south"},
        {"us-china", "robotics", "open-source", "economy-industry"},
    ),
    # ja: digest on US–China competition, open source, robotics and the AI industry
    (
        "002_05922f49669fd553.txt",
        {"us-china", "open-source", "robotics", "economy-industry"},
        {"global-south", "ai-safety"},
    ),
    # fr: Xinhua on Li Qiang's proposal
    (
        "003_8db735ba76f7c009.txt",
        {"international-cooperation", "ai-governance", "global-south"},
        {"us-china", "robotics", "open-source", "economy-industry"},
    ),
    # aggregator page, 10 articles
    (  # forum on AI global governance (captions about robots are not its subject)
        f"{AGG}#1",
        {"ai-governance"},
        {"robotics", "us-china", "open-source", "economy-industry"},
    ),
    (  # China leads AI global governance; Global South; WAICO
        f"{AGG}#2",
        {"ai-governance", "international-cooperation", "global-south"},
        {"robotics", "us-china", "open-source", "economy-industry"},
    ),
    (  # experts on AI global governance (English digest)
        f"{AGG}#3",
        {"ai-governance", "international-cooperation", "global-south"},
        {"robotics", "us-china", "open-source", "economy-industry"},
    ),
    (  # Nature editorial: join China's AI governance push and WAICO
        f"{AGG}#4",
        {"ai-governance", "international-cooperation"},
        {"robotics", "open-source", "global-south"},
    ),
    (  # "AI unity and governance" dialogue in Geneva
        f"{AGG}#5",
        {"ai-governance", "international-cooperation"},
        {"robotics", "us-china", "open-source", "economy-industry"},
    ),
    (  # editorial: fragmented AI governance, safety system urgent
        f"{AGG}#6",
        {"ai-governance", "ai-safety"},
        {"robotics", "us-china", "open-source"},
    ),
    (  # "AI+" cooperation initiative at the UN
        f"{AGG}#7",
        {"ai-governance", "international-cooperation"},
        {"robotics", "us-china", "open-source"},
    ),
    (  # international rule of law and the global governance system: not about AI governance
        f"{AGG}#8",
        {"international-cooperation"},
        {"ai-governance", "ai-safety", "robotics", "us-china", "open-source"},
    ),
    (  # China's image abroad: economic contribution, global role
        f"{AGG}#9",
        {"china-global-role", "economy-industry"},
        {"ai-governance", "ai-safety", "robotics", "us-china", "open-source"},
    ),
    (  # interview with the UN's chief information technology officer
        f"{AGG}#10",
        {"ai-governance", "international-cooperation"},
        {"robotics", "us-china"},
    ),
]


def make_doc(
    paragraphs: list[str] | str, lang: str = "en", title: str = "", doc_id: str = "d"
) -> Document:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        title=title,
        title_derived=False,
        date=None,
        source=None,
        lang=lang,
        paragraphs=tuple(paragraphs),
    )


def make_theme(theme_id: str = "t", threshold: float = 1.0, **terms: list[str | Term]) -> Theme:
    exclude = terms.pop("exclude", None)
    return Theme(
        id=theme_id,
        label={"en": theme_id},
        terms={
            lang: tuple(t if isinstance(t, Term) else Term(t) for t in items)
            for lang, items in terms.items()
        },
        exclude={"en": tuple(exclude)} if exclude else {},  # type: ignore[arg-type]
        threshold=threshold,
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


VALID = """\
id = "{id}"
label = "{label}"

[terms]
en = ["{term}"]
"""


@pytest.fixture(scope="module")
def bundled() -> tuple[Theme, ...]:
    themes, problems = load_themes([paths.bundled_themes()])
    assert problems == ()
    return themes


@pytest.fixture(scope="module")
def seed_themed(seed_docs: dict[str, Document], bundled: tuple[Theme, ...]) -> dict[str, Document]:
    return {d.id: d for d in assign_themes(list(seed_docs.values()), bundled)}


# --- the seed corpus -----------------------------------------------------------------------


def test_bundled_themes_cover_the_four_languages(bundled: tuple[Theme, ...]) -> None:
    assert {t.id for t in bundled} == ALL
    for theme in bundled:
        assert {"en", "fr", "ja", "zh"} <= set(theme.terms), theme.id
        assert {"en", "fr", "ja", "zh"} <= set(theme.label), theme.id
        assert Path(theme.path).parent == paths.bundled_themes()


def test_every_seed_document_has_a_theme(seed_themed: dict[str, Document]) -> None:
    assert len(seed_themed) == 14
    assert {doc_id for doc_id, *_ in SEED_THEMES} == set(seed_themed)
    for doc in seed_themed.values():
        assert doc.themes, doc.id


@pytest.mark.parametrize(
    ("doc_id", "expected", "wrong"), SEED_THEMES, ids=[d for d, *_ in SEED_THEMES]
)
def test_seed_document_themes(
    seed_themed: dict[str, Document], doc_id: str, expected: set[str], wrong: set[str]
) -> None:
    got = set(seed_themed[doc_id].theme_ids)
    assert expected <= got, f"missing {expected - got}"
    assert not got & wrong, f"wrong {got & wrong}"


def test_evidence_shows_which_terms_matched_where(seed_themed: dict[str, Document]) -> None:
    doc = seed_themed["000_e6fbc0d64e4d1f4c.txt"]
    match = next(m for m in doc.themes if m.theme_id == "international-cooperation")
    assert match.theme_id == doc.themes[0].theme_id  # the proposal is what the article is about
    # the title names the proposed organisation, and so does the opening paragraph
    assert match.evidence[0] == Evidence("世界AI協力機構", -1, 1)
    assert Evidence("世界AI協力機構", 0, 1) in match.evidence
    assert Evidence("国際協力", 0, 1) in match.evidence
    for ev in match.evidence:
        where = doc.title if ev.paragraph == -1 else doc.paragraphs[ev.paragraph]
        assert fold(where).count(fold(ev.term)) >= ev.count, ev


def test_evidence_points_into_the_document(seed_themed: dict[str, Document]) -> None:
    for doc in seed_themed.values():
        for match in doc.themes:
            assert match.evidence
            assert match.score > 0
            for ev in match.evidence:
                assert -1 <= ev.paragraph < len(doc.paragraphs)
                assert ev.count >= 1


def test_counts_and_filter_by_theme(
    seed_themed: dict[str, Document], bundled: tuple[Theme, ...]
) -> None:
    docs = list(seed_themed.values())
    counts = count_documents(docs, bundled)
    assert list(counts) == [t.id for t in bundled]
    assert counts["ai-governance"] >= 10
    robots = filter_documents(docs, "Robotics")
    assert [d.id for d in robots] == ["002_05922f49669fd553.txt"]
    assert counts["robotics"] == 1
    assert find_theme(bundled, "US-China") is not None
    assert find_theme(bundled, "nope") is None


# --- user themes ---------------------------------------------------------------------------


def test_user_theme_is_picked_up_and_overrides_bundled(briefing_home: Path) -> None:
    user_dir = paths.user_themes_dir()
    assert user_dir == briefing_home / "config" / "themes"
    write(
        user_dir, "my-robots.toml", VALID.format(id="robotics", label="Robots only", term="android")
    )
    write(user_dir, "chips.toml", VALID.format(id="chips", label="Chips", term="semiconductor"))

    themes, problems = load_themes()

    assert problems == ()
    by_id = {t.id: t for t in themes}
    assert set(by_id) == ALL | {"chips"}
    assert by_id["robotics"].label == {"en": "Robots only"}
    assert by_id["robotics"].path == str(user_dir / "my-robots.toml")
    doc = make_doc("An android served tea. The android also poured it.", title="Android butlers")
    assert "robotics" in {m.theme_id for m in match_themes(doc, themes)}
    robot_doc = make_doc("Robots everywhere: humanoid robots and more robots.")
    assert "robotics" not in {m.theme_id for m in match_themes(robot_doc, themes)}


def test_missing_user_dir_is_not_a_problem(briefing_home: Path) -> None:
    assert not paths.user_themes_dir().exists()
    themes, problems = load_themes()
    assert problems == ()
    assert {t.id for t in themes} == ALL


def test_example_in_readme_loads(tmp_path: Path) -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    text = readme.read_text(encoding="utf-8")
    example = text.split("### Example theme file", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path, "example.toml", example)
    themes, problems = load_themes([tmp_path])
    assert problems == ()
    assert len(themes) == 1


# --- broken files --------------------------------------------------------------------------

BROKEN = [
    ("bad-syntax.toml", 'id = "x"\nlabel = = "X"\n', "invalid TOML at line 2, column 9"),
    ("no-id.toml", 'label = "X"\n[terms]\nen = ["x"]\n', "missing field 'id'"),
    ("no-terms.toml", 'id = "x1"\nlabel = "X"\n', "missing field 'terms'"),
    (
        "terms-type.toml",
        'id = "x2"\nlabel = "X"\n[terms]\nen = "robot"\n',
        "field 'terms.en' must be a list of strings",
    ),
    (
        "weight.toml",
        'id = "x3"\nlabel = "X"\n[terms]\nen = [{ term = "a", weight = "high" }]\n',
        "weight of 'a' must be a positive number",
    ),
    ("id-type.toml", 'id = 3\nlabel = "X"\n[terms]\nen = ["x"]\n', "field 'id' must be a string"),
    (
        "typo.toml",
        'id = "x4"\nlabel = "X"\n[term]\nen = ["x"]\n',
        "unknown field 'term'",
    ),
    (
        "region.toml",
        'id = "x5"\nlabel = "X"\n[terms]\nzh-tw = ["機器人"]\n',
        "use 'zh', which matches every variant",
    ),
    (
        "threshold.toml",
        'id = "x6"\nlabel = "X"\nthreshold = -1\n[terms]\nen = ["x"]\n',
        "threshold",
    ),
]


def test_broken_files_are_reported_and_skipped(tmp_path: Path) -> None:
    write(tmp_path, "good.toml", VALID.format(id="good", label="Good", term="robot"))
    for name, text, _ in BROKEN:
        write(tmp_path, name, text)
    (tmp_path / "latin1.toml").write_bytes('id = "é"'.encode("latin-1"))
    (tmp_path / "notes.txt").write_text("not a theme", encoding="utf-8")

    themes, problems = load_themes([tmp_path])

    assert [t.id for t in themes] == ["good"]
    by_file = {Path(p.path).name: p.message for p in problems}
    assert set(by_file) == {name for name, *_ in BROKEN} | {"latin1.toml"}
    for name, _, message in BROKEN:
        assert message in by_file[name], (name, by_file[name])
    assert "UTF-8" in by_file["latin1.toml"]
    for problem in problems:
        assert "\n" not in problem.message
        assert str(problem).startswith(str(tmp_path))


def test_duplicate_id_in_one_folder_keeps_the_first(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", VALID.format(id="same", label="First", term="x"))
    write(tmp_path, "b.toml", VALID.format(id="same", label="Second", term="y"))
    themes, problems = load_themes([tmp_path])
    assert [t.label["en"] for t in themes] == ["First"]
    assert problems == (
        Problem(str(tmp_path / "b.toml"), "duplicate id 'same' (already in a.toml)"),
    )


def test_broken_user_file_leaves_bundled_themes(briefing_home: Path) -> None:
    write(paths.user_themes_dir(), "robotics.toml", "id = 'robotics'\nlabel = \n")
    themes, problems = load_themes()
    assert {t.id for t in themes} == ALL  # the bundled robotics theme still stands
    assert len(problems) == 1
    assert problems[0].path.endswith("robotics.toml")


def test_parse_theme_accepts_the_full_schema() -> None:
    theme = parse_theme(
        {
            "id": "chips",
            "label": {"en": "Chips", "ja": "半導体"},
            "threshold": 3,
            "terms": {"en": ["chip", {"term": "export controls", "weight": 2}], "any": ["TSMC"]},
            "exclude": {"en": ["potato chips"]},
        },
        "chips.toml",
    )
    assert theme.terms["en"] == (Term("chip"), Term("export controls", 2.0))
    assert theme.terms["any"] == (Term("TSMC"),)
    assert theme.exclude == {"en": ("potato chips",)}
    assert theme.threshold == 3.0
    assert theme.label_for("ja") == "半導体"
    assert theme.label_for("fr") == "Chips"


# --- matching ------------------------------------------------------------------------------


def ids(doc: Document, *themes: Theme) -> list[str]:
    return [m.theme_id for m in match_themes(doc, themes)]


def test_chinese_matches_jieba_words_not_substrings() -> None:
    theme = make_theme(zh=["中美"])
    us_china = make_doc("中美两国在人工智能领域竞争。中美之间的科技竞争。", "zh-cn")
    assert ids(us_china, theme) == ["t"]
    # 中美洲 (Central America) is one jieba word: 中美 inside it is an accident
    assert ids(make_doc("中美洲国家。中美洲的经济。", "zh-cn"), theme) == []


def test_traditional_and_simplified_match_alike() -> None:
    theme = make_theme(zh=["李强", "人工智能"])
    doc = make_doc("國務院總理李強出席世界人工智能大會。", "zh-tw")
    match = match_themes(doc, [theme])[0]
    assert [e.term for e in match.evidence] == ["人工智能", "李强"]


def test_english_and_french_match_stems() -> None:
    theme = make_theme(en=["regulation"], fr=["gouvernance"])
    assert ids(make_doc("New regulations. The regulation passed.", "en"), theme) == ["t"]
    assert ids(make_doc("La Gouvernance mondiale. Une gouvernance partagée.", "fr"), theme) == ["t"]


def test_case_and_width_fold_but_capitals_stay_acronyms() -> None:
    theme = make_theme(en=["US", "Open Source"])
    assert ids(make_doc("The ＵＳ and the US. OPEN SOURCE too.", "en"), theme) == ["t"]
    # "US" written in capitals is the country, not the pronoun
    assert ids(make_doc("Tell us. Give us more.", "en"), theme) == []


def test_multiword_terms_match_as_word_sequences() -> None:
    theme = make_theme(en=["open source"], ja=["人工知能"])
    assert ids(make_doc("Open-source models and open source code.", "en"), theme) == ["t"]
    assert ids(make_doc("Open the source. Open a source.", "en"), theme) == []
    assert ids(make_doc("人工知能の開発。人工知能を使う。", "ja"), theme) == ["t"]


def test_latin_terms_match_inside_japanese_and_chinese_text() -> None:
    theme = make_theme(en=["WAIC", "open source"], ja=["協力機構"])
    doc = make_doc("上海のWAICで世界AI協力機構を提案。open sourceも。", "ja")
    match = match_themes(doc, [theme])[0]
    assert {e.term for e in match.evidence} == {"WAIC", "open source", "協力機構"}
    assert ids(make_doc("WAIC2025在上海举行，WAIC吸引观众。", "zh-cn"), theme) == ["t"]


def test_japanese_compounds_match_from_the_word_start() -> None:
    theme = make_theme(ja=["オープンソース", "ロボット"])
    doc = make_doc("オープンソースモデルを公開。ロボットメーカーも参入。", "ja")
    assert ids(doc, theme) == ["t"]


def test_chinese_title_over_english_body_is_matched_in_chinese() -> None:
    theme = make_theme(zh=["联合国"], en=["UN"])
    doc = make_doc("The UN said so.", "en", title="独家专访联合国首席信息技术官")
    match = match_themes(doc, [theme])[0]
    assert Evidence("联合国", -1, 1) in match.evidence


def test_excluded_phrase_cancels_terms_inside_it() -> None:
    theme = make_theme(en=["governance", "governance of AI"], exclude=["global governance"])
    world = make_doc("Global governance reform. Global governance and the UN.", "en")
    assert ids(world, theme) == []
    ai = make_doc("Global governance of AI is needed. Governance of AI matters.", "en")
    assert ids(ai, theme) == ["t"]


def test_short_item_gets_its_theme_long_article_ignores_a_passing_mention(
    bundled: tuple[Theme, ...],
) -> None:
    short = make_doc(
        "Humanoid robots served visitors at the expo. The robots drew crowds.",
        title="Robots at WAIC",
    )
    assert "robotics" in ids(short, *bundled)
    filler = "The ministers discussed AI governance, regulation and ethics at length. " * 4
    long_doc = make_doc(
        [filler] * 30 + ["A robot was on display. Robots are popular."], title="AI governance talks"
    )
    got = ids(long_doc, *bundled)
    assert got[0] == "ai-governance"
    assert "robotics" not in got


def test_results_are_sorted_and_deterministic(seed_themed: dict[str, Document]) -> None:
    for doc in seed_themed.values():
        keys = [(-m.score, m.theme_id) for m in doc.themes]
        assert keys == sorted(keys)
    themes, _ = load_themes([paths.bundled_themes()])
    doc = seed_themed["002_05922f49669fd553.txt"]
    assert match_themes(doc, themes) == match_themes(doc, tuple(reversed(themes)))


def test_assign_replaces_earlier_themes(bundled: tuple[Theme, ...]) -> None:
    doc = make_doc("Humanoid robots and robotics.", title="Robots")
    (once,) = assign_themes([doc], bundled)
    (twice,) = assign_themes([once], bundled)
    assert once.theme_ids == twice.theme_ids == ("robotics",)
    (none,) = assign_themes([once], [])
    assert none.themes == ()


def test_themes_version_changes_with_definitions_not_paths(bundled: tuple[Theme, ...]) -> None:
    version = themes_version(bundled)
    assert version == themes_version(tuple(reversed(bundled)))
    moved = tuple(
        Theme(t.id, t.label, t.terms, t.exclude, t.threshold, "/elsewhere") for t in bundled
    )
    assert themes_version(moved) == version
    first = bundled[0]
    changed = Theme(first.id, first.label, {**first.terms, "en": (Term("x"),)}, first.exclude)
    assert themes_version((changed, *bundled[1:])) != version


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(max_size=40),
    paragraphs=st.lists(st.text(max_size=200), max_size=4),
    lang=st.sampled_from(["ja", "zh-cn", "zh-tw", "fr", "en", "de", "ko", "und"]),
)
def test_any_text_matches_without_crashing(
    bundled: tuple[Theme, ...], title: str, paragraphs: list[str], lang: str
) -> None:
    doc = make_doc(paragraphs, lang, title=title)
    for match in match_themes(doc, bundled):
        for ev in match.evidence:
            assert -1 <= ev.paragraph < len(doc.paragraphs)
