"""Decoding the bytes of a file: BOM-less UTF-16, stray NULs, legacy code pages that tie, 7-bit
CJK encodings (issue 21, items 3 and 6). Every input is encoded here, in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.corpus.load import load_corpus

EN = "The council met on Saturday and agreed a plan. Officials said the talks would go on."
RU = "Президент России выступил в среду на конференции по искусственному интеллекту в Москве."
TR = "İstanbul'da yeni bir dönem başladı. Şehirdeki çalışmalar ağır ilerliyor ve öğrenciler ışığı görüyor."
PL = "Konferencja rozpoczęła się w środę. Prezydent przemówił w Łodzi o sztucznej inteligencji, gęślą jaźń."
JA = "中国の李強首相は土曜日、上海で世界AI協力機構の設立を提案しました。"
ZH = "国务院总理李强在上海出席世界人工智能大会开幕式并致辞。"
# the opening of charset-normalizer's own Turkish sample (data/sample-turkish.txt, cp1254)
TR_SAMPLE = (
    "İstanbul, Türkiye'nin en kalabalık, iktisadi ve kültürel açıdan en önemli şehri. "
    "İktisadi büyüklük açıdan dünyada 34., nüfus açısından belediye sınırları göz önüne "
    "alınarak yapılan sıralamaya göre Avrupa'da birinci sırada gelir. İstanbul Türkiye'nin "
    "kuzeybatısında, Marmara kıyısı ve Boğaziçi boyunca, Haliç'i de çevreleyecek şekilde "
    "kurulmuştur. İstanbul kıtalararası bir şehir olup, Avrupa'daki bölümüne Avrupa Yakası "
    "veya Rumeli Yakası, Asya'daki bölümüne ise Anadolu Yakası denir."
)


def load_one(folder: Path, data: bytes, name: str = "article.txt") -> tuple[str, ...]:
    (folder / name).write_bytes(data)
    corpus = load_corpus([folder])
    assert corpus.problems == ()
    (doc,) = corpus.documents
    return doc.paragraphs


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [EN, RU], ids=["ascii-range", "cyrillic"])
def test_utf16_without_bom_is_text_not_binary(tmp_path: Path, encoding: str, text: str) -> None:
    assert load_one(tmp_path, f"{text}\n{text}\n".encode(encoding)) == (text, text)


def test_a_stray_nul_does_not_make_utf8_binary(tmp_path: Path) -> None:
    data = f"Council meets\n\n{EN}\x00\nThe vote is on Monday.\n".encode()
    assert load_one(tmp_path, data) == (EN, "The vote is on Monday.")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TR, "cp1254"),
        (TR, "iso-8859-9"),
        (TR_SAMPLE, "cp1254"),
        (PL, "cp1250"),
        (PL, "iso-8859-2"),
        (JA, "iso-2022-jp"),
        (ZH, "hz"),
    ],
    ids=[
        *("tr-cp1254", "tr-iso-8859-9", "tr-charset-normalizer-sample"),
        *("pl-cp1250", "pl-iso-8859-2", "ja-iso-2022-jp", "zh-hz"),
    ],
)
def test_turkish_polish_and_7bit_cjk_legacy_encodings_are_decoded(
    tmp_path: Path, text: str, encoding: str
) -> None:
    assert load_one(tmp_path, f"Headline\n\n{text}\n".encode(encoding)) == (text,)


def test_french_cp1252_still_wins_its_ties(tmp_path: Path) -> None:
    fr = "Le premier ministre a déclaré samedi qu’il proposait d’établir une organisation. Déjà l’été à Noël."
    assert load_one(tmp_path, f"{fr}\n{fr}\n".encode("cp1252")) == (fr, fr)
