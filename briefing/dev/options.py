"""The ``briefing eval`` flags, apart from the evaluator itself: the CLI builds every subcommand's
parser on each run, and importing the evaluator (the summarizer, numpy) for that cost every
``briefing list`` a tenth of a second. Method names are checked when eval runs."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags, shared by ``briefing eval`` and ``python -m briefing.dev.evaluate``."""
    parser.add_argument(
        "--set",
        dest="set",
        type=Path,
        required=True,
        help="a set (.jsonl) or a folder of them, e.g. ../shared/eval",
    )
    parser.add_argument(
        "--method",
        action="append",
        default=None,
        help="run only this method (repeatable; default: ours and baselines; "
        "e.g. briefing, lead-3, 'lead-3 raw', lexrank)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
