"""One query language for the reader's filter line and ``briefing list/daily/export --query``.

``theme:ai-safety lang:ja since:2025-07-20 until:2025-07-31 unread "Li Qiang" words``: every
term must hold (AND). Words and quoted phrases are matched in the title, source, text and note
after :func:`fold_for_search` (case, width, accents, traditional → simplified), so ``李强`` finds
``李強``, ``elysee`` finds ``Élysée`` and ``10人`` finds ``１０人``. In spaced languages a word
matches only on word boundaries ("Li" is not in "reliability"); Chinese and Japanese have no
spaces, so a term's CJK edge matches inside a run of text.

A bad term (unknown key, bad date, unknown theme) is a :class:`QueryError` with one line for
the user: the CLI exits 2 with it, the reader shows it in its status line.

The folded text of every document is made once per :class:`QueryIndex` (a session's or a
command's), never per keystroke.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Sequence
from dataclasses import dataclass

from briefing.model import Document
from briefing.text.scripts import CJK, HANGUL, to_simplified

KEYS = ("theme", "lang", "since", "until")
"""The ``key:value`` terms; ``unread`` is a bare keyword."""
FLAGS = ("unread",)

# a term: "a quoted phrase" (closing quote optional while typing) or a run without spaces
TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
# key:value, the key made of ASCII letters: "theme:ai", not "10:30" nor "李強:"
KEY_VALUE = re.compile(r"([A-Za-z]+):(.*)", re.S)
# combining accents of Latin, Greek and Cyrillic (kana voicing marks are not among them)
ACCENTS = re.compile("[\u0300-\u036f]")
# a character that continues a word of a spaced language: a letter or digit, not CJK
WORD_CHAR = re.compile(f"[^\\W{CJK}{HANGUL}]")
# a whole word of a spaced language: "reliability", "10", not "李強" nor "li qiang"
WORD_RUN = re.compile(f"[^\\W{CJK}{HANGUL}]+")
HITS_KEPT = 16
"""Words whose documents are kept as sets between keystrokes (each up to a folder's size)."""


class QueryError(ValueError):
    """A query that cannot be run; ``str()`` is the one line to show."""


TYPOGRAPHY = (
    ("‘", "'"), ("’", "'"), ("‛", "'"), ("ʼ", "'"), ("′", "'"), ("“", '"'), ("”", '"'),
    ("„", '"'), ("‟", '"'), ("″", '"'), ("‐", "-"), ("‑", "-"), ("‒", "-"), ("–", "-"),
    ("—", "-"), ("―", "-"), ("−", "-"), ("œ", "oe"),
)  # fmt: skip
"""Typographic quotes, dashes and the œ ligature as typed on a keyboard: ``l'Italie`` finds
``l’Italie``, ``coeur`` finds ``cœur``. It also keeps a Latin text's folded copy at one byte a
character: a single ``’`` or ``—`` made Python store all of it at two, and the search index
holds every article's folded text (50,000 articles: 190 MB of it)."""


def typed(text: str) -> str:
    """``text`` with :data:`TYPOGRAPHY` replaced: one C-speed scan per character kind
    (``str.translate`` looks each character up in a dict: 60 times slower, seconds a folder)."""
    for mark, plain in TYPOGRAPHY:
        if mark in text:
            text = text.replace(mark, plain)
    return text


def fold_for_search(text: str) -> str:
    """Text as matching sees it: casefolded, accents removed, NFKC (width), simplified Han,
    typographic quotes and dashes as typed (:data:`TYPOGRAPHY`), whitespace runs as one space.
    Never shown."""
    if text.isascii():  # no accents, widths or Han: the same result, a tenth of the time
        return one_space(text.lower())
    return _fold_unicode(text)


def one_space(text: str) -> str:
    """``re.sub(r"\\s+", " ", text)``: each run of whitespace as one space, the ends kept.

    ``str.split`` knows the same whitespace as ``re``'s ``\\s`` (both ask Unicode) and is
    C-fast where the regex substitution is not: folding a folder's texts for search spent
    two fifths of its time here."""
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    if text[0].isspace():
        core = " " + core
    if text[-1].isspace():
        core += " "
    return core


def _fold_unicode(text: str) -> str:
    """:func:`fold_for_search` for any text."""
    # compatibility forms first, so a folded letter is casefolded too (𝕊 → S → s)
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = one_space(typed(unicodedata.normalize("NFKC", ACCENTS.sub("", text))))
    return to_simplified(text)


def _anywhere(term: str) -> bool:
    """Whether ``term`` matches inside a run of text on both edges (no word boundary)."""
    return not WORD_CHAR.match(term[0]) and not WORD_CHAR.match(term[-1])


@functools.lru_cache(maxsize=256)
def _term_pattern(term: str) -> re.Pattern[str]:
    """``term`` (folded) as a regex, bounded on each edge that is a spaced-language word
    character. Cached: with the CJK ranges in its classes a pattern takes milliseconds to
    compile, more than ``re``'s own cache keeps while the user types new words."""
    left = r"(?<![^\W" + CJK + HANGUL + "])" if WORD_CHAR.match(term[0]) else ""
    right = r"(?![^\W" + CJK + HANGUL + "])" if WORD_CHAR.match(term[-1]) else ""
    return re.compile(left + re.escape(term) + right)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query. Empty fields do not filter."""

    themes: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    unread: bool = False
    words: tuple[str, ...] = ()
    """Folded words and phrases."""

    @property
    def empty(self) -> bool:
        return self == Query()

    @property
    def dated(self) -> bool:
        """Whether the query chooses a date range itself (then ``daily`` covers that range)."""
        return self.since is not None or self.until is not None

    def narrows(self, wider: Query) -> bool:
        """Whether every document this query keeps, ``wider`` keeps too (so this one can be
        run over ``wider``'s answer alone): each of its terms is one of ours, or, for a word
        matched anywhere in a run (a CJK word), inside one of ours. A whole word is not
        inside a longer one ("li" is not found where "lia" is)."""
        if (wider.langs and wider.langs != self.langs) or not set(wider.themes) <= set(self.themes):
            return False
        if wider.since is not None and (self.since is None or self.since < wider.since):
            return False
        if wider.until is not None and (self.until is None or self.until > wider.until):
            return False
        if wider.unread and not self.unread:
            return False
        return all(
            w in self.words or (_anywhere(w) and any(w in mine for mine in self.words))
            for w in wider.words
        )

    def patterns(self) -> list[re.Pattern[str]]:
        return [_term_pattern(w) for w in self.words]

    def whole_words(self) -> list[bool]:
        """Per word: whether it is one spaced-language word, found by a set lookup."""
        return [WORD_RUN.fullmatch(w) is not None for w in self.words]


def _date(key: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{key}:{value}: not a date (use YYYY-MM-DD)") from None


def parse(
    text: str,
    *,
    themes: Collection[str] | None = None,
    langs: Collection[str] | None = None,
) -> Query:
    """Parse a query; ``themes`` / ``langs``, when given, are the ids a term may name."""
    found: dict[str, list[str]] = {"theme": [], "lang": [], "words": []}
    dates: dict[str, dt.date] = {}
    unread = False
    for m in TOKEN.finditer(text):
        phrase, bare = m.group(1), m.group(2)
        if phrase is not None:
            if phrase.strip():
                found["words"].append(phrase)
            continue
        kv = KEY_VALUE.fullmatch(bare)
        if kv is None:
            if bare.casefold() in FLAGS:
                unread = True
            else:
                found["words"].append(bare)
            continue
        key, value = kv.group(1).casefold(), kv.group(2)
        if key not in KEYS:
            raise QueryError(f"unknown key {kv.group(1)!r}: use {', '.join(KEYS)} or unread")
        if not value:
            raise QueryError(f"{key}: needs a value")
        if key in ("since", "until"):
            dates[key] = _date(key, value)
        else:
            found[key].append(value.casefold())
    _check(found["theme"], themes, "theme")
    _check(found["lang"], langs, "language")
    since, until = dates.get("since"), dates.get("until")
    if since and until and since > until:
        raise QueryError(f"since:{since} is after until:{until}")
    words = [w for w in (fold_for_search(w).strip() for w in found["words"]) if w]
    return Query(
        tuple(found["theme"]),
        tuple(found["lang"]),
        since,
        until,
        unread,
        tuple(dict.fromkeys(words)),
    )


def _check(values: list[str], known: Collection[str] | None, what: str) -> None:
    if known is None:
        return
    folded = {k.casefold() for k in known} | {k.casefold().split("-")[0] for k in known}
    for value in values:
        if value not in folded:
            listed = ", ".join(sorted(known)) or "none"
            raise QueryError(f"unknown {what} {value!r}; known: {listed}")


def _lang_matches(lang: str, wanted: str) -> bool:
    lang = lang.casefold()
    return lang == wanted or lang.split("-")[0] == wanted


SMALL = 0xFFFF
"""The greatest position a 2-byte posting holds: a folder of up to 65,536 documents keeps its
postings at half the size (seven million of them at 50,000 articles: 14 MB saved)."""


def _positions() -> array[int]:
    return array("H")


class QueryIndex:
    """Folded title, source and text of each document, made once; queries run over it.

    Besides each folded text it keeps, per spaced-language word, the documents that have it
    (an inverted index): a whole word is then one dictionary lookup per keystroke, not a
    lookup in every document's own set of words (10,000 scattered sets cost ~10 ms a key).
    A word's documents are kept as their positions in an ``array`` of 2-byte integers (4-byte
    once a folder passes :data:`SMALL` documents), not as a set of ids: 50,000 articles have
    about seven million (word, document) pairs, which as sets took 570 MB and as arrays take
    under 20.
    """

    def __init__(
        self,
        docs: Iterable[Document] = (),
        texts: Iterable[tuple[Document, Sequence[str]]] = (),
    ) -> None:
        """An index of ``docs``, and of ``texts``: documents with their paragraphs already
        read (:func:`briefing.library.search_index` reads a folder's from the cache in bulk)."""
        self._text: dict[str, str] = {}
        self._position: dict[str, int] = {}
        """Document id → its position, the number the postings hold."""
        self._having: defaultdict[str, array[int]] = defaultdict(_positions)
        """Word → positions of the documents whose folded text has it as a whole word."""
        self._hits: dict[str, frozenset[int]] = {}
        """The last words looked up, as sets: the reader asks for one word on every key."""
        self._notes: dict[str, str] = {}
        """Folded notes by their text: a note is folded once, not per keystroke."""
        for doc in docs:
            self._add(doc)
        for doc, paragraphs in texts:
            self._add(doc, paragraphs)

    def _add(self, doc: Document, paragraphs: Sequence[str] | None = None) -> str:
        text = "\n\n".join(doc.paragraphs if paragraphs is None else paragraphs)
        text = fold_for_search("\n".join((doc.title, doc.source or "", text)))
        self._text[doc.id] = text
        position = self._position.setdefault(doc.id, len(self._position))
        having = self._having
        wide = position > SMALL
        for word in set(WORD_RUN.findall(text)):
            postings = having[word]
            if wide and postings.typecode == "H":  # the folder outgrew 2-byte positions
                postings = having[word] = array("I", postings)
            postings.append(position)
        self._hits.clear()
        return text

    def _with(self, word: str) -> frozenset[int]:
        """The positions of the documents having ``word`` as a whole word."""
        found = self._hits.get(word)
        if found is None:
            if len(self._hits) >= HITS_KEPT:
                self._hits.clear()
            found = self._hits[word] = frozenset(self._having.get(word, ()))
        return found

    def folded(self, doc: Document) -> str:
        """The folded text (title, source and text)."""
        found = self._text.get(doc.id)
        if found is None:  # a document the index was not built with (one read while loading)
            found = self._add(doc)
        return found

    def filter(
        self,
        docs: Iterable[Document],
        query: Query,
        *,
        is_read: Callable[[Document], bool] = lambda _: False,
        note_of: Callable[[Document], str] = lambda _: "",
        noted: Container[str] | None = None,
    ) -> list[Document]:
        """The documents of ``docs`` (in order) that match every term of ``query``.

        Each term is one pass over what the terms before it left (a comprehension, not a
        loop of checks per document: the reader runs this on every keystroke over 10,000
        articles). ``noted``, when the caller knows it, holds the ids of the documents that
        have a note; ``note_of`` is then asked only of those.
        """
        out = docs if isinstance(docs, list) else list(docs)
        if query.themes:
            wanted = query.themes
            out = [d for d in out if _has_themes(d, wanted)]
        if query.langs:
            langs = query.langs
            out = [d for d in out if any(_lang_matches(d.lang, w) for w in langs)]
        if (since := query.since) is not None:
            out = [d for d in out if d.date is not None and d.date >= since]
        if (until := query.until) is not None:
            out = [d for d in out if d.date is not None and d.date <= until]
        if query.unread:
            out = [d for d in out if not is_read(d)]
        if query.words:
            texts = self._text
            for doc in out:
                if doc.id not in texts:  # read while loading, after the index was made
                    self._add(doc)
            for word, whole in zip(query.words, query.whole_words(), strict=True):
                out = self._with_word(out, word, whole, note_of, noted)
        return list(out) if out is docs else out

    def _with_word(
        self,
        docs: list[Document],
        word: str,
        whole: bool,
        note_of: Callable[[Document], str],
        noted: Container[str] | None,
    ) -> list[Document]:
        texts, position = self._text, self._position

        def in_note(doc: Document) -> bool:
            note = self._folded_note(note_of(doc))
            return word in note and _term_pattern(word).search(note) is not None

        everyone: Container[str] = _Everything()
        noted = everyone if noted is None else noted
        if whole:  # one lookup: no scan of the texts per keystroke
            hits = self._with(word)
            return [d for d in docs if position[d.id] in hits or (d.id in noted and in_note(d))]
        # Every whole word inside a phrase or a mixed term ("li qiang", "10人") is one of a
        # matching text's words: the inverted index rules out most documents before any scan,
        # and the substring test is C-fast and rules out most of the rest before the regex.
        runs = sorted(set(WORD_RUN.findall(word)), key=lambda r: len(self._having.get(r, ())))
        pattern = _term_pattern(word)
        candidates = self._with(runs[0]) if runs else None
        for run in runs[1:]:
            candidates = candidates & self._with(run) if candidates else candidates

        def in_text(doc_id: str) -> bool:
            if candidates is not None and position[doc_id] not in candidates:
                return False
            text = texts[doc_id]
            return word in text and pattern.search(text) is not None

        return [d for d in docs if in_text(d.id) or (d.id in noted and in_note(d))]

    def _folded_note(self, note: str) -> str:
        if not note:
            return ""
        found = self._notes.get(note)
        if found is None:
            found = self._notes[note] = fold_for_search(note)
        return found


class _Everything:
    """Holds everything: without the caller's list of noted documents, every note is read."""

    def __contains__(self, _item: object) -> bool:
        return True


def _has_themes(doc: Document, wanted: tuple[str, ...]) -> bool:
    ids = {i.casefold() for i in doc.theme_ids}
    return all(t in ids for t in wanted)


def find_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text`` (offsets into ``text`` itself, for
    highlighting), sorted and not overlapping.

    Each character is folded alone so folded offsets map back to the text's; the rare fold
    that needs two characters together (half-width kana with a separate voicing mark) is not
    highlighted.
    """
    if not query.words:
        return []
    pieces: list[str] = []
    starts: list[int] = []
    for index, ch in enumerate(text):
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
        folded = ACCENTS.sub("", folded)
        folded = typed(unicodedata.normalize("NFKC", folded))
        if folded.isspace():
            folded = " "
        pieces.append(folded)
        starts.extend([index] * len(folded))
    flat = to_simplified("".join(pieces))
    if len(flat) != len(starts):  # opencc kept the length in every case tried; never guess
        return []
    spans: list[tuple[int, int]] = []
    for pattern in query.patterns():
        for m in pattern.finditer(flat):
            if m.end() > m.start():
                spans.append((starts[m.start()], starts[m.end() - 1] + 1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
