"""The core never imports a UI library, and the CLI's data commands never load Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "briefing.model",
    "briefing.paths",
    "briefing.corpus.load",
    "briefing.summarize",
    "briefing.text.words",
    "briefing.themes",
    "briefing.store",
    "briefing.library",
]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_core_imports_no_ui() -> None:
    mods = _modules_after("\n".join(f"import {m}" for m in CORE))
    assert not {m for m in mods if m.split(".")[0] in ("textual", "rich")}


def test_list_does_not_load_textual() -> None:
    mods = _modules_after(
        "import contextlib, io\n"
        "from briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list'])"
    )
    assert "textual" not in mods


def test_a_cold_daily_brief_imports_no_nltk(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Stems come from snowballstemmer itself: NLTK (a second or more of imports) never loads."""
    import os

    code = (
        "import contextlib, io\n"
        "from briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['daily', '--jobs', '1'])"
    )
    env = dict(os.environ, BRIEFING_HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert "briefing.summarize.brief" in out.split()  # it did summarize
    assert not {m for m in out.split() if m.split(".")[0] == "nltk"}
