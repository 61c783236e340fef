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
