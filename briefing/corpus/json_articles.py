"""Articles from JSON and JSON Lines: one object, a list, ``{"articles": [...]}``, one a line.

Field names vary by exporter (``text``/``body``/``content``, ``date``/``published``/``pubDate``),
so each field is looked up under its usual names. A bad line or item costs that line or item,
and the JSON limits are checked before the parser builds anything.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from briefing.corpus.limits import Limits, check_json, items_message
from briefing.corpus.raw import DEFAULT_LIMITS, Parsed, RawArticle
from briefing.corpus.read import ReadError

TEXT_KEYS = ("text", "body", "content", "content_html", "content_text", "article", "maintext",
             "description", "summary")  # fmt: skip
TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("date", "published", "published_at", "date_published", "pubDate", "pubdate",
             "datetime", "date_publish", "created_at", "time", "timestamp")  # fmt: skip
SOURCE_KEYS = ("source", "outlet", "publisher", "site", "sitename", "site_name", "domain")
URL_KEYS = ("url", "link", "href", "source_url")
LANG_KEYS = ("lang", "language", "locale")
AUTHOR_KEYS = ("author", "byline", "authors")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


MAX_NESTING = 20
"""How deep :func:`_as_text` looks into lists and objects for text: real feeds nest two or
three levels; a hostile line nests thousands, and must cost that line, not the file."""

_JSON_KINDS = {dict: "an object", list: "a list", str: "a string", int: "a number",
               float: "a number", bool: "true or false", type(None): "null"}  # fmt: skip
"""What a JSON value is called in a message (not ``NoneType``)."""


def _as_text(value: Any, depth: int = 0) -> str | None:
    """A field that may be a string, a list of paragraphs, or a nested {"name": …} object."""
    if value is None or depth > MAX_NESTING:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [p for v in value if (p := _as_text(v, depth + 1))]
        return "\n\n".join(parts) if parts else None
    if isinstance(value, dict):
        return _as_text(_first(value, ("name", "title", "text", "value")), depth + 1)
    if isinstance(value, int | float):
        return str(value)
    return None


def _long_int(digits: str) -> int | str:
    """JSON integers as ints, except past Python's 4,300-digit limit (``int()`` raises
    ValueError there): such a number is kept as its digits, and the line still loads."""
    return int(digits) if len(digits) <= 4000 else digits


def _loads(text: str) -> Any:
    return json.loads(text, parse_int=_long_int)


def parse_failure(err: Exception) -> str:
    """The words for why a JSON text (or any file a parser choked on) could not be read."""
    if isinstance(err, json.JSONDecodeError):
        return f"not valid JSON ({err.msg})"
    if isinstance(err, RecursionError):
        return "nested too deeply to read"
    if isinstance(err, MemoryError):
        return "too large to read into memory"
    return f"cannot read ({str(err).splitlines()[0] if str(err) else type(err).__name__})"


def record_to_article(obj: Any, where: str) -> RawArticle | str:
    """An article from a JSON object, or the one-line reason it is not one."""
    if not isinstance(obj, dict):
        kind = _JSON_KINDS.get(type(obj), type(obj).__name__)
        return f"{where}: expected an article object, found {kind}"
    text = _as_text(_first(obj, TEXT_KEYS))
    if not text or not text.strip():
        return f"{where}: no text (looked for {', '.join(TEXT_KEYS[:3])})"
    return RawArticle(
        text=text,
        title=_as_text(_first(obj, TITLE_KEYS)),
        date=_first(obj, DATE_KEYS),
        source=_as_text(_first(obj, SOURCE_KEYS)),
        url=_as_text(_first(obj, URL_KEYS)),
        lang=_as_text(_first(obj, LANG_KEYS)),
        author=_as_text(_first(obj, AUTHOR_KEYS)),
        where=where,
    )


def _feed_outlet(feed: dict[str, Any]) -> str | None:
    """Who publishes a list of items: a JSON Feed names it as its ``author`` (NPR's technology
    feed: ``{"name": "NPR"}``), other exports as ``source``/``publisher``; its items name none,
    so without this they had no source at all. The feed's ``title`` ("Technology") is a section,
    not an outlet, and is not used."""
    return _as_text(_first(feed, (*SOURCE_KEYS, "author")))


def parse_json(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    check_json(text, limits)
    try:
        data = _loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(
            f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}"
        ) from None
    except (RecursionError, MemoryError, ValueError) as err:
        raise ReadError(parse_failure(err)) from None
    outlet = None
    if isinstance(data, dict):
        for key in ("articles", "items", "documents", "data", "results"):
            if isinstance(data.get(key), list):
                outlet = _feed_outlet(data)
                data = data[key]
                break
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ReadError("JSON holds no articles")
    articles: list[RawArticle] = []
    problems: list[str] = []
    for n, obj in enumerate(items[: limits.max_items], 1):
        result = record_to_article(obj, f"item {n}" if isinstance(data, list) else "")
        if isinstance(result, str):
            problems.append(result)
        else:
            if outlet and not result.source:
                result = replace(result, source=outlet)
            articles.append(result)
    if not articles:
        raise ReadError(
            problems[0].lstrip(": ")
            if len(problems) == 1
            else f"no article in JSON ({problems[0]})"
        )
    if len(items) > limits.max_items:
        problems.append(items_message(len(items), limits, "items"))
    return articles, problems


def parse_jsonl(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    articles: list[RawArticle] = []
    problems: list[str] = []
    records = 0
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        records += 1
        if records > limits.max_items:
            continue  # counted for the message
        try:
            check_json(line, limits)
            obj = _loads(line)
        except ReadError as err:
            problems.append(f"line {n}: {err}")
            continue
        except (RecursionError, MemoryError, ValueError) as err:  # one line, not the file
            problems.append(f"line {n}: {parse_failure(err)}")
            continue
        result = record_to_article(obj, f"line {n}")
        if isinstance(result, str):
            problems.append(result)
        else:
            articles.append(result)
    if records > limits.max_items:
        problems.append(items_message(records, limits, "lines"))
    if not articles:
        raise ReadError(problems[0] if problems else "no articles in JSONL file")
    return articles, problems
