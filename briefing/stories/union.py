"""The union-find that joins linked articles into stories, refusing joins that do not hold
together (chains whose ends share nothing, two items of one file, a second same-language
article not linked directly, a date span past the window)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing.stories.pairs import WINDOW_DAYS
from briefing.stories.unionfind import UnionFind

COHESION = 0.3
MEAN_COHESION = 0.42
"""Sentence alignment (:func:`.match.alignment`) every two members of a story not linked
directly need, and their mean over a join: unrelated news across languages aligns at ~0.1,
the members of one story at 0.4–0.9. Stops A~B~C chains whose ends share nothing; a
newcomer must sit with the whole story, not with one member."""


class Stories(UnionFind):
    """Union-find over articles that keeps each set's date span and refuses incoherent joins.

    Chaining (A~B, B~C ⇒ A~C) is where false stories come from: each link plausible, the ends
    sharing nothing. A join is refused when some pair across the two sets is not :func:`close`
    (see :func:`group_stories`), or when it would put two articles of one language together that
    were not linked to each other directly (a second same-language report must earn its place
    on its own, not through a translation of the first). Two articles of one file never share
    a story: a feed, an export or an aggregator page lists each item once, and its items are
    alike in form (the same outlet's template, the same feed's topic), which is what misleads.
    """

    def __init__(
        self,
        dates: Sequence[int | None],
        langs: Sequence[str],
        close: Callable[[int, int], float],
        files: Sequence[str],
    ) -> None:
        super().__init__(len(dates))
        self.span = [(d, d) if d is not None else None for d in dates]
        self.members: list[list[int]] = [[i] for i in range(len(dates))]
        self.langs = langs
        self.close = close
        self.files = files
        self.direct: dict[tuple[int, int], float] = {}

    def _coherent(self, ri: int, rj: int) -> bool:
        found = []
        for x in self.members[ri]:
            for y in self.members[rj]:
                pair = (min(x, y), max(x, y))
                if self.files[x] == self.files[y]:
                    return False
                if pair in self.direct:
                    found.append(self.direct[pair])
                    continue
                if self.langs[x] == self.langs[y]:
                    return False
                closeness = self.close(x, y)
                if closeness < COHESION:
                    return False
                found.append(closeness)
        return not found or sum(found) / len(found) >= MEAN_COHESION

    def join(self, i: int, j: int, strength: float) -> bool:
        self.direct[(min(i, j), max(i, j))] = strength
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        a, b = self.span[ri], self.span[rj]
        if a is not None and b is not None:
            lo, hi = min(a[0], b[0]), max(a[1], b[1])
            if hi - lo > WINDOW_DAYS:
                return False
            span: tuple[int, int] | None = (lo, hi)
        else:
            span = a or b
        if not self._coherent(ri, rj):
            return False
        root, other = min(ri, rj), max(ri, rj)
        self.parent[other] = root
        self.span[root] = span
        self.members[root] += self.members[other]
        self.members[other] = []
        return True
