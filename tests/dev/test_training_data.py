"""The training sets as the trainer sees them: which house style a CNN/DailyMail story is."""

from __future__ import annotations

import pytest

from briefing.dev.training_data import style_of


@pytest.mark.parametrize(
    ("record_id", "style"),
    [
        ("cnndm-train-train_000-0051", "cnn"),
        ("cnndm-train-train_099-0001", "cnn"),
        ("cnndm-train-train_166-0660", "dm"),
        ("cnndm-val-3cfd1a2b", ""),
        ("orangesum-train-12", ""),
    ],
)
def test_the_lower_cased_copy_tells_daily_mail_from_cnn_by_its_shard(
    record_id: str, style: str
) -> None:
    assert style_of(record_id) == style
