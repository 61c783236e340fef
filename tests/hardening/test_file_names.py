"""File names are untrusted input too: any bytes a folder can hold load, and none reach a
terminal live (issue 21, items 1 and 2, and the file-name fuzz through every CLI view).

Names are made here as bytes in a temp dir: Linux file systems take any byte but ``/`` and NUL.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cli import main
from tests.hardening.test_nothing_live import LIVE

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs a file system that takes any byte"
)

ARTICLE = (
    "Council meeting {n}\n\nThe council met on day {n} and agreed plan number {n}. "
    "Officials said talks on item {n} go on.\n"
)

# the repros of the issue: OSC 52 clipboard write, CSI colour, 8-bit CSI (U+009B as UTF-8),
# RLO, BEL, a newline and a carriage return
HOSTILE_NAMES = [
    b"x\x1b]52;c;ZXZpbA==\x07.txt",
    b"csi\x1b[31mred.txt",
    b"c1\xc2\x9b31m.txt",
    b"rlo\xe2\x80\xaetxt.exe.txt",
    b"bell\x07.txt",
    b"new\nline.txt",
    b"carriage\rreturn.txt",
]


def _fuzz_names() -> list[bytes]:
    """Every byte 0x01–0xff but ``/`` in some name, surrogates, controls, bidi, newlines."""
    every = [b for b in range(1, 256) if b != ord("/")]
    names = [b"f" + bytes(every[i : i + 8]) + b".txt" for i in range(0, len(every), 8)]
    names += [
        b"s\xed\xa0\x80.txt",  # an encoded surrogate (CESU-8): not UTF-8
        b"s\xed\xbf\xbf.txt",
        "iso\u2066x\u2069.txt".encode(),
        "lrm\u200e\u200f.txt".encode(),
        "sep\u2028\u2029.txt".encode(),
        b"\n.txt",
        b"tab\tname.txt",
    ]
    return names + HOSTILE_NAMES


def make_folder(root: Path, names: list[bytes]) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    for n, name in enumerate(names):
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(ARTICLE.format(n=n).encode())
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(*texts: str) -> None:
    for text in texts:
        found = LIVE.search(text)
        assert found is None, repr(text[max(0, found.start() - 40) : found.end() + 40])
        assert not re.search(r"[\ud800-\udfff]", text)


def test_non_utf8_file_name_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, [b"caf\xe9.txt", b"ok.txt"])
    for _ in ("cold", "warm"):
        code, out, err = run(capsys, "list", str(folder))
        assert (code, err) == (0, "")
        assert [line.split()[0] for line in out.splitlines()] == ["caf\\xe9.txt", "ok.txt"]
    for argv in (["export", "-o", "-"], ["stories", "--json"], ["list", "--json"]):
        code, out, err = run(capsys, *argv, "--no-cache", str(folder))
        assert code == 0, err
        assert "Traceback" not in err
        assert "caf\\xe9.txt" in out or "caf\\\\xe9.txt" in out
    code, out, _ = run(capsys, "show", "caf\\xe9.txt", "--corpus", str(folder))
    assert code == 0
    assert out.startswith("Council meeting 0\n")


def test_file_names_reach_the_terminal_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path, HOSTILE_NAMES)
    code, out, err = run(capsys, "list", str(folder))
    assert code == 0
    assert_inert(out, err)
    assert len(out.splitlines()) == len(HOSTILE_NAMES)  # a newline in a name splits no row
    assert "x\\x1b]52;c;ZXZpbA==\\x07.txt" in out  # shown, escaped
    assert "new\\nline.txt" in out
    code, out, err = run(capsys, "stories", str(folder))
    assert code == 0
    assert_inert(out, err)
    code, out, err = run(capsys, "show", "x", "--corpus", str(folder))
    assert code == 0
    assert_inert(out, err)
    assert "· x\\x1b]52;c;ZXZpbA==\\x07.txt" in out.splitlines()[1]
    code, out, err = run(capsys, "show", "c", "--corpus", str(folder))  # c1…, csi…, carriage…
    assert code == 2
    assert "matches 3 documents" in err
    assert_inert(out, err)


def test_file_name_fuzz_reaches_no_terminal_live(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = _fuzz_names()
    folder = make_folder(tmp_path, names)
    code, out, err = run(capsys, "list", "--json", str(folder))
    assert code == 0, err
    assert_inert(out, err)
    ids = [doc["id"] for doc in json.loads(out)]
    assert len(ids) == len(set(ids)) == len(names)
    code, out, err = run(capsys, "list", str(folder))
    assert code == 0
    assert_inert(out, err)
    assert len(out.splitlines()) == len(names)
    for argv in (["stories"], ["stories", "--json"], ["daily"], ["export", "-o", "-"]):
        code, out, err = run(capsys, *argv, str(folder))
        assert code == 0, (argv, err)
        assert_inert(out, err)
    target = tmp_path / "briefing.md"
    assert run(capsys, "export", "-o", str(target), str(folder))[0] == 0
    assert_inert(target.read_text(encoding="utf-8"))
    for doc_id in ids:  # every id, as printed, finds its document again
        code, out, err = run(capsys, "show", doc_id, "--corpus", str(folder))
        assert code == 0, (doc_id, err)
        assert_inert(out, err)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_name_becomes_a_printable_id(name: bytes) -> None:
    from briefing.corpus.names import printable_name

    shown = printable_name(os.fsdecode(name))
    shown.encode("utf-8")  # no lone surrogate left: SQLite, hashlib and stdout take it
    assert_inert(shown)
    assert "\n" not in shown
