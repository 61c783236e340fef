"""What every corpus command shares: loading with messages, and printing safely."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from briefing.library import Library, open_library
from briefing.model import Problem
from briefing.render.safe import inert


def report_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    """One line per problem on stderr: ``briefing: PATH: message``."""
    for problem in problems:
        sys.stderr.write(inert(f"briefing: {problem.path}: {problem.message}", keep_newlines=False))
        sys.stderr.write("\n")


def load(args: argparse.Namespace) -> Library:
    lib = open_library(args.corpus, max_bytes=args.max_size)
    report_problems(lib.problems)
    return lib


def print_json(value: Any) -> None:
    """One JSON document on stdout. ``ensure_ascii=False`` keeps CJK readable; JSON escaping
    already makes control characters inert (``\\u001b``)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def filter_docs(lib: Library, args: argparse.Namespace) -> list:
    docs = list(lib.documents)
    theme = getattr(args, "theme", None)
    if theme:
        docs = [d for d in docs if theme in d.theme_ids]
    lang = getattr(args, "lang", None)
    if lang:
        wanted = lang.lower()
        docs = [d for d in docs if d.lang == wanted or d.lang.split("-")[0] == wanted]
    return docs
