"""Verbatim, always: every brief sentence is a substring of the article's clean text, and every
key point is one or more such substrings joined by ``…`` where text was cut.

Checked over every article of ``../shared/eval`` and fixed samples of ``../shared/train`` (every
40th article, about 240) and ``../shared/field`` (every third file), so CI stays fast.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.model import Brief, Document
from briefing.summarize import summarize

SHARED = Path(__file__).resolve().parents[3] / "shared"
TRAIN_STEP = 40
FIELD_STEP = 3


def unquoted(doc: Document, brief: Brief) -> list[str]:
    """The brief sentences and key-point pieces that are not in the document's text."""
    text = doc.text
    bad = [s for s in brief.sentences if s not in text]
    for point in brief.key_points:
        pieces = [p for p in point.text.split("…") if p.strip()]
        if not pieces or any(p.strip() not in text for p in pieces):
            bad.append(point.text)
    return bad


def records(path: Path, step: int = 1) -> Iterator[Document]:
    from briefing.dev.evaluate import record_document

    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % step or not line.strip():
                continue
            try:
                yield record_document(json.loads(line), str(path), n)
            except ValueError:
                continue


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data sets sit beside the repository)")
    return path


def check(docs: Iterator[Document]) -> None:
    failures = []
    count = 0
    for doc in docs:
        count += 1
        bad = unquoted(doc, summarize(doc))
        if bad:
            failures.append((doc.id, bad[:2]))
    assert count > 0
    assert not failures, f"{len(failures)} of {count} articles: {failures[:5]}"


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_every_eval_brief_is_verbatim(lang: str) -> None:
    check(records(need(SHARED / "eval" / f"{lang}.jsonl")))


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_a_sample_of_training_briefs_is_verbatim(lang: str) -> None:
    check(records(need(SHARED / "train" / f"{lang}.jsonl"), TRAIN_STEP))


def test_field_briefs_are_verbatim() -> None:
    """Every article of every third file of the field corpus (loading all 630 takes a minute)."""
    from briefing.corpus.load import load_corpus

    files = sorted(p for p in need(SHARED / "field").rglob("*") if p.is_file())
    corpus = load_corpus(files[::FIELD_STEP])
    check(iter(corpus.documents))


def test_seed_briefs_are_verbatim(seed_corpus) -> None:  # type: ignore[no-untyped-def]
    check(iter(seed_corpus.documents))
