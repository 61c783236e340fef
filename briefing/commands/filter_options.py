"""The filter flags of ``list``, ``daily`` and ``export``, apart from the commands: the CLI builds
every subcommand's parser on each run, including the bare ``briefing`` that opens the reader,
and importing :mod:`.daily` for these (the library, the loader, the cache, the themes) cost
the reader's start half a second before its first screen. The same split as
:mod:`.story_options`."""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


QUERY_HELP = (
    'only articles matching Q: words, "phrases", theme:ID lang:LANG since:DATE until:DATE '
    "unread (all must hold)"
)


def add_query(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--query", "-q", metavar="Q", help=QUERY_HELP)


def add_filters(parser: argparse.ArgumentParser) -> None:
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="this day only")
    when.add_argument("--since", type=iso_date, metavar="DATE", help="this day and after")
    parser.add_argument("--theme", metavar="ID", help="only articles with this theme")
    parser.add_argument("--lang", metavar="LANG", help="only articles in this language")
    add_query(parser)
