"""Small documents and a fake pipeline, so TUI tests don't depend on the summarizer's output.

The corpus imitates the real one: the same event in Japanese, Chinese (both scripts), French and
English, one undated article, and one hostile article whose every field carries markup and escape
codes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.model import Brief, Document, Evidence, KeyPoint, Problem, Term, Theme, ThemeMatch
from briefing.tui.pipeline import Arrived, Loaded, Pipeline, Progress

HOSTILE = (
    "[bold]x[/bold] [@click=app.quit]q[/] \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1b[31mred"
)
"""What an attacker puts in a title, source, text or note."""
HOSTILE_SHOWN = "[bold]x[/bold] [@click=app.quit]q[/] link red"
"""What the user must see instead: the markup literally, the escape codes gone."""


def make_doc(
    doc_id: str,
    title: str,
    lang: str,
    date: dt.date | None,
    source: str,
    paragraphs: Sequence[str],
    themes: Sequence[str] = (),
) -> Document:
    return Document(
        id=doc_id,
        path=f"/corpus/{doc_id}.txt",
        title=title,
        title_derived=False,
        date=date,
        source=source,
        lang=lang,
        paragraphs=tuple(paragraphs),
        themes=tuple(
            ThemeMatch(t, 3.0, (Evidence("AI", 0, 2), Evidence("安全", -1, 1))) for t in themes
        ),
        content_hash=f"hash-{doc_id}",
    )


DOCS = (
    make_doc(
        "ja",
        "AI安全サミット、東京で開幕",
        "ja",
        dt.date(2024, 5, 2),
        "NHK",
        ["東京でAI安全サミットが開幕した。", "各国の代表が規制について議論した。", "次回はパリ。"],
        ["ai"],
    ),
    make_doc(
        "zh-cn",
        "人工智能安全峰会在东京开幕",
        "zh-cn",
        dt.date(2024, 5, 2),
        "新华社",
        ["人工智能安全峰会在东京开幕。", "各国代表讨论了监管问题。"],
        ["ai"],
    ),
    make_doc(
        "zh-tw",
        "人工智慧安全峰會於東京開幕",
        "zh-tw",
        dt.date(2024, 5, 1),
        "中央社",
        ["人工智慧安全峰會於東京開幕。", "各國代表討論監管。"],
        ["ai", "energy"],
    ),
    make_doc(
        "fr",
        "Ouverture du sommet sur la sécurité de l'IA à Tokyo",
        "fr",
        dt.date(2024, 5, 1),
        "Le Monde",
        ["Le sommet s'est ouvert à Tokyo.", "Les délégués ont débattu de la régulation."],
        ["ai"],
    ),
    make_doc(
        "en",
        "AI safety summit opens in Tokyo",
        "en",
        dt.date(2024, 4, 30),
        "Reuters",
        ["The AI safety summit opened in Tokyo.", "Delegates debated regulation.", "Paris next."],
        ["ai"],
    ),
    make_doc(
        "undated",
        "Grid operators brace for summer demand",
        "en",
        None,
        "Wire",
        ["Power grids expect record demand.", "Operators add storage."],
        ["energy"],
    ),
)

THEMES = (
    Theme("ai", {"en": "AI policy"}, {"en": (Term("AI"),)}),
    Theme("energy", {"en": "Energy"}, {"en": (Term("grid"),)}),
)


def hostile_doc() -> Document:
    return make_doc(
        "hostile",
        f"Title {HOSTILE}",
        "en",
        dt.date(2024, 5, 3),
        f"Src {HOSTILE}",
        [f"Para {HOSTILE}", "Second paragraph."],
        ["ai"],
    )


def fake_brief(doc: Document) -> Brief:
    points = tuple(KeyPoint(p, i) for i, p in enumerate(doc.paragraphs))
    return Brief(doc.id, doc.paragraphs[:2], points[-2:], method="fake")


def fake_pipeline(
    docs: Sequence[Document] = DOCS,
    *,
    gate: threading.Event | None = None,
    problems: Sequence[Problem] = (),
) -> Pipeline:
    """A pipeline over ``docs`` with the real one's two calls; summaries wait for ``gate`` if
    given (to see the UI mid-load)."""

    def load(paths: list[Path], progress: Progress | None, arrived: Arrived | None) -> Loaded:
        for i in range(len(docs)):
            if arrived:
                arrived(docs[i : i + 1])
            if progress:
                progress(i + 1, len(docs))
        return Loaded(tuple(docs), THEMES, tuple(problems))

    def summarize_many(
        found: Sequence[Document],
        progress: Progress,
        should_stop: Callable[[], bool],
        on_brief: Callable[[Brief], None],
        on_cached: Callable[[], None],
    ) -> Sequence[Problem]:
        on_cached()  # nothing is cached here: every brief is "made"
        for done, doc in enumerate(found, 1):
            if should_stop():
                break
            if gate is not None:
                gate.wait(10)
            on_brief(fake_brief(doc))
            progress(done, len(found))
        return ()

    return Pipeline(load, summarize_many)


async def wait_ready(pilot: object) -> None:
    """Wait until the corpus is listed and every brief is made (the progress line is gone).

    Waiting on workers alone is not enough: the summarizer worker only starts once the load
    worker's message has been handled.
    """
    import asyncio

    from briefing.tui.widgets.load_progress import LoadProgress

    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(500):
        progress = app.library.query(LoadProgress)
        if app.session.loaded and progress and progress.first().has_class("-finished"):
            break
        await asyncio.sleep(0.01)
    else:
        raise AssertionError("the app never finished loading")
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
