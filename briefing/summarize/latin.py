"""Sentence boundaries in Latin-script text, by rule, in linear time.

pysbd (used before) took 15 ms for an ordinary English article, most of a brief's cost, and
returned 80–210-word "sentences" where a quote closed after its full stop (``anybody. ' Paul``,
the detokenised CNN/DailyMail style) or a French intertitle was glued to the next sentence
(``Viva l'ItaliaQue…``, ``…annulépar euronews (en français)L'association…``). A boundary
here is a terminator (``. ! ? …``), its closing quotes and brackets, then a space and something
that opens a sentence; or, without a space, a lowercase letter or ``)`` directly followed by a
French sentence opener, which is how a scrape glues a heading or an embed credit on. A full stop
after a known abbreviation (``Mr.``, ``M.``, ``U.S.``), an initial (``J. K. Rowling``) or a
number's period does not end a sentence.

Every piece is a slice of the input, so a sentence is always quotable verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# a terminator run, closing quotes/brackets, spaces, then an opener: capital, digit, quote, «
BOUNDARY = re.compile(
    r"""(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?:\s+['’”»](?=\s))?\s+(?=[\"'“‘«(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])"""
)
# the same in text without a capital letter (lower-cased copies of news, as in CNN/DailyMail
# train): any letter may open a sentence there
BOUNDARY_LOWER = re.compile(
    r"""(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?:\s+['’”»](?=\s))?\s+(?=[\"'“‘«(\[]?\s?[^\W_])"""
)
UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
# what opens a sentence in cased text: a capital, a digit or an opening quote or bracket
OPENS = re.compile(r"[\"'“‘«(\[]?\s?[A-ZÀ-ÖØ-Þ0-9]")
# the word a full stop follows
WORD_BEFORE = re.compile(r"([\w.'’-]*)[.]$")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "v",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rev",
        "hon",
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "me",
        "dr",
        "pr",
        "st",
        "ste",
        "av",
        "bd",
        "cf",
        "etc",
        "éd",
        "ed",
        "vol",
        "p",
        "pp",
        "art",
        "fig",
        "ch",
        "n°",
        "ex",
        "approx",
        "dept",
        "est",
        "univ",
    ]
)
# a glued boundary: "ItaliaQue", "(en français)Ce texte", "annulépar euronews"
GLUED = re.compile(
    r"(?<=[a-zà-ÿ)])(?=(?:Que|Qui|Le|La|Les|L'|L’|Il|Ils|Elle|Elles|Ce|Cet|Cette|Ces|Un|Une|"
    r"Des|Dans|Pour|En|Après|Selon|Mais|Si|Depuis|Lors|Alors|Néanmoins|Pourtant|Ainsi|De|Du|"
    r"Au|Aux|À|Sur|Avec|Par|On|Nous|Vous|C'|C’|D'|D’|Cependant|Enfin|Même|Une|Son|Sa|Ses)\b)"
)
# an embed credit, cut off both sides: "…en Norvègepar euronews (en français)Sont également…"
GLUED_CREDIT = re.compile(r"(?<=\w)par [a-z]\w+ \((?:en|in) [^)]{2,20}\)")
# a list dash glued after a full stop: "…pour la France".-Sans faire…" (OrangeSum)
GLUED_DASH = re.compile(r"(?<=[.!?][\"'”»])-(?=[A-ZÀ-ÖØ-Þ])|(?<=[.!?])-(?=[A-ZÀ-ÖØ-Þ])")
# an intertitle between dashes: "…au dessus de Paris.- Cérémonie sans public -Au lendemain…"
INTERTITLE = re.compile(r"(?<=[.!?\"'”»])\s?- [^.!?\n-]{2,80} -(?=\s?[A-ZÀ-ÖØ-Þ])")


# inside an over-long English "sentence": a caption run glued to the text without a full stop
# ("…in Turin on Tuesday night The former Arsenal man was proven wrong…", CNN/DailyMail): a
# lowercase word then a capitalised determiner or pronoun starts the next piece
CAPTION_RUN = re.compile(
    r"(?<=[a-z0-9%)'’]) (?=(?:The|He|She|It|They|His|Her|Their|This|These|But|A|An|In|On|"
    r"At|After|Police|Officials)\s)"
)
LONG_WORDS = 40
"""Words past which an English piece is searched for :data:`CAPTION_RUN` boundaries."""


def _abbreviation(text: str, end: int) -> bool:
    """True if the full stop ending at ``end`` belongs to an abbreviation or an initial."""
    chunk = text[max(0, end - 24) : end]
    m = WORD_BEFORE.search(chunk.rstrip("\"'”’»)]"))
    if not m:
        return False
    word = m.group(1).strip("'’\"(")
    if not word:
        return False
    if "." in word:  # U.S. / J.-C. / a.m.
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. K. Rowling", "M. Macron"
        return True
    return word.casefold() in ABBREVIATIONS


def boundaries(text: str, lang: str) -> list[int]:
    """Offsets where a new sentence starts (not 0), in order."""
    cuts: set[int] = set()
    pattern = BOUNDARY if UPPER.search(text) else BOUNDARY_LOWER
    for m in pattern.finditer(text):
        if text[m.start() - 1] == "." and _abbreviation(text, m.start()):
            continue
        end = m.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if end < len(text) and text[end] == '"' and text.count('"', 0, end) % 2:
            # a straight quote after the space closes the one still open ("…$3,000. " he
            # added", the detokenised CNN/DailyMail style): it ends this sentence, not opens
            # the next, which left both halves of the quote unbalanced
            end += 1
            while end < len(text) and text[end].isspace():
                end += 1
            if pattern is BOUNDARY and end < len(text) and not OPENS.match(text, end):
                continue  # "…we will win. " he said.": the attribution goes on
        if 0 < end < len(text):
            cuts.add(end)
    if lang.startswith("fr"):
        for m in GLUED.finditer(text):
            cuts.add(m.start())
        for m in GLUED_CREDIT.finditer(text):
            cuts.add(m.start())
            if m.end() < len(text):
                cuts.add(m.end())
        for m in GLUED_DASH.finditer(text):
            cuts.add(m.start())
        for m in INTERTITLE.finditer(text):
            cuts.add(m.start())
            if m.end() < len(text):
                cuts.add(m.end())
    return sorted(cuts)


def _pieces(text: str, lang: str) -> Iterator[str]:
    start = 0
    for cut in boundaries(text, lang):
        if piece := _strip(text[start:cut]):
            yield piece
        start = cut
    if piece := _strip(text[start:]):
        yield piece


def _strip(piece: str) -> str:
    """Spaces off, and a list dash glued to the sentence's first capital ("-Sans faire…")."""
    piece = piece.strip()
    if piece.startswith("-") and piece[1:2].isupper():
        piece = piece[1:].lstrip()
    return piece


def split_latin(text: str, lang: str) -> Iterator[str]:
    """The sentences of one paragraph, each a stripped slice of ``text``.

    An English piece of more than :data:`LONG_WORDS` words is cut again at caption-run
    boundaries: pysbd returned 80–210-word "sentences" for half the CNN/DailyMail articles,
    which no brief can quote; cut, the captions (no full stop) stay unquotable and the
    article's own sentence at the end of the run becomes quotable.
    """
    english = lang.startswith("en")
    for piece in _pieces(text, lang):
        if english and piece.count(" ") >= LONG_WORDS:
            start = 0
            for m in CAPTION_RUN.finditer(piece):
                yield piece[start : m.start()]
                start = m.end()
            yield piece[start:]
        else:
            yield piece
