"""One article's story: every report of the event by date and language, and what each adds.

Opened with ``s`` from the library list or the reader. It shows the timeline
(:mod:`briefing.stories.timeline`, the same as ``briefing stories --timeline``): the first
report, who followed and how many days later, the facts each article is alone to carry, and
the language blindspots (facts only one language's articles carry).

Stories need the whole folder's sentence vectors and grouping: seconds on a cold cache of a
thousand articles. That runs in a thread worker, which posts :class:`StoryScreen.Progress` as
vectors are read or made and :class:`StoryScreen.Built` at the end; the screen stays usable
(Esc leaves at once and the worker is cancelled between steps). Article text reaches the
screen only as plain :class:`~textual.content.Content`, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from briefing.render.safe import one_line
from briefing.tui.widgets.footer import CompactFooter

if TYPE_CHECKING:
    from briefing.model import Document
    from briefing.tui.app import BriefingApp

STILL_READING = "The folder is still being read: the story is found as soon as it is all in…"
ALONE = "No other article in this folder reports this event: its story is this article alone."


class StoryScreen(Screen[None]):
    """The timeline of the story the given article belongs to."""

    app: BriefingApp

    DEFAULT_CSS = """
    StoryScreen {
        #story-header { text-style: bold; padding: 0 1; }
        #story-status { color: $text-muted; padding: 0 1; }
        #story-progress { padding: 0 1; }
        #story-body { height: 1fr; padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", key_display="q"),
    ]

    @dataclass
    class Progress(Message):
        """Sentence vectors read or made so far, of the folder's articles."""

        done: int
        total: int

    @dataclass
    class Built(Message):
        """The timeline as lines of plain text (empty: the article's story has no one else)."""

        lines: list[str]
        problem: str | None = None
        """Why stories rest on anchors alone (the encoder did not load), if they do."""

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self._started = False

    def compose(self) -> ComposeResult:
        doc = self.app.session.documents.get(self.doc_id)
        title = one_line(doc.title) if doc else self.doc_id
        yield Static(Content(f"Story of: {title}"), id="story-header")
        yield Static(Content("Finding the story: reading the folder's meaning…"), id="story-status")
        yield ProgressBar(id="story-progress", show_eta=False)
        with VerticalScroll(id="story-body"):
            yield Static(Content(""), id="story-timeline")
        yield CompactFooter()

    def on_mount(self) -> None:
        if not self.app.session.loaded:  # a story of half a folder would be wrong, not early
            self.query_one("#story-progress", ProgressBar).display = False
            self.query_one("#story-status", Static).update(Content(STILL_READING))
            self.app.corpus_changed.subscribe(self, self._corpus_changed)
            return
        self._started = True
        self.build()

    def _corpus_changed(self, _: None) -> None:
        """The folder is all in: find the story now (the user asked for it already)."""
        if self.app.session.loaded and not self._started:
            self._started = True
            self.query_one("#story-progress", ProgressBar).display = True
            status = "Finding the story: reading the folder's meaning…"
            self.query_one("#story-status", Static).update(Content(status))
            self.build()

    @work(thread=True, exclusive=True, exit_on_error=False, group="story", description="Story")
    def build(self) -> None:
        """Group the folder, find this article's story, lay out its timeline; no widgets."""
        from briefing.library import briefs_for, stories_of
        from briefing.render.stories import timeline_lines
        from briefing.stories.align import align_story
        from briefing.stories.dates import with_estimated_dates
        from briefing.stories.timeline import build_timeline

        worker = get_current_worker()
        session = self.app.session
        everything = list(session.documents.values())

        def progress(done: int, total: int) -> None:
            self.post_message(self.Progress(done, total))

        # the grouping every view uses (it sets the list's estimated dates aside)
        index, problems = stories_of(
            everything, progress, jobs=1, should_stop=lambda: worker.is_cancelled
        )
        if worker.is_cancelled:
            return
        story = index.story_of(self.doc_id)
        problem = next((p.message for p in problems if p.path == "sentence encoder"), None)
        if story is None or story.size < 2:
            self.post_message(self.Built([], problem))
            return
        documents: dict[str, Document] = {d.id: d for d in with_estimated_dates(everything, index)}
        members = [documents[i] for i in story.documents if i in documents]
        briefs = {i: b for i in story.documents if (b := session.briefs.get(i)) is not None}
        missing = [d for d in members if d.id not in briefs]
        if missing:
            made, _ = briefs_for(missing, jobs=1, should_stop=lambda: worker.is_cancelled)
            briefs.update(made)
        if worker.is_cancelled:
            return
        alignment = None
        if all(d.id in briefs for d in members):
            alignment = align_story(story, documents, lambda d: briefs[d.id], index)
        timeline = build_timeline(story, documents, alignment)
        lines = list(timeline_lines(timeline, documents))
        if not worker.is_cancelled:
            self.post_message(self.Built(lines, problem))

    def on_story_screen_progress(self, message: Progress) -> None:
        bar = self.query_one("#story-progress", ProgressBar)
        bar.update(total=max(message.total, 1), progress=message.done)
        self.query_one("#story-status", Static).update(
            Content(f"Finding the story: meaning of {message.done:,}/{message.total:,} articles")
        )

    def on_story_screen_built(self, message: Built) -> None:
        self.query_one("#story-progress", ProgressBar).display = False
        status = "Oldest report first" if message.lines else ALONE
        if message.problem:
            status += f" · anchors only: {message.problem}"
        self.query_one("#story-status", Static).update(Content(status))
        self.query_one("#story-timeline", Static).update(Content("\n".join(message.lines)))
        self.query_one("#story-body").focus()

    def action_back(self) -> None:
        self.workers.cancel_group(self, "story")
        self.dismiss()
