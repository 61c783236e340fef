"""The library facade with its cache: what a reopen reads, what an edit invalidates, and that
cached, uncached and parallel builds give exactly what a plain load gives."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

import briefing.corpus.load
import briefing.summarize
from briefing.cache import step
from briefing.cache.db import cache_path
from briefing.corpus.load import load_corpus
from briefing.library import briefs_for, open_library
from briefing.model import Brief
from briefing.summarize import summarize
from briefing.themes import assign_themes, load_themes

ROBOTS = (
    "Humanoid robots walked the exhibition floor in Shanghai on Saturday.",
    "Engineers said the robots can now carry boxes and climb stairs without help.",
    "Factories in the region plan to buy thousands of the machines next year.",
    "Critics warned that the robots still fail in cluttered homes.",
)
CHIPS = (
    "Le gouvernement a annoncé lundi un plan de soutien aux semi-conducteurs.",
    "Les usines de puces recevront des aides pour construire de nouvelles lignes.",
    "Les industriels saluent une mesure attendue depuis longtemps par le secteur.",
)
ROBOT_THEME = """
id = "robots"
label = "Robots"
terms = { en = ["robot", "humanoid", "machine"] }
threshold = 1.0
"""


def write_article(folder: Path, name: str, title: str, sentences: tuple[str, ...]) -> Path:
    """A plain-text article as analysts save them: title line, blank line, one paragraph."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n" + "\n".join(sentences) + "\n", "utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    for i in range(4):
        write_article(
            folder, f"robots-{i}.txt", f"Robots on show, day {i}", ROBOTS[i:] + ROBOTS[:i]
        )
        write_article(folder, f"puces-{i}.txt", f"Plan puces, jour {i}", CHIPS[i % 3 :] + CHIPS)
    return folder


def count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """Replace ``module.name`` with a wrapper that records its first argument."""
    calls: list[object] = []
    real: Callable[..., object] = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def plain(folder: Path) -> tuple[tuple, tuple]:
    """What the loader and the matcher give without any cache."""
    loaded = load_corpus([folder])
    themes, _ = load_themes()
    return assign_themes(loaded.documents, themes), loaded.problems


def test_cold_warm_and_uncached_builds_give_what_a_plain_load_gives(corpus: Path) -> None:
    docs, problems = plain(corpus)
    cold = open_library(corpus)
    warm = open_library(corpus)
    uncached = open_library(corpus, use_cache=False)
    for lib in (cold, warm, uncached):
        assert lib.documents == docs
        assert lib.corpus.problems == problems
    assert cache_path().is_file()


def test_warm_reopen_reads_no_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_library(corpus)
    reads = count_calls(monkeypatch, briefing.corpus.load, "documents_from_file")
    again = open_library(corpus)
    assert reads == []
    assert again.documents == first.documents
    assert [d.paragraphs for d in again.documents] == [d.paragraphs for d in first.documents]


def test_a_small_cold_folder_lists_every_document_before_matching_a_theme(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader's first screen on a small new folder (the seeds) waits for the files only:
    matching themes (jieba's dictionary for Chinese, a second on a first run) comes after
    every row is listed, and the library still ends with every theme."""
    import briefing.themes

    events: list[str] = []
    real = briefing.themes.match_themes

    def match(*args: object, **kwargs: object) -> object:
        events.append("match")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing.themes, "match_themes", match)
    listed: list[str] = []

    def arrived(docs: object) -> None:
        listed.extend(d.id for d in docs)  # type: ignore[attr-defined]
        events.append("listed")

    lib = open_library(corpus, on_documents=arrived, jobs=1)
    assert sorted(listed) == sorted(d.id for d in lib.documents)
    assert "match" in events
    assert events.index("match") > len(events) - 1 - events[::-1].index("listed")
    assert lib.documents == plain(corpus)[0]  # every theme is there in the end


def test_editing_a_file_rereads_and_resummarizes_only_that_file(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = open_library(corpus)
    before, _ = briefs_for(lib.documents)
    edited = corpus / "robots-2.txt"
    write_article(corpus, edited.name, "Robots learn to cook", ROBOTS[::-1])
    reads = count_calls(monkeypatch, briefing.corpus.load, "documents_from_file")
    made = count_calls(monkeypatch, briefing.summarize, "summarize")

    lib = open_library(corpus)
    after, _ = briefs_for(lib.documents)

    assert [Path(str(p)).name for p in reads] == ["robots-2.txt"]
    assert [doc.id for doc in made] == ["robots-2.txt"]  # type: ignore[attr-defined]
    doc = next(d for d in lib.documents if d.id == "robots-2.txt")
    assert doc.title == "Robots learn to cook"
    assert after["robots-2.txt"] == summarize(doc)
    assert {k: v for k, v in after.items() if k != "robots-2.txt"} == {
        k: v for k, v in before.items() if k != "robots-2.txt"
    }


def test_a_touched_but_unchanged_file_keeps_its_brief(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = open_library(corpus)
    briefs_for(lib.documents)
    path = corpus / "puces-1.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    reads = count_calls(monkeypatch, briefing.corpus.load, "documents_from_file")
    made = count_calls(monkeypatch, briefing.summarize, "summarize")
    briefs_for(open_library(corpus).documents)
    assert [Path(str(p)).name for p in reads] == ["puces-1.txt"]  # stat changed: read again
    assert made == []  # same text, same content hash: the brief is still good


def test_a_new_theme_file_rematches_every_document_but_rereads_none(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.paths import user_themes_dir

    briefs_for(open_library(corpus).documents)
    assert not any("robots" in d.theme_ids for d in open_library(corpus).documents)
    user_themes_dir().mkdir(parents=True)
    (user_themes_dir() / "robots.toml").write_text(ROBOT_THEME, "utf-8")
    reads = count_calls(monkeypatch, briefing.corpus.load, "documents_from_file")
    made = count_calls(monkeypatch, briefing.summarize, "summarize")

    lib = open_library(corpus)
    briefs_for(lib.documents)

    assert reads == []
    assert made == []
    tagged = sorted(d.id for d in lib.documents if "robots" in d.theme_ids)
    assert tagged == [f"robots-{i}.txt" for i in range(4)]
    assert lib.documents == plain(corpus)[0]


def test_a_new_summarizer_version_remakes_briefs_and_nothing_else(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefs_for(open_library(corpus).documents)
    monkeypatch.setattr(briefing.summarize, "SUMMARIZER_VERSION", "test-next")
    reads = count_calls(monkeypatch, briefing.corpus.load, "documents_from_file")
    made = count_calls(monkeypatch, briefing.summarize, "summarize")
    lib = open_library(corpus)
    briefs, problems = briefs_for(lib.documents)
    assert reads == []
    assert len(made) == len(lib.documents) == len(briefs)
    assert problems == ()


def test_copies_of_one_article_are_summarized_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        write_article(tmp_path / "news", name, "Robots on show", ROBOTS)
    made = count_calls(monkeypatch, briefing.summarize, "summarize")
    lib = open_library(tmp_path / "news")
    briefs, _ = briefs_for(lib.documents)
    assert len(made) == 1
    assert sorted(briefs) == ["a.txt", "b.txt", "sub/c.txt"]
    assert {b.sentences for b in briefs.values()} == {briefs["a.txt"].sentences}
    assert briefs["sub/c.txt"].doc_id == "sub/c.txt"


def test_a_deleted_file_is_gone_on_reopen(corpus: Path) -> None:
    from briefing.cache.db import open_cache

    open_library(corpus)
    (corpus / "puces-0.txt").unlink()
    lib = open_library(corpus)
    assert "puces-0.txt" not in {d.id for d in lib.documents}
    assert open_cache().counts()["files"] == 7


def test_no_cache_writes_no_cache_file(corpus: Path) -> None:
    lib = open_library(corpus, use_cache=False)
    briefs, _ = briefs_for(lib.documents, use_cache=False)
    assert len(briefs) == len(lib.documents)
    assert not cache_path().exists()


def test_an_interrupted_build_keeps_what_it_finished(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt_after_two(done: int, total: int) -> None:
        if done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_library(corpus, jobs=1, progress=interrupt_after_two)
    reads = count_calls(monkeypatch, briefing.corpus.load, "documents_from_file")
    lib = open_library(corpus)
    assert len(lib.documents) == 8
    assert len(reads) == 6  # the two files finished before Ctrl-C were kept


def test_worker_processes_give_the_same_library_and_briefs(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cache import pool

    monkeypatch.setattr(step, "MIN_PARALLEL", 2)
    pool.shutdown()
    started = pool.pools_started
    serial = open_library(corpus, use_cache=False, jobs=1)
    serial_briefs, _ = briefs_for(serial.documents, use_cache=False, jobs=1)
    seen: list[tuple[int, int]] = []
    parallel = open_library(corpus, jobs=2, progress=lambda d, t: seen.append((d, t)))
    parallel_briefs, problems = briefs_for(parallel.documents, jobs=2)
    assert pool.pools_started == started + 1  # the work left this process (one pool, reused)
    assert parallel.documents == serial.documents
    assert parallel_briefs == serial_briefs
    assert problems == ()
    assert seen[-1] == (8, 8)
    # and what the workers made was stored by the parent
    assert open_library(corpus, jobs=2).documents == serial.documents


def test_one_article_the_summarizer_chokes_on_is_a_problem_not_a_crash(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = briefing.summarize.summarize

    def choke(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if doc.id == "puces-1.txt":
            raise ValueError("boom")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(briefing.summarize, "summarize", choke)
    lib = open_library(corpus)
    briefs, problems = briefs_for(lib.documents)
    assert "puces-1.txt" not in briefs
    assert len(briefs) == 7
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("puces-1.txt", "could not summarize: ValueError: boom")
    ]


def test_briefs_are_handed_over_as_they_land_cached_ones_first(corpus: Path) -> None:
    lib = open_library(corpus)
    briefs_for(lib.documents[:3])  # three are cached now
    order: list[str] = []
    cached_out: list[int] = []  # how many had landed when the cached ones were said to be out
    briefs, _ = briefs_for(lib.documents, on_brief=lambda b: order.append(b.doc_id),
                           on_cached=lambda: cached_out.append(len(order)))  # fmt: skip
    assert sorted(order) == sorted(briefs) == sorted(d.id for d in lib.documents)
    assert order[:3] == [d.id for d in lib.documents[:3]]
    assert cached_out == [3]  # once, after the cached three and before any summary


def test_briefs_not_kept_go_to_the_caller_only(corpus: Path) -> None:
    """The reader keeps its own packed copy of every brief: the library holds none for it."""
    lib = open_library(corpus)
    landed: list[Brief] = []
    kept, problems = briefs_for(lib.documents, on_brief=landed.append, keep=False)
    assert kept == {}
    assert problems == ()
    assert sorted(b.doc_id for b in landed) == sorted(d.id for d in lib.documents)
    assert {b.doc_id: b for b in landed} == briefs_for(lib.documents)[0]  # the cached ones


def test_the_tui_pipeline_goes_through_the_library(corpus: Path) -> None:
    from briefing.tui.pipeline import Pipeline

    pipeline = Pipeline.default()
    loaded = pipeline.load([corpus], None, None)
    docs = loaded.documents  # themed by the library while loading
    assert docs == open_library(corpus).documents
    assert loaded.problems == ()
    landed: list[Brief] = []
    cached_out: list[int] = []
    problems = pipeline.summarize_many(docs, lambda d, t: None, lambda: False, landed.append,
                                       lambda: cached_out.append(len(landed)))  # fmt: skip
    assert problems == ()
    assert cached_out == [0]  # a cold cache: nothing to hand over before summarizing
    assert landed == [summarize(d) for d in docs]  # made here, one by one, in order


def test_a_warm_reopen_reads_texts_only_when_asked_and_they_are_the_articles_own(
    tmp_path: Path,
) -> None:
    """50,000 articles read back from the cache held every text (150 MB) though a list shows
    none: a reopened document's paragraphs now stay in the cache until read, and read as the
    very paragraphs a cold load gives."""
    from briefing.model import StoredParagraphs

    folder = tmp_path / "wire"
    write_article(folder, "a.txt", "Plan puces, AFP", CHIPS)
    write_article(folder, "b.txt", "Plan puces, Reuters", CHIPS[::-1])
    cold = open_library(folder).documents
    warm = open_library(folder).documents
    assert all(isinstance(d.paragraphs, StoredParagraphs) for d in warm)
    assert warm == cold
    assert [tuple(d.paragraphs) for d in warm] == [tuple(d.paragraphs) for d in cold]
    assert [len(d.paragraphs) for d in warm] == [len(d.paragraphs) for d in cold]
    assert warm[1].paragraphs[-1] == cold[1].paragraphs[-1]
    assert pickle.loads(pickle.dumps(warm[0])) == cold[0]  # a worker gets the text itself


def test_a_reopened_article_whose_file_changed_since_shows_no_other_text(tmp_path: Path) -> None:
    """The file is edited (and read again by another command) after the reader opened the
    folder: the document the reader holds must not show the new version's text."""
    folder = tmp_path / "news"
    write_article(folder, "a.txt", "Robots", ROBOTS)
    open_library(folder)
    held = open_library(folder).documents[0]  # warm: its text is still in the cache
    path = folder / "a.txt"
    path.write_text("Robots\n\nAn entirely different article now.\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    open_library(folder)  # the cache row now holds the new text
    assert "different" not in held.text
    assert all(p == "" for p in held.paragraphs)
    assert len(held.paragraphs) == len(ROBOTS)


def test_a_reopened_article_is_read_from_its_file_when_the_cache_cannot_give_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cache.db import Cache

    folder = tmp_path / "news"
    write_article(folder, "a.txt", "Robots", ROBOTS)
    cold = open_library(folder).documents[0]
    warm = open_library(folder).documents[0]
    monkeypatch.setattr(Cache, "file_texts", lambda self, path: None)  # locked, damaged, gone
    assert warm.text == cold.text


def test_a_folder_texts_read_in_bulk_are_each_documents_own(tmp_path: Path) -> None:
    """The search index reads a reopened folder's texts a few hundred files a query: each
    must still be its own document's, and one whose file changed since must not show the
    new version."""
    from briefing.cache.texts import texts_of
    from briefing.library import search_index
    from briefing.query import parse

    folder = tmp_path / "news"
    write_article(folder, "a.txt", "Robots", ROBOTS)
    write_article(folder, "b.txt", "Plan puces", CHIPS)
    cold = open_library(folder).documents
    warm = open_library(folder).documents
    assert [(d.id, tuple(t)) for d, t in texts_of(warm)] == [
        (d.id, tuple(d.paragraphs)) for d in cold
    ]
    (folder / "b.txt").write_text("Plan puces\n\nUn tout autre texte, sur les robots.\n", "utf-8")
    os.utime(folder / "b.txt", ns=(10**18, 10**18))
    open_library(folder)
    index = search_index(warm)
    assert [d.id for d in index.filter(list(warm), parse("robots"))] == ["a.txt"]
    assert [d.id for d in index.filter(list(warm), parse("semi-conducteurs"))] == []
