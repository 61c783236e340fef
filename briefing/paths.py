"""Where briefing keeps the user's files.

platformdirs gives the per-OS config, data and cache dirs. ``BRIEFING_HOME`` relocates all three
under one folder: tests point it at a temp dir so they never touch a real user's notes, and a user
can keep a portable setup on a USB stick.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "briefing"


def _home() -> Path | None:
    value = os.environ.get("BRIEFING_HOME")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    if home:
        return home / "config"
    import platformdirs

    return platformdirs.user_config_path(APP)


def data_dir() -> Path:
    home = _home()
    if home:
        return home / "data"
    import platformdirs

    return platformdirs.user_data_path(APP)


def cache_dir() -> Path:
    home = _home()
    if home:
        return home / "cache"
    import platformdirs

    return platformdirs.user_cache_path(APP)


def log_dir() -> Path:
    """Logs: the reader's crash reports and what worker processes printed."""
    home = _home()
    if home:
        return home / "log"
    import platformdirs

    return platformdirs.user_log_path(APP)


def user_themes_dir() -> Path:
    """User theme files: each ``*.toml`` here adds a theme or overrides a bundled one by id."""
    return config_dir() / "themes"


def _bundled(name: str) -> Path:
    """A folder shipped with briefing: inside the wheel, or at the top of a source checkout.

    A wheel carries copies under ``briefing/_bundled``; an editable install or a checkout reads
    the repository's own top-level folder, so there is a single copy to edit.
    """
    here = Path(__file__).resolve().parent
    inside = here / "_bundled" / name
    if inside.is_dir():
        return inside
    return here.parent / name


def bundled_seeds() -> Path:
    return _bundled("seeds")


def bundled_themes() -> Path:
    return _bundled("themes")


def export_dir() -> Path:
    """Where the reader's ``ctrl+e`` writes: the user's documents folder (``~/Documents``), not
    the current directory, which is often the news folder itself."""
    home = _home()
    if home:
        return home / "exports"
    import platformdirs

    return platformdirs.user_documents_path()
