"""The date a reader sees next to a saved page's headline: the byline's ``Written: 2023-11-07``,
``13 Jan 2020, 22:11 GMT+10``, ``Monday, 6 January 2020``, ``15. Mai 2019``, ``2025年7月26日``.

Metadata and htmldate miss it in three ways the field's pages show: a page whose metadata states
no publication moment falls back to a sidebar's or a teaser's date (an aggregator's ``Tue, 14 Jan
2020`` above a ``13 Jan 2020`` byline); a URL's date wins over the stated one (El País's
``/2020/02/18/`` for an article dated the 19th); and an article updated under its headline keeps
its first stamp (National Geographic's). The byline is the publisher's own date, in its own time
zone, so it is read first; only the short stretch of text right after the headline is read, so
a date in the article's body or in a list of other articles is never taken for it.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

from briefing.text.dates import find_dates

WINDOW = 500
"""Characters of visible text after the headline that a byline stands in (a standfirst, a share
bar and the author's name can come first)."""
BODY = 150
"""A paragraph this long is the article's body: the byline is above it, so reading stops."""
SKIP = {"script", "style", "noscript", "template", "svg"}
SPACES = re.compile(r"\s+")
# a last-change label and the date after it: "Updated: 2023-11-07 15:30", "Mis à jour le 5 mai
# 2021", "Aktualisiert am 15.05.2019", "更新：2025年7月27日" (the byline's other date)
UPDATED = re.compile(
    r"(?:last\s+)?(?:updated|modified|mis\s+à\s+jour|actualisé|aktualisiert|aktualizacja|"
    r"actualizado|atualizado|aggiornato|更新(?:日時|日)?)\s*(?:on|le|am|el|em|il)?\s*[:：]?"
    r"[^|·•/]{0,40}",
    re.I,
)


def _fold(text: str) -> str:
    return SPACES.sub(" ", text).strip().casefold()


def _headline(tree: Any, title: str | None) -> Any:
    """The element holding the headline: an ``<h1>`` (else ``<h2>``) whose text is the title
    or opens it, else the page's one ``<h1>``."""
    h1s = list(tree.iterfind(".//h1"))
    if title:
        want = _fold(title)
        for tag in ("h1", "h2"):
            for node in tree.iterfind(f".//{tag}"):
                text = _fold(node.text_content())
                if text and len(text) >= 8 and (text == want or want.startswith(text)):
                    return node
    return h1s[0] if len(h1s) == 1 else None


def _following_text(node: Any) -> str:
    """Up to :data:`WINDOW` characters of the visible text that follows ``node``, up to the first
    paragraph of the body."""
    parts: list[str] = []
    size = 0
    for text in node.xpath("following::text()"):
        parent = text.getparent()
        if parent is None or parent.tag in SKIP or not isinstance(parent.tag, str):
            continue
        if parent.tag == "p" and len(parent.text_content().strip()) >= BODY:
            break
        piece = SPACES.sub(" ", str(text)).strip()
        if piece:
            parts.append(piece)
            size += len(piece) + 1
            if size >= WINDOW:
                break
    return " ".join(parts)[:WINDOW]


def _parse(window: str) -> dt.date | None:
    window = UPDATED.sub(" ", window)
    found = find_dates(window)
    if found:
        return min(found)[2]
    from htmldate.extractors import regex_parse  # German, Spanish, … month names

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        moment = regex_parse(window)
    return moment.date() if moment else None


def headline_date(tree: Any, title: str | None) -> dt.date | None:
    """The date written right after the page's headline, or None when none is written there."""
    node = _headline(tree, title)
    if node is None:
        return None
    date = _parse(_following_text(node))
    return date if date is not None and date.year >= 1995 else None
