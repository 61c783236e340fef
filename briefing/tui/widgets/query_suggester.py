"""Completion for the filter line: after ``theme:`` or ``lang:``, the ids this corpus has.

A Textual :class:`~textual.suggester.Suggester`: the Input shows the rest of the first id that
starts with what was typed, dimmed, and right-arrow (or end) accepts it. It completes the last
term only, so ``lang:ja theme:ai`` offers ``theme:ai-safety`` whatever came before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textual.suggester import Suggester

# the term being typed at the end of the line: "theme:ai", "lang:", after a space or at start
LAST_TERM = re.compile(r"(?:^|\s)([A-Za-z]+):(\S*)$")


class QuerySuggester(Suggester):
    """Suggests theme ids after ``theme:`` and languages after ``lang:``."""

    def __init__(self, choices: Callable[[], dict[str, list[str]]]) -> None:
        # no cache: the themes and languages are known only once the folder is read
        super().__init__(use_cache=False, case_sensitive=True)
        self._choices = choices

    async def get_suggestion(self, value: str) -> str | None:
        m = LAST_TERM.search(value)
        if m is None:
            return None
        typed = m.group(2).casefold()
        for choice in self._choices().get(m.group(1).casefold(), []):
            if choice.casefold().startswith(typed) and len(choice) > len(typed):
                return value + choice[len(typed) :]
        return None
