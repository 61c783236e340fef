"""Duplicates: recognised, shown once with "also in", never dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main

WIRE = (
    "Chinese Premier Li Qiang proposed on Saturday that a world artificial intelligence "
    "cooperation organization be set up, speaking at the opening of the World AI Conference "
    "in Shanghai, which drew more than 1,000 participants from industry, universities and "
    "research institutes in China and abroad. He said China was ready to share its experience "
    "and products with other countries, especially those of the Global South, and called for "
    "more cooperation on innovation and on open-source technology."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a_wire.txt").write_text(f"Li Qiang proposes world AI body\n\n{WIRE}\n", "utf-8")
    (folder / "b_same_story.txt").write_text(
        f"Premier proposes AI cooperation organization\n\n{WIRE}\n", "utf-8"
    )
    edited = WIRE.replace("called for", "urged").replace("Saturday", "Saturday, 26 July")
    (folder / "c_repost.txt").write_text(
        f"Li Qiang proposes world AI body (repost)\n\n{edited}\nSource: wire services.\n", "utf-8"
    )
    (folder / "d_other.txt").write_text(
        "Robots on show\n\nHumanoid robots walked the halls of a Beijing expo on Friday, where "
        "dozens of makers showed machines that fold laundry and sort parcels.\n",
        "utf-8",
    )
    return folder


def test_duplicates_are_shown_once_with_also_in(corpus: Path, capsys) -> None:
    assert main(["stories", str(corpus), "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)["stories"]
    wire = next(s for s in stories if "a_wire.txt" in s["documents"])
    assert set(wire["documents"]) == {"a_wire.txt", "b_same_story.txt", "c_repost.txt"}
    assert wire["articles"] == 1  # three files, one article
    dups = {d["id"]: d for d in wire["duplicates"]}
    assert dups["b_same_story.txt"]["of"] == "a_wire.txt"
    assert dups["b_same_story.txt"]["kind"] == "exact"
    assert dups["c_repost.txt"]["of"] == "a_wire.txt"
    assert dups["c_repost.txt"]["kind"] == "near"
    assert 0.6 <= dups["c_repost.txt"]["similarity"] < 1
    other = next(s for s in stories if "d_other.txt" in s["documents"])
    assert other["duplicates"] == []


def test_text_output_names_every_copy(corpus: Path, capsys) -> None:
    assert main(["stories", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "also in: b_same_story.txt, c_repost.txt" in out
    assert "1 article" not in out.replace("1 articles", "")  # counts say what they count


def test_find_duplicates_directly(seed_library) -> None:
    import dataclasses

    from briefing.stories import find_duplicates

    docs = list(seed_library.documents)
    fr = next(d for d in docs if d.id.startswith("003"))
    copy = dataclasses.replace(fr, id="zzz_copy.txt", title="Another headline")
    found = find_duplicates([*docs, copy])
    assert set(found) == {"zzz_copy.txt"}
    assert found["zzz_copy.txt"].of == fr.id
