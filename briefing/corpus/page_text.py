"""A saved page's article as lines of text: one per paragraph, heading or list item.

trafilatura finds the article's blocks; two things it leaves are fixed here. A source that wraps
a paragraph over several lines (zeit.de writes ``<p>Seit\\ndie schwedische Klimaaktivistin…``)
kept each line break, and every line became a paragraph of its own, cutting sentences in two:
in HTML that break is a space, so it is folded into one (never inside code). And a block that
is nothing but one link (Fox News's ``PUTIN OVERSEES RUSSIAN MILITARY DRILL…`` between two
paragraphs, ``Apoie a Fórum``, ``Køb digitalt abonnement``, ``Lire la suite``) points to another
page: it is a teaser, a button or a pitch, never a sentence of this article, in any language.

The standfirst under the headline (Le Point's ``chapo``, the Telegraph's ``e-standfirst``, El
País's ``articulo-subtitulos``, zeit.de's ``summary``) is the article's own opening, and
trafilatura drops it on 13 of the field's 62 pages: when the page's description is written out
whole as one element of its body (not a link, not in a menu or footer), it is put back first.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

# a run of whitespace holding a line break, as a hard-wrapped source writes it
WRAPPED = re.compile(r"[ \t\r\f]*\n\s*")
SPACES = re.compile(r"\s+")
# what may stand beside a link in a block that is only that link: spaces, bullets, bars
LINK_ONLY_REST = re.compile(r"^[\s\-–—|·•:>»›]*$")
BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li")
LINK_ONLY_MAX = 200
"""A block longer than this that is one link is left alone (a linked paragraph of prose)."""


DESCRIPTIONS = ("og:description", "description", "twitter:description")
NOT_ARTICLE = {"a", "nav", "footer", "aside", "script", "style", "noscript", "template", "head"}
STANDFIRST_MIN = 40
"""A description shorter than this is a tagline, not a standfirst."""


def _norm(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def link_only_blocks(tree: Any) -> frozenset[str]:
    """The texts of the page's paragraphs, subheadings, list items and loose links (a button's
    ``<a>`` in a ``<div>``) that are wholly links, less any text the page also writes as a block
    of its own (an article's subheading that a table of contents links to stays).

    Read from the page as saved, before trafilatura (which changes the tree it is given)."""
    linked: set[str] = set()
    unlinked: set[str] = set()
    for node in tree.iter(*BLOCKS):
        text = _norm(node.text_content())
        if not text or len(text) > LINK_ONLY_MAX:
            continue
        rest = text
        for link in node.iter("a"):
            rest = rest.replace(_norm(link.text_content()), "", 1)
        (linked if LINK_ONLY_REST.match(rest) else unlinked).add(text)
    for link in tree.iter("a"):
        if any(isinstance(up.tag, str) and up.tag in BLOCKS for up in link.iterancestors()):
            continue
        text = _norm(link.text_content())
        if text and len(text) <= LINK_ONLY_MAX:
            linked.add(text)
    return frozenset(linked - unlinked)


def standfirst(tree: Any) -> str | None:
    """The page's description when its body shows it whole as one element: the standfirst."""
    want = None
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in DESCRIPTIONS and len(_norm(meta.get("content") or "")) >= STANDFIRST_MIN:
            want = _norm(meta.get("content") or "")
            break
    body = tree.find(".//body")
    if want is None or body is None:
        return None
    start = want[:STANDFIRST_MIN]
    for node in body.iter():
        if not isinstance(node.tag, str) or not node.text or node.tag in NOT_ARTICLE:
            continue
        opening = _norm(node.text)
        if not (opening.startswith(start) or (len(opening) >= 20 and want.startswith(opening))):
            continue
        if _norm(node.text_content()) != want:
            continue
        if any(isinstance(up.tag, str) and up.tag in NOT_ARTICLE for up in node.iterancestors()):
            continue
        return want
    return None


def body_lines(doc: Any, linked: frozenset[str] = frozenset()) -> str | None:
    """The extracted article as text, one line per block, without the blocks that are links."""
    from trafilatura.xml import xmltotxt

    body = getattr(doc, "body", None)
    if body is None:
        return getattr(doc, "text", None)
    body = deepcopy(body)
    for node in body.iter():
        if node.tag == "code" or any(a.tag == "code" for a in node.iterancestors()):
            continue
        if node.text and "\n" in node.text:
            node.text = WRAPPED.sub(" ", node.text)
        if node.tail and "\n" in node.tail:
            node.tail = WRAPPED.sub(" ", node.tail)
    text = xmltotxt(body, include_formatting=False)
    if not linked:
        return text
    keep = [line for line in text.split("\n") if _norm(line).lstrip("-–• ") not in linked]
    return "\n".join(keep)
