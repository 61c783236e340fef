"""Union-find over article indexes: the copies of one article (:mod:`.dedupe`) and, with the
checks a story needs on top, the articles of one story (:class:`.union.Stories`)."""

from __future__ import annotations


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The set's root, halving the path on the way (near-constant time)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of ``i`` and ``j``; the smaller index is the root (deterministic)."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)
