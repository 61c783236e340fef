"""Estimated dates in the reader: undated articles placed by their story, after the briefs.

The list, the brief header and the day grouping show an undated article that joins a dated
story on the story's first day, as an estimate (``≈ 2025-07-26, from its story``), like every
other view (:mod:`briefing.render.dates`). Finding stories needs the folder's sentence vectors,
seconds on a cold cache, so the first screen never waits for it: once every brief is in, a
thread worker asks the core (:attr:`.pipeline.Pipeline.estimate_dates`: remembered estimates
first, then the stories), and the app swaps the placed documents in and redraws the list once.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.app import App
from textual.signal import Signal
from textual.worker import get_current_worker

from briefing.model import Document
from briefing.tui.grouping import newest_first_rank
from briefing.tui.messages import DatesEstimated

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp
    from briefing.tui.session import Session


def estimate(app: BriefingApp, docs: tuple[Document, ...]) -> None:
    """Find the estimated dates of ``docs`` (a snapshot of the session); never touches widgets."""
    worker = get_current_worker()
    find = app.pipeline.estimate_dates
    if find is None or all(d.date is not None for d in docs):
        return
    estimates, _problems = find(docs, lambda: worker.is_cancelled)  # problems: the story view's
    if worker.is_cancelled or not estimates:
        return
    basis = {d.id: d for d in docs if d.id in estimates and d.date is None}
    app.post_message(DatesEstimated(estimates, basis))


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object


class StoryDatesMixin(_App):
    """The app's part of estimated dates (mixed into :class:`BriefingApp`)."""

    session: Session
    corpus_changed: Signal[None]

    def place_undated(self) -> None:
        docs = tuple(self.session.documents.values())
        self.run_worker(partial(estimate, cast_app(self), docs), thread=True, exclusive=True,
                        group="story-dates", exit_on_error=False,
                        description="Story dates")  # fmt: skip

    def on_dates_estimated(self, message: DatesEstimated) -> None:
        # here, not at the top: briefing.stories is not for the first screen (import hygiene)
        from briefing.stories.dates import apply_estimates

        session = self.session
        # only articles still as they were when the worker started: a reload may have changed them
        current = {i: d for i, d in message.basis.items() if session.documents.get(i) == d}
        if not current:
            return
        placed = {d.id: d for d in apply_estimates(list(current.values()), message.estimates)}
        session.documents = {i: placed.get(i, d) for i, d in session.documents.items()}
        session.rank = newest_first_rank(session.documents.values())
        self.corpus_changed.publish(None)


def cast_app(app: StoryDatesMixin) -> BriefingApp:
    from typing import cast

    return cast("BriefingApp", app)
