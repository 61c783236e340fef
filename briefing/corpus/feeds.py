"""RSS and Atom feeds: feedparser reads their dialects; each item is an article."""

from __future__ import annotations

import re
from typing import Any
from xml.sax import SAXParseException

from briefing.corpus.limits import Limits, items_message
from briefing.corpus.raw import DEFAULT_LIMITS, Parsed, RawArticle
from briefing.corpus.read import ReadError
from briefing.text.dates import parse_date

# the encoding named by a leading XML declaration: <?xml version="1.0" encoding="windows-1252"?>
XML_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'])[^"']*(["'])""")
# where a feed item starts: "<item>", "<item rdf:about=…>", "<entry>", "<atom:entry>"
FEED_ITEM = re.compile(r"<(?:\w+:)?(?:item|entry)[\s>]", re.I)
# the feed's root element, to close a feed cut after its first items: "<rss", "<feed", "<rdf:RDF"
FEED_ROOT = re.compile(r"<(rss|feed|(?:\w+:)?RDF)[\s>]", re.I)


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


def _entry_date(entry: Any) -> str | None:
    """The item's date as the feed writes it (``Wed, 19 Mar 2025 00:00:00 +0900``), so its offset
    is kept: feedparser's ``published_parsed`` is in UTC, which listed an item published at
    midnight in Tokyo on the day before. feedparser's UTC date only when the text is in a form
    briefing cannot read."""
    for key in ("published", "updated", "created"):
        stated = entry.get(key)
        if isinstance(stated, str) and parse_date(stated):
            return stated
    parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed_time:
        return None
    return f"{parsed_time.tm_year:04d}-{parsed_time.tm_mon:02d}-{parsed_time.tm_mday:02d}"


TAG = re.compile(r"<[^>]*>")
# an embedded drawing or formula, markup and metadata and no prose: "<svg …>…</svg>"
EMBEDDED = re.compile(r"<(svg|math)\b.*?</\1\s*>", re.S | re.I)


def _body(entry: Any) -> Any:
    """The item's text: its full content (``content:encoded``, Atom ``content``) unless the
    summary (``description``) holds more text, as a feed whose content is only a teaser does."""
    content = entry.get("content")
    full = content[0].get("value") if content else None
    summary = entry.get("summary") or entry.get("description")
    summary = EMBEDDED.sub("", str(summary)) if summary else summary
    if not full or not str(full).strip():
        return summary
    full = EMBEDDED.sub("", str(full))
    if summary and len(TAG.sub("", str(summary)).strip()) > len(TAG.sub("", full).strip()):
        return summary
    return full


def _permalink(guid: object) -> str | None:
    """An item's id when it is an address (an RSS ``<guid>`` or Atom ``<id>`` that is a URL and
    no ``<link>``): the article's address all the same."""
    return guid if isinstance(guid, str) and re.match(r"^https?://\S+$", guid) else None


def _reason(feed: Any) -> str:
    return str(getattr(feed, "bozo_exception", "")).split("\n")[0] or "unreadable"


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
            raise ReadError(f"malformed XML feed: {_reason(feed)}")
        raise ReadError("feed has no entries")
    feed_title = feed.feed.get("title")
    articles, problems = [], []
    for n, entry in enumerate(entries, 1):
        body = _body(entry)
        if not body or not str(body).strip():
            problems.append(f"entry {n}: no text")
            continue
        date = _entry_date(entry)
        source = (
            entry.get("source", {}).get("title") if isinstance(entry.get("source"), dict) else None
        )
        articles.append(
            RawArticle(
                text=str(body),
                title=entry.get("title"),
                date=date,
                source=source or feed_title,
                url=entry.get("link") or _permalink(entry.get("id")),
                lang=entry.get("language") or feed.feed.get("language"),
                author=entry.get("author"),
                where=f"entry {n}",
            )
        )
    if not articles:
        if feed.bozo:
            raise ReadError(f"malformed XML feed: {_reason(feed)}")
        raise ReadError(problems[0])
    if feed.bozo and isinstance(feed.bozo_exception, SAXParseException):
        n = len(articles)  # one line for the file: its cut-off last item is part of the damage
        problems = [
            f"malformed XML feed: {_reason(feed)}; kept the {n} item{'s' * (n != 1)} it could read"
        ]
    if cut:
        problems.append(items_message(found, limits, "items"))
    return articles, problems
