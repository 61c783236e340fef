"""``briefing open --watch``: reload the folder when files land, change or go.

watchfiles (the file watcher uvicorn and pydantic rely on) gets the operating system's own
events (inotify, FSEvents, ReadDirectoryChangesW) and groups a burst of them (a sync tool
writing fifty files) into one set, so there is no polling loop of ours and one reload per burst.
It runs in a thread worker and only posts :class:`FolderChanged`; the reload itself is the
``r`` key's, which keeps the cursor, the notes and the read state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from briefing.tui.messages import FolderChanged

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

CHECK_MS = 400
"""How often the watcher wakes without events to see whether it was cancelled (app quit)."""


def watch(app: BriefingApp) -> None:
    from watchfiles import watch as watch_files

    worker = get_current_worker()
    folders = [p for p in app.corpus_paths if p.exists()]
    if not folders:
        return
    for changes in watch_files(*folders, yield_on_timeout=True, rust_timeout=CHECK_MS,
                               raise_interrupt=False):  # fmt: skip
        if worker.is_cancelled:
            return
        if changes:
            app.post_message(FolderChanged(len(changes)))
