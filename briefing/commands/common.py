"""What every corpus command shares: loading with messages, and printing safely."""

from __future__ import annotations

import argparse
import json
import re
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


# characters JSON leaves raw with ensure_ascii=False that a terminal still acts on: DEL, C1
# controls (U+009B is CSI), bidi overrides and isolates, and the line/paragraph separators
JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def print_json(value: Any) -> None:
    """One JSON document on stdout. ``ensure_ascii=False`` keeps CJK readable; C0 controls are
    escaped by JSON itself, and :data:`JSON_UNSAFE` characters are written as ``\\uXXXX`` too
    (the same string to a parser, inert on a terminal)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    text = JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    sys.stdout.write(text + "\n")


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
