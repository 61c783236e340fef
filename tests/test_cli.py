"""The CLI as a script uses it: JSON on stdout, messages on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main


def test_list_json_gives_every_seed_document_with_its_fields(capsys) -> None:
    assert main(["list", "--json"]) == 0
    out, err = capsys.readouterr()
    docs = json.loads(out)
    assert len(docs) == 14
    for doc in docs:
        assert {"id", "path", "title", "date", "source", "lang", "themes", "brief"} <= set(doc)
        assert Path(doc["path"]).is_file()
    assert [d["lang"] for d in docs[:4]] == ["ja", "zh-tw", "ja", "fr"]
    assert err == ""


def test_show_json_by_id_prefix_has_clean_text(capsys) -> None:
    assert main(["show", "003", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["id"] == "003_8db735ba76f7c009.txt"
    assert doc["text"].startswith("Le premier ministre chinois Li Qiang")
    assert "(Avec entrée de Xinhua)" not in doc["text"]
    assert doc["source"] == "Xinhua"


def test_show_unknown_id_exits_1_with_a_message(capsys) -> None:
    assert main(["show", "nope"]) == 1
    assert "no document with id 'nope'" in capsys.readouterr().err


def test_list_filters_by_language(capsys) -> None:
    assert main(["list", "--lang", "zh", "--json"]) == 0
    langs = {d["lang"] for d in json.loads(capsys.readouterr().out)}
    assert langs == {"zh-cn", "zh-tw"}


def test_list_a_named_folder_from_anywhere(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Headline here\nThe body says something. And more.\n", "utf-8")
    monkeypatch.chdir("/")
    assert main(["list", str(tmp_path), "--json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    assert doc["title"] == "Headline here"


def test_unknown_command_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_the_reader_refuses_to_start_without_a_terminal(capsys) -> None:
    """Issue 13 §4: `briefing > out.txt` wrote escape codes into the file and hung."""
    assert main(["open"]) == 2  # under pytest, stdout and stdin are not a terminal
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "needs a terminal" in err
    assert "briefing list" in err
    assert "briefing daily" in err


def test_an_unexpected_reader_error_exits_1_with_one_line_and_the_log(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """Issue 13 §2: a crash of the reader looked like success (exit 0)."""
    import briefing.cli as cli
    import briefing.tui.app as tui_app

    log = tmp_path / "crash.log"

    class Crashing:
        def __init__(self, *args, **kwargs) -> None:
            self.return_code = None
            self.crash = None
            self.crash_log = None

        def run(self) -> None:
            self.return_code = 1
            self.crash = IndexError("list index out of range")
            self.crash_log = log

    monkeypatch.setattr(cli, "_is_terminal", lambda _stream: True)
    monkeypatch.setattr(tui_app, "BriefingApp", Crashing)
    assert main(["open"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "briefing: the reader stopped on an unexpected error: IndexError: list index out of "
        f"range; details in {log}\n"
    )


def test_notes_lists_every_note_and_the_ones_whose_article_is_gone(tmp_path: Path, capsys) -> None:
    from briefing.model import Document
    from briefing.store import Store

    (tmp_path / "here.txt").write_text("x")
    store = Store()
    for name, note in (("here.txt", "still here"), ("gone.txt", "file deleted")):
        doc = Document(name, str(tmp_path / name), f"Title {name}", False, None, None, "en", ("p",))
        store.set_note(doc, note)
    assert main(["notes", "--json"]) == 0
    rows = {r["note"]: r for r in json.loads(capsys.readouterr().out)["notes"]}
    assert rows["still here"]["state"] == "ok"
    assert rows["file deleted"]["state"] == "missing"
    assert rows["file deleted"]["title"] == "Title gone.txt"
    assert main(["notes"]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'gone.txt'}  [missing]" in out
    assert "✎ still here" in out


def test_a_broken_pipe_that_is_not_stdout_fails_with_a_message(monkeypatch, capsys) -> None:
    """A worker process that cannot start raises BrokenPipeError too; the handler meant for
    ``briefing list | head`` made that exit 0 with no output."""
    from briefing.commands import common

    def workers_cannot_start(*_args, **_kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(common, "open_library", workers_cannot_start)
    assert main(["list"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "briefing: stopped: Broken pipe (not on stdout)\n"


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "BRIEFING_HOME": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    child.stdout.close()  # `| head -0`: gone before the first line
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0
    assert err == ""
