"""The five seed files load as the 14 documents a reader sees in them, each hand-labelled."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.corpus.load import load_corpus
from tests.conftest import SEEDS

A = "004_f3eb38ce3b79a726.txt"

# id: (lang, date, source, title start, title derived)
EXPECTED = {
    "000_e6fbc0d64e4d1f4c.txt": ("ja", None, "cgtn.com", "中国の李強首相、世界AI協力機構を提案", False),
    "001_e834074ab85ee63e.txt": ("zh-tw", "2025-07-26", "世界人工智能大會", "國務院總理李強在上海出席", True),
    "002_05922f49669fd553.txt": ("ja", "2025-08-05", "日系企業リーダー必読", "『必読』ダイジェスト 中国のAI分野", True),
    "003_8db735ba76f7c009.txt": ("fr", None, "Xinhua", "Le premier ministre chinois Li Qiang", True),
    f"{A}#1": ("zh-cn", "2025-12-23", "Ren Min Ri Bao", "坚持智能向善 增进人类福祉(权威论坛)", False),
    f"{A}#2": ("zh-cn", "2025-12-23", "Ren Min Ri Bao", "中国积极引领人工智能全球治理(国际观澜)", False),
    f"{A}#3": ("en", "2025-12-23", "Ren Min Ri Bao", "国内外专家谈人工智能全球治理", False),
    f"{A}#4": ("zh-cn", "2025-12-12", "Xin Hua She", "全球瞭望|《自然》杂志社论", False),
    f"{A}#5": ("en", "2025-11-26", "Xin Hua She", "“人工智能 团结共治”高级别对话会在日内瓦举行", False),
    f"{A}#6": ("en", "2025-11-09", "Di Yi Cai Jing Zi Xun", "一财社论:人工智能治理碎片化加剧", False),
    f"{A}#7": ("en", "2025-09-29", "Ren Min Ri Bao", "汇聚治理合力 坚持“智能向善”(国际论坛)", False),
    f"{A}#8": ("en", "2025-09-14", "Xin Hua She", "新华时评丨坚持国际法治是根本保障", False),
    f"{A}#9": ("en", "2025-08-19", "Ren Min Ri Bao", "和音:持之以恒“做对的事”", False),
    f"{A}#10": ("en", None, None, "独家专访联合国首席信息技术官:AI时代“独行快,众行远”", False),
}  # fmt: skip


def test_seeds_give_fourteen_documents_in_file_order(seed_corpus) -> None:
    assert [d.id for d in seed_corpus.documents] == list(EXPECTED)
    assert seed_corpus.problems == ()


@pytest.mark.parametrize("doc_id", list(EXPECTED))
def test_each_seed_document_is_described_right(seed_docs, doc_id: str) -> None:
    lang, date, source, title, derived = EXPECTED[doc_id]
    doc = seed_docs[doc_id]
    assert doc.lang == lang
    assert doc.date == (dt.date.fromisoformat(date) if date else None)
    assert doc.source == source
    assert doc.title.startswith(title)
    assert doc.title_derived is derived
    assert doc.paragraphs
    assert all(p.strip() == p and p for p in doc.paragraphs)


@pytest.mark.parametrize("doc_id", list(EXPECTED))
def test_clean_text_has_no_markup_glosses_or_chrome(seed_docs, doc_id: str) -> None:
    text = seed_docs[doc_id].text
    for junk in ("<\\/", "</", "ldquo;", "(wù)", "(qiáng)", "Reference(s)", "(來源", "Avec entrée",
                 "Search documents", "Workflow", "Source·", "購読", "chenyan@", "摄(影像中国)",
                 "(责编", "\u200b"):  # fmt: skip
        assert junk not in text, junk


def test_japanese_report_keeps_its_body_and_drops_the_duplicated_tail(seed_docs) -> None:
    doc = seed_docs["000_e6fbc0d64e4d1f4c.txt"]
    assert doc.paragraphs[0].startswith("中国の李強首相は、上海で開かれた")
    assert doc.paragraphs[-1].startswith("上海で示された「世界AI協力機構」構想")
    assert sum(p == "- 協調的イノベーションの強化" for p in doc.paragraphs) == 1


def test_pinyin_glosses_are_removed_and_the_byline_becomes_the_author(seed_docs) -> None:
    doc = seed_docs["001_e834074ab85ee63e.txt"]
    assert doc.paragraphs[0].startswith("2025年7月26日國務院總理李強在上海出席")
    assert "參與者" in doc.text
    assert "“參與者”" in doc.text
    assert doc.author == "清華大學人工智能國際治理研究院秘書長 魯俊群"
    assert doc.paragraphs[-1].endswith("共同邁向更繁榮、安全、公平的未來。")


def test_digest_keeps_its_last_sentence_and_drops_the_subscription_pitch(seed_docs) -> None:
    doc = seed_docs["002_05922f49669fd553.txt"]
    assert doc.paragraphs[-1].startswith("この欧州人はまた")
    assert "メールマガジン" not in doc.text
    assert "週報" not in doc.text


def test_french_report_keeps_every_paragraph(seed_docs) -> None:
    doc = seed_docs["003_8db735ba76f7c009.txt"]
    assert len(doc.paragraphs) == 11
    assert doc.paragraphs[-1] == (
        "Un plan d’action pour la gouvernance mondiale de l’IA a été émis lors de la conférence."
    )


def test_aggregator_items_lose_captions_and_print_edition_notes(seed_docs) -> None:
    first = seed_docs[f"{A}#1"]
    assert first.paragraphs[0].startswith("2025年,全球智能化浪潮风起云涌")
    assert "沈启来" not in first.text
    assert "金立旺" not in first.text
    second = seed_docs[f"{A}#2"].text
    assert "作者为国际问题观察员" not in second
    assert "卫嘉" not in second
    assert "世界人工智能合作组织承载着美美与共的时代烙印" in second
    # line-wrap gaps inside Chinese words are closed ("共 生" → "共生")
    assert "利益共生" in second


def test_english_digests_break_into_their_groups(seed_docs) -> None:
    doc = seed_docs[f"{A}#3"]
    assert doc.paragraphs[0].startswith("Core Viewpoint - The rapid development")
    assert [p.split(":")[0] for p in doc.paragraphs[1:]] == [f"Group {n}" for n in range(1, 6)]


def test_ids_and_hashes_are_stable_across_runs(seed_corpus) -> None:
    again = load_corpus([SEEDS])
    assert again.documents == seed_corpus.documents


def test_a_single_file_loads_with_its_name_as_id() -> None:
    corpus = load_corpus([SEEDS / "003_8db735ba76f7c009.txt"])
    assert [d.id for d in corpus.documents] == ["003_8db735ba76f7c009.txt"]
