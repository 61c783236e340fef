"""``briefing build --dask``: a Dask cluster (loopback only) builds the same cache as this machine.

The cluster is a ``distributed.LocalCluster`` of two worker processes on 127.0.0.1: the chunks
really leave the test process (the scheduler counts their tasks), and the two caches are
compared table by table, row by row.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")  # the briefing[dask] extra (in [test])

TOPICS = ("harbour", "railway", "library", "market", "bridge", "school", "hospital", "park")


def make_corpus(folder: Path, n: int = 32) -> Path:
    """``n`` small articles, more than a step runs in one process (cache.step.MIN_PARALLEL)."""
    folder.mkdir()
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"{i:03d}_{topic}.txt").write_text(
            f"The {topic} plan for district {i} is approved\n\n"
            f"The council of district {i} approved the {topic} plan on Monday after a long "
            f"debate. It will cost {i + 3} million euros over five years, officials said. "
            f"Work on the {topic} starts in the spring. Residents asked for more hearings.",
            encoding="utf-8",
        )
    return folder


def briefing(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_HOME": str(home), "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "briefing", *args], env=env, capture_output=True,
                          text=True, timeout=240, check=False)  # fmt: skip


def cache_rows(home: Path) -> dict[str, list[tuple[object, ...]]]:
    (path,) = home.rglob("briefing.sqlite3")
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}


def test_a_cluster_build_writes_the_cache_a_local_build_writes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    local = briefing(tmp_path / "local", "build", str(corpus), "--jobs", "2")
    assert local.returncode == 0, local.stderr
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:  # fmt: skip
        remote = briefing(
            tmp_path / "dask", "build", str(corpus), "--dask", cluster.scheduler_address
        )
        ran = {name: sum(p.all_durations.values()) for name, p in
               cluster.scheduler.task_prefixes.items()}  # fmt: skip
    assert remote.returncode == 0, remote.stderr
    assert "built 32 documents, 32 briefs" in remote.stderr
    assert "2 Dask workers" in remote.stderr
    assert {"load_files", "summarize_docs"} <= set(ran)  # the chunks ran on the cluster
    built, expected = cache_rows(tmp_path / "dask"), cache_rows(tmp_path / "local")
    assert set(built) == set(expected)
    assert all(expected[t] for t in ("files", "briefs"))
    assert built == expected
    listed = briefing(tmp_path / "dask", "list", str(corpus), "--json")  # and it opens warm
    assert listed.returncode == 0
    assert listed.stdout == briefing(tmp_path / "local", "list", str(corpus), "--json").stdout


def test_an_unreachable_scheduler_is_one_line_and_a_usage_error(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 3)
    out = briefing(tmp_path / "home", "build", str(corpus), "--dask", "tcp://127.0.0.1:9")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "cannot reach the Dask scheduler" in out.stderr


def test_a_folder_that_does_not_exist_exits_1_and_builds_nothing(tmp_path: Path) -> None:
    out = briefing(tmp_path / "home", "build", str(tmp_path / "nowhere"))
    assert out.returncode == 1
    assert "no such file or folder" in out.stderr
    assert "built" not in out.stderr
