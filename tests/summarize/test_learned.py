"""The learned scorer ships in the package and needs none of sumy's rankers (nor pysbd)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

from briefing.summarize.features import FEATURES
from briefing.summarize.learned import model_for

REPO = Path(__file__).resolve().parents[2]


def test_weights_file_is_package_data_and_matches_the_features() -> None:
    data = json.loads(
        resources.files("briefing.summarize").joinpath("weights.json").read_text("utf-8")
    )
    for lang in ("en", "fr", "ja", "default"):
        model = data["languages"][lang]
        assert tuple(model["features"]) == FEATURES, lang
        assert 2 <= model["max_sentences"] <= 3
    assert "hatch" in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_chinese_and_unknown_languages_use_the_pooled_model() -> None:
    assert model_for("zh-tw") is model_for("zh-cn") is model_for("de") is model_for("und")
    assert model_for("ja") is not model_for("zh-cn")


PROBE = """
import sys
from pathlib import Path
from briefing.corpus.load import load_corpus
from briefing.summarize import summarize
docs = load_corpus([Path(sys.argv[1])]).documents
before = set(sys.modules)
for doc in docs:
    summarize(doc)
new = set(sys.modules) - before
print(" ".join(sorted(m for m in new if m.split(".")[0] in ("numpy", "sumy", "nltk", "pysbd"))))
"""


def test_a_brief_loads_no_sumy_ranker() -> None:
    """sumy's LexRank and TextRank were most of a brief's time; only its stop lists and
    Snowball stemmers remain (which bring NLTK, and NLTK numpy: both were there before)."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(REPO / "seeds")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    loaded = out.stdout.split()
    assert not [m for m in loaded if m.startswith(("pysbd", "sumy.summarizers"))]
