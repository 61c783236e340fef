"""Numbers, dates and weekdays written in any of the five languages, normalised to one key.

These are the facts that survive translation unchanged: ``1000人以上``, ``plus de 1 000`` and
``more than 1,000`` all say 1000; ``7月26日``, ``26 juillet`` and ``July 26`` all say 07-26;
``土曜日``, ``samedi`` and ``星期六`` all say Saturday. No translation is needed to see that two
articles share them, which is why story grouping leans on them.

Only what a reader would recognise as the same fact becomes a key: citation markers (``[1]``),
small counts (``3つの提案``) and numbers inside dates are left out, because they coincide between
unrelated articles far more often than they identify an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.dates import MONTH_NAMES, MONTHS

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English names, indexed like :meth:`datetime.date.weekday`, for showing a weekday key."""

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "月曜": 0, "火曜": 1, "水曜": 2, "木曜": 3, "金曜": 4, "土曜": 5, "日曜": 6,
    "星期一": 0, "星期二": 1, "星期三": 2, "星期四": 3, "星期五": 4, "星期六": 5, "星期日": 6,
    "星期天": 6, "周一": 0, "周二": 1, "周三": 2, "周四": 3, "周五": 4, "周六": 5, "周日": 6,
    "週一": 0, "週二": 1, "週三": 2, "週四": 3, "週五": 4, "週六": 5, "週日": 6,
    "礼拜六": 5, "禮拜六": 5, "礼拜天": 6, "禮拜天": 6,
}  # fmt: skip

# "2025年7月26日", "7月26日", "7 月 26 日" (year optional)
CJK_DATE = re.compile(r"(?<!\d)(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# "2025-07-26", "2025/7/26" (not inside a longer number)
ISO_DATE = re.compile(r"(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
# "26 juillet 2025", "1er août", "26 July 2025", "le 26 juillet"
DAY_MONTH = re.compile(
    rf"(?<![\d\w])(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({MONTH_NAMES})\b\.?(?:,?\s+(\d{{4}})(?!\d))?",
    re.I,
)
# "July 26, 2025", "Jul. 26", "July 26th"
MONTH_DAY = re.compile(
    rf"\b({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{{4}})(?!\d))?", re.I
)
# a weekday word in any of the five languages: "samedi", "Saturday", "土曜日", "星期六", "週六"
WEEKDAY = re.compile(
    "|".join(
        rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w)
        for w in sorted(_WEEKDAYS, key=len, reverse=True)
    ),
    re.I,
)
# a citation marker of aggregator summaries: "[1]", "[12]"
CITATION = re.compile(r"\[\d{1,3}\]")
# a number: "1 000" / "1,000" / "1.000" (groups of three), "1000", "3.5", "12,5"; then an optional
# CJK or French/English magnitude word: "1万", "3億", "2 millions", "5 billion"
NUMBER = re.compile(
    r"(?<![\d.,])"
    r"(\d{1,3}(?:(?:[ \u00a0\u202f\u2009]|,|\.)\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"\s*(万|萬|億|亿|千|百万|milliards?|millions?|billions?|thousand)?",
    re.I,
)
_MAGNITUDE = {
    "万": 10_000, "萬": 10_000, "億": 100_000_000, "亿": 100_000_000, "千": 1_000,
    "百万": 1_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000,
    "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000,
    "billions": 1_000_000_000, "thousand": 1_000,
}  # fmt: skip

SMALL = 100
"""Numbers under this are weak anchors: counts like 3 points or 24 hours recur everywhere."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One number, date or weekday as a matching key, with the text it was read from."""

    kind: str
    """``number``, ``year``, ``date`` (month-day) or ``weekday``."""
    key: str
    """``1000``, ``2025``, ``07-26``, ``5`` (Saturday: :meth:`datetime.date.weekday`)."""
    form: str
    """As written: ``1000人以上`` shows as ``1000人``, ``plus de 1 000`` as ``1 000``."""
    small: bool = False


def _date_key(month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{month:02d}-{day:02d}"
    return None


def _number_value(digits: str, magnitude: str | None) -> float | None:
    """``"1 000"`` → 1000, ``"1,5"`` → 1.5, ``"3", "億"`` → 300000000.

    A comma or dot followed by exactly three digits is a thousands separator (English and French
    write 1,000 / 1.000 / 1 000); otherwise it is a decimal mark (French 12,5).
    """
    compact = re.sub(r"[ \u00a0\u202f\u2009]", "", digits)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        compact = re.sub(r"[.,]", "", compact)
    try:
        value = float(compact.replace(",", "."))
    except ValueError:
        return None
    if magnitude:
        value *= _MAGNITUDE.get(magnitude.lower(), 1)
    return value


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def extract_figures(text: str) -> list[Figure]:
    """Every date, weekday and number of ``text``, in that order of precedence.

    Dates are read first and blanked out, so ``2025年7月26日`` gives a date and a year, never
    the numbers 7 and 26 as well.
    """
    out: list[Figure] = []
    text = CITATION.sub(" ", text)
    spans: list[tuple[int, int]] = []

    def add_date(m: re.Match[str], year: str | None, month: int, day: int) -> None:
        key = _date_key(month, day)
        if key is None:
            return
        spans.append(m.span())
        out.append(Figure("date", key, m[0].strip()))
        if year:
            out.append(Figure("year", year, year))

    for m in CJK_DATE.finditer(text):
        add_date(m, m[1], int(m[2]), int(m[3]))
    for m in ISO_DATE.finditer(text):
        add_date(m, m[1], int(m[3]), int(m[4]))
    for m in DAY_MONTH.finditer(text):
        add_date(m, m[3], MONTHS[m[2].lower()], int(m[1]))
    for m in MONTH_DAY.finditer(text):
        if m[1].lower() == "may" and not m[3]:
            continue  # "may 12" is as often the verb as the month
        add_date(m, m[3], MONTHS[m[1].lower()], int(m[2]))
    for m in WEEKDAY.finditer(text):
        out.append(Figure("weekday", str(_WEEKDAYS[m[0].lower()]), m[0]))
    blanked = list(text)
    for start, end in spans:
        blanked[start:end] = " " * (end - start)
    for m in NUMBER.finditer("".join(blanked)):
        value = _number_value(m[1], m[2])
        if value is None or value <= 0:
            continue
        key = _format(value)
        if not m[2] and 1900 <= value <= 2100 and value == int(value):
            out.append(Figure("year", key, m[0].strip()))
        else:
            out.append(Figure("number", key, m[0].strip(), small=value < SMALL))
    return out
