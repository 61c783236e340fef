"""``briefing daily`` and ``briefing export``: the briefing for people who don't open the TUI."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.commands.common import (
    briefs,
    filter_docs,
    load,
    print_json,
    report_problems,
    with_story_dates,
)
from briefing.commands.common import stories as story_index
from briefing.commands.filter_options import add_filters, add_query, iso_date
from briefing.exitcodes import ExitCode
from briefing.library import Library
from briefing.render.jsonout import daily_json
from briefing.selection import Selection, select
from briefing.text.dates import iso

__all__ = ["add_filters", "add_query", "cmd_daily", "cmd_export", "iso_date"]


def _selection(lib: Library, args: argparse.Namespace, *, default_all: bool) -> Selection | int:
    if args.theme and lib.theme(args.theme) is None:
        known = ", ".join(t.id for t in lib.themes)
        sys.stderr.write(f"briefing: unknown theme {args.theme!r}; themes: {known}\n")
        return ExitCode.USAGE
    docs = with_story_dates(lib, filter_docs(lib, args))
    use_all = default_all and args.date is None and args.since is None
    if args.query and args.date is None and args.since is None and _query_dated(args.query):
        # the query chose its dates: the brief covers what it left, not the newest day of it
        sel = select(docs, all_dates=True)
        return replace(sel, undated=(), why=f"query {args.query}")
    return select(docs, day=args.date, since=args.since, all_dates=use_all)


def _query_dated(text: str) -> bool:
    from briefing.query import parse

    return parse(text).dated


def _color(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def _terminal_width(stream: object) -> int | None:
    """The terminal's columns when ``stream`` is one (``COLUMNS`` first, as for any tool);
    None for a pipe or a file, which keep one line per sentence."""
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None
    import shutil

    return shutil.get_terminal_size().columns


def cmd_daily(args: argparse.Namespace) -> int:
    from briefing.render.text import daily_lines, write_lines

    lib = load(args)
    sel = _selection(lib, args, default_all=False)
    if isinstance(sel, int):
        return sel
    if not sel.documents:
        what = iso(sel.start) or "the corpus"
        sys.stderr.write(f"briefing: no articles matched for {what}\n")
        return ExitCode.NOTHING
    brief_of = briefs(lib, sel.documents)
    if args.json:
        print_json(daily_json(sel, lib.themes, brief_of))
    else:
        if sel.start is not None and sel.why == "newest day in the corpus":
            sys.stderr.write(f"briefing: showing {sel.start.isoformat()}, the newest day\n")
        write_lines(
            daily_lines(sel, lib.themes, brief_of),
            sys.stdout,
            color=_color(sys.stdout),
            width=_terminal_width(sys.stdout),
        )
    return ExitCode.done(lib.problems)


def cmd_export(args: argparse.Namespace) -> int:
    from briefing.render.markdown import render_markdown
    from briefing.store import Store

    target = None if args.output == "-" else Path(args.output)
    if target is not None:
        if target.is_dir():
            sys.stderr.write(f"briefing: {target}: is a folder; name a file\n")
            return ExitCode.USAGE
        if target.exists() and not args.force:
            sys.stderr.write(f"briefing: {target}: exists; use --force to replace it\n")
            return ExitCode.USAGE
        if not target.parent.is_dir():
            sys.stderr.write(f"briefing: {target.parent}: no such folder\n")
            return ExitCode.USAGE
    lib = load(args)
    sel = _selection(lib, args, default_all=True)
    if isinstance(sel, int):
        return sel
    if not sel.documents:
        sys.stderr.write("briefing: no articles matched\n")
        return ExitCode.NOTHING
    store = Store()
    report_problems(store.problems)
    corpus = ", ".join(lib.corpus.roots) or "seeds"
    stories = story_index(lib, sel.documents)
    text = render_markdown(
        sel, lib.themes, briefs(lib, sel.documents), store.note, corpus, stories=stories
    )
    if target is None:
        sys.stdout.write(text)
        return ExitCode.done(lib.problems)
    try:
        write_atomic(target, text.encode("utf-8"), replace=args.force)
    except FileExistsError:  # it appeared while we loaded: checked again as we write
        sys.stderr.write(f"briefing: {target}: exists; use --force to replace it\n")
        return ExitCode.USAGE
    except OSError as err:
        sys.stderr.write(f"briefing: {target}: cannot write: {err.strerror or err}\n")
        return ExitCode.NOTHING
    sys.stderr.write(f"briefing: wrote {len(sel.documents)} articles to {target}\n")
    return ExitCode.done(lib.problems)
