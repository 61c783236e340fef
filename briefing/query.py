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
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
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
SPACES = re.compile(r"\s+")
# a character that continues a word of a spaced language: a letter or digit, not CJK
WORD_CHAR = re.compile(f"[^\\W{CJK}{HANGUL}]")
# a whole word of a spaced language: "reliability", "10", not "李強" nor "li qiang"
WORD_RUN = re.compile(f"[^\\W{CJK}{HANGUL}]+")


class QueryError(ValueError):
    """A query that cannot be run; ``str()`` is the one line to show."""


def fold_for_search(text: str) -> str:
    """Text as matching sees it: casefolded, accents removed, NFKC (width), simplified Han,
    whitespace runs as one space. Never shown."""
    # compatibility forms first, so a folded letter is casefolded too (𝕊 → S → s)
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = SPACES.sub(" ", unicodedata.normalize("NFKC", ACCENTS.sub("", text)))
    return to_simplified(text)


def _term_pattern(term: str) -> re.Pattern[str]:
    """``term`` (folded) as a regex, bounded on each edge that is a spaced-language word
    character."""
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


class QueryIndex:
    """Folded title, source and text of each document, made once; queries run over it."""

    def __init__(self, docs: Iterable[Document] = ()) -> None:
        self._folded: dict[str, tuple[str, frozenset[str]]] = {}
        for doc in docs:
            self._folded[doc.id] = self._fold(doc)

    @staticmethod
    def _fold(doc: Document) -> tuple[str, frozenset[str]]:
        text = fold_for_search("\n".join((doc.title, doc.source or "", doc.text)))
        return text, frozenset(WORD_RUN.findall(text))

    def folded(self, doc: Document) -> tuple[str, frozenset[str]]:
        """The folded text and its set of spaced-language words."""
        found = self._folded.get(doc.id)
        if found is None:  # a document the index was not built with (one read while loading)
            found = self._folded[doc.id] = self._fold(doc)
        return found

    def filter(
        self,
        docs: Iterable[Document],
        query: Query,
        *,
        is_read: Callable[[Document], bool] = lambda _: False,
        note_of: Callable[[Document], str] = lambda _: "",
    ) -> list[Document]:
        """The documents of ``docs`` (in order) that match every term of ``query``."""
        patterns = query.patterns()
        whole = query.whole_words()
        out = []
        for doc in docs:
            if query.themes and not all(
                t in {i.casefold() for i in doc.theme_ids} for t in query.themes
            ):
                continue
            if query.langs and not any(_lang_matches(doc.lang, w) for w in query.langs):
                continue
            if query.since and (doc.date is None or doc.date < query.since):
                continue
            if query.until and (doc.date is None or doc.date > query.until):
                continue
            if query.unread and is_read(doc):
                continue
            if patterns and not self._words_match(doc, query.words, patterns, whole, note_of):
                continue
            out.append(doc)
        return out

    def _words_match(
        self,
        doc: Document,
        words: tuple[str, ...],
        patterns: list[re.Pattern[str]],
        whole: list[bool],
        note_of: Callable[[Document], str],
    ) -> bool:
        text, tokens = self.folded(doc)
        note: str | None = None
        for word, pattern, is_whole in zip(words, patterns, whole, strict=True):
            if is_whole:
                if word in tokens:  # a set lookup: no scan of the text per keystroke
                    continue
            # the substring test is C-fast and rules out most documents before the regex runs
            elif word in text and pattern.search(text):
                continue
            if note is None:
                note = fold_for_search(note_of(doc))
            if not (word in note and pattern.search(note)):
                return False
        return True


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
        folded = unicodedata.normalize("NFKC", folded)
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
