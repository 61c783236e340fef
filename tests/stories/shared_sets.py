"""The shared evaluation folders as story tests need them: labels by article id, eval as a folder.

``../shared/field`` is a real-looking folder with labels (``field-labels.jsonl``: the ``story``
key is shared by every language version of one document); ``../shared/eval`` holds 292
articles, each its own event. Nothing here is tuned on seed ids: the figures come from these
sets as they are.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FIELD = SHARED / "field"
FIELD_LABELS = SHARED / "field-labels.jsonl"
EVAL = SHARED / "eval"


def field_stories(docs: Sequence[Document]) -> dict[str, str]:
    """Each loaded field article's gold story key, by document id.

    A document id is the path relative to the folder, plus ``#N`` (1-based) for the N-th
    article of a file that holds several; the labels count from 0.
    """
    labels = {}
    for line in FIELD_LABELS.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["index"] is not None:
            labels[(row["path"], row["index"])] = row["story"]
    out = {}
    for doc in docs:
        path, _, n = doc.id.partition("#")
        index = int(n) - 1 if n.isdigit() else 0
        story = labels.get((path, index))
        if story is not None:
            out[doc.id] = story
    return out


def write_eval_folder(folder: Path) -> int:
    """Every eval article as a JSON file of its own (title, text); returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            article = {"title": row.get("title") or "", "text": row["text"]}
            (folder / f"{row['id']}.json").write_text(json.dumps(article, ensure_ascii=False))
            n += 1
    return n


@dataclass(frozen=True, slots=True)
class Figures:
    precision: float
    recall: float
    false_pairs: int
    missed_pairs: int
    mixed: int
    """Articles of single-event gold stories that sit in a predicted story mixing events."""
    unrelated: int
    """Articles whose gold story has no other article."""

    @property
    def mixed_share(self) -> float:
        return self.mixed / self.unrelated if self.unrelated else 0.0

    def __str__(self) -> str:
        return (
            f"pairwise precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(false pairs {self.false_pairs}, missed {self.missed_pairs}); unrelated articles "
            f"in a mixed story {self.mixed}/{self.unrelated} ({self.mixed_share:.1%})"
        )


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {p for g in groups for p in itertools.combinations(sorted(set(g)), 2)}


def figures(predicted: Iterable[Sequence[str]], gold: Mapping[str, str]) -> Figures:
    """Pairwise scores of ``predicted`` stories against gold story keys by article id."""
    predicted = [[d for d in group if d in gold] for group in predicted]
    by_story: dict[str, list[str]] = defaultdict(list)
    for doc_id, story in gold.items():
        by_story[story].append(doc_id)
    got, want = _pairs(predicted), _pairs(by_story.values())
    tp = len(got & want)
    size = Counter(gold.values())
    mixed = sum(
        sum(1 for d in group if size[gold[d]] == 1)
        for group in predicted
        if len({gold[d] for d in group}) > 1
    )
    return Figures(
        precision=tp / len(got) if got else 1.0,
        recall=tp / len(want) if want else 1.0,
        false_pairs=len(got - want),
        missed_pairs=len(want - got),
        mixed=mixed,
        unrelated=sum(1 for d in gold if size[gold[d]] == 1),
    )
