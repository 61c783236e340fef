"""``ctrl+e``: the marked articles (or else every article the list shows) to a Markdown file,
through :func:`briefing.render.markdown.render_markdown`, the writer of ``briefing export``, with
the stories section grouped by :func:`briefing.library.stories_of`, as ``briefing export`` does.

It runs in a thread worker: articles whose brief is not made yet are briefed first (the cache,
then the summarizer), which can take seconds. The file goes to :func:`briefing.paths.export_dir`
(the user's documents folder), never into the corpus folder, where a watching reader would load
it back as an article. A new name each time (date and time, ``-2``… if taken): an export never
replaces a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.signal import Signal
from textual.worker import get_current_worker

from briefing import paths
from briefing.atomic import write_atomic
from briefing.model import Brief, Document
from briefing.selection import select
from briefing.tui.messages import Exported, LoadProgressed

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp
    from briefing.tui.session import Session


def target_file(folder: Path, now: dt.datetime) -> Path:
    stem = f"briefing-{now:%Y-%m-%d-%H%M%S}"
    target, n = folder / f"{stem}.md", 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}.md"
    return target


def export(app: BriefingApp, docs: tuple[Document, ...], why: str) -> None:
    """Write ``docs`` as Markdown; posts :class:`Exported` (the file, or the error)."""
    from briefing.library import stories_of
    from briefing.render.markdown import render_markdown

    worker = get_current_worker()
    briefs = {d.id: b for d in docs if (b := app.session.briefs.get(d.id)) is not None}
    missing = [d for d in docs if d.id not in briefs]
    if missing:

        def progress(done: int, total: int) -> None:
            app.post_message(LoadProgressed("Exporting", done, total))

        def landed(brief: Brief) -> None:
            briefs[brief.doc_id] = brief

        app.pipeline.summarize_many(
            missing, progress, lambda: worker.is_cancelled, landed, lambda: None
        )
    if worker.is_cancelled:
        return

    def meaning(done: int, total: int) -> None:
        app.post_message(LoadProgressed("Exporting: stories", done, total))

    # the stories section, grouped as ``briefing export`` groups it (the same call)
    stories, _problems = stories_of(docs, meaning, jobs=1, should_stop=lambda: worker.is_cancelled)
    if worker.is_cancelled:
        return

    def brief_of(doc: Document) -> Brief:
        return briefs.get(doc.id) or Brief(doc.id, (), (), "none")

    selection = replace(select(docs, all_dates=True), why=why)
    themes = list(app.session.themes.values())
    corpus = ", ".join(str(p) for p in app.corpus_paths)
    note_of = app.session.store.note
    text = render_markdown(selection, themes, brief_of, note_of, corpus, stories=stories)
    try:
        folder = paths.export_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = target_file(folder, dt.datetime.now())
        write_atomic(target, text.encode("utf-8"), replace=False)
    except OSError as error:
        app.post_message(Exported(None, len(docs), f"{error.filename or ''}: {error.strerror}"))
        return
    app.post_message(Exported(target, len(docs)))


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object


class ExportMixin(_App):
    """The app's part of ``ctrl+e`` (mixed into :class:`BriefingApp`)."""

    session: Session
    progress_changed: Signal[tuple[str, int, int] | None]

    def export(self, doc_ids: list[str], why: str) -> None:
        docs = tuple(self.session.documents[i] for i in doc_ids if i in self.session.documents)
        if not docs:
            self.notify("Nothing to export: the list is empty.", severity="warning")
            return
        self.notify(f"Exporting {len(docs)} articles…", timeout=2)
        work = partial(export, cast("BriefingApp", self), docs, why)
        self.run_worker(work, thread=True, group="export", exit_on_error=False,
                        description="Export")  # fmt: skip

    def on_exported(self, message: Exported) -> None:
        self.progress_changed.publish(None)
        if message.path is None:
            self.notify(f"Export failed: {message.error}", severity="error", markup=False)
        else:
            self.notify(f"Exported {message.count} articles to {message.path}", timeout=12,
                        markup=False)  # fmt: skip
