"""Hostile text (markup, escape codes, bidi, Markdown/HTML) stays inert on every CLI surface."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing.cli import main
from briefing.corpus.load import load_corpus
from briefing.store import Store

PROBES = [
    "[bold]B[/bold]",
    "[@click=app.quit]click[/]",
    "[link=http://evil.example]L[/link]",
    "\x1b[31mRED\x1b[0m",
    "\x1b]8;;http://evil.example\x1b\\osc8\x1b]8;;\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07",
    "bell\x07",
    "back\x08space",
    "\u202eevil\u202c",
    "\u2066iso\u2069",
    "\x9b31mC1",
    "# heading",
    "| a | b |",
    "<script>x</script><b>b</b>",
    "[text](http://evil.example)",
    "---",
]
PROBE = " ".join(PROBES)
# anything a terminal acts on: ESC, C0 controls but \n, DEL, C1, bidi controls
LIVE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(tmp_path: Path, briefing_home: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    record = {
        "title": f"Title {PROBE}",
        "text": f"The minister spoke on Saturday. {PROBE} The summit ended. Officials agreed on rules.",
        "source": f"Src {PROBE}",
        "date": "2025-07-26",
    }
    (folder / "a.json").write_text(json.dumps(record), encoding="utf-8")
    themes = briefing_home / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "evil.toml").write_text(
        'id = "evil"\nlabel = '
        + json.dumps(f"Label {PROBE}")
        + '\n[terms]\nen = ["minister", "summit"]\n',
        encoding="utf-8",
    )
    (doc,) = load_corpus([folder]).documents
    Store().set_note(doc, f"Note {PROBE}")
    return folder


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["show", "a.json", "--corpus"],
        ["show", "a.json", "--json", "--corpus"],
        ["themes"],
        ["daily"],
        ["daily", "--json"],
        ["export", "-o", "-"],
    ],
)
@pytest.mark.parametrize("tty", [False, True])
def test_no_escape_or_control_reaches_stdout(
    hostile: Path, argv: list[str], tty: bool, monkeypatch, capsys
) -> None:
    if tty:
        monkeypatch.delenv("NO_COLOR", raising=False)
        fake = _Tty()
        monkeypatch.setattr(sys, "stdout", fake)
    code = main([*argv, str(hostile)])
    out = fake.getvalue() if tty else capsys.readouterr().out
    assert code == 0, out
    # Rich's own colours are the only escapes allowed on a TTY; none come from the article
    text = re.sub(r"\x1b\[[0-9;]*m", "", out) if tty else out
    assert not LIVE.search(text), repr(LIVE.search(text))


def test_markup_shows_literally_in_daily_on_a_terminal(hostile: Path, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    fake = _Tty()
    monkeypatch.setattr(sys, "stdout", fake)
    assert main(["daily", str(hostile)]) == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", fake.getvalue())
    assert "[bold]B[/bold]" in plain
    assert "[@click=app.quit]click[/]" in plain


def test_export_structure_is_unchanged_by_hostile_text(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    assert main(["export", str(hostile), "-o", str(out)]) == 0
    tokens = MarkdownIt("commonmark").parse(out.read_text(encoding="utf-8"))
    kinds = [t.type for t in tokens]
    assert kinds.count("heading_open") == 1 + 1 + 1  # title, one theme section, one article
    inline_kinds = {c.type for t in tokens for c in (t.children or [])}
    assert not inline_kinds & {"html_inline", "link_open", "image"}
    assert "html_block" not in kinds
    assert "hr" not in kinds
    assert "table_open" not in kinds
    rendered = MarkdownIt("commonmark").render(out.read_text(encoding="utf-8"))
    assert "Note [bold]B[/bold]" in rendered
    assert "Label [bold]B[/bold]" in rendered
