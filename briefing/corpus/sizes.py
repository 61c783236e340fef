"""The largest file the loader reads: its default, ``BRIEFING_MAX_SIZE`` and ``--max-size``.

Apart from :mod:`.read` because the CLI needs these to build its parser, and :mod:`.read`
imports the charset and language detection (a third of a second before the reader could
start); this module imports nothing.
"""

from __future__ import annotations

import os

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
"""Files above this are skipped (``--max-size`` / ``BRIEFING_MAX_SIZE``): no news article is
25 MB of text, and reading one would stall the whole load."""


def max_bytes_from_env(default: int = DEFAULT_MAX_BYTES) -> int:
    value = os.environ.get("BRIEFING_MAX_SIZE")
    if not value:
        return default
    try:
        return parse_size(value)
    except ValueError:
        return default


def parse_size(value: str) -> int:
    """``"25MB"``, ``"500k"``, ``"1048576"`` → bytes; ValueError for anything else."""
    text = value.strip().lower().replace(" ", "")
    units = {
        "": 1,
        "b": 1,
        "k": 1024,
        "kb": 1024,
        "m": 1024**2,
        "mb": 1024**2,
        "g": 1024**3,
        "gb": 1024**3,
    }
    number = text.rstrip("kmgb")
    unit = text[len(number) :]
    if unit not in units or not number:
        raise ValueError(f"not a size: {value!r} (try 25MB or 500KB)")
    try:
        size = float(number) * units[unit]
    except ValueError:
        raise ValueError(f"not a size: {value!r} (try 25MB or 500KB)") from None
    if size <= 0:
        raise ValueError(f"size must be positive: {value!r}")
    return int(size)
