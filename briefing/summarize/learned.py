"""The sentence scorer learned from real news: a linear model per language, read from
``weights.json`` (shipped in the package, made by ``python -m briefing.dev.train``).

A logistic regression over :data:`briefing.summarize.features.FEATURES`, fitted on human
summaries (OrangeSum, CNN/DailyMail, XL-Sum training articles; never the eval sets) with
labels from a greedy ROUGE oracle. Inference is a dot product per sentence in plain Python:
no numpy, no sumy, no network. The file also holds what cross-validation chose per language:
how many sentences a brief takes and when two already make a full brief.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from briefing.text.scripts import family

WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True, slots=True)
class Model:
    """One language's scorer and brief-length rule."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    max_sentences: int = 3
    """A brief never has more sentences than this."""
    full_words: float = 45.0
    """Two sentences of at least this many words (ja/zh: characters / 2) make a full brief."""
    coverage: float = 0.0
    """Bonus, in score units, for the share of the title a sentence adds to the brief."""
    redundancy: float = 0.0
    """Penalty, in score units, times the share of a sentence's terms the brief already has
    (maximal marginal relevance: a brief should not spend a sentence on what it said)."""

    def score(self, rows: Sequence[Sequence[float] | None]) -> list[float]:
        """Log-odds that a sentence belongs in the brief; −inf for one that may not be quoted."""
        out: list[float] = []
        coef = [w / s for w, s in zip(self.weights, self.scale, strict=True)]
        offset = self.bias - sum(c * m for c, m in zip(coef, self.mean, strict=True))
        for row in rows:
            if row is None:
                out.append(-math.inf)
            else:
                out.append(offset + sum(c * x for c, x in zip(coef, row, strict=True)))
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "max_sentences": self.max_sentences,
            "full_words": self.full_words,
            "coverage": self.coverage,
            "redundancy": self.redundancy,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Model:
        return cls(
            features=tuple(data["features"]),  # type: ignore[arg-type]
            mean=tuple(float(v) for v in data["mean"]),  # type: ignore[attr-defined]
            scale=tuple(float(v) for v in data["scale"]),  # type: ignore[attr-defined]
            weights=tuple(float(v) for v in data["weights"]),  # type: ignore[attr-defined]
            bias=float(data["bias"]),  # type: ignore[arg-type]
            max_sentences=int(data.get("max_sentences", 3)),  # type: ignore[call-overload]
            full_words=float(data.get("full_words", 45.0)),  # type: ignore[arg-type]
            coverage=float(data.get("coverage", 0.0)),  # type: ignore[arg-type]
            redundancy=float(data.get("redundancy", 0.0)),  # type: ignore[arg-type]
        )


@cache
def _all() -> dict[str, Model]:
    text = resources.files("briefing.summarize").joinpath(WEIGHTS_FILE).read_text("utf-8")
    data = json.loads(text)
    return {lang: Model.from_json(m) for lang, m in data["languages"].items()}


def model_for(lang: str) -> Model:
    """The language's own model, or the one fitted on all training languages together
    (``default``: Chinese and any language without a training set)."""
    models = _all()
    return models.get(family(lang)) or models["default"]
