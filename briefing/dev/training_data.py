"""The training sets as the trainer sees them: articles split, featurised and labelled once.

Labels are a greedy oracle per article (the quotable sentences that, added in reading order,
most raise ROUGE-1 + ROUGE-2 F1 against the human summary), or each sentence's own gain.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.dev.rouge import fscore, ngrams, tokens
from briefing.summarize.features import features
from briefing.summarize.rank import analyse
from briefing.summarize.sentences import Sentence


@dataclass
class Article:
    """One training article, split and featurised once."""

    lang: str
    sentences: list[Sentence]
    terms: list[frozenset[object]]
    rows: list[list[float] | None]
    toks: list[list[str]]
    ref1: object
    ref2: object
    raw_lead: list[str]
    """Tokens of lead-3 on the set's text as given (captions included)."""
    title_terms: frozenset[object]
    labels: list[int]
    """1 for the oracle's sentences."""
    gains: list[float]
    """Each quotable sentence's own ROUGE-1+2 F1, as a share of the article's best."""
    cased: bool = True
    """False for a lower-cased copy (most CNN/DailyMail train articles): no capital letters,
    so the name, opener and dateline cues never fire there, unlike in a user's news."""
    style: str = ""
    """The house style, where the set tells it: ``"dm"`` for a Daily Mail story of the
    CNN/DailyMail training copy, ``"cnn"`` for a CNN one (see :func:`style_of`)."""


# the lower-cased CNN/DailyMail training copy's ids: "cnndm-train-train_166-0660" (shard 166)
TRAIN_SHARD = re.compile(r"-train_(\d{3})-")


def style_of(record_id: str) -> str:
    """``"dm"`` or ``"cnn"`` for a story of the lower-cased CNN/DailyMail training copy, else "".

    That copy keeps the dataset's order: CNN's stories fill shards 000–099, Daily Mail's the
    rest (1,685 of the shard-000–099 stories carry a CNN dateline, none of the later ones).
    The English eval set reads as Daily Mail, so cross-validation reports this slice apart.
    """
    m = TRAIN_SHARD.search(record_id)
    if m is None:
        return ""
    return "dm" if int(m.group(1)) >= 100 else "cnn"


def is_cased(text: str) -> bool:
    """Written with capitals where its script has them (a Japanese text always is)."""
    return any(c.isupper() for c in text) or not any(c.isascii() and c.isalpha() for c in text)


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def raw_lead_text(record: dict[str, object], lang: str, n: int = 3) -> list[str]:
    """Lead-n as the literature computes it: the first n sentences of the text as given."""
    from briefing.summarize.sentences import split_sentences

    lines = [p for p in str(record.get("text", "")).splitlines() if p.strip()]
    return [s.text for s in split_sentences(lines, lang)[:n]]


def rouge2(article: Article, chosen: Sequence[int]) -> float:
    pred = [t for i in sorted(chosen) for t in article.toks[i]]
    return fscore(article.ref2, ngrams(pred, 2))  # type: ignore[arg-type]


def oracle(
    toks: list[list[str]],
    rows: list[list[float] | None],
    ref1: Counter[tuple[str, ...]],
    ref2: Counter[tuple[str, ...]],
) -> list[int]:
    """Greedy ROUGE-1+2 oracle over quotable sentences (at most three)."""
    chosen: list[int] = []
    best = 0.0
    candidates = [i for i, r in enumerate(rows) if r is not None]
    for _ in range(3):
        pick, pick_score = -1, best
        for i in candidates:
            if i in chosen:
                continue
            pred = [t for j in sorted([*chosen, i]) for t in toks[j]]
            score = fscore(ref1, ngrams(pred, 1)) + fscore(ref2, ngrams(pred, 2))
            if score > pick_score + 1e-12:
                pick, pick_score = i, score
        if pick < 0:
            break
        chosen.append(pick)
        best = pick_score
    return chosen


def prepare(records: list[dict[str, object]], lang: str) -> list[Article]:
    from briefing.dev.evaluate import record_document

    out: list[Article] = []
    for n, record in enumerate(records):
        try:
            doc = record_document(record, f"train-{lang}", n)
        except ValueError:
            continue
        title = "" if doc.title_derived else doc.title
        analysis = analyse(doc.paragraphs, doc.lang, title)
        if not analysis.sentences:
            continue
        terms = analysis.terms()
        rows = features(analysis.sentences, terms, analysis.title_terms(), doc.lang)
        toks = [tokens(s.text, lang) for s in analysis.sentences]
        ref = tokens(str(record.get("summary", "")), lang)
        ref1, ref2 = ngrams(ref, 1), ngrams(ref, 2)
        picked = set(oracle(toks, rows, ref1, ref2))
        alone = [
            fscore(ref1, ngrams(t, 1)) + fscore(ref2, ngrams(t, 2)) if r is not None else 0.0
            for t, r in zip(toks, rows, strict=True)
        ]
        top = max(alone) or 1.0
        raw = [t for s in raw_lead_text(record, doc.lang) for t in tokens(s, lang)]
        out.append(
            Article(
                lang,
                analysis.sentences,
                terms,
                rows,
                toks,
                ref1,
                ref2,
                raw,
                analysis.title_terms(),
                [int(i in picked) for i in range(len(rows))],
                [g / top for g in alone],
                is_cased(doc.text),
                style_of(str(record.get("id", ""))),
            )
        )
    return out
