"""Reading theme files: bundled ones first, then the user's, each file validated alone.

A theme file is written by hand, often by someone who has never seen TOML, so every way it can be
wrong (bad syntax, a missing ``id``, a number where a list belongs, two files with one id) becomes
one :class:`~briefing.model.Problem` naming the file, and the other themes still load. Nothing here
raises on bad input (harlequin ``config.py`` collects problems the same way).

Later folders override earlier ones by id, so a user file with the id of a bundled theme replaces
it; within one folder a repeated id is a mistake, reported, and the later file (by name) skipped.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing.model import Problem, Term, Theme

MAX_FILE_BYTES = 1_000_000
"""A theme is a few hundred terms at most; a bigger file is a mistake (a corpus saved as .toml)."""

# an id usable on the command line and in a filename: "ai-governance", "us_china", "robotics2"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# a language key in [label]: "en", "zh", "zh-tw", "fil"
LABEL_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
# a language family key in [terms] / [exclude]: "en", "zh", "fil", or "any" (every language)
TERMS_LANG = re.compile(r"^(?:[a-z]{2,3}|any)$")
# tomllib's position suffix: "Invalid value (at line 3, column 5)"
TOML_POSITION = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)$")

KNOWN_FIELDS = ("id", "label", "terms", "exclude", "threshold")
DEFAULT_THRESHOLD = 2.0


class ThemeFileError(Exception):
    """One line saying what is wrong with a theme file; turned into a Problem, never raised out."""


def default_dirs() -> list[Path]:
    """Bundled themes, then the user's (which win by id)."""
    from briefing.paths import bundled_themes, user_themes_dir

    return [bundled_themes(), user_themes_dir()]


def load_themes(
    dirs: Sequence[Path] | None = None,
) -> tuple[tuple[Theme, ...], tuple[Problem, ...]]:
    """All themes from ``dirs`` (default: bundled, then user), sorted by id, and the problems.

    A folder that does not exist is skipped silently: most users never create a themes folder.
    """
    by_id: dict[str, Theme] = {}
    problems: list[Problem] = []
    for folder in default_dirs() if dirs is None else dirs:
        themes, found = _load_dir(Path(folder))
        problems.extend(found)
        by_id.update((t.id, t) for t in themes)
    return tuple(by_id[k] for k in sorted(by_id)), tuple(problems)


def _load_dir(folder: Path) -> tuple[list[Theme], list[Problem]]:
    themes: list[Theme] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    try:
        files = sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError as exc:  # unreadable folder: say so once, load nothing from it
        return [], [Problem(str(folder), f"cannot list theme folder: {exc.strerror or exc}")]
    for path in files:
        try:
            theme = parse_theme(_read(path), path)
        except ThemeFileError as exc:
            problems.append(Problem(str(path), str(exc)))
            continue
        if theme.id in seen:
            problems.append(
                Problem(str(path), f"duplicate id '{theme.id}' (already in {seen[theme.id].name})")
            )
            continue
        seen[theme.id] = path
        themes.append(theme)
    return themes, problems


def _read(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ThemeFileError(f"file too large for a theme ({size} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise ThemeFileError(f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ThemeFileError(f"not UTF-8 (byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = TOML_POSITION.search(message)
        what = TOML_POSITION.sub("", message)
        what = what[:1].lower() + what[1:]
        if where:
            raise ThemeFileError(f"invalid TOML at {where.group(1)}: {what}") from None
        raise ThemeFileError(f"invalid TOML: {what}") from None


def parse_theme(data: dict[str, Any], path: Path | str = "") -> Theme:
    """A validated Theme from a parsed TOML table, or ThemeFileError naming the first fault.

    Strict on purpose: an unknown field is far more often a typo (``term =``, ``threshhold``)
    than a new feature, and silently ignoring it would leave the user wondering why nothing
    matches.
    """
    unknown = [k for k in data if k not in KNOWN_FIELDS]
    if unknown:
        known = ", ".join(KNOWN_FIELDS)
        raise ThemeFileError(f"unknown field '{unknown[0]}' (expected {known})")
    if "id" not in data:
        raise ThemeFileError("missing field 'id'")
    theme_id = data["id"]
    if not isinstance(theme_id, str):
        raise ThemeFileError("field 'id' must be a string")
    if not ID_PATTERN.match(theme_id):
        raise ThemeFileError(
            f"field 'id' must be lowercase letters, digits, '-' or '_' (got {theme_id!r})"
        )
    if "label" not in data:
        raise ThemeFileError("missing field 'label'")
    if "terms" not in data:
        raise ThemeFileError("missing field 'terms'")
    terms = _terms(data["terms"])
    if not any(terms.values()):
        raise ThemeFileError("field 'terms' has no terms")
    return Theme(
        id=theme_id,
        label=_label(data["label"]),
        terms=terms,
        exclude=_exclude(data.get("exclude", {})),
        threshold=_threshold(data.get("threshold", DEFAULT_THRESHOLD)),
        path=str(path),
    )


def _label(value: Any) -> dict[str, str]:
    """``label = "Open source"`` is shorthand for ``[label] en = "Open source"``."""
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise ThemeFileError("field 'label' must be a string or a table of strings per language")
    out: dict[str, str] = {}
    for lang, text in value.items():
        if not LABEL_LANG.match(lang):
            raise ThemeFileError(f"field 'label' has key '{lang}', not a language code like en, ja")
        if not isinstance(text, str) or not text.strip():
            raise ThemeFileError(f"field 'label.{lang}' must be a non-empty string")
        out[lang] = text.strip()
    if not out:
        raise ThemeFileError("field 'label' is empty")
    return out


def _terms(value: Any) -> dict[str, tuple[Term, ...]]:
    if not isinstance(value, dict):
        raise ThemeFileError("field 'terms' must be a table of term lists per language")
    out: dict[str, tuple[Term, ...]] = {}
    for lang, items in value.items():
        _check_lang("terms", lang)
        where = f"terms.{lang}"
        if not isinstance(items, list):
            raise ThemeFileError(f"field '{where}' must be a list of strings")
        out[lang] = tuple(_term(item, where) for item in items)
    return out


def _term(item: Any, where: str) -> Term:
    """A term is ``"text"`` or ``{ term = "text", weight = 2 }``."""
    if isinstance(item, str):
        text, weight = item, 1.0
    elif isinstance(item, dict):
        extra = [k for k in item if k not in ("term", "weight")]
        if extra:
            raise ThemeFileError(f"field '{where}' has a term with unknown key '{extra[0]}'")
        term, weight = item.get("term"), item.get("weight", 1.0)
        if not isinstance(term, str):
            raise ThemeFileError(f"field '{where}' has a table without a string 'term'")
        text = term
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise ThemeFileError(f"field '{where}': weight of {text!r} must be a positive number")
    else:
        raise ThemeFileError(
            f"field '{where}' must be a list of strings or {{ term = …, weight = … }} tables"
        )
    if not text.strip():
        raise ThemeFileError(f"field '{where}' has an empty term")
    return Term(text.strip(), float(weight))


def _exclude(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ThemeFileError("field 'exclude' must be a table of term lists per language")
    out: dict[str, tuple[str, ...]] = {}
    for lang, items in value.items():
        _check_lang("exclude", lang)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ThemeFileError(f"field 'exclude.{lang}' must be a list of strings")
        out[lang] = tuple(i.strip() for i in items if i.strip())
    return out


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ThemeFileError("field 'threshold' must be a positive number")
    return float(value)


def _check_lang(field_name: str, lang: str) -> None:
    """Terms are per language family: one ``zh`` list serves simplified and traditional."""
    if TERMS_LANG.match(lang):
        return
    family = lang.split("-")[0]
    if TERMS_LANG.match(family):
        raise ThemeFileError(
            f"field '{field_name}' has key '{lang}': use '{family}', which matches every variant"
        )
    raise ThemeFileError(
        f"field '{field_name}' has key '{lang}', not a language code like en, fr, ja, zh or 'any'"
    )
