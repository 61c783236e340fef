"""Pairwise precision and recall of a grouping, and the labelled set built from the seeds.

Test data, kept out of the shipped package: the labels name seed ids.

Pairwise scores count pairs of articles: a pair is predicted when both are in one story, and
true when a human put them in one story. Precision is the share of predicted pairs that are
true, recall the share of true pairs that were predicted. Pairs a human could not decide (the
seed digest 002, which discusses the July proposal among other things) are left out of both.

The labelled set is the bundled seeds plus copies made the way real folders get them: the same
wire story in a second file, a repost with a paragraph cut and a credit line added, an
aggregator item saved again on its own, an edited copy. It is written to a folder so it goes
through the loader like any user's corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from briefing.model import Document


@dataclass(frozen=True, slots=True)
class PairScores:
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int

    def __str__(self) -> str:
        return (
            f"pairwise precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {self.true_positives}, fp {self.false_positives}, fn {self.false_negatives})"
        )


def _pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def pairwise(
    predicted: Iterable[Iterable[str]],
    gold: Iterable[Iterable[str]],
    undecided: Iterable[tuple[str, str]] = (),
) -> PairScores:
    """Pairwise precision and recall of ``predicted`` groups against ``gold`` groups."""
    skip = {frozenset(p) for p in undecided}
    got = _pairs(predicted) - skip
    want = _pairs(gold) - skip
    tp = len(got & want)
    fp, fn = len(got - want), len(want - got)
    return PairScores(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )


@dataclass(frozen=True, slots=True)
class LabelledSet:
    folder: Path
    gold: tuple[frozenset[str], ...]
    """Stories by document id (prefixes of ids: see :func:`resolve`)."""
    undecided: tuple[tuple[str, str], ...]


SEED_STORY = ("000_", "001_", "003_")
"""Li Qiang's proposal of 26 July 2025: the Japanese, traditional Chinese and French reports."""
DIGEST = "002_"
"""The Japanese digest that discusses the proposal among other things: may join or not."""


def _seed_text(seeds: Path, prefix: str) -> str:
    path = next(p for p in sorted(seeds.iterdir()) if p.name.startswith(prefix))
    return path.read_text("utf-8")


def build_labelled_set(seeds: Path, folder: Path, aggregator_item: Document) -> LabelledSet:
    """Write the seeds and their copies to ``folder``; return it with the human labels.

    ``aggregator_item`` is the Geneva dialogue item of seed 004 (``004_…#5``) as loaded, saved
    again as a JSON article of its own with a shortened title.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(seeds.iterdir()):
        if path.is_file():
            (folder / path.name).write_bytes(path.read_bytes())
    fr = _seed_text(seeds, "003_")
    (folder / "005_wire_copy.txt").write_text(fr, "utf-8")
    zh = _seed_text(seeds, "001_").rstrip("\n").split("\n")
    repost = [*zh[:-2], "（本文轉載自網絡，如有侵權請聯繫刪除）"]
    (folder / "006_repost.txt").write_text("\n".join(repost) + "\n", "utf-8")
    (folder / "007_item_again.json").write_text(
        json.dumps(
            {
                "title": aggregator_item.title[:20],
                "text": "\n\n".join(aggregator_item.paragraphs),
                "date": aggregator_item.date.isoformat() if aggregator_item.date else None,
                "source": aggregator_item.source,
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    ja = _seed_text(seeds, "000_").split("\n")
    edited = [line.replace("提案しました", "提案した") for line in ja if "日本やアジア" not in line]
    (folder / "008_edited.txt").write_text("\n".join(edited), "utf-8")
    gold = (
        frozenset({*SEED_STORY, "005_", "006_", "008_"}),
        frozenset({"004_f3eb38ce3b79a726.txt#5", "007_"}),
    )
    # 004's items 1 and 3 were once labelled one story; ../shared/field-labels.jsonl keeps
    # them apart (seed:004-0, seed:004-2), and items of one page are never joined now
    undecided = tuple((DIGEST, member) for member in sorted(gold[0]))
    return LabelledSet(folder, gold, undecided)


def resolve(prefixes: Iterable[str], ids: Sequence[str]) -> list[str]:
    """Document ids for labels written as id prefixes (``000_`` → ``000_e6fb….txt``)."""
    out = []
    for prefix in prefixes:
        exact = [i for i in ids if i == prefix]
        out.extend(exact or [i for i in ids if i.startswith(prefix)])
    return out


def score_labelled(labelled: LabelledSet, stories: Iterable[Iterable[str]]) -> PairScores:
    """Pairwise scores of ``stories`` (groups of document ids) on a :class:`LabelledSet`."""
    stories = [list(s) for s in stories]
    ids = [i for s in stories for i in s]
    gold = [resolve(g, ids) for g in labelled.gold]
    undecided = [
        (a, b)
        for pa, pb in labelled.undecided
        for a in resolve([pa], ids)
        for b in resolve([pb], ids)
        if a != b
    ]
    return pairwise(stories, gold, undecided)
