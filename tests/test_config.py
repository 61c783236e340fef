"""The settings file: read with tomllib, written atomically, never a reason not to start."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from briefing.cli import main
from briefing.config import Settings, config_path, load_settings, save_settings


def test_no_file_is_the_defaults_and_no_problem(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == (Settings(), [])


def test_saved_settings_read_back(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    settings = Settings(theme="nord", grouping="theme", language="ja", watch=True,
                        keys={"library.grouping": "ctrl+g"})  # fmt: skip
    save_settings(settings, path)
    assert load_settings(path) == (settings, [])
    assert tomllib.loads(path.read_text())["keys"] == {"library.grouping": "ctrl+g"}
    save_settings(Settings(), path)
    assert path.read_text() == ""  # only what differs from the defaults is written


def test_a_broken_file_is_one_line_and_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord\ngrouping = [', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1
    assert str(path) in str(problems[0])
    assert "not valid TOML" in str(problems[0])
    assert "\n" not in str(problems[0])


def test_a_wrong_value_costs_only_that_setting(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\ngrouping = "size"\nwatch = "yes"\nspeed = 3\n'
                    '[keys]\n"reader.next" = "ctrl+n"\n"reader.back" = 3\n')  # fmt: skip
    settings, problems = load_settings(path)
    assert settings == Settings(theme="nord", keys={"reader.next": "ctrl+n"})
    text = " | ".join(p.message for p in problems)
    assert "grouping should be one of date, theme" in text
    assert "watch should be a bool" in text
    assert "unknown setting 'speed'" in text
    assert "keys.reader.back should be a string" in text


def test_config_path_prints_where_the_file_goes(capsys) -> None:
    assert main(["config", "path"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == str(config_path())
    assert out.startswith(os.environ["BRIEFING_HOME"])
