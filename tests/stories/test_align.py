"""The seed story side by side: facts that share anchors in one row, single-outlet points marked."""

from __future__ import annotations

from briefing.library import brief_for
from briefing.model import Brief, Document, KeyPoint
from briefing.stories.align import align_story, points_of
from tests.stories.conftest import doc_id


def fixed_briefs(docs: dict[str, Document]):  # type: ignore[no-untyped-def]
    """Briefs chosen by hand from the seed texts, so these tests do not move with the summarizer."""
    chosen = {
        "000": (
            [
                "李強首相は土曜日、AIをめぐる世界的な協力を体系的に進めるため、中国政府としてグローバルなAI協力機構の設立を提案しました。"
            ],
            [
                "会場には、中国内外からAI産業、学界、研究機関の代表など1000人以上が集まり、AIの技術トレンドとガバナンスについて議論しました。",
                "李強首相は、大規模言語モデルやマルチモーダル大規模モデル、エンボディドAI(ロボットなど物理的な形をもつAI)の分野で急速な進歩が続いていると述べました。",
            ],
        ),
        "001": (
            [
                "2025年7月26日國務院總理李強在上海出席2025世界人工智能大會暨人工智能全球治理高級別會議開幕式并致辭,提出中國政府倡議成立世界人工智能合作組織。"
            ],
            [
                "隨著人工智能加速迭代,“失控”的隱憂正逐步逼近現實,技術失控可能成為威脅人類的“隱形炸彈”。"
            ],
        ),
        "003": (
            [
                "Le premier ministre chinois Li Qiang a déclaré samedi que le gouvernement chinois propose d’établir une organisation de coopération mondiale sur l’intelligence artificielle."
            ],
            [
                "Le Premier ministre Li a fait ces remarques lors de la cérémonie d’ouverture de la conférence mondiale de l’IA en 2025 et de la réunion de haut niveau sur la gouvernance mondiale de l’IA à Shanghai, qui a attiré plus de 1 000 participants, y compris des représentants de l’industrie de l’IA, des universités et des secteurs de recherche de Chine et à l’étranger.",
                "Peu importe comment la technologie se transforme, elle doit rester un outil pour être exploité et contrôlé par les humains, a déclaré Li.",
            ],
        ),
    }

    def brief_of(doc: Document) -> Brief:
        prefix = doc.id[:3]
        if prefix not in chosen:
            return brief_for(doc)
        sentences, points = chosen[prefix]
        keypoints = []
        for text in points:
            paragraph = next(i for i, p in enumerate(doc.paragraphs) if text[:20] in p)
            keypoints.append(KeyPoint(text, paragraph))
        return Brief(doc.id, tuple(sentences), tuple(keypoints), "fixed")

    return brief_of


def seed_alignment(seed_library, seed_index, brief_of=None):  # type: ignore[no-untyped-def]
    docs = {d.id: d for d in seed_library.documents}
    story = seed_index.story_of(doc_id(docs, "000"))
    return docs, align_story(story, docs, brief_of or fixed_briefs(docs), seed_index)


def cell_text(alignment, row, prefix: str) -> str | None:  # type: ignore[no-untyped-def]
    column = next(i for i, c in enumerate(alignment.columns) if c.startswith(prefix))
    cell = row.cells[column]
    return cell.text if cell else None


def test_the_same_fact_in_three_languages_is_one_row(seed_library, seed_index) -> None:
    _, alignment = seed_alignment(seed_library, seed_index)
    row = next(r for r in alignment.shared if any(a.label == "Li Qiang / 李強" for a in r.anchors))
    assert "土曜日" in cell_text(alignment, row, "000")
    assert "samedi" in cell_text(alignment, row, "003")
    assert "Saturday" in [a.label for a in row.anchors]


def test_numbers_line_up_across_scripts(seed_library, seed_index) -> None:
    _, alignment = seed_alignment(seed_library, seed_index)
    row = next(r for r in alignment.shared if any(a.label == "1000" for a in r.anchors))
    assert "1000人以上" in cell_text(alignment, row, "000")
    assert "plus de 1 000" in cell_text(alignment, row, "003")


def test_points_only_one_outlet_reports_are_marked(seed_library, seed_index) -> None:
    _, alignment = seed_alignment(seed_library, seed_index)
    singles = alignment.singles
    texts = [next(c for c in r.cells if c).text for r in singles]
    assert any("失控" in t for t in texts)  # only the Chinese commentary dwells on loss of control
    assert any("outil" in t for t in texts)
    assert all(sum(c is not None for c in r.cells) == 1 and not r.anchors for r in singles)
    assert alignment.rows[: len(alignment.shared)] == alignment.shared  # shared rows first


def test_every_point_appears_once_and_a_row_has_one_cell_per_outlet(
    seed_library, seed_index
) -> None:
    docs, alignment = seed_alignment(seed_library, seed_index, brief_for)
    seen = [(c.doc_id, c.text) for r in alignment.rows for c in r.cells if c]
    assert len(seen) == len(set(seen))
    expected = sum(len(points_of(docs[i], brief_for(docs[i]))) for i in alignment.columns)
    assert len(seen) == expected
    assert alignment.shared, "the real briefs line up at least one fact"
    for row in alignment.shared:
        assert len({c.doc_id for c in row.cells if c}) >= 2
