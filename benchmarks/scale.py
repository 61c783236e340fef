"""Scale: cold build, warm reopen, ``briefing daily`` and the TUI on 1,000 to 50,000 articles.

Run by hand from the repository root (it takes minutes per size; 50,000 takes the longest)::

    python benchmarks/scale.py                      # 1,000 10,000 50,000
    python benchmarks/scale.py --sizes 1000,10000   # fewer sizes
    python benchmarks/scale.py --sizes 1000 --profile cold   # where a cold build spends its time

Each corpus is made in a temp dir from ``../shared/eval/*.jsonl`` and the bundled seeds: copies
with varied names, dates, sources and small edits (so no two articles share a content hash and
nothing is summarized once for many), in all five languages and two formats (.txt, .json).
Every measurement runs in a fresh process with its own empty ``BRIEFING_HOME``, so imports,
worker start-up and jieba's dictionary load are counted as a user's first run pays them:

cold
    ``open_library`` + ``briefs_for`` every article, empty cache: articles/s (wall clock), and
    per core as articles per CPU-second of the parent and its workers (so other load on the
    machine does not count against it), for the whole build and for the summarizing step alone
    (tokenization included).
warm
    ``open_library`` again on the unchanged folder (stat + cache, no text read), and the briefs.
daily
    wall time of ``python -m briefing daily CORPUS`` with the warm cache.
tui
    ``BriefingApp.run_test()`` with the real pipeline and the warm cache: first paint (the
    library screen up), rows (the documents listed), briefs (every cached brief delivered to
    the app), and the latency of each filter keystroke once that is done: the key event posted
    as the terminal would, to the first frame whose list holds exactly what the query selects
    (worked out apart, beforehand); beside it the echo (the first frame after the key) and the
    app's CPU time for all the key caused, which other load on the machine does not inflate.
    ``--tui-only --work DIR`` runs only this on a corpus and cache kept in DIR; ``--pty`` adds
    the installed ``briefing`` in a real pseudo-terminal (run_test() skips the terminal driver).
lexrank
    plain sumy LexRank (our offline tokenizer, as sumy's own needs NLTK data we cannot
    download; 3 sentences) on the same texts in one process, per CPU-second: the reference
    rate; and ours on the same sample the same way ("ours 1p/s").

Peak RSS is each process's (cold build, warm open, `briefing daily`, reader), and the cold build's
largest worker.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))

BRIEFS_WAIT = 300
"""Seconds the TUI run waits for every (cached) brief to reach the app before typing: the
keystrokes are timed on an idle app when it gets there, during the delivery otherwise."""

LEXRANK_SAMPLE = 400
"""Articles the LexRank reference and the single-process summarizer rate are measured on."""

FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")  # fmt: skip
EDITIONS = {
    "en": ("Updated", "Update", "Corrected"),
    "fr": ("Mise à jour", "Actualisé", "Rectificatif"),
    "ja": ("続報", "更新", "訂正"),
    "zh-cn": ("更新", "续报", "更正"),
    "zh-tw": ("續報", "更新", "更正"),
}
"""A copy's title says which edition it is, in its own language (an English title with 続報
would have made every English text's folded copy two bytes a character)."""
SOURCES = {
    "en": ("Reuters", "AP", "BBC", "CNN", "The Guardian"),
    "fr": ("Le Monde", "AFP", "Orange Actu", "Libération"),
    "ja": ("NHK", "共同通信", "BBCニュース", "日本経済新聞"),
    "zh-cn": ("新华社", "人民日报", "中国新闻网"),
    "zh-tw": ("中央社", "聯合報", "自由時報"),
}


# corpus ------------------------------------------------------------------------------------


def _base_articles() -> list[dict[str, Any]]:
    """Every eval article, and the seed articles three times over (they are the only Chinese)."""
    from briefing.corpus.load import load_corpus

    out: list[dict[str, Any]] = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("text"):
                out.append({"lang": rec["lang"], "title": rec.get("title") or "",
                            "paragraphs": rec["text"].split("\n")})  # fmt: skip
    seeds = load_corpus([REPO / "seeds"]).documents
    for _ in range(3):
        out.extend(
            {"lang": d.lang, "title": d.title, "paragraphs": list(d.paragraphs)} for d in seeds
        )
    return out


def _date_line(lang: str, day: Any) -> str:
    if lang == "fr":
        months = FRENCH_MONTHS
        return f"Publié le {day.day} {months[day.month - 1]} {day.year}"
    if lang in ("ja", "zh-cn", "zh-tw"):
        return f"{day.year}年{day.month}月{day.day}日"
    return f"Published {day.isoformat()}"


def build_corpus(target: Path, n: int) -> Path:
    """``n`` article files under ``target`` (100 per folder), deterministic for a given ``n``."""
    import datetime as dt

    rng = random.Random(n)
    base = _base_articles()
    start = dt.date(2025, 1, 1)
    target.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        art = base[i % len(base)]
        copy = i // len(base)
        lang = art["lang"]
        paragraphs = list(art["paragraphs"])
        if copy and len(paragraphs) > 2:  # a small edit: the wire re-ran it with a line moved
            j = rng.randrange(1, len(paragraphs) - 1)
            paragraphs[j], paragraphs[j + 1] = paragraphs[j + 1], paragraphs[j]
        labels = EDITIONS.get(lang, EDITIONS["en"])
        edition = labels[copy % len(labels)]
        title = art["title"] or paragraphs[0][:60]
        title = f"{title} ({edition} {copy})" if copy else title
        day = start + dt.timedelta(days=rng.randrange(365))
        source = rng.choice(SOURCES.get(lang, SOURCES["en"]))
        paragraphs.append(f"{source} — {_date_line(lang, day)} — #{i}")
        folder = target / f"{i // 100:04d}"
        folder.mkdir(exist_ok=True)
        name = f"{lang}-{i:06d}-{rng.randrange(16**6):06x}"
        if i % 5 == 4:
            record = {"title": title, "date": day.isoformat(), "source": source,
                      "lang": lang, "text": "\n".join(paragraphs)}  # fmt: skip
            (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
        else:
            text = "\n".join([title, "", _date_line(lang, day), "", *paragraphs])
            (folder / f"{name}.txt").write_text(text + "\n", "utf-8")
    return target


# children (each in a fresh process) --------------------------------------------------------


def _proc_status(pid: int | str, field: str) -> float:
    """A ``kB`` field of ``/proc/PID/status`` in MB (0 where there is no /proc)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _rss(workers_mb: float = 0.0) -> dict[str, float]:
    """Peak RSS of this process, and of its largest worker.

    ``VmHWM`` rather than ``ru_maxrss``: after fork + exec Linux carries the parent's peak
    into the child's ``ru_maxrss``, so a child of a big process would report the parent's size.
    """
    import resource

    own = _proc_status("self", "VmHWM")
    if not own:  # no /proc (macOS): ru_maxrss is in bytes there
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    return {"rss_mb": own, "workers_rss_mb": workers_mb}


def _workers() -> list[int]:
    import multiprocessing

    return [p.pid for p in multiprocessing.active_children() if p.pid]


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its live workers so far."""
    total = time.process_time()
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for pid in _workers():
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def child_cold(corpus: str, jobs: int | None) -> dict[str, Any]:
    from briefing.cache import pool
    from briefing.library import open_library

    t0, c0 = time.perf_counter(), _cpu()
    lib = open_library(corpus, jobs=jobs)
    t1, c1 = time.perf_counter(), _cpu()
    briefs, _problems = lib.briefs(lib.documents)
    t2, c2 = time.perf_counter(), _cpu()
    workers_mb = max((_proc_status(pid, "VmHWM") for pid in _workers()), default=0.0)
    pool.shutdown()
    return {"docs": len(lib.documents), "briefs": len(briefs), "load_s": t1 - t0,
            "briefs_s": t2 - t1, "load_cpu_s": c1 - c0, "briefs_cpu_s": c2 - c1,
            **_rss(workers_mb)}  # fmt: skip


def child_warm(corpus: str) -> dict[str, Any]:
    from briefing.library import open_library

    t0 = time.perf_counter()
    lib = open_library(corpus)
    t1 = time.perf_counter()
    briefs, _ = lib.briefs(lib.documents)
    t2 = time.perf_counter()
    return {"docs": len(lib.documents), "briefs": len(briefs), "open_s": t1 - t0,
            "briefs_s": t2 - t1, **_rss()}  # fmt: skip


_PAINTS: list[tuple[float, float, Any]] = []
"""Each screen write (the headless driver's frames): (wall, CPU, the list's layout then), for
:func:`_keystroke`."""
_LISTING: list[Any] = []
"""The DocumentList whose layout each frame records."""


def _count_paints() -> None:
    from textual.screen import Screen

    write = Screen._compositor_refresh

    def counted(self: Screen[Any]) -> None:
        write(self)
        layout = _LISTING[0]._layout if _LISTING else None
        _PAINTS.append((time.perf_counter(), time.process_time(), layout))

    Screen._compositor_refresh = counted  # type: ignore[method-assign]


KEY_TIMEOUT = 10.0
"""Seconds a keystroke may take before it is given up on (and reported as that long)."""


async def _keystroke(app: Any, key: str, expected: set[str]) -> dict[str, float]:
    """A key as the terminal delivers it, to the first frame that shows the list of the new
    query (``expected``: the documents it selects, worked out beforehand): wall ms, and the
    echo (the first frame after the key, usually the filter line alone).

    The clock stops at that frame, not at the last write before a quiet spell: a list painted
    more than the quiet spell after the echo was missed that way (5 ms reported for ~200 ms of
    work). ``cpu`` is the app's CPU time for everything the key caused (until 150 ms of quiet
    after the list is right), which other load on the machine does not inflate.
    ``pilot.press`` + ``pilot.pause`` would add the pilot's own waits for an idle process.
    """
    import asyncio

    from textual import events

    _PAINTS.clear()
    checked: dict[int, bool] = {}

    def shows_result(layout: Any) -> bool:
        if id(layout) not in checked:
            checked[id(layout)] = layout is not None and set(layout.doc_ids()) == expected
        return checked[id(layout)]

    start, cpu = time.perf_counter(), time.process_time()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    done: tuple[float, float] | None = None
    while time.perf_counter() - start < KEY_TIMEOUT:
        await asyncio.sleep(0.005)
        if not _PAINTS or time.perf_counter() - _PAINTS[-1][0] < 0.15:
            continue  # frames are judged in a quiet spell, so judging them is not timed
        if done is None:
            done = next(((t, c) for t, c, layout in _PAINTS if shows_result(layout)), None)
        if done is not None:
            break
    end = done[0] if done else time.perf_counter()
    echo = _PAINTS[0][0] if _PAINTS else end
    last_cpu = _PAINTS[-1][1] if _PAINTS else time.process_time()
    if os.environ.get("SCALE_FRAMES"):  # each frame after the key: ms, CPU ms, list right
        frames = [(round((t - start) * 1000), round((c - cpu) * 1000), shows_result(layout))
                  for t, c, layout in _PAINTS]  # fmt: skip
        print(key, frames, file=sys.stderr)
    return {"wall": end - start, "echo": echo - start, "cpu": last_cpu - cpu,
            "ok": float(done is not None)}  # fmt: skip


def child_answers(corpus: str, keys: str, out: str) -> dict[str, Any]:
    """What each prefix of ``keys`` typed in the filter line selects (document ids), written
    to ``out`` for :func:`child_tui`: worked out in a process of its own with an index of its
    own, so the reader's peak memory is the reader's, not also that of the checker's index."""
    from briefing.library import open_library
    from briefing.query import QueryIndex, parse
    from briefing.tui.grouping import filter_documents

    lib = open_library(corpus)
    index = QueryIndex(lib.documents)
    langs = sorted({d.lang for d in lib.documents})
    themes = [t.id for t in lib.themes]
    answers = {keys[:i]: [d.id for d in filter_documents(lib.documents, index,
                                                         parse(keys[:i], themes=themes,
                                                               langs=langs))]
               for i in range(1, len(keys) + 1)}  # fmt: skip
    Path(out).write_text(json.dumps(answers), encoding="utf-8")
    return {"prefixes": len(answers)}


def child_tui(
    corpus: str, keys: str, answers: str, launched: float | None = None
) -> dict[str, Any]:
    """The reader on ``corpus``; ``answers`` is :func:`child_answers`' file; ``launched`` is
    when the parent started this process (epoch seconds), so the first rows are timed as a
    user starting ``briefing`` meets them. ``rss_mb`` is the peak once every row, brief and
    the search index are in and before any key; ``keys_rss_mb`` the peak after the keys."""
    import asyncio

    from briefing.store import Store
    from briefing.tui.app import BriefingApp
    from briefing.tui.widgets.document_list import DocumentList

    _count_paints()

    async def run() -> dict[str, Any]:
        t0 = time.perf_counter()
        app = BriefingApp([Path(corpus)], store=Store(Path(tempfile.mkdtemp()) / "notes.json"))
        async with app.run_test(size=(120, 40)) as pilot:
            paint = time.perf_counter() - t0
            listing = app.query_one(DocumentList)
            while not listing.count:
                await asyncio.sleep(0.005)
            first_rows = time.perf_counter() - t0
            first_rows_launch = time.time() - launched if launched else None
            while not app.session.loaded or listing.count < len(app.session.documents):
                await asyncio.sleep(0.005)
            rows = time.perf_counter() - t0
            shown = len(listing.doc_ids)
            deadline = time.perf_counter() + BRIEFS_WAIT
            while (
                len(app.session.briefs) < len(app.session.documents)
                and time.perf_counter() < deadline
            ):
                await asyncio.sleep(0.005)
            briefs = time.perf_counter() - t0  # in the session: the app has them, and shows them
            await pilot.pause()
            all_briefs = len(app.session.briefs) == len(app.session.documents)
            await pilot.press("slash")
            await pilot.pause()
            _LISTING.append(listing)
            session = app.session
            while session.indexing:
                await asyncio.sleep(0.005)
            ready = _proc_status("self", "VmHWM")  # the reader's own peak, nothing measured yet
            with open(answers, encoding="utf-8") as f:  # worked out apart (child_answers)
                expected: dict[str, list[str]] = json.load(f)
            typed, timed = "", []
            profiler = None
            if os.environ.get("SCALE_PROFILE_KEYS"):  # a file: where the keystrokes' time goes
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            for key in keys:
                typed += key
                timed.append(await _keystroke(app, key, set(expected[typed])))
            matching = len(listing.doc_ids)
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(os.environ["SCALE_PROFILE_KEYS"])  # read with pstats

        def ms(what: str) -> list[float]:
            return [round(k[what] * 1000, 1) for k in timed]

        return {"paint_s": paint, "first_rows_s": first_rows,
                "first_rows_from_launch_s": first_rows_launch, "rows_s": rows,
                "briefs_s": briefs, "briefs_after_rows_s": briefs - rows,
                "all_briefs": all_briefs, "listed": shown,
                "keys_ms": ms("wall"), "keys_echo_ms": ms("echo"), "keys_cpu_ms": ms("cpu"),
                "keys_listed": all(k["ok"] for k in timed), "matching": matching,
                "rss_mb": ready}  # fmt: skip

    result = asyncio.run(run())
    return {**result, "keys_rss_mb": _rss()["rss_mb"], "workers_rss_mb": 0.0}


def measure_pty(corpus: Path, home: Path, keys: str) -> dict[str, Any]:
    """The installed ``briefing`` in a real pseudo-terminal (pexpect + pyte, as the e2e tests
    run it: Textual's own driver, key parser and output), warm cache: each filter key from
    its write to the pty until the screen shows the typed text and the count the query
    selects (worked out here apart). Reading and interpreting the screen is this process's
    work, so the figure errs high."""
    import re

    import pexpect

    from briefing.library import open_library
    from briefing.query import QueryIndex, parse
    from briefing.tui.grouping import filter_documents
    from tests.e2e.terminal import Terminal

    os.environ["BRIEFING_HOME"] = str(home)
    lib = open_library([corpus])
    docs, index = list(lib.documents), QueryIndex(lib.documents)
    langs = sorted({d.lang for d in docs})
    themes = [t.id for t in lib.themes]
    total = len(docs)

    def count(text: str) -> int | None:
        found = re.search(r"\b(\d+)/(\d+) · by", text)
        return int(found.group(1)) if found else None

    term = Terminal(["open", str(corpus)], home, cols=160, rows=48)
    try:
        t0 = time.perf_counter()
        term.wait_for(lambda t: count(t) == total and "so far" not in t, 600)
        rows = time.perf_counter() - t0
        term.wait_for(lambda t: "Summarizing" not in t and "ndexing" not in t, 600)
        settled = time.perf_counter() - t0
        term.send("/")
        term.pump(0.5)
        term.child.delaybeforesend = None  # pexpect sleeps 50 ms before each write otherwise
        typed, walls = "", []
        for key in keys:
            typed += key
            query = parse(typed, themes=themes, langs=langs)
            want = len(filter_documents(docs, index, query))
            start = time.perf_counter()
            term.send(key)
            while time.perf_counter() - start < 30:  # each write judged as it lands
                with contextlib.suppress(pexpect.TIMEOUT):
                    term.stream.feed(term.child.read_nonblocking(65536, timeout=0.005))
                    if count(term.text) == want and typed in term.text:
                        break
            walls.append(round((time.perf_counter() - start) * 1000, 1))
            term.pump(0.3)
        term.send("\x1b")
        term.pump(0.3)
        term.send("q")
        term.exit_status()
    finally:
        term.close()
    return {"pty_rows_s": rows, "pty_settled_s": settled, "pty_keys_ms": walls}


def child_lexrank(corpus: str) -> dict[str, Any]:
    """Plain sumy LexRank, then our summarizer, one process, on the same sample of articles."""
    from briefing.library import open_library
    from briefing.summarize.brief import _summarize

    docs = open_library(corpus).documents  # the warm cache: only the summarizing is timed
    step = max(1, len(docs) // LEXRANK_SAMPLE)
    sample = list(docs[::step])[:LEXRANK_SAMPLE]
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefing.summarize.rank import SumyTokenizer, stop_words
    from briefing.text.words import sumy_language

    for doc in sample[:20]:  # warm both up: jieba, tinysegmenter, stemmers loaded
        _summarize(doc, "briefing")
    t0 = time.process_time()  # CPU time: one core's rate, whatever else the machine runs
    for doc in sample:
        parser = PlaintextParser.from_string(doc.text, SumyTokenizer(doc.lang))
        summarizer = LexRankSummarizer(Stemmer(sumy_language(doc.lang)))
        summarizer.stop_words = stop_words(doc.lang)
        summarizer(parser.document, 3)
    t1 = time.process_time()
    for doc in sample:
        _summarize(doc, "briefing")
    t2 = time.process_time()
    return {"sample": len(sample), "lexrank_per_s": len(sample) / (t1 - t0),
            "ours_per_s": len(sample) / (t2 - t1)}  # fmt: skip


def child_profile(corpus: str, what: str) -> dict[str, Any]:
    """cProfile of one step, printed to stderr (the top 25 by own time)."""
    import cProfile
    import pstats

    from briefing.library import open_library

    lib = open_library(corpus, jobs=1) if what != "cold" else None
    profiler = cProfile.Profile()
    profiler.enable()
    if what == "cold":
        lib = open_library(corpus, jobs=1, use_cache=False)
        lib.briefs(lib.documents[:300])
    else:
        open_library(corpus, jobs=1)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    return {"docs": len(lib.documents) if lib else 0}


def _child(mode: str, corpus: str, home: Path, *extra: str) -> dict[str, Any]:
    env = {**os.environ, "BRIEFING_HOME": str(home), "PYTHONWARNINGS": "ignore"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, corpus, *extra],
        capture_output=mode != "profile", text=True, check=False, cwd=REPO, env=env,
    )  # fmt: skip
    if out.returncode:
        sys.stderr.write(out.stderr or "")
        raise SystemExit(f"{mode} failed ({out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _tui(corpus: Path, home: Path, keys: str) -> dict[str, Any]:
    """The reader's child, after a child of its own has worked out what the keys select."""
    answers = home.parent / f"{home.name}-answers.json"
    _child("answers", str(corpus), home, keys, str(answers))
    return _child("tui", str(corpus), home, keys, str(answers), str(time.time()))


# the run -----------------------------------------------------------------------------------


def measure_tui(n: int, work: Path, jobs: int, keys: str) -> dict[str, Any]:
    """The reader alone on a corpus and warm cache kept in ``work`` (made the first time):
    for working on the reader without a cold build per run."""
    corpus, home = work / f"corpus-{n}", work / f"home-{n}"
    if not (home / "done").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        build_corpus(corpus, n)
        _child("cold", str(corpus), home, str(jobs))
        (home / "done").touch()
    tui = _tui(corpus, home, keys)
    print(f"[{n:,}] tui {tui}", file=sys.stderr)
    return tui


def measure(
    n: int, work: Path, jobs: int, keys: str, skip_tui: bool, keep: bool = False
) -> dict[str, Any]:
    """One size's row. With ``keep`` the corpus, its cache and the cold build's figures stay in
    ``work``, and a later run reuses them (the cold build of 50,000 takes most of an hour on
    2 cores; the warm figures are what a change to the warm path needs re-measured)."""
    corpus = work / f"corpus-{n}"
    home = work / f"home-{n}"
    cold_saved = work / f"cold-{n}.json"
    row: dict[str, Any] = {"n": n}
    if keep and cold_saved.exists():
        row["cold"] = json.loads(cold_saved.read_text())
        print(f"[{n:,}] cold (kept from an earlier run) {row['cold']}", file=sys.stderr)
    else:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
        t = time.perf_counter()
        build_corpus(corpus, n)
        print(f"[{n:,}] corpus written in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        row["cold"] = _child("cold", str(corpus), home, str(jobs))
        print(f"[{n:,}] cold {row['cold']}", file=sys.stderr)
        if keep:
            cold_saved.write_text(json.dumps(row["cold"]))
    row["warm"] = _child("warm", str(corpus), home)
    print(f"[{n:,}] warm {row['warm']}", file=sys.stderr)
    env = {**os.environ, "BRIEFING_HOME": str(home), "PYTHONWARNINGS": "ignore"}
    walls, peaks = [], []
    for _ in range(3):
        t = time.perf_counter()
        daily = subprocess.Popen([sys.executable, "-m", "briefing", "daily", str(corpus)],
                                 cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)  # fmt: skip
        _pid, status, usage = os.wait4(daily.pid, 0)  # this child's own peak, not the largest's
        daily.returncode = os.waitstatus_to_exitcode(status)
        walls.append(time.perf_counter() - t)
        peaks.append(usage.ru_maxrss / 1024)
        if daily.returncode:
            raise RuntimeError(f"briefing daily exited {daily.returncode}")
    row["daily_s"] = statistics.median(walls)
    row["daily_rss_mb"] = max(peaks)
    if not skip_tui:
        row["tui"] = _tui(corpus, home, keys)
        print(f"[{n:,}] tui {row['tui']}", file=sys.stderr)
    row["lexrank"] = _child("lexrank", str(corpus), home)
    print(f"[{n:,}] lexrank {row['lexrank']}", file=sys.stderr)
    if not keep:
        shutil.rmtree(corpus, ignore_errors=True)
    return row


def seeds_daily(work: Path) -> tuple[float, float, float]:
    """``briefing daily`` on the seeds, cold (empty cache) and warm, and a bare ``import
    textual.app`` between them (the yardstick the cold start is held to): medians of 3."""
    cold, warm, textual = [], [], []
    for k in range(3):
        shutil.rmtree(work / f"seeds-{k}", ignore_errors=True)  # cold: a --keep DIR is reused
        env = {**os.environ, "BRIEFING_HOME": str(work / f"seeds-{k}"), "PYTHONWARNINGS": "ignore"}
        daily = ["-m", "briefing", "daily"]
        for out, args in ((cold, daily), (textual, ["-c", "import textual.app"]), (warm, daily)):
            t = time.perf_counter()
            subprocess.run([sys.executable, *args], cwd=REPO, env=env,
                           capture_output=True, check=True)  # fmt: skip
            out.append(time.perf_counter() - t)
    return statistics.median(cold), statistics.median(warm), statistics.median(textual)


def dask_build(work: Path, n: int) -> dict[str, Any]:
    """``briefing build`` of one cold corpus on the local process pool (2 workers) and on a
    Dask ``LocalCluster`` of 2 worker processes (loopback): wall time of each, and whether the
    two caches hold the same rows."""
    import sqlite3

    from distributed import LocalCluster

    corpus = build_corpus(work / f"dask-corpus-{n}", n)

    def build(home: Path, *extra: str) -> float:
        env = {**os.environ, "BRIEFING_HOME": str(home), "PYTHONWARNINGS": "ignore"}
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "briefing", "build", str(corpus), *extra], cwd=REPO,
                       env=env, capture_output=True, check=True)  # fmt: skip
        return time.perf_counter() - t

    def rows(home: Path) -> dict[str, list[Any]]:
        (path,) = home.rglob("briefing.sqlite3")
        with sqlite3.connect(path) as db:
            names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in names}

    pool_s = build(work / "dask-home-local", "--jobs", "2")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:  # fmt: skip
        dask_s = build(work / "dask-home-dask", "--dask", cluster.scheduler_address)
    same = rows(work / "dask-home-local") == rows(work / "dask-home-dask")
    shutil.rmtree(corpus, ignore_errors=True)
    return {"n": n, "pool_s": pool_s, "dask_s": dask_s, "same_cache": same}


def _keys_cell(tui: dict[str, Any]) -> str:
    """Median and max of a filter keystroke to the list showing its result, its CPU time, and
    the echo of the key in the filter line (older saves have only the first figure)."""
    keys = tui["keys_ms"]
    cell = f"{statistics.median(keys):.0f} (max {max(keys):.0f}"
    cell += f", cpu {statistics.median(tui['keys_cpu_ms']):.0f}"
    if "keys_echo_ms" in tui:
        cell += f", echo {statistics.median(tui['keys_echo_ms']):.0f}"
    if not tui.get("keys_listed", True):
        cell += ", LIST NOT UPDATED"
    return cell + ")"


def _tui_line(n: int, tui: dict[str, Any]) -> str:
    return (f"{n:,} articles in the reader: all rows {tui['rows_s']:.2f} s, every brief "
            f"{tui['briefs_s']:.2f} s ({tui['briefs_after_rows_s']:.2f} s after the rows), "
            f"filter key ms {_keys_cell(tui)}: each {tui['keys_ms']}, "
            f"cpu {tui['keys_cpu_ms']}, echo {tui['keys_echo_ms']}")  # fmt: skip


def report(
    rows: list[dict[str, Any]],
    seeds: tuple[float, ...],
    jobs: int,
    seeds_tui: dict[str, Any] | None = None,
    dask: dict[str, Any] | None = None,
) -> None:
    print(f"briefing scale benchmark · Python {platform.python_version()} · "
          f"{os.cpu_count()} cores, {jobs} worker processes · {platform.machine()}")  # fmt: skip
    line = f"seeds: briefing daily cold {seeds[0]:.2f} s, warm {seeds[1]:.2f} s"
    if len(seeds) > 2:  # saved before the yardstick was measured: two figures
        line += f"; import textual.app {seeds[2]:.2f} s (cold daily ×{seeds[0] / seeds[2]:.1f})"
    print(line)
    if seeds_tui:
        print(
            "seeds in the reader, cold cache: first rows "
            f"{seeds_tui['first_rows_from_launch_s']:.2f} s "
            f"after launch (paint {seeds_tui['paint_s']:.2f} s after the app was made), "
            f"every brief {seeds_tui['briefs_s']:.2f} s"
        )
    if dask:
        print(f"cold build of {dask['n']:,} articles: process pool (2 workers) "
              f"{dask['pool_s']:.1f} s, Dask LocalCluster (2 workers) {dask['dask_s']:.1f} s; "
              f"same cache: {'yes' if dask['same_cache'] else 'NO'}")  # fmt: skip
    print()
    head = ("articles", "cold art/s", "per core", "summ/s/core", "lexrank/s", "ours 1p/s",
            "warm open s", "daily s", "tui paint s", "first rows s", "tui rows s", "tui briefs s",
            "key ms", "RSS MB cold/warm/daily/tui", "wkr MB")  # fmt: skip
    print(" | ".join(head))
    print(" | ".join("-" * len(h) for h in head))
    for r in rows:
        c, w, lx, tui = r["cold"], r["warm"], r["lexrank"], r.get("tui")
        total = c["load_s"] + c["briefs_s"]
        keys = tui["keys_ms"] if tui else []
        rss = "/".join(
            f"{v:.0f}" if isinstance(v, float | int) else "-"
            for v in (c["rss_mb"], w["rss_mb"], r.get("daily_rss_mb"),
                      tui["rss_mb"] if tui else None)
        )  # fmt: skip
        cells = (
            f"{r['n']:,}",
            f"{c['docs'] / total:.1f}",
            f"{c['docs'] / (c['load_cpu_s'] + c['briefs_cpu_s']):.1f}",
            f"{c['docs'] / c['briefs_cpu_s']:.1f}",
            f"{lx['lexrank_per_s']:.1f}",
            f"{lx['ours_per_s']:.1f}",
            f"{w['open_s']:.2f}",
            f"{r['daily_s']:.2f}",
            f"{tui['paint_s']:.2f}" if tui else "-",
            f"{tui['first_rows_s']:.2f}" if tui and "first_rows_s" in tui else "-",
            f"{tui['rows_s']:.2f}" if tui else "-",
            (f"{tui['briefs_s']:.1f}" + ("" if tui["all_briefs"] else " (cut)")) if tui else "-",
            _keys_cell(tui) if keys else "-",
            rss,
            f"{c['workers_rss_mb']:.0f}",
        )
        print(" | ".join(cells))
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        ratio = b["n"] / a["n"]

        def per(r: dict[str, Any], value: float) -> float:
            return value / r["n"]

        def growth(f: Any) -> str:
            return f"×{per(b, f(b)) / per(a, f(a)):.2f}"

        print()
        print(f"growth {a['n']:,} → {b['n']:,} (×{ratio:.0f} articles), cost per article "
              "(×1.00 is linear):")  # fmt: skip
        parts = [
            f"cold build {growth(lambda r: r['cold']['load_s'] + r['cold']['briefs_s'])}",
            f"warm open {growth(lambda r: r['warm']['open_s'])}",
            f"daily {growth(lambda r: r['daily_s'])}",
        ]
        if "tui" in b and "tui" in a:
            parts.append(f"tui rows {growth(lambda r: r['tui']['rows_s'])}")
            parts.append(f"tui briefs {growth(lambda r: r['tui']['briefs_s'])}")

        print("  " + ", ".join(parts))
        if "tui" in b and "tui" in a:
            ka, kb = (statistics.median(r["tui"]["keys_ms"]) for r in (a, b))
            print(
                f"  filter keystroke (median, whole list) {ka:.0f} → {kb:.0f} ms (×{kb / ka:.1f})"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all)")
    parser.add_argument("--keys", default="chine", help="filter keystrokes typed in the TUI")
    parser.add_argument("--skip-tui", action="store_true")
    parser.add_argument("--seeds-only", action="store_true",
                        help="only the seeds: cold and warm daily, the reader cold")  # fmt: skip
    parser.add_argument("--pty", action="store_true",
                        help="with --tui-only: the installed app in a real pty too")  # fmt: skip
    parser.add_argument("--tui-only", action="store_true",
                        help="only the reader, on corpora and caches kept in --work")  # fmt: skip
    parser.add_argument("--dask", type=int, default=1000, metavar="N",
                        help="articles of the Dask-vs-process-pool build (0: skip)")  # fmt: skip
    parser.add_argument("--profile", choices=("cold", "warm"), help="profile one step and stop")
    parser.add_argument("--work", type=Path, help="work in this folder (default: temp)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep each size's corpus, cache and cold figures in DIR and reuse "
                        "them in the next run with the same DIR")  # fmt: skip
    parser.add_argument("--save", type=Path, help="also write the measurements to this JSON file")
    parser.add_argument("--report", type=Path, help="print the table of a --save file and stop")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, corpus, *extra = args.child
        result = {
            "cold": lambda: child_cold(corpus, int(extra[0]) if extra else None),
            "warm": lambda: child_warm(corpus),
            "answers": lambda: child_answers(corpus, extra[0], extra[1]),
            "tui": lambda: child_tui(corpus, extra[0], extra[1], *map(float, extra[2:3])),
            "lexrank": lambda: child_lexrank(corpus),
            "profile": lambda: child_profile(corpus, extra[0]),
        }[mode]()
        print(json.dumps(result))
        return 0
    if args.report:
        saved = json.loads(args.report.read_text())
        report(saved["rows"], tuple(saved["seeds"]), saved["jobs"], saved.get("seeds_tui"),
               saved.get("dask"))  # fmt: skip
        return 0
    from briefing.cache.pool import available_cores

    jobs = args.jobs or available_cores()
    sizes = [int(s) for s in args.sizes.split(",")]
    with contextlib.ExitStack() as stack:
        work = args.keep or args.work or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        work.mkdir(parents=True, exist_ok=True)
        if args.tui_only:
            for n in sizes:
                tui = measure_tui(n, work, jobs, args.keys)
                print(_tui_line(n, tui))
                if args.pty:
                    pty = measure_pty(work / f"corpus-{n}", work / f"home-{n}", args.keys)
                    keys = pty["pty_keys_ms"]
                    print(f"{n:,} in a real pty: all rows {pty['pty_rows_s']:.2f} s, briefs and "
                          f"index done {pty['pty_settled_s']:.2f} s, filter key ms "
                          f"{statistics.median(keys):.0f} (max {max(keys):.0f}): "
                          f"{keys}")  # fmt: skip
            return 0
        if args.profile:
            corpus = build_corpus(work / f"corpus-{sizes[0]}", sizes[0])
            _child("profile", str(corpus), work / "home-profile", args.profile)
            return 0
        seeds = seeds_daily(work)
        shutil.rmtree(work / "seeds-tui", ignore_errors=True)
        first = _tui(REPO / "seeds", work / "seeds-tui", "")
        print(f"[seeds] tui, cold cache {first}", file=sys.stderr)
        if args.seeds_only:
            sizes = []
        rows = [measure(n, work, jobs, args.keys, args.skip_tui, args.keep is not None)
                for n in sizes]  # fmt: skip
        dask = dask_build(work, args.dask) if args.dask else None
        if args.save:
            saved = {"seeds": seeds, "seeds_tui": first, "jobs": jobs, "rows": rows, "dask": dask}
            args.save.write_text(json.dumps(saved))
        report(rows, seeds, jobs, first, dask)
    return 0


if __name__ == "__main__":
    sys.exit(main())
