"""``--query`` on list/daily/export, ``--unread`` on list/show, and what show and export print
of the user's state (note, read) and the article's URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main

ARTICLES = [
    {"title": "Premier Li Qiang opens the AI conference", "date": "2025-07-26", "source": "Wire",
     "url": "https://example.org/li-qiang_opens?x=1&y=2",
     "text": "Premier Li Qiang proposed a global AI cooperation organisation in Shanghai. "
             "The reliability of models was discussed at length by the delegates."},
    {"title": "Reliability of the power grid", "date": "2025-07-21", "source": "Wire",
     "text": "Engineers measured the reliability of the grid through the summer heat wave."},
    {"title": "Macron à l'Élysée", "date": "2025-07-22", "source": "Le Journal",
     "text": "Le président a reçu à l'Élysée les dirigeants européens pour parler de défense."},
]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / "wire.json").write_text(json.dumps(ARTICLES, ensure_ascii=False), encoding="utf-8")
    return root


def titles(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [d["title"] for d in json.loads(capsys.readouterr().out)]


def test_list_query_matches_whole_words_folded(folder: Path, capsys) -> None:
    assert main(["list", str(folder), "--json", "--query", "Li"]) == 0
    assert titles(capsys) == ["Premier Li Qiang opens the AI conference"]
    assert main(["list", str(folder), "--json", "--query", "elysee"]) == 0
    assert titles(capsys) == ["Macron à l'Élysée"]
    assert main(["list", str(folder), "--json", "--query", "reliability since:2025-07-22"]) == 0
    assert titles(capsys) == ["Premier Li Qiang opens the AI conference"]


@pytest.mark.parametrize("command", ["list", "daily", "export"])
def test_a_bad_query_is_one_line_and_exit_2(folder: Path, capsys, command: str) -> None:
    extra = ["-o", "-"] if command == "export" else []
    assert main([command, str(folder), *extra, "--query", "since:2025-99-01"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "briefing: --query: since:2025-99-01: not a date (use YYYY-MM-DD)"
    assert main([command, str(folder), *extra, "--query", "mood:happy"]) == 2
    assert "unknown key 'mood'" in capsys.readouterr().err


def test_daily_query_with_dates_covers_that_range(folder: Path, capsys) -> None:
    assert (
        main(["daily", str(folder), "--json", "--query", "since:2025-07-21 until:2025-07-22"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["start"], data["end"], data["count"]) == ("2025-07-21", "2025-07-22", 2)


def test_unread_and_show_prints_note_read_state_and_url(folder: Path, capsys) -> None:
    from briefing.corpus.load import load_corpus
    from briefing.store import Store

    docs = load_corpus([folder]).documents
    first = next(d for d in docs if d.title.startswith("Premier"))
    Store().set_read(first)
    Store().set_note(first, "call the Shanghai desk")
    assert main(["list", str(folder), "--json", "--unread"]) == 0
    assert "Premier Li Qiang opens the AI conference" not in titles(capsys)
    assert main(["list", str(folder), "--json", "--query", "shanghai desk"]) == 0  # the note
    assert titles(capsys) == ["Premier Li Qiang opens the AI conference"]
    assert main(["show", first.id, "--corpus", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "url: https://example.org/li-qiang_opens?x=1&y=2" in out
    assert "read" in out
    assert "note: call the Shanghai desk" in out
    assert main(["show", first.id, "--corpus", str(folder), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["read"], shown["note"]) == (True, "call the Shanghai desk")
    assert shown["url"] == "https://example.org/li-qiang_opens?x=1&y=2"
    assert main(["show", first.id, "--corpus", str(folder), "--unread"]) == 1
    assert "no unread document" in capsys.readouterr().err


def test_export_query_and_url_without_needless_escapes(folder: Path, capsys) -> None:
    assert main(["export", str(folder), "-o", "-", "--query", '"li qiang"']) == 0
    out = capsys.readouterr().out
    assert "**URL:** <https://example.org/li-qiang_opens?x=1&y=2>" in out
    assert "### Premier Li Qiang opens the AI conference" in out
    assert "Élysée" not in out
    assert "\\(" not in out
    assert "\\!" not in out


def test_list_rows_flag_unread_and_end_with_the_note(folder: Path, capsys) -> None:
    from briefing.corpus.load import load_corpus
    from briefing.store import Store

    docs = load_corpus([folder]).documents
    first = next(d for d in docs if d.title.startswith("Premier"))
    Store().set_read(first)
    Store().set_note(first, "call the Shanghai desk\nabout the delegates")
    assert main(["list", str(folder)]) == 0
    rows = {line.split("  ")[0]: line for line in capsys.readouterr().out.splitlines()}
    read_row = rows[first.id]
    assert "●" not in read_row
    # one line, cut with … to keep rows short (show prints the note whole)
    assert read_row.endswith("  ✎ call the Shanghai desk about the delega…")
    others = [row for doc_id, row in rows.items() if doc_id != first.id]
    assert len(others) == 2
    assert all("  ● 2025-07-2" in row and "✎" not in row for row in others)
