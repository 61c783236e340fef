"""Briefs and key points on the bundled seeds: what an analyst reading them would notice."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from briefing.model import Document
from briefing.summarize import summarize
from briefing.summarize.brief import METHODS
from briefing.summarize.sentences import BOILERPLATE
from briefing.text.scripts import fold

# what must never be quoted in a brief: credits, captions, contact lines, digest scaffolding
NEVER = re.compile(
    r"摄|责编|責編|Reference\(s\)|@|Core (?:Viewpoint|Points|Insights)|Group \d|\[\d\]|<\\?/|"
    r"\(Avec entrée|来源|來源|サンプル|購読"
)
# a brief sentence ends like a sentence (digest bullets excepted: they have no full stop)
ENDS = re.compile(r"[.!?。！？」』”\"'»)）]$")


def doc(paragraphs: list[str], lang: str, title: str = "") -> Document:
    return Document(
        id="t", path="t.txt", title=title, title_derived=not title, date=None, source=None,
        lang=lang, paragraphs=tuple(paragraphs),
    )  # fmt: skip


def squash(text: str) -> str:
    return re.sub(r"\s+|\[\d+\]", "", fold(text))


def position(d: Document, sentence: str) -> int:
    """Where the sentence starts in the article text (spaces and citations ignored)."""
    where = squash(d.text).find(squash(sentence)[:25])
    assert where >= 0, f"not from the article: {sentence!r}"
    return where


@pytest.fixture(scope="module")
def briefs(seed_docs):  # type: ignore[no-untyped-def]
    return {doc_id: summarize(d) for doc_id, d in seed_docs.items()}


def test_every_seed_document_gets_a_brief_of_two_or_three_sentences(seed_docs, briefs) -> None:  # type: ignore[no-untyped-def]
    assert len(seed_docs) == 14
    for doc_id, brief in briefs.items():
        assert 2 <= len(brief.sentences) <= 3, doc_id
        assert brief.method == "briefing"


def test_brief_is_in_reading_order_and_taken_from_the_article(seed_docs, briefs) -> None:  # type: ignore[no-untyped-def]
    for doc_id, brief in briefs.items():
        starts = [position(seed_docs[doc_id], s) for s in brief.sentences]
        assert starts == sorted(starts), doc_id
        assert len(set(starts)) == len(starts), doc_id


def test_brief_has_no_boilerplate_caption_or_half_sentence(seed_docs, briefs) -> None:  # type: ignore[no-untyped-def]
    for doc_id, brief in briefs.items():
        digest = "Core " in seed_docs[doc_id].text
        for s in brief.sentences:
            assert not NEVER.search(s), (doc_id, s)
            assert not BOILERPLATE.search(s), (doc_id, s)
            assert not s.endswith(("...", "…")), (doc_id, s)
            if not digest:
                assert ENDS.search(s), (doc_id, s)


def test_key_points_are_distinct_traceable_and_not_the_brief(seed_docs, briefs) -> None:  # type: ignore[no-untyped-def]
    for doc_id, brief in briefs.items():
        d = seed_docs[doc_id]
        points = brief.key_points
        assert 3 <= len(points) <= 6, doc_id
        keys = [squash(p.text.strip("…")) for p in points]
        assert len(set(keys)) == len(keys), doc_id
        for k, point in zip(keys, points, strict=True):
            assert 0 <= point.paragraph < len(d.paragraphs), doc_id
            source = squash(d.paragraphs[point.paragraph])
            # a trimmed point keeps whole clauses of one sentence of that paragraph
            for clause in re.split(r"[、,，…]", point.text.strip("…")):
                assert squash(clause) in source, (doc_id, point)
            assert not any(k == squash(s) for s in brief.sentences), (doc_id, point)
            assert not NEVER.search(point.text), (doc_id, point)
            for other in keys:
                assert other == k or k not in other, (doc_id, point)


def test_key_points_fit_one_line_where_a_clause_boundary_allows(briefs) -> None:  # type: ignore[no-untyped-def]
    trimmed = [p.text for b in briefs.values() for p in b.key_points if p.text.endswith("…")]
    assert trimmed, "no long sentence was trimmed to its clause"
    for text in trimmed:
        assert len(text) <= 111


def test_lead_sentences_of_the_seed_articles(seed_docs, briefs) -> None:  # type: ignore[no-untyped-def]
    fr = next(b for i, b in briefs.items() if seed_docs[i].lang == "fr")
    assert fr.sentences[0].startswith("Le premier ministre chinois Li Qiang a déclaré samedi")
    zh_tw = next(b for i, b in briefs.items() if seed_docs[i].lang == "zh-tw")
    assert "李強" in zh_tw.sentences[0]
    ja = briefs[next(i for i in seed_docs if i.startswith("000"))]
    assert "設立を提案しました" in ja.sentences[0]


def test_very_short_articles_still_get_a_brief_and_no_repeated_points() -> None:
    one = summarize(
        doc(
            [
                "Le Premier ministre a annoncé mardi un plan de 2 milliards d'euros pour les hôpitaux, la recherche et les écoles."
            ],
            "fr",
        )
    )
    assert len(one.sentences) == 1
    # the brief is the whole article: a key point could only say it again
    assert one.key_points == ()
    two = summarize(
        doc(
            [
                "習近平主席提出全球人工智能治理倡議。中國政府倡議成立世界人工智能合作組織，總部設在上海。"
            ],
            "zh-tw",
        )
    )
    assert len(two.sentences) == 2
    assert two.sentences[0].startswith("習近平")  # traditional stays traditional


def test_bullet_list_without_full_stops_gets_a_brief() -> None:
    text = (
        "Core Points - The high-level dialogue was held in Geneva, emphasizing global governance"
        " for AI [1] - The event was attended by over 150 participants, including diplomats [1]"
        " - China proposed the Global AI Governance Initiative, promoting collaborative"
        " governance [1] Group 1 - The dialogue aimed to promote a fair and inclusive approach to"
        " AI governance [1] - Participants highlighted the importance of the Geneva platform [2]"
    )
    brief = summarize(doc([text], "en", title="AI dialogue in Geneva"))
    assert 2 <= len(brief.sentences) <= 3
    assert brief.sentences[0].startswith("The high-level dialogue was held in Geneva")
    assert all("[1]" not in s and "Core Points" not in s for s in brief.sentences)
    assert brief.key_points


def test_near_duplicate_sentences_are_not_both_in_the_brief() -> None:
    lead = "The central bank raised its key interest rate by 0.5 points to 4.25% on Thursday."
    text = [
        lead,
        "Analysts had expected a smaller move after inflation slowed in March and April.",
        "The central bank on Thursday raised its key interest rate by 0.5 points to 4.25%.",
        "Markets fell sharply after the announcement, with bank shares down 3% in Frankfurt.",
    ]
    brief = summarize(doc(text, "en", title="Central bank raises rate to 4.25%"))
    assert sum("raised its key interest rate" in s for s in brief.sentences) == 1


def test_summaries_are_deterministic(seed_docs) -> None:  # type: ignore[no-untyped-def]
    from briefing.summarize import brief as module

    d = next(iter(seed_docs.values()))
    first = summarize(d)
    module._brief.cache_clear()
    module._analysed.cache_clear()
    assert summarize(d) == first


def test_every_method_name_is_accepted_and_unknown_is_refused(seed_docs) -> None:  # type: ignore[no-untyped-def]
    d = next(iter(seed_docs.values()))
    for method in METHODS:
        assert summarize(d, method).method == method
    with pytest.raises(ValueError, match="unknown method"):
        summarize(d, "nope")


def test_importing_summarize_loads_no_heavy_library() -> None:
    code = (
        "import sys, briefing.summarize;"
        "print(sorted(m for m in ('sumy','jieba','numpy','nltk','textual','rich','pysbd')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_short_feed_entries_print_no_numpy_warnings(tmp_path) -> None:
    """Entries of one short sentence or two that share no word: LexRank divides by a zero norm,
    and numpy's RuntimeWarning used to reach stderr of every command."""
    import warnings

    from briefing.corpus.load import load_corpus

    (tmp_path / "f.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>One</title><description>The council met on Saturday.</description></item>"
        "<item><title>Two</title><description>Robots walked in Shanghai. They carried boxes."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    docs = load_corpus([tmp_path]).documents
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefs = [summarize(doc) for doc in docs]
    assert [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)] == []
    assert all(b.sentences for b in briefs)


def test_seed_004_forum_brief_opens_on_its_lead(seed_docs) -> None:  # type: ignore[no-untyped-def]
    # the scorer's best sentence, "同时,人工智能带来的风险…", leans on the lead: it brings it
    brief = summarize(seed_docs["004_f3eb38ce3b79a726.txt#1"])
    assert brief.sentences[0].startswith("2025年,全球智能化浪潮风起云涌")
    assert brief.sentences[1].startswith("同时,人工智能带来的风险挑战")


ANNE_RICE = [
    "她的儿子克里斯多夫·赖斯说，她死于中风引起的并发症。",
    "赖斯最成功的作品是她的第一部小说《夜访吸血鬼》，该书于 1976 年出版，塑造了吸血鬼莱斯特这个角色，"
    "莱斯特是《编年史》13 部全集的中心人物，最新一部于 2018 年出版。",
    "2010 年，赖斯在南伊利诺伊大学的一次演讲中说：“我认为莱斯特是个实干家，他能做我做不到的事情。”",
    "1994 年，《夜访吸血鬼》被拍成电影并获得了成功，它重新点燃了人们对吸血鬼题材的兴趣，"
    "之后的电视剧《吸血鬼日记》和《暮光之城》系列电影相继上映。",
    "根据赖斯网站上的个人简介，尽管她大部分时间在加州度过，但她是新奥尔良人，而她的许多故事也都发生新奥尔良。",
]


def test_a_first_sentence_pointing_at_the_title_may_open_the_brief() -> None:
    # 她 is the title's 安妮·赖斯: nothing but the title stands before it
    d = doc(ANNE_RICE, "zh-cn", title="《夜访吸血鬼》的作者安妮·赖斯去世，享年 80 岁")
    assert summarize(d).sentences[0] == ANNE_RICE[0]


def test_a_first_sentence_carrying_on_from_a_statement_does_not_open_the_brief() -> None:
    paragraphs = ["但他表示，这并不意味着政府会改变目前的政策。", *ANNE_RICE[1:]]
    d = doc(paragraphs, "zh-cn", title="《夜访吸血鬼》的作者安妮·赖斯去世，享年 80 岁")
    assert paragraphs[0] not in summarize(d).sentences


HOKURYO = [
    "能登半岛遭受地震，为应对地震灾害，岩手县北上市和贺町后藤的医疗瓦斯生产供应公司，北良（社长笠井健）"
    "在石川县珠洲市的避难中心设置了帐篷状淋浴室并投入使用。该设备可以在持续停水期间回收利用98%以上的废水，"
    "并可持续性的使用。目标与相关企业和储备物资的自治团体合作，在灾区运行30台该设备。",
    "6日下午7点左右，在市中心绿丘中为300名避难群众提供了1台。让有幼儿的家庭优先使用，该设备满负荷运转直到"
    "第二天早上。一位带着6岁女儿使用了该设备的妇女感激地说道：“五天来第一次能够喘口气。我的孩子也展露了笑脸。”",
    "7日设备增加到两台，预计所有避难者都能使用。还安装了具备同样功能的洗手装置。避难中心的初高中学生纷纷提出"
    "做志愿者的请求，今后会教大家如何使用，并将该装置在当地推广使用。",
]


def test_a_chinese_sentence_without_its_subject_is_no_key_point() -> None:
    # translated from Japanese, which leaves the subject out: "还安装了…" (who did?) reads
    # only after the sentence before it
    brief = summarize(doc(HOKURYO, "zh-cn"))
    points = [k.text.strip("…") for k in brief.key_points]
    assert points
    assert not [p for p in points if p.startswith(("还安装了", "还", "导致", "获得"))]
