"""One reader per file format, each giving raw articles for the loader to repair and describe.

A library does each format's hard part: trafilatura finds a saved page's main text (not its menus),
feedparser reads RSS/Atom in all their dialects, the stdlib reads JSON. Each reader returns the
articles it could read plus one-line problems for the parts it could not (a bad JSONL line), so one
bad record never costs the rest of its file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.corpus.limits import Limits, check_json, cut_page, items_message
from briefing.corpus.read import ReadError


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as its file gave it: text not yet repaired, metadata not yet checked."""

    text: str
    title: str | None = None
    date: Any = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    author: str | None = None
    where: str = ""
    """Position inside the file for messages and ids: "" for a whole file, "line 3", "item 2"."""
    splittable: bool = False
    """Plain text that may be an aggregator page holding several articles."""


Parsed = tuple[list[RawArticle], list[str]]  # articles, problems ("line 3: not valid JSON")
Parser = Callable[[str, Limits], Parsed]
DEFAULT_LIMITS = Limits()

TEXT_KEYS = ("text", "body", "content", "article", "maintext", "description", "summary")
TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("date", "published", "published_at", "pubDate", "pubdate", "datetime",
             "date_publish", "created_at", "time", "timestamp")  # fmt: skip
SOURCE_KEYS = ("source", "outlet", "publisher", "site", "sitename", "site_name", "domain")
URL_KEYS = ("url", "link", "href", "source_url")
LANG_KEYS = ("lang", "language", "locale")
AUTHOR_KEYS = ("author", "byline", "authors")

# the encoding named by a leading XML declaration: <?xml version="1.0" encoding="windows-1252"?>
XML_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'])[^"']*(["'])""")

# a numeric character reference, decimal or hex, its ";" optional as HTML allows: "&#7;", "&#x1B"
CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")

# Markdown syntax that is layout, not words: heading marks, emphasis, links, images. A span
# never runs past the next mark of its kind (a "*" stops at the next "*", a "[" at the next
# bracket), so a mark that is never closed costs a look as far as the next one, not a scan to
# the end of the line for every one of them (quadratic on a text without line breaks).
MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
# emphasis, strong first: "**word**", "__word__" (group 2), "*word*", "_word_" (group 4)
MD_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)((?:(?!\1).){1,1000}?)(?<=\S)\1|([*_])(?=\S)((?:(?!\3).){1,1000}?)(?<=\S)\3"
)
# an image: "![alt](src)" → "alt"
MD_IMAGE = re.compile(r"!\[([^\[\]]{0,1000})\]\([^)]{0,1000}\)")
# a link: "[text](href)" → "text"
MD_LINK = re.compile(r"\[([^\[\]]{1,1000})\]\([^)]{0,1000}\)")
# where a feed item starts: "<item>", "<item rdf:about=…>", "<entry>", "<atom:entry>"
FEED_ITEM = re.compile(r"<(?:\w+:)?(?:item|entry)[\s>]", re.I)
# the feed's root element, to close a feed cut after its first items: "<rss", "<feed", "<rdf:RDF"
FEED_ROOT = re.compile(r"<(rss|feed|(?:\w+:)?RDF)[\s>]", re.I)


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
    if isinstance(data, dict):
        for key in ("articles", "items", "documents", "data", "results"):
            if isinstance(data.get(key), list):
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


def _drop_unparsable_ref(match: re.Match[str]) -> str:
    """A reference to a C0 control or a noncharacter (``&#7;``, ``&#xFFFE;``) removed: lxml
    cannot hold one, and trafilatura then finds no text in the whole page. Repair would strip
    the control anyway."""
    code = int(match[1], 16) if match[1] else int(match[2])
    if (code < 0x20 and code not in (9, 10, 13)) or code & 0xFFFE == 0xFFFE:
        return ""
    return match[0] if code < 0x110000 and not 0xFDD0 <= code <= 0xFDEF else ""


def parse_html(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    import trafilatura

    text, problem = cut_page(text, limits)
    text = CHAR_REF.sub(_drop_unparsable_ref, text)

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False)  # fmt: skip
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ReadError("no article text found in the page")
    title = getattr(doc, "title", None)
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        body = "\n".join(lines[1:])  # trafilatura repeats the <h1> as the first line
    return [
        RawArticle(
            text=body,
            title=title,
            date=getattr(doc, "date", None),
            source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
            url=getattr(doc, "url", None),
            lang=getattr(doc, "language", None),
            author=getattr(doc, "author", None),
        )
    ], [problem] if problem else []


def _first_items(text: str, max_items: int) -> tuple[str, int]:
    """The feed cut before its item ``max_items + 1`` and closed again, and how many items it
    has (counted only when it has more): feedparser keeps a dict of ~20 fields per item, so
    650,000 one-line items in 25 MB would take gigabytes."""
    starts = [m.start() for m in FEED_ITEM.finditer(text)]
    if len(starts) <= max_items:
        return text, len(starts)
    head = text[: starts[max_items]]
    root = FEED_ROOT.search(head)
    closing = ""
    if root is not None:
        name = root[1]
        closing = "</channel></rss>" if name.lower() == "rss" else f"</{name}>"
    return head + closing, len(starts)


def parse_feed(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    """Articles of an RSS/Atom feed, from text the read step already decoded.

    feedparser re-encodes a ``str`` as UTF-8 and then decodes it with the charset the XML
    declaration names, so a windows-1252 feed came out as ``Lâ€™Ã©tÃ©`` and a UTF-16 one as
    malformed: the declaration is made to say what the text now is.
    """
    import feedparser

    text, found = _first_items(text, limits.max_items)
    cut = found > limits.max_items
    feed = feedparser.parse(XML_DECLARED_ENCODING.sub(r"\g<1>utf-8\g<2>", text, count=1))
    entries = list(feed.entries)
    if not entries:
        if feed.bozo:
            reason = str(getattr(feed, "bozo_exception", "")).split("\n")[0] or "unreadable"
            raise ReadError(f"malformed XML feed: {reason}")
        raise ReadError("feed has no entries")
    feed_title = feed.feed.get("title")
    articles, problems = [], []
    for n, entry in enumerate(entries, 1):
        content = entry.get("content")
        body = (
            content[0].get("value") if content else entry.get("summary") or entry.get("description")
        )
        if not body or not str(body).strip():
            problems.append(f"entry {n}: no text")
            continue
        parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
        date = (
            f"{parsed_time.tm_year:04d}-{parsed_time.tm_mon:02d}-{parsed_time.tm_mday:02d}"
            if parsed_time
            else None
        )
        source = (
            entry.get("source", {}).get("title") if isinstance(entry.get("source"), dict) else None
        )
        articles.append(
            RawArticle(
                text=str(body),
                title=entry.get("title"),
                date=date,
                source=source or feed_title,
                url=entry.get("link"),
                lang=entry.get("language") or feed.feed.get("language"),
                author=entry.get("author"),
                where=f"entry {n}",
            )
        )
    if not articles:
        if feed.bozo:
            reason = str(getattr(feed, "bozo_exception", "")).split("\n")[0] or "unreadable"
            raise ReadError(f"malformed XML feed: {reason}")
        raise ReadError(problems[0])
    if cut:
        problems.append(items_message(found, limits, "items"))
    return articles, problems


def parse_text(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    return [RawArticle(text=text, splittable=True)], []


def parse_markdown(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    """Markdown to plain text; a leading ``# Heading`` is the title."""
    lines = text.strip().split("\n")
    title = None
    if lines and lines[0].lstrip().startswith("# "):
        title = lines[0].lstrip()[2:].strip()
        lines = lines[1:]
    body = "\n".join(lines)
    body = MD_IMAGE.sub(r"\1", body)
    body = MD_LINK.sub(r"\1", body)
    body = MD_EMPHASIS.sub(lambda m: m[2] if m[1] else m[4], body)
    body = MD_HEADING.sub("", body)
    return [RawArticle(text=body, title=title, splittable=title is None)], []


PARSERS: dict[str, Parser] = {
    ".txt": parse_text,
    ".text": parse_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".xhtml": parse_html,
    ".json": parse_json,
    ".jsonl": parse_jsonl,
    ".ndjson": parse_jsonl,
    ".xml": parse_feed,
    ".rss": parse_feed,
    ".atom": parse_feed,
}


def parser_for(path: Path) -> Parser | None:
    return PARSERS.get(path.suffix.lower())
