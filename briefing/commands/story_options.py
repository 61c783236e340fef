"""The ``briefing stories`` flags, apart from the command: the CLI builds every subcommand's
parser on each run, and importing the command (grouping, numpy, pypinyin) for that cost every
``briefing list`` half a second. The same split as :mod:`briefing.dev.options` for eval."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="each story's articles by date and language: first report, who followed, the "
        "facts each adds, and the facts only one language carries",
    )
    parser.add_argument(
        "--singles",
        action="store_true",
        help="also list the points only one outlet reports (JSON always has them)",
    )
