"""``briefing notes``: every note with the place of its article, and the ones waiting for theirs.

Notes are the one thing briefing holds that cannot be recomputed, so none is ever dropped when
its article cannot be found (renamed beyond recognition, deleted, or a feed slot that now holds
another story): this is where a user finds them again. No corpus is opened.
"""

from __future__ import annotations

import argparse
import os
import sys

from briefing.exitcodes import ExitCode


def _state(key: str) -> str:
    from briefing.store import MISSING, UNPLACED, place_file

    if key.startswith(UNPLACED):
        return "waiting"  # from a version-1 file: placed when a folder with its text opens
    if key.startswith(MISSING):
        return "missing"  # its place now holds another article
    return "ok" if os.path.exists(place_file(key)) else "missing"


def cmd_notes(args: argparse.Namespace) -> int:
    from briefing.commands.common import print_json
    from briefing.render.safe import one_line
    from briefing.store import MISSING, UNPLACED, Store

    store = Store()
    for problem in store.problems:
        sys.stderr.write(f"briefing: {one_line(str(problem))}\n")
    rows = []
    for key, entry in sorted(store.entries().items()):
        if not entry.note:
            continue
        place = key.removeprefix(MISSING).removeprefix(UNPLACED)
        rows.append(
            {
                "place": place,
                "id": entry.doc_id or (place if key.startswith(UNPLACED) else ""),
                "title": entry.title,
                "state": _state(key),
                "note": entry.note,
                "updated": entry.updated,
            }
        )
    if args.json:
        print_json({"notes": rows, "file": str(store.path)})
        return ExitCode.OK
    if not rows:
        sys.stderr.write(f"briefing: no notes yet ({store.path})\n")
        return ExitCode.NOTHING
    for row in rows:
        flag = "" if row["state"] == "ok" else f"  [{row['state']}]"
        print(f"{one_line(row['place'])}{flag}")
        if row["title"]:
            print(f"  {one_line(row['title'])}")
        print(f"  ✎ {one_line(row['note'])}")
    return ExitCode.OK
