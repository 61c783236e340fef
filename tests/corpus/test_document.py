"""An article's title and opening as the loader gives them (:mod:`briefing.corpus.document`).

A line that only marks where a picture stood (``（资料图）``, ``【图】``, ``写真``, ``(photo)``)
is neither the headline nor the text's first line, whichever field or line it comes in (the
field's ``riben-xinwen/202503317642.json`` opens its body on ``（资料图）`` with an empty
headline, and was listed under that title).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.corpus.load import load_corpus
from briefing.model import Document

LEAD = "离开了曲棍球之乡岩手县，满怀希望的17岁少女力图成为新世代日本女子曲棍球队员。"
BODY = ["她作为队长夺得了高中生大赛3个冠军。", "高中毕业后，她决定报考立命馆大学。"]

MARKERS = [
    "（资料图）",
    "（图）",
    "【图】",
    "(photo)",
    "写真",
    "（イメージ）",
    "[Image]",
    "（資料写真）",
]


def _one(tmp_path: Path, name: str, content: str) -> Document:
    (tmp_path / name).write_text(content, encoding="utf-8")
    (doc,) = load_corpus([tmp_path]).documents
    return doc


@pytest.mark.parametrize("marker", MARKERS)
def test_a_body_opening_on_a_picture_marker_is_titled_by_its_lead(
    tmp_path: Path, marker: str
) -> None:
    body = "\n\n".join([marker, LEAD, *BODY])
    doc = _one(tmp_path, "a.json", json.dumps({"headline": "", "body": body}, ensure_ascii=False))
    assert marker not in doc.title
    assert doc.title_derived
    assert LEAD.startswith(doc.title)
    assert doc.paragraphs[0] == LEAD


@pytest.mark.parametrize("marker", MARKERS)
def test_a_headline_field_holding_only_a_picture_marker_is_no_title(
    tmp_path: Path, marker: str
) -> None:
    record = {"title": marker, "text": "\n\n".join([LEAD, *BODY])}
    doc = _one(tmp_path, "a.json", json.dumps(record, ensure_ascii=False))
    assert doc.title_derived
    assert LEAD.startswith(doc.title)


def test_a_headline_under_a_picture_marker_is_still_the_title(tmp_path: Path) -> None:
    doc = _one(
        tmp_path, "a.txt", "\n\n".join(["（资料图）", "岩手少女立志入选国家队", LEAD, *BODY])
    )
    assert (doc.title, doc.title_derived) == ("岩手少女立志入选国家队", False)
    assert doc.paragraphs[0] == LEAD


@pytest.mark.parametrize(
    "headline",
    [
        "写真展が開幕 東京・上野で",
        "Photo finish decides the Derby",
        "图片里的中国：年夜饭",
        "Images of war",
    ],
)
def test_a_headline_that_only_starts_with_a_picture_word_stays(
    tmp_path: Path, headline: str
) -> None:
    doc = _one(tmp_path, "a.txt", "\n\n".join([headline, LEAD, *BODY]))
    assert (doc.title, doc.title_derived) == (headline, False)
