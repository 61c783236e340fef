"""Limits that hold at every layer: each cut or refusal is one line naming the file, the limit
and how to raise it; the rest of the file and of the folder still loads.

Small limits and small files stand in for the default ones (a million characters, 10,000
articles…), so each test runs in well under a second; ``benchmarks/limits.py`` measures the
real sizes.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

import briefing.corpus.load
from briefing.cache.tasks import load_files
from briefing.cli import main
from briefing.corpus.limits import (
    Deadline,
    Limits,
    TimeLimitExceeded,
    check_json,
    time_limit,
)
from briefing.corpus.load import documents_from_file, load_corpus
from briefing.corpus.read import ReadError
from briefing.library import open_library

SENTENCE = "Chinese Premier Li Qiang proposed a world AI cooperation organization in Shanghai. "
PARAGRAPH = SENTENCE * 3


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def load(path: Path, **limits: float) -> tuple[list, list[str]]:
    docs, problems = documents_from_file(path, path.name, limits=Limits(**limits))  # type: ignore[arg-type]
    return docs, [p.message for p in problems]


def test_an_article_over_the_character_limit_is_cut_at_a_space_and_says_so(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path, "oneline.txt", SENTENCE * 40
    )  # 3,319 characters once trimmed, no line break
    (doc,), problems = load(path, max_chars=1000)
    assert 900 <= len(doc.text) <= 1000
    assert doc.text.endswith(("organization", "in", "Shanghai.", "a", "world"))  # a whole word
    assert problems == [
        "text cut at 1,000 characters (it has 3,319); raise the limit with BRIEFING_MAX_CHARS"
    ]


def test_an_article_over_the_paragraph_limit_keeps_its_first_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path, "many.txt", "\n\n".join(f"{PARAGRAPH} {n}" for n in range(30)))
    (doc,), problems = load(path, max_paragraphs=10)
    assert len(doc.paragraphs) == 10
    assert problems == [
        "text cut at 10 paragraphs (it has 30); raise the limit with BRIEFING_MAX_PARAGRAPHS"
    ]


def _record(n: int) -> dict[str, str]:
    return {"title": f"Article {n}", "text": f"{PARAGRAPH} Number {n}."}


@pytest.mark.parametrize("kind", ["json", "jsonl", "xml", "atom"])
def test_a_file_over_the_article_limit_loads_its_first_articles(tmp_path: Path, kind: str) -> None:
    records = [_record(n) for n in range(1, 8)]
    if kind == "json":
        text, what = json.dumps(records), "items"
    elif kind == "jsonl":
        text, what = "\n".join(json.dumps(r) for r in records), "lines"
    elif kind == "xml":
        items = "".join(
            f"<item><title>{r['title']}</title><description>{r['text']}</description></item>"
            for r in records
        )
        text, what = f"<rss><channel><title>Feed</title>{items}</channel></rss>", "items"
    else:
        entries = "".join(
            f"<entry><title>{r['title']}</title><content>{r['text']}</content></entry>"
            for r in records
        )
        text = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{entries}</feed>'
        what = "items"
    docs, problems = load(write(tmp_path, f"many.{kind}", text), max_items=3)
    assert [d.title for d in docs] == ["Article 1", "Article 2", "Article 3"]
    assert problems == [f"read the first 3 {what} of 7; raise the limit with BRIEFING_MAX_ITEMS"]


def test_an_aggregator_over_the_article_limit_loads_its_first_sections(tmp_path: Path) -> None:
    sections = "\n".join(
        f"Headline number {n}\nXinhua · 2025-07-2{n} 10:00\n{PARAGRAPH}\n" for n in range(1, 6)
    )
    docs, problems = load(write(tmp_path, "digest.txt", sections), max_items=2)
    assert [d.title for d in docs] == ["Headline number 1", "Headline number 2"]
    assert problems == ["read the first 2 articles of 5; raise the limit with BRIEFING_MAX_ITEMS"]


def test_json_with_too_many_values_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = write(tmp_path, "array.json", "[" + ",".join(["{}"] * 5000) + "]")
    docs, problems = load(path, max_json_values=1000)
    assert docs == []
    assert problems == [
        "JSON holds more than 1,000 values, over the limit (raise it with BRIEFING_MAX_JSON_VALUES)"
    ]


def test_json_nested_too_deep_is_refused_and_strings_do_not_count(tmp_path: Path) -> None:
    deep = write(tmp_path, "deep.json", "[" * 100 + json.dumps(_record(1)) + "]" * 100)
    assert load(deep)[1] == [
        "JSON nested more than 64 levels deep, over the limit for an article file (raise it "
        "with BRIEFING_MAX_JSON_DEPTH)"
    ]
    # brackets, commas and colons inside strings are text, not structure
    wordy = {"title": "x", "text": "[{[{, : ]}]} " * 500 + PARAGRAPH}
    check_json(json.dumps([wordy] * 3), Limits(max_json_values=50, max_json_depth=3))


def test_an_unclosed_json_string_is_scanned_once(tmp_path: Path) -> None:
    text = '[{"text": "' + '"", ' * 100_000  # one string running to the end, 400 KB
    started = time.perf_counter()
    with pytest.raises(ReadError):
        check_json("[" * 70 + text, Limits())
    check_json('{"a": "' + "x" * 400_000, Limits())
    assert time.perf_counter() - started < 2


def test_a_jsonl_line_over_the_value_limit_is_one_problem_and_the_rest_load(
    tmp_path: Path,
) -> None:
    lines = [json.dumps(_record(1)), json.dumps({"text": PARAGRAPH, "x": [0] * 2000})]
    docs, problems = load(write(tmp_path, "x.jsonl", "\n".join(lines)), max_json_values=500)
    assert len(docs) == 1
    assert problems == [
        "line 2: JSON holds more than 500 values, over the limit (raise it with "
        "BRIEFING_MAX_JSON_VALUES)"
    ]


def test_many_bad_items_are_counted_not_each_printed(tmp_path: Path) -> None:
    records = [_record(1), *range(100)]
    docs, problems = load(write(tmp_path, "mixed.json", json.dumps(records)))
    assert len(docs) == 1
    assert len(problems) == 20
    assert problems[0] == "item 2: expected an article object, found a number"
    assert problems[-1] == "… and 81 more problems in this file"


def test_the_cli_names_each_cut_file_once_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_MAX_CHARS", "1000")
    long = write(tmp_path, "long.txt", SENTENCE * 40)
    write(tmp_path, "short.txt", PARAGRAPH)
    code = main(["list", str(tmp_path), "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 3
    assert err == (
        f"briefing: {long}: text cut at 1,000 characters (it has 3,319); raise the limit "
        "with BRIEFING_MAX_CHARS\n"
    )
    assert "long.txt" in out
    assert "short.txt" in out


def test_raising_a_limit_reads_the_cut_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "long.txt", SENTENCE * 40)
    monkeypatch.setenv("BRIEFING_MAX_CHARS", "1000")
    assert len(open_library(tmp_path, jobs=1).documents[0].text) <= 1000
    monkeypatch.delenv("BRIEFING_MAX_CHARS")
    lib = open_library(tmp_path, jobs=1)
    assert len(lib.documents[0].text) == len((SENTENCE * 40).strip())
    assert lib.problems == ()


def test_limits_come_from_the_environment_and_bad_values_are_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFING_MAX_CHARS", "2_000_000")
    monkeypatch.setenv("BRIEFING_MAX_ITEMS", "lots")
    monkeypatch.setenv("BRIEFING_MAX_PARAGRAPHS", "0")
    monkeypatch.setenv("BRIEFING_TIME_LIMIT", "0")
    limits = Limits.from_env()
    assert limits == Limits(max_chars=2_000_000, time_limit=0)
    assert Limits.from_env(time_limit=5).time_limit == 5
    assert limits.key() != Limits().key()


# the time limit ------------------------------------------------------------------------------


@pytest.fixture
def slow_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    """Repair takes 0.5 s on any text with "slow" in it: a file that stalls the loader."""
    real = briefing.corpus.load.repair

    def repair(text: str) -> str:
        if "slow" in text:
            time.sleep(0.5)
        return real(text)

    monkeypatch.setattr(briefing.corpus.load, "repair", repair)


def test_a_file_over_the_time_limit_is_skipped_uncached_and_the_rest_loads(
    tmp_path: Path, slow_repair: None
) -> None:
    slow = write(tmp_path, "slow.txt", f"slow\n\n{PARAGRAPH}")
    good = write(tmp_path, "good.txt", PARAGRAPH)
    items = [(str(p), p.name, 10**6, Limits(time_limit=0.2)) for p in (slow, good)]
    started = time.perf_counter()
    (s_docs, s_problems, s_cacheable, _), (g_docs, g_problems, _, _) = load_files(items)
    assert time.perf_counter() - started < 2
    assert s_docs == []
    assert s_cacheable is False  # the next run, or a higher limit, tries again
    assert [str(p) for p in s_problems] == [
        f"{slow}: still loading after 0.2 s, over the time limit; skipped (raise it with "
        "--time-limit or BRIEFING_TIME_LIMIT)"
    ]
    assert len(g_docs) == 1
    assert g_problems == []


def test_the_time_limit_holds_in_a_thread_without_the_alarm(
    tmp_path: Path, slow_repair: None
) -> None:
    """The reader loads in a thread, where SIGALRM cannot reach: the deadline checks do."""
    slow = write(tmp_path, "slow.txt", f"slow\n\n{PARAGRAPH}\n\nAnother headline\n\n{PARAGRAPH}")
    found: list[object] = []
    thread = threading.Thread(
        target=lambda: found.extend(load_files([(str(slow), "s", 10**6, Limits(time_limit=0.2))]))
    )
    thread.start()
    thread.join(10)
    ((docs, problems, cacheable, _),) = found  # type: ignore[misc]
    assert docs == []
    assert not cacheable
    assert "still loading after 0.2 s" in problems[0].message


def _spin() -> None:
    while True:  # Python code with no deadline check in it
        sum(range(1000))


def test_the_alarm_stops_python_code_between_deadline_checks() -> None:
    started = time.perf_counter()
    with time_limit(0.2), pytest.raises(TimeLimitExceeded):
        _spin()
    assert time.perf_counter() - started < 2
    time.sleep(1.3)  # and it is off afterwards: nothing fires here


def test_cli_time_limit_skips_the_slow_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], slow_repair: None
) -> None:
    write(tmp_path, "slow.txt", f"slow\n\n{PARAGRAPH}")
    write(tmp_path, "good.txt", PARAGRAPH)
    code = main(["list", str(tmp_path), "--time-limit", "0.2", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 3
    assert err.count("\n") == 1
    assert "slow.txt: still loading after 0.2 s, over the time limit; skipped" in err
    assert "good.txt" in out


def test_time_limit_must_be_a_number_of_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--time-limit", "soon"])
    assert exit_info.value.code == 2
    assert "not a number of seconds: 'soon'" in capsys.readouterr().err


def test_a_deadline_of_zero_never_passes() -> None:
    Deadline(0).check()
    deadline = Deadline(0.001)
    time.sleep(0.01)
    with pytest.raises(TimeLimitExceeded):
        deadline.check()


def test_load_corpus_reports_a_file_over_the_time_limit(
    tmp_path: Path, slow_repair: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_TIME_LIMIT", "0.2")
    write(tmp_path, "slow.txt", f"slow\n\n{PARAGRAPH}\n\nMore\n\n{PARAGRAPH}")
    corpus = load_corpus([tmp_path])
    assert corpus.documents == ()
    assert "over the time limit" in corpus.problems[0].message


def test_the_reader_skips_a_file_over_its_time_limit_and_shows_the_rest(
    tmp_path: Path, slow_repair: None
) -> None:
    """The reader loads through its pipeline in a worker thread, with ``--time-limit``."""
    from briefing.tui.pipeline import Pipeline

    write(tmp_path, "slow.txt", f"slow\n\n{PARAGRAPH}\n\nMore\n\n{PARAGRAPH}")
    write(tmp_path, "good.txt", PARAGRAPH)
    pipeline = Pipeline.default(time_limit=0.2)
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(pipeline.load([tmp_path], None, None)))
    thread.start()
    thread.join(10)
    (loaded,) = found
    assert [d.id for d in loaded.documents] == ["good.txt"]  # type: ignore[attr-defined]
    (problem,) = loaded.problems  # type: ignore[attr-defined]
    assert problem.path.endswith("slow.txt")
    assert "over the time limit" in problem.message
