"""One article's raw text and metadata → a :class:`~briefing.model.Document`.

Repair, paragraphs, limits on characters and paragraphs, title, language, date, cleaning and
the content hash that keys the cache, the notes and the copies: every format's articles go
through here, so a feed item and a text file of the same article give the same document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefing.corpus.chrome import is_date_line, is_picture_marker
from briefing.corpus.clean import clean_paragraphs
from briefing.corpus.content_key import content_hash
from briefing.corpus.credits import clean_author, clean_source
from briefing.corpus.detect import (
    SAMPLE_CHARS,
    derive_title,
    detect_date,
    detect_language,
    looks_like_title,
)
from briefing.corpus.formats import RawArticle, record_to_article
from briefing.corpus.limits import Limits, chars_message, cut_text, paragraphs_message
from briefing.corpus.page_meta import host_of, site_names, strip_site_name
from briefing.corpus.repair import repair, scrub_surrogates
from briefing.model import Document
from briefing.text.dates import name_date, parse_date, parse_datetime
from briefing.text.width import display_width

# a language tag from metadata: "en", "en-US", "zh_TW", "fr-FR"
LANG_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2,4}))?$", re.I)
# how a line that ends a sentence or clause ends (such lines are not hard-wrapped prose)
LINE_END = re.compile(r"[.!?:;。！？」)]$")

DEFAULT_LIMITS = Limits()

TITLE_MAX = 1_000
"""Characters of a title a file gives: past this it is a body in the wrong field, and it would
be repaired and shown in every list row in full."""


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of repaired text: one a line, except hard-wrapped prose whose lines join.

    News text files put a paragraph on a line; a text wrapped at ~72 columns (mail, Gutenberg)
    shows blocks of several mid-length lines, each not ending a sentence.
    """
    blocks = [b for b in text.split("\n\n") if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        wrapped = (
            len(lines) >= 3
            and all(40 <= display_width(ln) <= 100 for ln in lines[:-1])
            and sum(not LINE_END.search(ln) for ln in lines[:-1]) >= 0.6 * (len(lines) - 1)
            and " " in lines[0]
        )
        if wrapped:
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _head(paragraphs: Sequence[str], chars: int) -> str:
    """The first ``chars`` characters of the paragraphs joined by line breaks, without joining
    the rest (an article may have a million characters; detection reads a few thousand)."""
    head: list[str] = []
    size = 0
    for para in paragraphs:
        head.append(para)
        size += len(para) + 1
        if size >= chars:
            break
    return "\n".join(head)[:chars]


def _joined(lines: Iterable[str], max_chars: int) -> tuple[str, int]:
    """The lines joined by line breaks, as far as the first one past ``max_chars`` (the rest
    would be cut anyway, and joining 25 MB of lines only to cut them costs a copy), and the
    length of the whole join."""
    head: list[str] = []
    size = -1
    for line in lines:
        size += len(line) + 1
        if size - len(line) <= max_chars:
            head.append(line)
    return "\n".join(head), max(size, 0)


def _normalize_lang(value: str | None) -> str | None:
    if not value:
        return None
    m = LANG_TAG.match(value.strip())
    if not m:
        return None
    lang, region = m[1].lower(), (m[2] or "").lower()
    if lang == "zh":
        return "zh-tw" if region in ("tw", "hk", "mo", "hant") else "zh-cn"
    return lang


def build_document(
    raw: RawArticle,
    *,
    doc_id: str,
    path: str,
    lines: Iterable[str] | None = None,
    title: str | None = None,
    source: str | None = None,
    date: object = None,
    limits: Limits = DEFAULT_LIMITS,
    notes: list[str] | None = None,
) -> Document | None:
    """One Document from an article's raw text and whatever metadata its file gave.

    The text is cut to ``limits.max_chars`` before anything reads it (repair, paragraphs,
    language and dates are linear, but a 20 MB line still costs each of them seconds) and to
    ``limits.max_paragraphs``; each cut adds its message to ``notes``.
    """
    text, size = _joined(lines, limits.max_chars) if lines is not None else (raw.text, 0)
    size = size or len(text)
    if size > limits.max_chars:
        if notes is not None:
            notes.append(chars_message(size, limits))
        text = cut_text(text, limits.max_chars)
    paragraphs = _paragraphs(repair(text))
    del text
    if len(paragraphs) > limits.max_paragraphs:
        if notes is not None:
            notes.append(paragraphs_message(len(paragraphs), limits))
        del paragraphs[limits.max_paragraphs :]
    title = repair(cut_text(title or raw.title or "", TITLE_MAX)).replace("\n", " ").strip() or None
    if title is not None and is_picture_marker(title):
        title = None  # "（资料图）" in the headline field: where the picture stood, not a title
    # a text file may open on its date stamp ("2025年2月27日（木） 11:05") or a picture's marker
    # ("（资料图）") above the headline: they stay for the date and the cleaner, the headline is
    # the title
    lead = 0
    while len(paragraphs) > lead + 1 and (
        is_picture_marker(paragraphs[lead]) or (lead == 0 and is_date_line(paragraphs[0]))
    ):
        lead += 1
    if title is None and len(paragraphs) > lead + 1 and looks_like_title(paragraphs[lead]):
        title, paragraphs = paragraphs[lead], paragraphs[:lead] + paragraphs[lead + 1 :]
    if not paragraphs:
        return None
    lang = detect_language(_head(paragraphs, SAMPLE_CHARS))
    if lang == "und":
        lang = detect_language(title or "") if title else "und"
        lang = _normalize_lang(raw.lang) or lang
    stated = date if parse_date(date) else raw.date
    when = parse_date(stated) or detect_date(paragraphs, name_date(path), lang)
    published = parse_datetime(stated)
    cleaned = clean_paragraphs(paragraphs, lang)
    paragraphs = cleaned.paragraphs or paragraphs
    derived = title is None
    title = title or derive_title(paragraphs)
    src = clean_source(source or (repair(raw.source) if raw.source else None) or cleaned.source)
    if not derived and (src or raw.url):
        # "… | The Japan Times" in a JSON export or a feed that names The Japan Times as source
        host = host_of(raw.url)
        title = strip_site_name(title, site_names(src, host, parts=False), host)
    return Document(
        id=doc_id,
        path=path,
        title=title,
        title_derived=derived,
        date=when,
        source=src or None,
        lang=lang,
        paragraphs=tuple(paragraphs),
        url=scrub_surrogates(raw.url) if raw.url else raw.url,
        author=clean_author(repair(raw.author) if raw.author else None) or cleaned.author,
        content_hash=content_hash(title, paragraphs),
        published=published if published and published.date() == when else None,
    )


def document_from_record(record: dict[str, object], path: str = "", index: int = 0) -> Document:
    """A Document from one article object ({"title", "text", "date", "source", …}).

    ``briefing eval`` uses it so evaluation articles go through the same repair, cleaning and
    language detection as a user's files. Raises ValueError when the record has no text.
    """
    raw = record_to_article(record, f"item {index}")
    if isinstance(raw, str):
        raise ValueError(raw)
    doc = build_document(
        raw, doc_id=f"{Path(path).name}#{index}" if path else str(index), path=path
    )
    if doc is None:
        raise ValueError(f"item {index}: no text after repair")
    return doc
