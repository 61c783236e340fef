"""What a saved page says about its article: the headline, the outlet and the publication moment.

trafilatura's own title is the page's ``<title>`` more often than the headline, with the site's
name left on (``… | The Japan Times``, ``… | DW | 23.05.2011``), and its site name is whatever
the page offers first, a Twitter handle (``sputnik_ar``) or a tagline included. Here the
headline is the page's ``og:title`` (or its JSON-LD ``headline``), else its one ``<h1>`` (or
the one that opens its ``<title>``), else the ``<title>``; and an edge part of it is cut only
when that part *is* the site's name: ``og:site_name``, ``application-name``, the domain, or
the initials of a name that spell the domain (``Les oreilles loin du front`` on loldf.org).
The outlet is ``og:site_name`` (the part before a tagline), else the domain.

Dates: the publication moment the page's metadata states (JSON-LD ``datePublished``,
``article:published_time``, ``<time itemprop="datePublished">`` …) with its offset, so the date
is the publisher's own; pages that state none are left to htmldate (via trafilatura).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from briefing.text.dates import parse_datetime

# a separator between a headline and the site's name: " | ", "｜", " - ", " – ", " — ", " · ",
# " :: ", " ‹ ", " » ", " : " ("… satellite imagery shows : NPR")
TITLE_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+(?:[-–—·•‹›«»]|::|:)\s+")
# a date as sites append it to titles: "19.01.2020", "2025-03-19", "2025/03/19"
DATE_PART = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
# meta names that hold the publication moment, in order of trust
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "dc.date.issued", "dcterms.issued", "pubdate", "publishdate",
    "publish-date", "sailthru.date", "parsely-pub-date", "date",
)  # fmt: skip
# a stamp with a time and an offset: "2020-02-19T18:37:32+01:00", "2025-03-19 00:00:00+09:00"
STAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)

MIN_HEADLINE = 8
"""Characters a headline keeps at least: a cut that would leave less was not a site's name."""


@dataclass(slots=True)
class PageMeta:
    """The page's own statements about its article, each None when the page makes none."""

    title: str | None = None
    site: str | None = None
    published: str | None = None
    names: set[str] = field(default_factory=set)
    """Normalised forms of the site's name, for cutting it off titles."""
    url: str | None = None
    """The article's address (``og:url``, else an absolute canonical link)."""


def _fold(text: str) -> str:
    """Letters and digits only, case and accents folded: "Süddeutsche.de" → "suddeutschede"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def host_of(url: str | None) -> str | None:
    """The site's host without ``www.``: "https://www.dw.com/en/…" → "dw.com"."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _site_parts(name: str) -> list[str]:
    """A site name and its tagline apart: "Au Webポータル|最新のニュースをお届け！" → both."""
    return [p for p in (_clean(x) for x in TITLE_SEPARATOR.split(name)) if p]


def _is_site(part: str, names: set[str], labels: list[str]) -> bool:
    folded = _fold(part)
    if not folded:
        return False
    if folded in names:
        return True
    words = [_fold(w) for w in re.split(r"[\s.\-]+", part) if _fold(w)]
    if words and all(w in labels for w in words):  # "KBS WORLD" on world.kbs.co.kr
        return True
    initials = "".join(w[0] for w in words)
    return len(words) >= 3 and any(initials == label for label in labels if len(label) >= 3)


def strip_site_name(title: str, names: set[str], host: str | None) -> str:
    """``title`` without a leading or trailing part that is the site's name (and a date part
    next to it: ``… | DW | 19.01.2020``); unchanged when no edge part is the site's name, so a
    headline's own ``Until Now`` or ``Aquitaine`` stays."""
    labels = [_fold(x) for x in (host or "").split(".")[:-1] if _fold(x)]
    pieces = TITLE_SEPARATOR.split(title)
    seps = TITLE_SEPARATOR.findall(title)
    if len(pieces) < 2:
        return title
    start, end = 0, len(pieces)
    while end - start > 1:  # trailing parts: "| Sports | Malay Mail" leaves "Sports" unless cut
        tail = pieces[end - 1].strip()
        dated = (
            DATE_PART.match(tail) and end - start > 2 and _is_site(pieces[end - 2], names, labels)
        )
        if dated:
            end -= 2
        elif _is_site(tail, names, labels):
            end -= 1
        else:
            break
    while end - start > 1 and _is_site(pieces[start], names, labels):
        start += 1
    if (start, end) == (0, len(pieces)):
        return title
    kept = pieces[start]
    for i in range(start + 1, end):
        kept += seps[i - 1] + pieces[i]
    kept = kept.strip()
    return kept if len(kept) >= MIN_HEADLINE else title


def site_names(*names: str | None, parts: bool = True) -> set[str]:
    """The folded forms a site's name takes in titles: each name, each part of a name with a
    tagline (unless ``parts`` is false: a feed's title ``RSS Tests - RSS 1.0`` is a name and a
    section, not a name and a tagline), and a host's own label (``dw`` of ``dw.com``)."""
    found: set[str] = set()
    for name in names:
        if name:
            if parts:
                found.update(_fold(p) for p in _site_parts(name))
            found.add(_fold(name))
            if host_of(f"https://{name}") == name and name.count("."):
                found.add(_fold(name.split(".")[-2]))
    found.discard("")
    return found


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        for node in tree.iterfind(".//meta"):
            key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
            if key == name and _clean(node.get("content")):
                # escaped twice by some sites: "Australian &#039;megablaze&#039; …"
                return _clean(html.unescape(node.get("content")))
    return None


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """The JSON-LD objects of the page (a script that is not JSON is skipped)."""
    found: list[dict[str, Any]] = []
    for node in tree.iterfind(".//script"):
        if (node.get("type") or "").lower() != "application/ld+json" or not node.text:
            continue
        try:
            data = json.loads(node.text[:200_000])
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def _stamp(value: str) -> bool:
    """A moment as metadata writes it: ISO 8601, or RFC 2822 (``Tue, 4 May 2021 19:18:00
    +0200``, which some sites put in JSON-LD)."""
    return bool(STAMP.match(value)) or parse_datetime(value) is not None


def _published(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    for obj in ld:
        value = obj.get("datePublished")
        if isinstance(value, str) and _stamp(value.strip()):
            return value.strip()
    for name in PUBLISHED_META:
        value = _meta(tree, name)
        if value and _stamp(value):
            return value
    for node in tree.iterfind(".//time"):
        value = _clean(node.get("datetime"))
        if (
            value
            and STAMP.match(value)
            and (node.get("pubdate") is not None or (node.get("itemprop") or "") == "datePublished")
        ):
            return value
    return None


def _feed_host(tree: Any) -> str | None:
    """The site's host from the feed the page links to (``<link rel="alternate"
    type="application/rss+xml" href="http://www.loldf.org/…">``), for a page that names neither
    its address nor its site: the feed is served by the site itself."""
    for node in tree.iterfind(".//link"):
        kind = (node.get("type") or "").lower()
        feed = kind.endswith(("rss+xml", "atom+xml"))
        if feed and (node.get("rel") or "").lower() == "alternate":
            return host_of(node.get("href"))
    return None


def _other_headline(h1: str, meta_title: str) -> bool:
    """True when the page's one ``<h1>`` is a different headline from its ``og:title``, not the
    same one with a kicker or the site's name on (``Deutschlandtakt: Flixbus attackiert …``):
    the social title is then a variant written for sharing, and the ``<h1>`` is what the page
    shows. Only a headline of four words or more is one."""
    a, b = _fold(h1), _fold(meta_title)
    return len(h1.split()) >= 4 and a not in b and b not in a


def page_meta(tree: Any, url: str | None = None) -> PageMeta:
    """Headline, outlet and publication moment of a parsed page (an lxml tree)."""
    ld = _json_ld(tree)
    og_site = _meta(tree, "og:site_name")
    app = _meta(tree, "application-name")
    url = url or _meta(tree, "og:url")
    if not url:
        for node in tree.iterfind(".//link"):
            if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
                url = node.get("href")
                break
    if url and not re.match(r"^https?://", url.strip(), re.I):
        url = None  # "/newsticker/meldung/…": a path, not an address
    host = host_of(url) or _feed_host(tree)
    names = site_names(og_site, app, host)
    site = _site_parts(og_site)[0] if og_site and _site_parts(og_site) else host

    headline = next(
        (h for obj in ld if isinstance(h := obj.get("headline"), str) and _clean(h)), None
    )
    title = _meta(tree, "og:title", "twitter:title") or _clean(headline) or None
    h1s = [_clean(h.text_content()) for h in tree.iterfind(".//h1")]
    labels = [_fold(x) for x in (host or "").split(".")[:-1] if _fold(x)]
    heads = [h for h in h1s if len(h) >= MIN_HEADLINE and not _is_site(h, names, labels)]
    if title is None:
        page_title = _clean(tree.findtext(".//title"))
        opening = [h for h in heads if page_title.startswith(h)]
        # the one headline on the page, or the one the <title> opens with
        title = (opening or heads)[0] if len(heads) == 1 or opening else page_title or None
    elif len(heads) == 1 and _other_headline(heads[0], title):
        title = heads[0]  # the headline the reader sees, where og:title is a social variant
    if title:
        title = strip_site_name(title, names, host)
    published = _published(tree, ld)
    return PageMeta(title=title, site=site, published=published, names=names, url=url)
