"""Notes survive SIGKILL at any moment, and two processes writing at once lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing.model import Document
from briefing.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# A writer that acknowledges each note on stdout only after set_note has returned.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing.model import Document
    from briefing.store import Store

    store = Store(Path(sys.argv[1]))
    prefix, start, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    for n in range(start, start + count):
        doc = Document(id=f"{prefix}{n}", path="", title="t", title_derived=False, date=None,
                       source=None, lang="en", paragraphs=("p",), content_hash=f"h-{prefix}{n}")
        store.set_note(doc, f"note {prefix}{n}-" + "x" * (n % 50))
        store.set_read(doc, n % 2 == 0)
        print(f"{prefix}{n}", flush=True)
    """
)


def _doc(doc_id: str) -> Document:
    return Document(id=doc_id, path="", title="t", title_derived=False, date=None, source=None,
                    lang="en", paragraphs=("p",), content_hash=f"h-{doc_id}")  # fmt: skip


def _spawn(path: Path, prefix: str, start: int, count: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(start), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_notes_acknowledged_before_sigkill_survive_100_kills(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    rng = random.Random(20251125)
    acknowledged: list[str] = []
    kills = 0
    next_n = 0
    while kills < 100:
        proc = _spawn(path, "k", next_n, 1000)
        time.sleep(rng.uniform(0.05, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        lines = out.split()
        acknowledged += lines
        next_n += 1000
        kills += 1
        # the store opens after every kill, with everything acknowledged so far
        store = Store(path)
        assert not [p for p in store.problems if "corrupt" in p.message], store.problems
    store = Store(path)
    missing = [
        doc_id
        for doc_id in acknowledged
        if store.note(_doc(doc_id)) != f"note {doc_id}-" + "x" * (int(doc_id[1:]) % 50)
    ]
    assert acknowledged, "the writer never got a note in: the test proved nothing"
    assert missing == []


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    procs = [_spawn(path, "a", 0, 60), _spawn(path, "b", 0, 60)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    store = Store(path)
    for prefix in ("a", "b"):
        for n in range(60):
            doc = _doc(f"{prefix}{n}")
            assert store.note(doc) == f"note {prefix}{n}-" + "x" * (n % 50)
            assert store.is_read(doc) is (n % 2 == 0)
