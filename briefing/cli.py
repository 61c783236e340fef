"""The ``briefing`` command: parse, call the core, print, return an exit code.

Heavy imports (Textual, sumy, jieba) happen inside the branch that needs them, so ``briefing
--help`` and ``briefing list`` start fast and never load the TUI.
"""

from __future__ import annotations

import argparse
import os
import select
import sys
from collections.abc import Callable
from pathlib import Path

from briefing import __version__
from briefing.corpus.sizes import max_bytes_from_env, parse_size
from briefing.exitcodes import ExitCode

CORPUS_HELP = "a folder or file of articles, or 'seeds' for the bundled corpus (default)"


def _size(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r} (0 for no limit)")
    return seconds


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r} (1 or more)")
    return jobs


def _corpus_options(
    parser: argparse.ArgumentParser, *, positional: bool = True, links: bool = True
) -> None:
    if positional:
        parser.add_argument("corpus", nargs="?", default=None, metavar="CORPUS", help=CORPUS_HELP)
    else:
        parser.add_argument("--corpus", default=None, metavar="CORPUS", help=CORPUS_HELP)
    parser.add_argument(
        "--max-size",
        type=_size,
        default=max_bytes_from_env(),
        metavar="SIZE",
        help="skip files larger than this (e.g. 25MB; env BRIEFING_MAX_SIZE)",
    )
    parser.add_argument(
        "--time-limit",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="skip a file still loading after this long (default 30; 0: no limit; "
        "env BRIEFING_TIME_LIMIT)",
    )
    parser.add_argument(
        "--no-cache",
        dest="use_cache",
        action="store_false",
        help="read every file and make every brief again, without reading or writing the cache",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes for a cold build (default: one per core; 1: none)",
    )
    if links:  # not yet for the reader: its pipeline does not take it
        parser.add_argument(
            "--follow-symlinks",
            action="store_true",
            help="also read symlinks that lead outside the folder (skipped by default)",
        )


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    def call(args: argparse.Namespace) -> int:
        import importlib

        command: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(module), name
        )
        return command(args)

    return call


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Multilingual news folders in, briefs out. "
        "With no command, opens the reader on the bundled seeds.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open the reader (TUI) on a corpus")
    _corpus_options(p, links=False)
    p.add_argument("--watch", action="store_true",
                   help="show new, changed and deleted files as they land (or watch = true "
                   "in the settings: `briefing config path`)")  # fmt: skip
    p.set_defaults(func=_open)

    from briefing.commands.filter_options import add_filters, add_query

    p = sub.add_parser("list", help="list the documents of a corpus")
    _corpus_options(p)
    p.add_argument("--json", action="store_true", help="print JSON (with each document's brief)")
    p.add_argument("--theme", metavar="ID", help="only documents with this theme")
    p.add_argument("--lang", metavar="LANG", help="only documents in this language (ja, zh, fr…)")
    add_query(p)
    p.add_argument("--unread", action="store_true", help="only documents not yet read")
    p.set_defaults(func=_lazy("briefing.commands.listing", "cmd_list"))

    p = sub.add_parser("show", help="one document: brief, key points, clean text")
    p.add_argument("id", metavar="ID", help="a document id from `briefing list` (or its start)")
    _corpus_options(p, positional=False)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--unread",
        action="store_true",
        help="only among unread documents (an ID's start may match several)",
    )
    p.set_defaults(func=_lazy("briefing.commands.listing", "cmd_show"))

    p = sub.add_parser("themes", help="list themes with their document counts")
    _corpus_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_lazy("briefing.commands.listing", "cmd_themes"))

    p = sub.add_parser("daily", help="the daily brief on stdout, grouped by theme")
    _corpus_options(p)
    add_filters(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_lazy("briefing.commands.daily", "cmd_daily"))

    p = sub.add_parser("export", help="write the briefing as Markdown")
    _corpus_options(p)
    add_filters(p)
    p.add_argument("-o", "--output", default="briefing.md", metavar="FILE",
                   help="file to write (default briefing.md; '-' for stdout)")  # fmt: skip
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=_lazy("briefing.commands.daily", "cmd_export"))

    p = sub.add_parser(
        "build", help="read, theme and brief a corpus into the cache (--dask: on a cluster)"
    )
    _corpus_options(p)
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="run the work on this Dask scheduler (e.g. tcp://10.0.0.5:8786); "
                   "needs the briefing[dask] extra")  # fmt: skip
    p.set_defaults(func=_lazy("briefing.commands.build", "cmd_build"))

    p = sub.add_parser("notes", help="every note with its article, and notes whose article is gone")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_lazy("briefing.commands.notes", "cmd_notes"))

    p = sub.add_parser("config", help="where the reader's settings file is")
    p.add_argument("action", choices=("path",), help="path: print the settings file's path")
    p.set_defaults(func=_lazy("briefing.commands.config", "cmd_config"))

    p = sub.add_parser("cache", help="where the cache is and what it holds, or clear it")
    p.add_argument("action", choices=("info", "clear"), help="info: show it; clear: delete it")
    p.set_defaults(func=_lazy("briefing.commands.cache", "cmd_cache"))

    from briefing.commands.story_options import add_arguments as add_story_arguments

    p = sub.add_parser("stories", help="group coverage of one event across languages")
    _corpus_options(p)
    add_story_arguments(p)
    p.set_defaults(func=_lazy("briefing.commands.stories", "cmd_stories"))

    p = sub.add_parser("eval", help="score briefs against human reference summaries (ROUGE)")
    from briefing.dev.options import add_arguments

    add_arguments(p)
    p.set_defaults(func=_lazy("briefing.dev.evaluate", "eval_main"))
    return parser


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _open(args: argparse.Namespace) -> int:
    from briefing.commands.corpus_arg import corpus_paths

    paths = corpus_paths(args.corpus)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        sys.stderr.write(f"briefing: {missing[0]}: no such file or folder\n")
        return ExitCode.NOTHING  # as every command: nothing could be loaded
    if not (_is_terminal(sys.stdout) and _is_terminal(sys.stdin)):
        # The reader draws on the terminal and reads keys from it: into a file or a pipe it
        # would write escape codes and wait for keys that never come.
        sys.stderr.write(
            "briefing: the reader needs a terminal (stdin and stdout); for text try "
            "`briefing list`, `briefing daily` or `briefing export -o -`\n"
        )
        return ExitCode.USAGE

    from briefing.render.safe import one_line
    from briefing.tui.app import BriefingApp
    from briefing.tui.pipeline import Pipeline

    pipeline = Pipeline.default(
        args.max_size,
        use_cache=args.use_cache,
        jobs=args.jobs,
        follow_symlinks=getattr(args, "follow_symlinks", False),
        time_limit=args.time_limit,
    )
    app = BriefingApp(paths, max_bytes=args.max_size, pipeline=pipeline,
                      watch=getattr(args, "watch", False))  # fmt: skip
    app.run()
    if app.return_code:
        error = app.crash
        what = one_line(f"{type(error).__name__}: {error}") if error else "unknown error"
        where = f"; details in {app.crash_log}" if app.crash_log else ""
        sys.stderr.write(f"briefing: the reader stopped on an unexpected error: {what}{where}\n")
        return ExitCode.NOTHING
    return ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open", *(argv or [])])
    from briefing.query import QueryError

    try:
        return int(args.func(args))
    except QueryError as err:
        sys.stderr.write(f"briefing: --query: {err}\n")
        return ExitCode.USAGE
    except KeyboardInterrupt:
        sys.stderr.write("briefing: interrupted\n")
        return ExitCode.INTERRUPTED
    except BrokenPipeError as err:
        if _reader_left():
            # `briefing list | head`: the reader left; not an error worth a traceback. What is
            # still buffered goes nowhere, so the exit flush raises nothing either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return ExitCode.OK
        # any other broken pipe (a worker process that could not start) is a failure
        sys.stderr.write(f"briefing: stopped: {err.strerror or 'broken pipe'} (not on stdout)\n")
        return ExitCode.NOTHING


def _reader_left() -> bool:
    """Whether stdout is a pipe whose reading end is closed: poll reports an error on it."""
    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no real descriptor, or no poll (Windows)
        return False


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
