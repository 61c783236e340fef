"""Where "next", "previous" and "next unread" lead: pure functions over the list's order.

The order is the one the list shows (filter, language, grouping), so ``J`` in the reader goes
to the row under the one just read, as newsboat and mutt do, and never to an article the filter
hides. A document listed under two themes counts once, at its first place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def step(order: Sequence[str], current: str | None, delta: int) -> str | None:
    """The article ``delta`` places from ``current``; None past either end (no wrap: the end of
    the list is news an analyst should notice, not a jump back to the top)."""
    if not order:
        return None
    if current not in order:
        return order[0] if delta > 0 else order[-1]
    index = order.index(current) + delta
    return order[index] if 0 <= index < len(order) else None


def next_unread(
    order: Sequence[str], current: str | None, is_read: Callable[[str], bool], delta: int = 1
) -> str | None:
    """The next unread article after ``current`` in direction ``delta``, wrapping around once
    (newsboat's ``n``: an unread article above the cursor is still unread news); None when every
    other article is read."""
    if not order:
        return None
    start = order.index(current) if current in order else (-1 if delta > 0 else len(order))
    for offset in range(1, len(order) + 1):
        doc_id = order[(start + delta * offset) % len(order)]
        if doc_id != current and not is_read(doc_id):
            return doc_id
    return None
