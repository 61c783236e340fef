"""Dates written in text, in the languages briefing reads: one set of patterns for every layer.

The loader reads an article's date from them and the stories match reports by them, so both
must agree on what a date is: ``2025年7月26日``, ``2025-07-26``, ``26 juillet 2025``,
``July 26, 2025``, and the ISO and RFC 2822 forms metadata uses.
"""

from __future__ import annotations

import datetime as dt
import re

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
# an ISO 8601 moment, with or without an offset: "2025-03-19T00:00:00+09:00", "2025-03-19 08:00Z"
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
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


def iso(date: dt.date | None) -> str | None:
    """``2025-07-26``, or None for no date: how every view and file writes a date."""
    return date.isoformat() if date is not None else None


def make_date(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date if 1900 <= date.year <= 2100 else None


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every full date (with a year) written in ``text``: (start, end, date), in text order."""
    found: list[tuple[int, int, dt.date]] = []
    for m in CJK_DATE.finditer(text):
        if date := make_date(m[1], m[2], m[3]):
            found.append((m.start(), m.end(), date))
    for m in NUMERIC_DATE.finditer(text):
        if date := make_date(m[1], m[3], m[4]):
            found.append((m.start(), m.end(), date))
    for m in DAY_MONTH_YEAR.finditer(text):
        if date := make_date(m[3], MONTHS[m[2].lower()], m[1]):
            found.append((m.start(), m.end(), date))
    for m in MONTH_DAY_YEAR.finditer(text):
        if date := make_date(m[3], MONTHS[m[1].lower()], m[2]):
            found.append((m.start(), m.end(), date))
    return sorted(found, key=lambda f: f[0])


# "14/03/2025", "3/11/2025": day first or month first, as the writer's country has it
SLASHED_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def slashed_dates(text: str, month_first: bool) -> list[tuple[int, int, dt.date]]:
    """Every ``d/m/yyyy`` date in ``text`` (``m/d/yyyy`` when ``month_first``, as in American
    English, unless a number over 12 says which is the day). Kept out of :func:`find_dates`:
    without the writer's language "3/11/2025" is two days."""
    found = []
    for m in SLASHED_DATE.finditer(text):
        a, b = int(m[1]), int(m[2])
        day, month = (b, a) if (month_first and a <= 12) or b > 12 else (a, b)
        if date := make_date(m[3], month, str(day)):
            found.append((m.start(), m.end(), date))
    return found


# a date in a file's name: "2025-03-16_gerard-de-villiers….txt", "2025_03_16", "20250316.txt",
# "202503248193.txt" (a stamp to the minute: 8, 12 or 14 digits, never an id of another length)
NAME_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d\d)([-_.])(\d{1,2})\2(\d{1,2})(?!\d)|"
    r"(?<![\d])((?:19|20)\d\d)(\d\d)(\d\d)(?=(?:\d{4}|\d{6})?(?!\d))"
)


def name_date(path: str) -> dt.date | None:
    """The date a file's own name gives (not its folders': ``inbox/2025-03/`` names a month),
    the first one; None when it has none. People name saved articles by their day."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for m in NAME_DATE.finditer(name):
        date = make_date(m[1], m[3], m[4]) if m[1] else make_date(m[5], m[6], m[7])
        if date is not None:
            return date
    return None


def parse_datetime(value: object) -> dt.datetime | None:
    """The moment a metadata field states, in the offset it states it in, or None.

    ``2025-03-19T00:00:00+09:00`` and ``Wed, 19 Mar 2025 00:00:00 +0900`` stay at +09:00, never
    turned into UTC: the publisher's own day is the one a reader expects (converted, that item
    is listed on the 18th). A stamp without an offset stays naive; a bare date is not a moment.
    """
    if isinstance(value, dt.datetime):
        return value
    if value is None or isinstance(value, dt.date):
        return None
    text = str(value).strip()
    if not text or len(text) > 64:
        return None
    if ISO_MOMENT.match(text):
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if 1900 <= moment.year <= 2100 else None


def parse_date(value: object) -> dt.date | None:
    """A date from metadata: ISO strings, RFC 2822 (feeds), or any form :func:`find_dates` knows.

    A moment with an offset gives its date at that offset (the publisher's day, not UTC's).
    """
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
    if moment := parse_datetime(text):
        return moment.date()
    dates = find_dates(text)
    return dates[0][2] if dates else None
