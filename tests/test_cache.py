"""The cache file misbehaving: corrupt, truncated, locked, unwritable, from another version; and
``briefing cache info|clear``, ``--no-cache``, ``--jobs``, the progress bar, Ctrl-C in workers.

Whatever happens to the cache, a command gives the same output as without it, with at most one
message about the cache on stderr.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from briefing.cache import connection, pool, schema
from briefing.cache.db import cache_path, close_cache
from briefing.cli import main
from briefing.commands.common import ProgressBar
from briefing.library import open_library
from tests.test_library import ROBOTS, write_article


@pytest.fixture
def news(tmp_path: Path) -> Path:
    for i in range(3):
        write_article(tmp_path / "news", f"a{i}.txt", f"Robots, day {i}", ROBOTS[i:] + ROBOTS)
    return tmp_path / "news"


def list_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list, str]:
    code = main(["list", "--json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def cache_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "cache" in line]


def test_a_corrupt_cache_file_is_moved_aside_rebuilt_and_said_once(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, expected, _ = list_json(capsys, str(news), "--no-cache")
    path = cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, it was a disk error" * 100)
    close_cache()

    code, docs, err = list_json(capsys, str(news))

    assert code == 0
    assert docs == expected
    (line,) = cache_lines(err)
    assert line.startswith(
        f"briefing: {path}: cache was damaged; moved to briefing.sqlite3.corrupt-"
    )
    (kept,) = path.parent.glob("briefing.sqlite3.corrupt-*")
    assert kept.read_bytes().startswith(b"this is not a database")
    code, docs, err = list_json(capsys, str(news))  # the new cache works, silently
    assert (code, docs, err) == (0, expected, "")


def test_a_truncated_cache_file_is_rebuilt(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, expected, _ = list_json(capsys, str(news))  # builds the cache
    close_cache()
    path = cache_path()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)

    code, docs, err = list_json(capsys, str(news))

    assert (code, docs) == (0, expected)
    (line,) = cache_lines(err)
    assert "cache was damaged; moved to" in line


def test_a_row_this_version_cannot_read_is_a_miss(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, expected, _ = list_json(capsys, str(news))
    close_cache()
    with sqlite3.connect(cache_path()) as conn:
        conn.execute("UPDATE files SET payload = '{not json'")
        conn.execute("UPDATE briefs SET payload = '[1, 2'")
        conn.execute("UPDATE themes SET payload = 'null'")
    conn.close()
    assert list_json(capsys, str(news)) == (0, expected, "")


def test_a_cache_from_another_schema_is_rebuilt(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, expected, _ = list_json(capsys, str(news))
    close_cache()
    with sqlite3.connect(cache_path()) as conn:
        conn.execute("UPDATE meta SET value = 'from-the-future' WHERE key = 'schema'")
    conn.close()
    assert list_json(capsys, str(news)) == (0, expected, "")
    with sqlite3.connect(cache_path()) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone() == (schema.SCHEMA,)
    conn.close()


def _half_migrated(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (schema.SCHEMA,))
        conn.execute("CREATE TABLE files (path TEXT PRIMARY KEY, payload TEXT)")
    conn.close()


def _another_program(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (name TEXT, email TEXT)")
        conn.execute("INSERT INTO users VALUES ('ana', 'ana@example.org')")
    conn.close()


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (_half_migrated, "tables do not match its schema"),
        (_another_program, "not a briefing cache"),
        (lambda path: path.mkdir(), "a folder, not a file"),
    ],
    ids=["half-migrated", "another-program", "folder"],
)
def test_a_foreign_or_half_migrated_cache_is_moved_aside_and_rebuilt(
    news: Path, capsys: pytest.CaptureFixture[str], make, why: str
) -> None:
    _, expected, _ = list_json(capsys, str(news), "--no-cache")
    path = cache_path()
    path.parent.mkdir(parents=True)
    close_cache()
    make(path)

    code, docs, err = list_json(capsys, str(news))

    assert (code, docs) == (0, expected)
    (line,) = cache_lines(err)
    assert line.startswith(f"briefing: {path}: cache was not briefing's ({why}); moved to ")
    assert line.endswith(" and rebuilt")
    (kept,) = path.parent.glob("briefing.sqlite3.corrupt-*")
    assert kept.exists()
    close_cache()
    code, docs, err = list_json(capsys, str(news))  # the new cache is used, silently
    assert (code, docs, err) == (0, expected, "")
    with sqlite3.connect(cache_path()) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (3,)
    conn.close()


def test_a_locked_cache_is_skipped_with_one_message(
    news: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, expected, _ = list_json(capsys, str(news), "--no-cache")
    open_library(news)  # the cache exists, in WAL mode
    close_cache()
    monkeypatch.setattr(connection, "BUSY_SECONDS", 0.05)
    other = sqlite3.connect(cache_path())  # another briefing, in the middle of a write
    other.execute("BEGIN EXCLUSIVE")
    try:
        (news / "a0.txt").write_text("Changed\n\nA different text entirely. Robots again.\n")
        code, docs, err = list_json(capsys, str(news))
    finally:
        other.rollback()
        other.close()
    assert code == 0
    assert docs[1:] == expected[1:]
    assert docs[0]["title"] == "Changed"
    (line,) = cache_lines(err)
    assert "cache in use by another briefing; working without it this time" in line


def test_an_unwritable_cache_folder_means_no_cache_not_a_crash(
    news: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = news.parent / "home"
    home.mkdir()
    (home / "cache").write_text("a file where the cache folder should be")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    code, docs, err = list_json(capsys, str(news))
    assert code == 0
    assert len(docs) == 3
    (line,) = cache_lines(err)
    assert "working without it" in line


def test_cache_info_then_clear(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "info"]) == 0
    assert "(empty: the next corpus command builds it)" in capsys.readouterr().out
    list_json(capsys, str(news))
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert f"path     {cache_path()}" in out
    assert "files    3" in out
    assert "briefs   3" in out
    assert main(["cache", "clear"]) == 0
    assert "briefing: cache cleared (" in capsys.readouterr().err
    assert not cache_path().exists()
    list_json(capsys, str(news))  # and it comes back
    assert cache_path().exists()


def test_no_cache_flag_leaves_no_cache(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, docs, _ = list_json(capsys, str(news), "--no-cache", "--jobs", "1")
    assert (code, len(docs)) == (0, 3)
    assert not cache_path().exists()


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["list", "--jobs", value])
    assert exc.value.code == 2
    assert "not a number of processes" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_after_a_delay_and_erases_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([0.0, 0.1, 1.0, 1.05, 2.0])
    monkeypatch.setattr("briefing.commands.common.time.monotonic", lambda: next(clock))
    stream = Terminal()
    with ProgressBar("Reading", "files", stream) as bar:  # started at 0.0
        bar(1, 10)  # 0.1 s: too soon to bother
        assert stream.getvalue() == ""
        bar(5, 10)  # 1.0 s
        bar(6, 10)  # 1.05 s: too soon after the last draw
        bar(10, 10)  # 2.0 s
    lines = stream.getvalue().split("\r")
    assert lines[1].startswith("Reading  ████████████░░░░░░░░░░░░  5/10 files  5/s")
    assert lines[2].startswith("Reading  ████████████████████████  10/10 files  5/s")
    assert lines[-1] == "\x1b[K"  # erased at the end


def test_no_progress_bar_in_a_pipe(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["list", str(news)])
    assert "\r" not in capsys.readouterr().err


def _interrupt(_chunk: list, _results: list) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_during_a_parallel_build_stops_it_and_the_next_build_works() -> None:
    from briefing.cache.tasks import match_themes

    chunks: list[list] = [[] for _ in range(6)]
    with pytest.raises(KeyboardInterrupt):
        pool.run_chunks(match_themes, chunks, _interrupt, args=((),), jobs=2)
    done: list[list] = []
    assert pool.run_chunks(match_themes, chunks, lambda c, r: done.append(r), args=((),), jobs=2)
    assert done == [[]] * 6
    pool.shutdown()


def test_cached_results_are_delivered_a_chunk_at_a_time_before_the_rest_is_looked_up() -> None:
    """A reader lists the first thousand rows of a big warm folder while the rest are looked up."""
    from briefing.cache import step

    asked: list[int] = []
    events: list[tuple[str, int]] = []
    items = list(range(2500))

    def lookup(keys):  # type: ignore[no-untyped-def]
        asked.append(len(keys))
        events.append(("lookup", len(keys)))
        return {k: k * 10 for k in keys if k != 7}  # one miss, computed in this process

    def tasks(chunk):  # type: ignore[no-untyped-def]
        return [k * 10 for k in chunk]

    delivered: dict[int, int] = {}
    fake = step.Step(key=lambda i: i, lookup=lookup, task=tasks, store=lambda pairs: None)
    step.run(fake, items, delivered.__setitem__,
             progress=lambda done, total: events.append(("progress", done)))  # fmt: skip
    assert asked == [1000, 1000, 500]
    assert events[:4] == [("lookup", 1000), ("progress", 999), ("lookup", 1000), ("progress", 1999)]
    assert delivered == {i: i * 10 for i in items}
    assert events[-1] == ("progress", 2500)


class _Result:
    """A cached result that can be watched for being let go."""

    def __init__(self, key: str) -> None:
        self.key = key


def test_with_cheap_keys_a_cached_result_is_let_go_once_its_last_item_has_it() -> None:
    """A reader's 50,000 cached briefs were all alive at once until the step ended; copies of
    one article (one key) in different chunks still get the same result."""
    import weakref

    from briefing.cache import step

    keys = ["shared", *(f"k{i}" for i in range(1, 2400)), "shared"]  # a copy 2,400 items on
    items = list(range(len(keys)))
    refs: dict[str, weakref.ref[_Result]] = {}
    seen: dict[int, str] = {}
    alive_later: list[bool] = []

    def lookup(asked):  # type: ignore[no-untyped-def]
        out = {k: _Result(k) for k in asked}
        refs.update({k: weakref.ref(r) for k, r in out.items()})
        return out

    def deliver(item: int, result: _Result) -> None:
        seen[item] = result.key
        if item == 1500:  # "k1" was delivered in the first chunk, and no other item has it
            alive_later.append(refs["k1"]() is not None)

    for cheap in (False, True):
        seen.clear()
        alive_later.clear()
        fake = step.Step(key=keys.__getitem__, lookup=lookup, task=lambda c: [],
                         store=lambda pairs: None, cheap_keys=cheap)  # fmt: skip
        step.run(fake, items, deliver)
        assert seen == dict(enumerate(keys))
        assert alive_later == [not cheap]


def test_the_collector_is_paused_while_a_step_runs_and_on_again_after() -> None:
    """A reopen of a big folder pauses the cyclic collector (it walked millions of cached
    objects over and over); it must be on again afterwards, nested pauses included."""
    import gc

    from briefing.cache import step as step_mod

    assert gc.isenabled()
    with step_mod.collector_paused():
        assert not gc.isenabled()
        with step_mod.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    gc.disable()
    try:
        with step_mod.collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()


def test_open_library_leaves_the_collector_on(tmp_path: Path) -> None:
    import gc

    from briefing.library import open_library

    (tmp_path / "a.txt").write_text("Title\n\nSome text of an article here.\n", encoding="utf-8")
    open_library(tmp_path)
    assert gc.isenabled()


def test_many_files_are_looked_up_as_a_range_and_only_those_asked_come_back(
    tmp_path: Path,
) -> None:
    """A big folder's rows are read as one stretch of the table; rows between the paths
    asked (other files of the cache) must not come back as if asked."""
    from briefing.cache.db import RANGE_FROM, Cache, FileRow

    cache = Cache(tmp_path / "c.sqlite3")
    try:
        rows = [(f"/f/{i:05d}.txt", FileRow(f"{i}", i, i, "v", f"p{i}", "t")) for i in range(600)]
        cache.store_files(rows)
        asked = [path for path, _ in rows[::2]][: RANGE_FROM + 10]
        found = cache.files(asked)
        assert sorted(found) == sorted(asked)
        assert all(found[path].payload == f"p{int(path[3:8])}" for path in asked)
        assert cache.files(asked[:3]) == {p: found[p] for p in asked[:3]}  # the IN lists
    finally:
        cache.close()
