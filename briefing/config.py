"""The user's settings: one TOML file in the config dir, read once, written on the first change.

What sticks between sessions of the reader: the Textual theme (``textual-dark`` and
``textual-light`` are the dark/light pair ``a`` toggles; any theme the palette offers works),
the list grouping, the default language filter, whether to watch the folder, and key bindings
by action id, as Posting's ``keymap`` does (``"library.grouping" = "ctrl+g"``).

A settings file is a convenience, never a reason not to start: a file that is not TOML, or a
value of the wrong kind, is one :class:`~briefing.model.Problem` naming the file and the key,
and the defaults stand in for what could not be read. The file is parsed here, below every
interface, so it is typed and tested without a terminal; the TUI only applies the result.

Written with tomli-w (the writer tomllib's authors keep) through :func:`write_atomic`, so a
crash mid-write never leaves half a file. The file is created on the first change, not on the
first run: a user who never changes anything has no file to wonder about.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.atomic import write_atomic
from briefing.model import Problem

FILENAME = "config.toml"
GROUPINGS = ("date", "theme")
"""How the list can be grouped: by day (newest first) or by theme."""


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str | None = None
    """A Textual theme name; None keeps the reader's default (dark)."""
    grouping: str = "date"
    language: str | None = None
    """The language filter the list opens with; None shows every language."""
    watch: bool = False
    """Watch the folder for new, changed and deleted files, as ``briefing open --watch``."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key bindings by action id (``library.grouping``): Textual's keymap."""

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


_KINDS: dict[str, tuple[type, ...]] = {
    "theme": (str,),
    "grouping": (str,),
    "language": (str,),
    "watch": (bool,),
    "keys": (dict,),
}


def config_path() -> Path:
    """Where the settings live (``BRIEFING_HOME/config/config.toml`` when that is set)."""
    return paths.config_dir() / FILENAME


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """The settings in ``path`` (the defaults when it does not exist), and what was wrong."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [Problem(str(path), f"cannot read: {error.strerror}; using defaults")]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(), [Problem(str(path), f"not valid TOML ({error}); using defaults")]
    return _from_table(data, str(path))


def _from_table(data: dict[str, Any], where: str) -> tuple[Settings, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        kinds = _KINDS.get(key)
        if kinds is None:
            problems.append(Problem(where, f"unknown setting {key!r}, ignored"))
        elif not isinstance(value, kinds):
            wanted = kinds[0].__name__.replace("dict", "table").replace("str", "string")
            problems.append(Problem(where, f"{key} should be a {wanted}; using the default"))
        elif key == "grouping" and value not in GROUPINGS:
            problems.append(Problem(where, f"grouping should be one of {', '.join(GROUPINGS)}"))
        elif isinstance(value, dict):  # the [keys] table
            bad = sorted(k for k, v in value.items() if not isinstance(v, str))
            if bad:
                problems.append(Problem(where, f"keys.{bad[0]} should be a string like 'ctrl+g'"))
            values[key] = {k: v for k, v in value.items() if isinstance(v, str)}
        else:
            values[key] = value
    return Settings(**values), problems


def settings_table(settings: Settings) -> dict[str, Any]:
    """What is written: only the values that differ from the defaults, keys last."""
    defaults = Settings()
    table: dict[str, Any] = {}
    for each in fields(Settings):
        value = getattr(settings, each.name)
        if value != getattr(defaults, each.name) and value is not None:
            table[each.name] = value
    return table


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically (creating the folder); raises OSError if it cannot."""
    import tomli_w

    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, tomli_w.dumps(settings_table(settings)).encode("utf-8"))
    return path
