"""The installed reader in a real pseudo-terminal, as a user meets it (issue 13).

No fakes: the console script, Textual's own terminal driver and stderr capture, the worker
processes, the cache in an empty ``BRIEFING_HOME``. The field folder (``../shared/field``) is a
real analyst's folder of 630 files; where it is absent those tests are skipped, the seed test
still runs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tests.e2e.terminal import BRIEFING, Terminal

FIELD = REPO.parent / "shared" / "field"
needs_field = pytest.mark.skipif(
    not FIELD.is_dir(), reason="needs ../shared/field beside the repository"
)

ROW = r"(?m)^[● ] \S"
"""A document row: the unread mark (or a space), then the title."""


def all_listed(text: str) -> bool:
    """The status line says every document is listed (``1298/1298 · by date``)."""
    found = re.search(r"\b(\d+)/(\d+) · by", text)
    return bool(found) and found.group(1) == found.group(2) and int(found.group(1)) > 0


def settled(text: str) -> bool:
    """Every file read and every brief made: the progress line is gone."""
    return "Reading files" not in text and "Summarizing" not in text and all_listed(text)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_the_seeds_open_filter_read_and_quit(home: Path) -> None:
    term = Terminal(["open", str(SEEDS)], home, cols=100, rows=30)
    try:
        term.wait_for(ROW, 60)
        term.wait_for(settled, 120)
        term.send("/xyz李强")  # one write
        term.wait_for(lambda t: "xyz李强" in t and "No documents match" in t, 60)
        term.send("\x7f" * 5)
        term.pump(0.3)
        term.send("\x1b")
        term.wait_for(lambda t: all_listed(t) and "xyz" not in t, 60)
        term.send("\r")
        term.wait_for(r"Key points", 60)
        term.send("q")  # back to the list, not out of the app
        term.wait_for(all_listed, 60)
        term.send("q")
        assert term.exit_status() == 0
    finally:
        term.close()


@needs_field
def test_the_field_folder_fills_streams_briefs_and_survives_bursts(home: Path) -> None:
    """Cold cache, 630 files: progress, rows while reading, every brief, bursts of keys."""
    term = Terminal(["open", str(FIELD)], home)
    try:
        term.wait_for(r"Reading files \d+/\d+", 30)
        first = term.wait_for(ROW, 60)
        assert "Reading files" in first  # rows arrive while the files are still being read
        listed = term.wait_for(all_listed, 180)
        assert int(re.search(r"\b(\d+)/\1 · by", listed).group(1)) > 1200
        for burst in ("/李强上海q", "\x7f" * 6 + "xyz", "\x7f" * 3 + "élysée", "\x7f" * 6):
            term.send(burst)  # each in one write, faster than frames are drawn
            term.pump(0.3)
        # Esc alone: Esc and a letter in one read is alt+letter, in every terminal program
        term.send("\x1b")
        term.pump(0.5)
        term.send("jjjkjjj")
        term.wait_for(all_listed, 30)
        done = term.wait_for(settled, 600)
        assert "Summarizing…" not in done  # the preview shows a brief, not a placeholder
        term.send("q")
        assert term.exit_status() == 0
        assert b"Traceback" not in term.raw
    finally:
        term.close()


def _unread(text: str) -> int:
    """The unread count of the status line (``1298/1298 · by date · 1297 unread``)."""
    found = re.search(r"· by \w+ · (\d+) unread", text)
    assert found, text
    return int(found.group(1))


@needs_field
def test_the_field_folder_moves_marks_undoes_and_reloads(home: Path) -> None:
    """Issue 18's keys on the real folder: J/q in the reader, n, A then u, r; Esc+letter."""
    term = Terminal(["open", str(FIELD)], home)
    try:
        listed = term.wait_for(all_listed, 240)
        before = _unread(listed)
        assert before > 1200
        term.send("\r")
        term.wait_for("Key points", 60)
        term.send("JJ")  # one write: two articles on
        term.wait_for(lambda t: "J Next" in t, 30)  # the reader's footer
        term.send("\x1bn")  # Esc and n in one read: back to the list, then the next unread
        term.wait_for(lambda t: all_listed(t) and "/ Find" in t, 30)  # the list's footer
        assert _unread(term.text) == before - 3  # the three opened ones are read
        term.send("A")
        term.wait_for(lambda t: "Press u to undo" in t and _unread(t) == 0, 60)
        term.send("u")
        term.wait_for(lambda t: _unread(t) == before - 3, 60)
        term.send("r")
        term.wait_for("Reloaded: 0 new, 0 changed, 0 gone", 120)
        assert _unread(term.text) == before - 3  # read state survives the reload
        term.send("q")
        assert term.exit_status() == 0
        assert b"Traceback" not in term.raw
    finally:
        term.close()


def test_e_hands_the_terminal_to_the_editor_and_keeps_what_it_wrote(
    tmp_path: Path, home: Path
) -> None:
    """App.suspend needs a real terminal: the editor runs, the reader comes back with the note."""
    folder = tmp_path / "news"
    _single_file_folder(folder, SEEDS / "003_8db735ba76f7c009.txt")
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "from the editor" > "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    term = Terminal(
        ["open", str(folder)], home, cols=120, rows=30, env={"EDITOR": str(editor), "VISUAL": ""}
    )
    try:
        term.wait_for(ROW, 60)
        term.send("e")
        term.wait_for("✎ from the editor", 30)
        term.send("q")
        assert term.exit_status() == 0
    finally:
        term.close()


def _single_file_folder(folder: Path, source: Path) -> None:
    (folder / "feeds").mkdir(parents=True)
    shutil.copy(source, folder / "feeds" / "story.txt")


def _two_texts() -> tuple[Path, Path]:
    if FIELD.is_dir():
        texts = sorted((FIELD / "press-en").glob("*.txt"))
        if len(texts) >= 2:
            return texts[0], texts[1]
    return SEEDS / "000_e6fbc0d64e4d1f4c.txt", SEEDS / "003_8db735ba76f7c009.txt"


def test_a_note_survives_a_restart_and_stays_in_its_folder(tmp_path: Path, home: Path) -> None:
    one, two = _two_texts()
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    _single_file_folder(folder_a, one)
    _single_file_folder(folder_b, two)  # the same path inside the folder, another article

    term = Terminal(["open", str(folder_a)], home, cols=120, rows=30)
    try:
        term.wait_for(ROW, 60)
        term.send("w")
        term.wait_for("Note on", 20)
        term.send("pty note one")
        term.wait_for("pty note one", 10)
        term.send("\x13")  # ctrl+s
        term.wait_for("✎ pty note one", 20)
        term.send("q")
        assert term.exit_status() == 0
    finally:
        term.close()

    again = Terminal(["open", str(folder_a)], home, cols=120, rows=30)
    try:
        again.wait_for("✎ pty note one", 60)
        again.send("q")
        assert again.exit_status() == 0
    finally:
        again.close()

    other = Terminal(["open", str(folder_b)], home, cols=120, rows=30)
    try:
        shown = other.wait_for(settled, 60)
        assert "pty note one" not in shown
        other.send("q")
        assert other.exit_status() == 0
    finally:
        other.close()


@needs_field
def test_a_folder_that_changes_while_it_loads(tmp_path: Path, home: Path) -> None:
    """Files deleted and added between the walk and the read: reported, never a crash."""
    folder = tmp_path / "moving"
    sources = sorted(p for p in (FIELD / "inbox").rglob("*") if p.is_file())[:40]
    sources += sorted(p for p in (FIELD / "feeds").glob("*.xml") if p.is_file())[:5]
    for i, path in enumerate(sources):
        shutil.copy(path, folder.mkdir(exist_ok=True) or folder / f"{i:03d}{path.suffix}")
    term = Terminal(["open", str(folder)], home)
    try:
        term.pump(0.3)
        for path in sorted(folder.iterdir())[::4]:
            path.unlink()
        shutil.copy(sources[0], folder / "late.txt")
        term.send("/a")  # typing while files vanish under the loader
        term.wait_for(lambda t: "Reading files" not in t and "Summarizing" not in t, 180)
        term.send("\x1b")
        # a pause past the escape delay even on a loaded machine: Esc and q read together are
        # alt+q, as in any terminal program
        term.pump(1.5)
        term.send("q")
        assert term.exit_status() == 0
        assert b"Traceback" not in term.raw
    finally:
        term.close()


def test_without_a_terminal_the_reader_refuses_in_one_line(home: Path) -> None:
    """``briefing > out.txt`` wrote escape codes into the file and hung."""
    result = subprocess.run(
        [str(BRIEFING), "open", str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={"BRIEFING_HOME": str(home), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "needs a terminal" in result.stderr
