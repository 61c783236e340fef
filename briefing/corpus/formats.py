"""Which reader reads which file, and the plain-text and Markdown readers.

One reader per file format, each giving raw articles for the loader to repair and describe.

A library does each format's hard part: trafilatura finds a saved page's main text (not its menus),
feedparser reads RSS/Atom in all their dialects, the stdlib reads JSON. Each reader returns the
articles it could read plus one-line problems for the parts it could not (a bad JSONL line), so one
bad record never costs the rest of its file.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.corpus.feeds import parse_feed
from briefing.corpus.json_articles import parse_failure, parse_json, parse_jsonl, record_to_article
from briefing.corpus.limits import Limits
from briefing.corpus.pages import parse_html
from briefing.corpus.raw import DEFAULT_LIMITS, Parsed, Parser, RawArticle

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


__all__ = [
    "PARSERS",
    "Parsed",
    "Parser",
    "RawArticle",
    "parse_failure",
    "parse_feed",
    "parse_html",
    "parse_json",
    "parse_jsonl",
    "parse_markdown",
    "parse_text",
    "parser_for",
    "record_to_article",
]
