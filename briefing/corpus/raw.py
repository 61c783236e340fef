"""An article as its file gave it, before the loader repairs and describes it: what every
format's reader returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefing.corpus.limits import Limits


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as its file gave it: text not yet repaired, metadata not yet checked."""

    text: str
    title: str | None = None
    date: Any = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    author: str | None = None
    where: str = ""
    """Position inside the file for messages and ids: "" for a whole file, "line 3", "item 2"."""
    splittable: bool = False
    """Plain text that may be an aggregator page holding several articles."""


Parsed = tuple[list[RawArticle], list[str]]  # articles, problems ("line 3: not valid JSON")
Parser = Callable[[str, Limits], Parsed]
DEFAULT_LIMITS = Limits()
