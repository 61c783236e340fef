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
