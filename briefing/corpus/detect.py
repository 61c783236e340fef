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
import unicodedata
from functools import cache
from typing import Any

# hiragana and katakana (not the prolonged-sound mark alone, which Chinese never uses anyway)
KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LETTER = re.compile(r"[^\W\d_]")

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
    from briefing.summarize.tokenize import to_simplified, to_traditional

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
            lang = detector.detect()
        except LangDetectException:
            return "und"
    return lang.lower()


MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
"""Month names in English and French (full and abbreviated), longest first for regexes."""

# "2025年7月26日", "2025 年 7 月 26 日"
CJK_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# "2025-07-26", "2025/07/26", "2025.07.26" (not inside a longer number)
NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])")
# "26 juillet 2025", "1er août 2025", "26 July 2025"
DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:er)?\s+({MONTH_NAMES})\.?\s+(\d{{4}})(?!\d)", re.I
)
# "July 26, 2025", "Jul. 26 2025"
MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I
)
# words right after a date that say it is the publication date: "2025年8月5日の記事", "…日发布"
PUBLISHED_AFTER = re.compile(r"^\s*(?:の記事|付|発行|発表|发布|發布|刊|讯|訊|电|電|更新)")
# words right before a date that say the same: "Published: July 26, 2025", "Publié le 26 juillet"
PUBLISHED_BEFORE = re.compile(
    r"(?:published|updated|posted|publié|mis à jour|发布时间|發布時間|发布于|日期|掲載日|公開日)"
    r"\s*(?:on|le)?\s*[:：]?\s*$",
    re.I,
)


def _make_date(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date if 1900 <= date.year <= 2100 else None


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every full date (with a year) written in ``text``: (start, end, date), in text order."""
    found: list[tuple[int, int, dt.date]] = []
    for m in CJK_DATE.finditer(text):
        if date := _make_date(m[1], m[2], m[3]):
            found.append((m.start(), m.end(), date))
    for m in NUMERIC_DATE.finditer(text):
        if date := _make_date(m[1], m[3], m[4]):
            found.append((m.start(), m.end(), date))
    for m in DAY_MONTH_YEAR.finditer(text):
        if date := _make_date(m[3], MONTHS[m[2].lower()], m[1]):
            found.append((m.start(), m.end(), date))
    for m in MONTH_DAY_YEAR.finditer(text):
        if date := _make_date(m[3], MONTHS[m[1].lower()], m[2]):
            found.append((m.start(), m.end(), date))
    return sorted(found, key=lambda f: f[0])


def detect_date(paragraphs: tuple[str, ...] | list[str]) -> dt.date | None:
    """The article's own date from its text, or None when it truly has none.

    In order: a date marked as the publication date (``…の記事``, ``Published …``); a dateline at
    the very start of the article; then the latest date the text mentions, since a news article
    is written on or after the events it reports.
    """
    text = "\n".join(paragraphs)
    dates = find_dates(text)
    if not dates:
        return None
    for start, end, date in dates:
        if PUBLISHED_AFTER.match(text[end : end + 8]) or PUBLISHED_BEFORE.search(
            text[max(0, start - 24) : start]
        ):
            return date
    first_start, _, first_date = dates[0]
    if first_start <= 40 and "\n" not in text[:first_start]:
        return first_date
    return max(d for _, _, d in dates)


def parse_date(value: object) -> dt.date | None:
    """A date from metadata: ISO strings, RFC 2822 (feeds), or any form :func:`find_dates` knows."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    dates = find_dates(text)
    return dates[0][2] if dates else None


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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
    if not line or display_width(line) > 2 * TITLE_MAX_WIDTH:
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
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if width > TITLE_MAX_WIDTH - 1:
            break
        cut.append(ch)
    head = "".join(cut)
    if " " in head and not HAN.search(head[-1:]):
        head = head.rsplit(" ", 1)[0]
    return (head.rstrip(" ,;:") or head) + "…"
