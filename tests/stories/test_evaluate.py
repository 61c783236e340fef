"""Pairwise precision and recall of the grouping on a labelled set built from the seeds.

``benchmarks/stories_scale.py`` prints the figures.
"""

from __future__ import annotations

from pathlib import Path

from briefing.library import open_library
from tests.conftest import SEEDS
from tests.stories.labelled import build_labelled_set, pairwise, score_labelled


def test_pairwise_counts_pairs_and_skips_undecided_ones() -> None:
    scores = pairwise([["a", "b", "c"], ["d"]], [["a", "b"], ["c", "d"]], undecided=[("b", "c")])
    # predicted a-b, a-c, (b-c undecided); gold a-b, c-d
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 1, 1)
    assert scores.precision == 0.5
    assert scores.recall == 0.5


def test_grouping_on_the_labelled_seed_set(seed_library, tmp_path: Path) -> None:
    item = next(d for d in seed_library.documents if d.id.endswith("#5"))
    labelled = build_labelled_set(SEEDS, tmp_path / "labelled", item)
    lib = open_library(labelled.folder)
    assert len(lib.documents) == 18
    index, _ = lib.stories()
    scores = score_labelled(labelled, [s.documents for s in index.stories])
    assert scores.precision >= 0.95
    assert scores.recall >= 0.95
    kinds = {d.doc_id: d.kind for d in index.duplicates.values()}
    assert kinds == {
        "005_wire_copy.txt": "exact",
        "006_repost.txt": "near",
        "007_item_again.json": "exact",
        "008_edited.txt": "near",
    }
