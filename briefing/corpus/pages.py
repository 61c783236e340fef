"""Saved web pages: trafilatura finds the main text (not the menus) and the page's metadata."""

from __future__ import annotations

import datetime as dt
import re

from briefing.corpus.byline_date import headline_date
from briefing.corpus.limits import Limits, cut_page
from briefing.corpus.page_meta import PageMeta, host_of, page_meta, strip_site_name
from briefing.corpus.page_text import body_lines, link_only_blocks, standfirst
from briefing.corpus.raw import DEFAULT_LIMITS, Parsed, RawArticle
from briefing.corpus.read import ReadError
from briefing.text.dates import parse_date

# a placeholder left in a page saved before its scripts ran: "{{rubedo.current.page.title}}"
PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.S)
SPACES = re.compile(r"\s+")
# a numeric character reference, decimal or hex, its ";" optional as HTML allows: "&#7;", "&#x1B"
CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _drop_unparsable_ref(match: re.Match[str]) -> str:
    """A reference to a C0 control or a noncharacter (``&#7;``, ``&#xFFFE;``) removed: lxml
    cannot hold one, and trafilatura then finds no text in the whole page. Repair would strip
    the control anyway."""
    code = int(match[1], 16) if match[1] else int(match[2])
    if (code < 0x20 and code not in (9, 10, 13)) or code & 0xFFFE == 0xFFFE:
        return ""
    return match[0] if code < 0x110000 and not 0xFDD0 <= code <= 0xFDEF else ""


def _page_date(stamp: str | None, found: str | None, byline: dt.date | None) -> str | None:
    """The date written under the headline (:mod:`~briefing.corpus.byline_date`), else the page's
    date as htmldate finds it (trafilatura runs it); given as the moment the page's metadata
    states, offset and all, when that moment falls on the same day.

    htmldate is the method because it scores at least as well on the field's pages (measured by
    ``benchmarks/loader_field.py``): preferring the metadata stamp outright won El País's page
    (its URL says the day before) and lost National Geographic's (its stamp is three days early).
    """
    if byline is not None:
        return stamp if stamp and parse_date(stamp) == byline else byline.isoformat()
    if stamp and (not found or parse_date(stamp) == parse_date(found)):
        return stamp
    return found


def parse_html(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    """The page's article: main text from trafilatura; headline, outlet and publication moment
    from :mod:`~briefing.corpus.page_meta`, trafilatura's where the page states none."""
    import trafilatura
    from trafilatura.utils import load_html

    text, problem = cut_page(text, limits)
    text = CHAR_REF.sub(_drop_unparsable_ref, text)

    tree = load_html(text)
    meta = page_meta(tree) if tree is not None else PageMeta()
    linked = link_only_blocks(tree) if tree is not None else frozenset()
    lead = standfirst(tree) if tree is not None else None
    doc = trafilatura.bare_extraction(tree if tree is not None else text, with_metadata=True,
                                      include_comments=False, include_tables=False)  # fmt: skip
    body = body_lines(doc, linked) if doc is not None else None
    if not body or not body.strip():
        raise ReadError("no article text found in the page")
    if 3 * sum(len(m) for m in PLACEHOLDER.findall(body)) >= len(body.strip()):
        raise ReadError("the page holds template placeholders ({{…}}), not its article")
    found_title = getattr(doc, "title", None)
    title = meta.title or (strip_site_name(found_title, meta.names, None) if found_title else None)
    lines = body.split("\n")
    if lines and lines[0].strip() in {t.strip() for t in (title, found_title) if t}:
        body = "\n".join(lines[1:])  # trafilatura repeats the <h1> as the first line
    if lead and lead != title and lead not in SPACES.sub(" ", body):
        body = f"{lead}\n{body}"
    return [
        RawArticle(
            text=body,
            title=title,
            date=_page_date(
                meta.published,
                getattr(doc, "date", None),
                headline_date(tree, title or found_title) if tree is not None else None,
            ),
            source=meta.site
            or host_of(getattr(doc, "url", None))
            or getattr(doc, "sitename", None)
            or getattr(doc, "hostname", None),
            url=meta.url or getattr(doc, "url", None),
            lang=getattr(doc, "language", None),
            author=getattr(doc, "author", None),
        )
    ], [problem] if problem else []
