"""Repairing the damage real input carries: markup remnants, half-entities, pinyin glosses.

Everything here is a pure function of text, idempotent (``repair(repair(x)) == repair(x)``, a
property test holds it to that) and conservative: a rule fires only on a pattern that cannot be
article prose, because repair must never drop a real sentence. Structural clean-up that needs to
know where paragraphs stand (captions, boilerplate, attributions) is in :mod:`.clean`.

The seeds showed each rule: escaped tags ``<\\/p>`` from a JSON-escaped HTML body; ``ldquo;``
from entities that lost their ``&``; ``國務(wù)院`` from a page that glossed every character with
its pinyin; line-wrap gaps ``未 来`` from a PDF-like aggregator.
"""

from __future__ import annotations

import html
import re
import unicodedata

_BLOCK_TAGS = (
    "p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|blockquote|pre|section|"
    "article|header|footer|aside|nav|figure|figcaption|main|title|body|html|head"
)
_INLINE_TAGS = "strong|em|b|i|u|s|a|span|font|small|big|sub|sup|mark|abbr|cite|code|q|time|img|wbr"

# a block-level tag, real or JSON-escaped: "</p>", "<\/p>", "<br/>", "<h2 class='x'>"; its
# attributes bounded (a forum's inline style runs to 1,000 characters) so no match runs away
BLOCK_TAG = re.compile(rf"<\\?/?(?:{_BLOCK_TAGS})(?:\s[^<>]{{0,4000}})?\\?/?>", re.IGNORECASE)
# an inline tag, real or escaped: "<\/strong>", "<a href='…'>", "<img src=…/>"
INLINE_TAG = re.compile(rf"<\\?/?(?:{_INLINE_TAGS})(?:\s[^<>]{{0,4000}})?\\?/?>", re.IGNORECASE)
_BLOCK_OPENINGS = {"script": r"<(script)\b", "style": r"<(style)\b", "--": r"<!--"}
# where a script or style block, or an HTML comment, starts: "<script", "<STYLE", "<!--"; one
# pattern for each set of kinds still looked for (a kind never closed is dropped from the search)
BLOCK_START = {
    frozenset(kinds): re.compile("|".join(_BLOCK_OPENINGS[k] for k in kinds), re.IGNORECASE)
    for kinds in (
        ("script", "style", "--"), ("script", "style"), ("script", "--"), ("style", "--"),
        ("script",), ("style",), ("--",),
    )
}  # fmt: skip
# where each ends: "</script>", "</style >" (a comment ends at "-->")
BLOCK_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}

_ENTITY_NAMES = (
    "ldquo|rdquo|lsquo|rsquo|bdquo|sbquo|laquo|raquo|quot|apos|amp|lt|gt|nbsp|ensp|emsp|thinsp|"
    "mdash|ndash|hellip|middot|bull|deg|copy|reg|trade|times|divide|yen|euro|pound|cent|sect|para"
)
# an entity that lost its "&": "ldquo;" (not "&ldquo;", not part of a longer word like "xamp;")
BARE_ENTITY = re.compile(rf"(?<![&#\w])({_ENTITY_NAMES});")
# a numeric entity that lost its "&": "#8220;" / "#x201C;"
BARE_NUMERIC_ENTITY = re.compile(r"(?<![&\w])#(\d{2,7}|x[0-9a-fA-F]{2,6});")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = rf"[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,4}}"
# a pinyin gloss glued after a Han character: "務(wù)" → "務"; needs a tone mark, so "(AI)" stays
PINYIN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\((?:{_PINYIN})\)")
# a gloss whose character was lost to mojibake: "變?yōu)?“" → "變“"
BROKEN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\?(?:{_PINYIN})\)\??")

# zero-width and invisible format characters (ZWSP, word joiner, BOM, soft hyphen)
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# letters of the scripts whose spelling uses ZWNJ/ZWJ: Arabic and Persian (بین‌المللی), Syriac,
# Thaana, N'Ko, the Indic scripts from Devanagari to Sinhala (conjuncts: क्‍ष), Tibetan,
# Myanmar, Khmer, Mongolian, Arabic presentation forms, and emoji (👩‍💻 is one emoji)
_JOINING = (
    "\u0600-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af"
    "\ufb50-\ufdff\ufe70-\ufefe\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"
)
# a run of ZWNJ/ZWJ: one of them is all a word can need
JOINER_RUN = re.compile(r"([\u200c\u200d])[\u200c\u200d]+")
# ZWNJ/ZWJ as noise: not between two characters of those scripts (a Latin or CJK word, a
# word's edge, a space). Between them it spells the word and stays.
# (the joiner is matched first, then the lookbehind checks the pair: a leading lookbehind would
# be tried at every character of every text)
NOISE_JOINER = re.compile(rf"[\u200c\u200d](?:(?<![{_JOINING}][\u200c\u200d])|(?![{_JOINING}]))")
# C0/C1 controls except tab and newline, and bidi embeddings/overrides/isolates
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# a lone surrogate: valid in JSON ("\ud800") and in Python strings, but no character, and
# nothing can encode it (sqlite3, hashlib, a UTF-8 stdout all raise)
SURROGATE = re.compile(r"[\ud800-\udfff]")
# horizontal whitespace that is not already one plain space: a run of two or more, or one tab,
# no-break or other special space (a lone " " is left alone: matching every word gap made
# re.sub build two string pieces per word, seven times the text's size in memory)
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f]")
# three or more newlines (one blank line is a paragraph break; more is noise)
BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _unescape(text: str) -> str:
    """Entities, with or without their ``&``, to characters — to a fixed point, so that
    ``&amp;ldquo;`` and its once-unescaped form give the same result (idempotence)."""
    for _ in range(4):
        # unescape first, so the "ldquo;" in "&amp;ldquo;" is seen with its "&" restored
        once = html.unescape(text)
        new = html.unescape(BARE_NUMERIC_ENTITY.sub(r"&#\1;", BARE_ENTITY.sub(r"&\1;", once)))
        if new == text:
            break
        text = new
    return text


def _block_end(text: str, kind: str, start: int) -> int:
    """Where the block of ``kind`` opened at ``start`` ends (after its closing tag), or -1."""
    if kind == "--":
        end = text.find("-->", start)
        return end + 3 if end >= 0 else -1
    gt = text.find(">", start)  # the opening tag ends at its first ">"
    if gt < 0:
        return -1
    closing = BLOCK_END[kind].search(text, gt + 1)
    return closing.end() if closing else -1


def strip_blocks(text: str) -> str:
    """Script and style blocks (with their code) and HTML comments out, each as a line break.

    A scan, not one regex: ``<script[^>]*>.*?</script>`` scans to the end of the text for
    every opening that is never closed, quadratic on a page with thousands of them. Here an
    opening with no end means no later opening of that kind has one either, so that kind is
    not looked for again and every character is read a bounded number of times.
    """
    if "<" not in text:
        return text
    out: list[str] = []
    done = 0  # text before this is in ``out``
    pos = 0
    kinds = frozenset(("script", "style", "--"))
    while kinds and (m := BLOCK_START[kinds].search(text, pos)):
        kind = (m.group(m.lastindex) if m.lastindex else "--").lower()
        end = _block_end(text, kind, m.end())
        if end < 0:
            kinds -= {kind}
            if kind != "--" and text.find(">", m.end()) < 0:
                kinds -= {"script", "style"}  # no ">" at all: no script or style tag can end
            pos = m.end()
            continue
        out.append(text[done : m.start()])
        out.append("\n")
        done = pos = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def strip_tags(text: str) -> str:
    """Known HTML tags out, real or escaped; block tags become line breaks.

    Only tag names HTML defines are touched, so prose such as ``x<y`` or ``<3`` survives (an HTML
    parser would swallow the rest of the paragraph there; STACK.md measured it).
    """
    text = strip_blocks(text)
    text = BLOCK_TAG.sub("\n", text)
    return INLINE_TAG.sub("", text)


def remove_pinyin(text: str) -> str:
    return PINYIN_GLOSS.sub("", BROKEN_GLOSS.sub("", text))


def scrub_surrogates(text: str) -> str:
    """Lone surrogates as U+FFFD, the replacement character a decoder would have given."""
    return SURROGATE.sub("\ufffd", text)


def remove_controls(text: str) -> str:
    text = scrub_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = JOINER_RUN.sub(r"\1", INVISIBLE.sub("", text))
    return CONTROL.sub("", NOISE_JOINER.sub("", text))


def normalize_space(text: str) -> str:
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def _once(text: str) -> str:
    text = unicodedata.normalize("NFC", remove_controls(text))
    text = strip_tags(_unescape(text))
    # unescaping can reveal controls ("&#7;") and tags ("&lt;p&gt;"): both passes again
    text = strip_tags(remove_controls(text))
    return normalize_space(remove_pinyin(text))


def repair(text: str) -> str:
    """The text with markup remnants, half-entities, pinyin glosses and controls repaired.

    Runs to a fixed point (at most a few rounds; real input settles in one), which is what makes
    repair idempotent even for layered damage such as an escaped tag inside an entity.
    """
    for _ in range(4):
        new = _once(text)
        if new == text:
            return new
        text = new
    return text
