"""``briefing list``, ``briefing show`` and ``briefing themes``: what a folder holds."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from briefing.commands.common import (
    briefs,
    filter_docs,
    find_documents,
    load,
    print_json,
    with_known_story_dates,
    with_story_dates,
)
from briefing.exitcodes import ExitCode
from briefing.model import Document
from briefing.render.jsonout import document_full, document_summary, theme_summary
from briefing.render.safe import one_line
from briefing.render.text import list_rows, show_lines
from briefing.store import Store


def cmd_list(args: argparse.Namespace) -> int:
    lib = load(args)
    if args.theme and lib.theme(args.theme) is None:
        known = ", ".join(t.id for t in lib.themes)
        sys.stderr.write(f"briefing: unknown theme {args.theme!r}; themes: {known}\n")
        return ExitCode.USAGE
    store = Store()
    # estimated dates only when a grouping of this very folder state left them: a listing
    # never groups stories (seconds of vectors on a cold cache)
    docs = with_known_story_dates(lib, filter_docs(lib, args, store))
    if args.json:
        brief_of = briefs(lib, docs)
        print_json([_with_entry(document_summary(d, brief_of(d)), store, d) for d in docs])
    else:
        for row in list_rows(docs, store.is_read, store.note):
            print(row)
    if not docs:
        sys.stderr.write("briefing: no documents matched\n")
        return ExitCode.NOTHING
    return ExitCode.done(lib.problems)


def cmd_show(args: argparse.Namespace) -> int:
    lib = load(args)
    store = Store()
    found = find_documents(lib.documents, args.id)
    if args.unread:
        found = [d for d in found if not store.is_read(d)]
    if not found:
        unread = " unread" if args.unread else ""
        sys.stderr.write(
            f"briefing: no{unread} document with id {args.id!r} (see `briefing list`)\n"
        )
        return ExitCode.NOTHING
    if len(found) > 1:
        ids = ", ".join(one_line(d.id) for d in found[:5])
        sys.stderr.write(f"briefing: {args.id!r} matches {len(found)} documents: {ids}…\n")
        return ExitCode.USAGE
    # an undated article that joins a dated story shows that date as an estimate; a dated
    # one (or one nobody could join) costs no story work
    doc = with_story_dates(lib, found)[0]
    brief = lib.brief(doc)
    if args.json:
        print_json(_with_entry(document_full(doc, brief), store, doc))
        return ExitCode.done(lib.problems)
    for line in show_lines(doc, brief, read=store.is_read(doc), note=store.note(doc)):
        print(line)
    return ExitCode.done(lib.problems)


def _with_entry(out: dict[str, Any], store: Store, doc: Document) -> dict[str, Any]:
    """The user's own state beside the article: read or not, and the note."""
    out["read"] = store.is_read(doc)
    out["note"] = store.note(doc)
    return out


def cmd_themes(args: argparse.Namespace) -> int:
    lib = load(args)
    from briefing.paths import user_themes_dir
    from briefing.themes import count_documents

    counts = count_documents(lib.documents, lib.themes)
    sys.stderr.write(f"briefing: your themes folder: {user_themes_dir()}\n")
    if args.json:
        print_json([theme_summary(t, counts.get(t.id, 0)) for t in lib.themes])
    else:
        width = max((len(t.id) for t in lib.themes), default=4)
        for t in lib.themes:
            print(f"{t.id:<{width}}  {counts.get(t.id, 0):>4}  {one_line(t.label_for('en'))}")
    if not lib.themes:
        sys.stderr.write("briefing: no themes loaded\n")
        return ExitCode.NOTHING
    return ExitCode.done(lib.problems)
