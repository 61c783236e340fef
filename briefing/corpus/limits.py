"""How much of one file the loader reads, and for how long: limits that hold at every layer.

The byte limit (``--max-size``, :mod:`.read`) alone did not bound a load. Files a real folder
holds, all under 25 MB, stalled it for minutes or made the machine swap (``benchmarks/limits.py``
measures each shape): a scraped article on one 20 MB line, a feed with one 12 MB item, a JSON
file holding a 20-million-element array (1.3 GB before it was refused). So each layer has its
own limit, set far above anything news holds (the field corpus: 29 K characters, 91 paragraphs
and 176 sentences at most in one article, 100 articles in one file) and low enough that one
file stays within seconds and a few hundred MB:

* characters per article, paragraphs per article: the article is cut, and said so;
* articles per file (JSON list, JSONL lines, feed items, aggregator sections): the first ones
  are read, and the rest said so;
* values and nesting depth per JSON document: counted before parsing, so a file that would
  take gigabytes as Python objects is refused before it takes them;
* seconds per file: a file still loading after it is skipped (and not cached, so it is tried
  again next time), and the rest of the folder loads.

Every message names the limit and the setting that raises it. Each limit is an environment
variable (``BRIEFING_MAX_CHARS``…), read in the parent process and handed to the workers with
each file, and the time limit is also ``--time-limit``.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields

from briefing.corpus.errors import ReadError

MAX_CHARS = 1_000_000
"""Characters per article: about 300 pages. The longest article in the field corpus has 29 K;
above this a text is a book, a log or a scrape gone wrong, and every later step (repair,
sentences, the reader's pane) pays for each character."""

MAX_PARAGRAPHS = 5_000
"""Paragraphs per article (the field corpus: 91 at most). Text with a line break every few
characters (a table, a word list) would otherwise become hundreds of thousands of paragraphs."""

MAX_ITEMS = 10_000
"""Articles per file: JSON list entries, JSONL lines, feed items, aggregator sections (the
field corpus: 100 at most). Beyond it the first ones load and the rest are reported."""

MAX_JSON_VALUES = 1_000_000
"""Values (and keys) per JSON document or JSONL line. As Python objects a JSON value takes
up to 25 times its text (``{}`` is 3 bytes of text and 64 of dict), so a 25 MB array of empty
objects took 1.3 GB; at this limit the objects stay under ~100 MB."""

MAX_JSON_DEPTH = 64
"""Nesting depth per JSON document: an article record is 3 or 4 levels deep. Deeper input is
not an article file, and a recursive reader of it would run out of stack."""

TIME_LIMIT = 30.0
"""Seconds one file may take to load (read, parse, repair, describe): a 25 MB file of any shape
loads in under 20 s on a slow laptop (``benchmarks/limits.py``), so past this something is
wrong with the file, not slow about it. 0 turns the limit off."""

ENV = {
    "max_chars": "BRIEFING_MAX_CHARS",
    "max_paragraphs": "BRIEFING_MAX_PARAGRAPHS",
    "max_items": "BRIEFING_MAX_ITEMS",
    "max_json_values": "BRIEFING_MAX_JSON_VALUES",
    "max_json_depth": "BRIEFING_MAX_JSON_DEPTH",
    "time_limit": "BRIEFING_TIME_LIMIT",
}
"""The environment variable that sets each limit (and that each message names)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Every per-file limit but the byte limit (``max_bytes``, which the cache checks itself)."""

    max_chars: int = MAX_CHARS
    max_paragraphs: int = MAX_PARAGRAPHS
    max_items: int = MAX_ITEMS
    max_json_values: int = MAX_JSON_VALUES
    max_json_depth: int = MAX_JSON_DEPTH
    time_limit: float = TIME_LIMIT

    @classmethod
    def from_env(cls, time_limit: float | None = None) -> Limits:
        """The defaults, overridden by any ``BRIEFING_MAX_…`` variable set to a positive number
        (a value that is not one is ignored), and by ``time_limit`` when given."""
        values: dict[str, float] = {}
        for f in fields(cls):
            raw = os.environ.get(ENV[f.name], "").strip().replace("_", "").replace(",", "")
            try:
                number = float(raw) if raw else None
            except ValueError:
                number = None
            if number is not None and number >= 0 and (number > 0 or f.name == "time_limit"):
                values[f.name] = number if f.name == "time_limit" else int(number)
        if time_limit is not None:
            values["time_limit"] = time_limit
        return cls(**values)  # type: ignore[arg-type]

    def key(self) -> str:
        """What the cache keys loaded files on besides the loader version: a file cut at one
        limit is read again when the limit is raised. The time limit is not part of it, since
        a file that ran out of time is never cached."""
        return (
            f"c{self.max_chars}p{self.max_paragraphs}i{self.max_items}"
            f"v{self.max_json_values}d{self.max_json_depth}"
        )


def count(n: int) -> str:
    """``1000000`` → ``1,000,000``: limits in messages, read at a glance."""
    return f"{n:,}"


def raise_hint(name: str) -> str:
    """How to raise the limit ``name`` (a :class:`Limits` field)."""
    if name == "time_limit":
        return f"--time-limit or {ENV[name]}"
    return ENV[name]


class TimeLimitExceeded(BaseException):
    """A file took longer than the time limit to load.

    A BaseException, like KeyboardInterrupt, so the ``except Exception`` blocks libraries have
    (trafilatura, feedparser) cannot swallow it halfway through a file.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    def __str__(self) -> str:
        return (
            f"still loading after {self.seconds:g} s, over the time limit; skipped "
            f"(raise it with {raise_hint('time_limit')})"
        )


class Deadline:
    """The moment a file's time is up, checked between the steps and articles of a load.

    Checks cost a clock read, so the loader makes them often; with every step linear and each
    article capped, no step runs long between two checks. :func:`time_limit` adds an alarm
    for the steps this does not reach.
    """

    __slots__ = ("at", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds if seconds > 0 else float("inf")

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise TimeLimitExceeded(self.seconds)


def check(deadline: Deadline | None) -> None:
    if deadline is not None:
        deadline.check()


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the code of the block once ``seconds`` have passed,
    then once a second until it ends.

    A SIGALRM interval timer, so it only works in the main thread of a process with signals
    (a worker process, the CLI); elsewhere (the reader's loading thread) the block runs
    without it and relies on :class:`Deadline` checks. It interrupts Python code only, never
    a C call in progress, which is why every step must also be linear.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(_signum: int, _frame: object) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        while True:  # the alarm may fire while it is being turned off: turn it off again
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                break
            except TimeLimitExceeded:
                continue
        signal.signal(signal.SIGALRM, previous)


# a JSON token that matters for counting: a string (whole, or running to the end of the text
# when it is never closed, so a broken file is scanned once), or a bracket, comma or colon
JSON_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)|[\[\]{},:]')


def check_json(text: str, limits: Limits) -> None:
    """ReadError when ``text`` holds more JSON values or deeper nesting than the limits allow.

    Runs before ``json.loads``, so the file is refused before it becomes objects. Commas,
    colons and opening brackets outside strings bound the number of values and keys. A small
    document (few brackets in all) is let through on plain character counts; anything else
    gets one regex pass that skips strings whole (~0.1 s per 10 MB), stopping at the first
    limit it finds broken.
    """
    opens = text.count("[") + text.count("{")
    if opens <= limits.max_json_depth and (
        opens + text.count(",") + text.count(":") <= limits.max_json_values
    ):
        return
    seen = 0
    depth = 0
    for m in JSON_TOKEN.finditer(text):
        token = m[0]
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
            if depth > limits.max_json_depth:
                raise ReadError(
                    f"JSON nested more than {limits.max_json_depth} levels deep, over the "
                    f"limit for an article file (raise it with {raise_hint('max_json_depth')})"
                )
        elif token in "]}":
            depth -= 1
            continue
        seen += 1
        if seen > limits.max_json_values:
            raise ReadError(
                f"JSON holds more than {count(limits.max_json_values)} values, over the limit "
                f"(raise it with {raise_hint('max_json_values')})"
            )


def cut_text(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` at the last line break or space before the cut (within its
    last tenth), so the article does not end mid-word."""
    if len(text) <= max_chars:
        return text
    floor = max_chars - max_chars // 10
    for sep in ("\n", " ", "\u3000"):
        at = text.rfind(sep, floor, max_chars)
        if at > 0:
            return text[:at]
    return text[:max_chars]


PAGE_MARKUP = 5
"""How many characters of HTML a saved page may have per character of the article limit:
markup is typically 3 to 10 times a page's text, and lxml's tree (trafilatura parses with it)
takes about 20 times the page, so a 25 MB page peaked at 900 MB. A page is cut before it is
parsed at ``PAGE_MARKUP × max_chars``, at a tag: lxml closes what the cut leaves open."""


def cut_page(html: str, limits: Limits) -> tuple[str, str | None]:
    """A saved page cut at :data:`PAGE_MARKUP` times the character limit, and the message
    saying so (None when the page is within it)."""
    limit = PAGE_MARKUP * limits.max_chars
    if len(html) <= limit:
        return html, None
    at = html.rfind("<", limit - limit // 10, limit)
    message = (
        f"page cut at {count(limit)} characters of HTML (it has {count(len(html))}); raise "
        f"the limit with {raise_hint('max_chars')} (a page may have {PAGE_MARKUP} times it)"
    )
    return html[: at if at > 0 else limit], message


def chars_message(size: int, limits: Limits) -> str:
    return (
        f"text cut at {count(limits.max_chars)} characters (it has {count(size)}); "
        f"raise the limit with {raise_hint('max_chars')}"
    )


def paragraphs_message(size: int, limits: Limits) -> str:
    return (
        f"text cut at {count(limits.max_paragraphs)} paragraphs (it has {count(size)}); "
        f"raise the limit with {raise_hint('max_paragraphs')}"
    )


def items_message(size: int, limits: Limits, what: str = "articles") -> str:
    return (
        f"read the first {count(limits.max_items)} {what} of {count(size)}; "
        f"raise the limit with {raise_hint('max_items')}"
    )
