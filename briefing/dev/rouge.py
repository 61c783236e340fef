"""ROUGE as ``shared/eval/README.md`` fixes it, so our figures are the ones a reviewer gets
with rouge-score on the same briefs.

English: rouge-score's default tokenizer with its Porter stemmer; French: lower-cased ``\\w+``
tokens, no stemming; Japanese and Chinese: one token per CJK character (a Latin or digit run is
one token, punctuation dropped), because word segmenters disagree and characters do not.

:func:`scorer` is rouge-score itself (what ``briefing eval`` reports). :func:`tokens` and
:func:`fscore` compute the same F1 from token lists, for the training oracle and
cross-validation, which score hundreds of thousands of candidate briefs: tokenizing each
sentence once and counting n-grams here is the same arithmetic as rouge-score's
``_score_ngrams`` (checked by a test), without re-tokenizing every candidate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from briefing.text.scripts import family

# a CJK character (Han, kana, full-width letters) is one ROUGE token; so is a Latin/digit run
CJK_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+"
)
# a French ROUGE token: a run of Unicode word characters
WORD_TOKEN = re.compile(r"\w+")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


class RegexTokenizer:
    """The ``tokenize`` object rouge-score accepts in place of its ASCII-only default."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def tokenize(self, text: str) -> list[str]:
        return self.pattern.findall(text.lower())


@cache
def _tokenizer(fam: str) -> Any:
    if fam in ("ja", "zh"):
        return RegexTokenizer(CJK_TOKEN)
    if fam == "en":
        from rouge_score.tokenizers import DefaultTokenizer

        return DefaultTokenizer(use_stemmer=True)
    return RegexTokenizer(WORD_TOKEN)


def scorer(lang: str) -> Any:
    """rouge-score's scorer with the set's settings."""
    from rouge_score import rouge_scorer

    fam = family(lang)
    if fam == "en":
        return rouge_scorer.RougeScorer(ROUGE_TYPES, use_stemmer=True)
    return rouge_scorer.RougeScorer(ROUGE_TYPES, tokenizer=_tokenizer(fam))


def tokens(text: str, lang: str) -> list[str]:
    """The tokens rouge-score's scorer for ``lang`` makes of ``text``."""
    return list(_tokenizer(family(lang)).tokenize(text))


def ngrams(toks: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def fscore(reference: Counter[tuple[str, ...]], prediction: Counter[tuple[str, ...]]) -> float:
    """ROUGE-N F1 from n-gram counts, as rouge-score computes it."""
    overlap = sum(min(c, prediction[g]) for g, c in reference.items() if g in prediction)
    p = overlap / max(sum(prediction.values()), 1)
    r = overlap / max(sum(reference.values()), 1)
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)
