"""Every command against the README's exit codes: 0 done, 1 nothing matched or loaded, 2 bad
arguments, 3 done but some files were skipped. Scripts branch on these, so one command that
answers differently (``daily`` said 0 while ``list`` said 3 for the same folder) is a bug."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main

ARTICLE = (
    "Robots in the port\n\n"
    "The port of Rotterdam said on Monday that robots now unload a third of its ships. "
    "The change took four years and cost 120 million euros, the port authority said. "
    "Dock workers' unions said the robots had not cost any jobs so far."
)


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "port.txt").write_text(ARTICLE, encoding="utf-8")
    skipped = tmp_path / "skipped"
    skipped.mkdir()
    (skipped / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (skipped / "broken.json").write_text('{"title": "cut off', encoding="utf-8")
    return {"clean": clean, "skipped": skipped, "missing": tmp_path / "nowhere"}


# (arguments before the folder, arguments after it)
COMMANDS = {
    "list": (["list"], []),
    "show": (["show", "port.txt"], []),
    "daily": (["daily"], []),
    "export": (["export"], ["-o", "-"]),
    "stories": (["stories"], []),
}


def _run(name: str, folder: Path) -> int:
    before, after = COMMANDS[name]
    if name == "show":
        return main(["show", "port.txt", "--corpus", str(folder)])
    return main([*before, str(folder), *after])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_clean_folder_exits_0(name: str, folders: dict[str, Path], capsys) -> None:
    assert _run(name, folders["clean"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_skipped_file_exits_3_after_doing_the_work(name: str, folders, capsys) -> None:
    code = _run(name, folders["skipped"])
    out, err = capsys.readouterr()
    assert code == 3, err
    assert "broken.json" in err  # named on stderr
    assert "port" in out.casefold()  # and the rest was done


@pytest.mark.parametrize("name", [*sorted(COMMANDS), "open"])
def test_a_folder_that_does_not_exist_exits_1(name: str, folders, capsys) -> None:
    code = (
        main(["open", str(folders["missing"])])
        if name == "open"
        else _run(name, folders["missing"])
    )
    assert code == 1
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize("name", [*sorted(COMMANDS), "open"])
def test_a_bad_option_value_exits_2(name: str, folders) -> None:
    with pytest.raises(SystemExit) as stop:
        main([name, str(folders["clean"]), "--max-size", "lots"])
    assert stop.value.code == 2


@pytest.mark.parametrize("name", ["list", "daily", "export"])
def test_an_unknown_theme_exits_2_and_a_theme_in_any_case_is_known(
    name: str, folders, capsys
) -> None:
    after = ["-o", "-"] if name == "export" else []
    assert main([name, str(folders["clean"]), "--theme", "no-such-theme", *after]) == 2
    assert "unknown theme" in capsys.readouterr().err
    lower = main([name, str(folders["clean"]), "--theme", "robotics", *after])
    lower_out = capsys.readouterr().out
    upper = main([name, str(folders["clean"]), "--theme", "ROBOTICS", *after])
    upper_out = capsys.readouterr().out
    assert lower == upper == 0
    assert "Robots in the port" in lower_out
    assert upper_out == lower_out


@pytest.mark.parametrize("name", ["list", "daily", "export"])
def test_nothing_matched_exits_1(name: str, folders) -> None:
    after = ["-o", "-"] if name == "export" else []
    assert main([name, str(folders["clean"]), "--lang", "ja", *after]) == 1


def test_show_of_an_unknown_id_exits_1(folders) -> None:
    assert main(["show", "nothing-like-it", "--corpus", str(folders["clean"])]) == 1


def test_the_reader_without_a_terminal_exits_2(folders) -> None:
    assert main(["open", str(folders["clean"])]) == 2  # pytest's stdout is not a terminal


def test_notes_with_none_exits_1_and_as_json_0() -> None:
    assert main(["notes"]) == 1
    assert main(["notes", "--json"]) == 0
