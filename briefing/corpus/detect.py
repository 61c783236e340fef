"""Finding what a text does not state outright: its language, its date, a title.

Language: CJK is settled by script before any statistics (kana → ja, hangul → ko, Han → zh, then
simplified vs traditional by which OpenCC direction changes more characters), because langdetect's
profiles call traditional Chinese Korean (STACK.md: 001 → "ko" 0.86). Everything else goes to
langdetect with all its profiles and a fixed seed, so a German or Spanish page is not forced into
one of the five seed languages, and every run gives the same answer.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from functools import cache
from typing import Any

from briefing.corpus.chrome import is_picture_marker, stamp_date
from briefing.text.dates import find_dates
from briefing.text.scripts import HAN_CHAR as HAN
from briefing.text.scripts import HANGUL_CHAR as HANGUL
from briefing.text.scripts import KANA_CHAR as KANA
from briefing.text.scripts import LETTER, to_simplified, to_traditional
from briefing.text.width import char_width, display_width

_lock = threading.Lock()

SAMPLE_CHARS = 6000
"""Characters of a text language detection reads: its opening is enough, and reading a whole
million-character article would cost langdetect seconds for the same answer."""


@cache
def _langdetect_factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def _chinese_variant(text: str) -> str:
    han = "".join(HAN.findall(text))[:4000]
    simplified = to_simplified(han)
    traditional = to_traditional(han)
    changed_by_t2s = sum(a != b for a, b in zip(han, simplified, strict=False))
    changed_by_s2t = sum(a != b for a, b in zip(han, traditional, strict=False))
    return "zh-tw" if changed_by_t2s > changed_by_s2t else "zh-cn"


def detect_language(text: str) -> str:
    """ISO code of ``text``'s language: ``ja``, ``zh-cn``, ``zh-tw``, ``ko``, ``fr``, ``en``, …

    ``und`` when there is nothing to go on (digits, symbols, empty).
    """
    sample = text[:SAMPLE_CHARS]
    letters = len(LETTER.findall(sample))
    if letters == 0:
        return "und"
    kana = len(KANA.findall(sample))
    han = len(HAN.findall(sample))
    hangul = len(HANGUL.findall(sample))
    cjk = kana + han + hangul
    if cjk >= 0.3 * letters:
        if kana >= 3 and kana >= 0.05 * cjk:
            return "ja"
        if hangul > han:
            return "ko"
        if han:
            return _chinese_variant(sample)
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:  # the factory's seeded random is shared state
        try:
            detector = _langdetect_factory().create()
            detector.append(sample)
            lang = str(detector.detect())
        except LangDetectException:
            return "und"
    return lang.lower()


# words right after a date that say it is the publication date: "2025年8月5日の記事", "…日发布"
PUBLISHED_AFTER = re.compile(r"^\s*(?:の記事|付|発行|発表|发布|發布|刊|讯|訊|电|電|更新)")
# words right before a date that say the same: "Published: July 26, 2025", "Publié le 26 juillet"
PUBLISHED_BEFORE = re.compile(
    r"(?:published|updated|posted|publié|mis à jour|发布时间|發布時間|发布于|日期|掲載日|公開日)"
    r"\s*(?:on|le)?\s*[:：]?\s*$",
    re.I,
)


def detect_date(
    paragraphs: tuple[str, ...] | list[str], named: dt.date | None = None, lang: str = "und"
) -> dt.date | None:
    """The article's own date from its text, or None when it truly has none.

    In order: a date line among the first paragraphs (a stamp: ``Nice-Matin | 14/03/2025
    12:31``, slashed dates read month first in English only); a date marked as the publication
    date (``…の記事``, ``Published …``); a dateline at the very start of the article; the date
    the file is named by (``named``: someone filed it under that day, which says more than a
    date the story mentions, such as a birth date in an obituary); then the latest date the
    text mentions, since a news article is written on or after the events it reports.
    """
    for para in paragraphs[:3]:
        if stamp := stamp_date(para, month_first=lang == "en"):
            return stamp
    text = "\n".join(paragraphs)
    dates = find_dates(text)
    if not dates:
        return named
    for start, end, date in dates:
        if PUBLISHED_AFTER.match(text[end : end + 8]) or PUBLISHED_BEFORE.search(
            text[max(0, start - 24) : start]
        ):
            return date
    first_start, _, first_date = dates[0]
    if first_start <= 40 and "\n" not in text[:first_start]:
        return first_date
    return named or max(d for _, _, d in dates)


# sentence end: CJK full stops anywhere, Latin ones before a space or the end
SENTENCE_END = re.compile(r"[。！？!?](?:[」』”’\"')）]*)|\.(?=\s|$)")
# a clause boundary where a long title may be cut
CLAUSE_BREAK = re.compile(r"[，,、:：;；]|\s[-–—]\s")
# a date leading a sentence: "2025年7月26日" / "July 26, 2025," — dropped from a derived title
LEADING_DATE = re.compile(
    r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2})[,，\s]*"
)

TITLE_MAX_WIDTH = 100


def looks_like_title(line: str) -> bool:
    """A first line that is a headline rather than the lede: short, not ending a sentence."""
    line = line.strip()
    if not line or display_width(line) > 2 * TITLE_MAX_WIDTH or is_picture_marker(line):
        return False
    return not re.search(r"[。.．]$", line)


def derive_title(paragraphs: tuple[str, ...] | list[str]) -> str:
    """A title made from the opening sentence, cut to fit a list row at a clause boundary."""
    for para in paragraphs:
        if para.strip():
            first = para.strip()
            break
    else:
        return "(untitled)"
    end = SENTENCE_END.search(first)
    sentence = (first[: end.start()] if end else first).strip() or first
    sentence = LEADING_DATE.sub("", sentence).strip() or sentence.strip()
    if display_width(sentence) <= TITLE_MAX_WIDTH:
        return sentence or "(untitled)"
    best = ""
    for m in CLAUSE_BREAK.finditer(sentence):
        head = sentence[: m.start()].strip()
        if display_width(head) > TITLE_MAX_WIDTH:
            break
        best = head
    if display_width(best) >= 24:
        return best
    cut, width = [], 0
    for ch in sentence:
        width += char_width(ch)
        if width > TITLE_MAX_WIDTH - 1:
            break
        cut.append(ch)
    head = "".join(cut)
    if " " in head and not HAN.search(head[-1:]):
        head = head.rsplit(" ", 1)[0]
    return (head.rstrip(" ,;:") or head) + "…"
