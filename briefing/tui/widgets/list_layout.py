"""Where each heading and row of the document list starts, without rendering any of them.

A row is two lines and a heading one (two after the first group: a blank line above it), so
where an item starts follows from its group's first line; finding the item under a line is a
bisection over the groups. Building a layout of 50,000 rows is a pass over a few hundred
groups, and that is all a filter keystroke pays for the list, however long it is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property

from briefing.tui.grouping import Group

ROW_HEIGHT = 2


class Layout:
    """Items (a :class:`Group` for a heading, a document id for a row) and their start lines.

    Only per-group figures are stored (a few hundred days or themes, however many rows), and
    an item is found from them by arithmetic: building one costs nothing a user could see.
    """

    def __init__(self, groups: Sequence[Group], empty: str) -> None:
        self.empty = empty
        """What the list says when it holds nothing (one line)."""
        self.groups = tuple(g for g in groups if g.doc_ids)  # a heading alone has no row
        self._first: list[int] = []
        """Index of each group's heading among the items."""
        self._line: list[int] = []
        """Line of each group's first row."""
        index = line = 0
        for group in self.groups:
            line += 2 if line else 1
            self._first.append(index)
            self._line.append(line)
            index += 1 + len(group.doc_ids)
            line += ROW_HEIGHT * len(group.doc_ids)
        self._len = index
        self.height = line if index else 1

    def __len__(self) -> int:
        return self._len

    @cached_property
    def count(self) -> int:
        """How many documents (one under several themes counts once)."""
        if len(self.groups) < 2:
            return sum(len(g.doc_ids) for g in self.groups)
        return len({doc_id for group in self.groups for doc_id in group.doc_ids})

    def _where(self, index: int) -> tuple[int, int]:
        """(group, row within it; -1 for the heading) of item ``index``."""
        g = bisect_right(self._first, index) - 1
        return g, index - self._first[g] - 1

    def item(self, index: int) -> Group | str | None:
        """The item at ``index`` (None when the list is empty and shows :attr:`empty`)."""
        if not 0 <= index < self._len:
            return None
        g, row = self._where(index)
        return self.groups[g] if row < 0 else self.groups[g].doc_ids[row]

    def doc_id(self, index: int | None) -> str | None:
        item = self.item(index) if index is not None else None
        return item if isinstance(item, str) else None

    def doc_ids(self) -> list[str]:
        """Every document, in display order, each once."""
        return list(dict.fromkeys(doc_id for group in self.groups for doc_id in group.doc_ids))

    def group_of(self, index: int) -> Group | None:
        """The group item ``index`` belongs to (a heading is its own group's)."""
        if not 0 <= index < self._len:
            return None
        return self.groups[self._where(index)[0]]

    def replace_group(self, group: Group) -> None:
        """Swap in the group labelled ``group.label`` (same rows, a new unread count): the
        lines do not move, so nothing is measured again."""
        self.groups = tuple(
            group if g.label == group.label and g.doc_ids == group.doc_ids else g
            for g in self.groups
        )

    def find(self, doc_id: str) -> int | None:
        """The first row of ``doc_id``."""
        for g, group in enumerate(self.groups):
            if doc_id in group.doc_ids:
                return self._first[g] + 1 + group.doc_ids.index(doc_id)
        return None

    def start(self, index: int) -> int:
        if not self._len:
            return 0
        g, row = self._where(index)
        if row < 0:
            return self._line[g] - (2 if g else 1)
        return self._line[g] + ROW_HEIGHT * row

    def item_height(self, index: int) -> int:
        if not self._len:
            return 1
        g, row = self._where(index)
        return ROW_HEIGHT if row >= 0 else (2 if g else 1)

    def locate(self, line: int) -> tuple[int, int] | None:
        """(item index, line within it) of a line of the list; None past the end."""
        if line < 0 or line >= self.height:
            return None
        if not self._len:
            return (0, line)
        g = max(0, bisect_right(self._line, line) - 1)
        if line < self._line[g]:  # on the heading above the group's first row
            return self._first[g], line - (self._line[g] - (2 if g else 1))
        row, offset = divmod(line - self._line[g], ROW_HEIGHT)
        return self._first[g] + 1 + row, offset

    def next_row(self, index: int | None, step: int) -> int | None:
        """The nearest row after ``index`` going ``step`` (±1), skipping headings; None if none.

        ``index`` may be -1 or ``len(self)`` to search from either end.
        """
        if index is None:
            index = -1 if step > 0 else self._len
        i = index + step
        while 0 <= i < self._len:
            if self._where(i)[1] >= 0:
                return i
            i += step
        return None
