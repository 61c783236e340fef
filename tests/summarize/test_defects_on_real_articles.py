"""The defects a reader saw (issue 15), checked on real articles rather than on one seed each:
a fixed sample of ``../shared/train`` (every 25th article) and of ``../shared/field`` (every
fifth file, every language). The checks are deliberately independent of the summarizer's own
rules (plain character and word overlap, literal caption and opener cues), so a rule that
drifts is caught rather than restated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from briefing.model import Brief, Document
from briefing.summarize import summarize
from briefing.text.scripts import family

SHARED = Path(__file__).resolve().parents[3] / "shared"
TRAIN_STEP = 25
FIELD_STEP = 5


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data sets sit beside the repository)")
    return path


def _train(lang: str) -> Iterator[Document]:
    from briefing.dev.evaluate import record_document

    path = _need(SHARED / "train" / f"{lang}.jsonl")
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % TRAIN_STEP == 0 and line.strip():
                try:
                    yield record_document(json.loads(line), str(path), n)
                except ValueError:
                    continue


@pytest.fixture(scope="module")
def real() -> list[tuple[Document, Brief]]:
    from briefing.corpus.load import load_corpus

    files = sorted(p for p in _need(SHARED / "field").rglob("*") if p.is_file())
    docs = list(load_corpus(files[::FIELD_STEP]).documents)
    for lang in ("en", "fr", "ja"):
        docs.extend(_train(lang))
    assert {family(d.lang) for d in docs} >= {"en", "fr", "ja", "zh"}
    return [(d, summarize(d)) for d in docs]


def _units(text: str, lang: str) -> set[str]:
    """Character pairs for ja/zh, lower-cased words otherwise."""
    if family(lang) in ("ja", "zh"):
        chars = [c for c in text if c.isalnum()]
        return {a + b for a, b in pairwise(chars)}
    return set(re.findall(r"\w+", text.lower()))


def _says_again(a: str, b: str, lang: str) -> bool:
    ua, ub = _units(a, lang), _units(b, lang)
    small = min(len(ua), len(ub))
    return small >= 8 and len(ua & ub) / small > 0.8


def test_no_brief_says_the_same_thing_twice(real) -> None:  # type: ignore[no-untyped-def]
    bad = [
        (d.id, a[:60], b[:60])
        for d, brief in real
        for i, a in enumerate(brief.sentences)
        for b in brief.sentences[i + 1 :]
        if _says_again(a, b, d.lang)
    ]
    assert not bad, bad[:5]


LEANS = re.compile(
    r"^(?:这是|這是|中国则|中國則|まず一つ|まず、|此外|He said|She said|Il a ajouté)|"
    # Chinese: "this/that …" at the start or after a lead-in ("在這一過程中", "未來這一組織")
    r"^[\u4e00-\u9fff]{0,3}(?:这一|這一|这些|這些|这样|這樣|这种|這種|在此|对此|對此|为此|為此)"
)


def test_an_opener_that_leans_on_the_sentence_before_comes_right_after_it(real) -> None:  # type: ignore[no-untyped-def]
    from briefing.summarize.brief import _analysis

    bad = []
    for d, brief in real:
        order = [s.text for s in _analysis(d).sentences]
        for k, s in enumerate(brief.sentences):
            if LEANS.match(s):
                i = order.index(s)
                if k == 0 or i == 0 or brief.sentences[k - 1] != order[i - 1]:
                    bad.append((d.id, s[:60]))
    assert not bad, bad[:5]


CAPTION = re.compile(
    r"（(?:左|右|中央|左から|右から)）|^写真は|撮影[）)]。?$|^\(?Photo ?(?::|©)|^Image caption"
)


def test_no_brief_or_key_point_is_a_photo_caption(real) -> None:  # type: ignore[no-untyped-def]
    bad = [
        (d.id, t[:60])
        for d, brief in real
        for t in (*brief.sentences, *(k.text for k in brief.key_points))
        if CAPTION.search(t.strip("…"))
    ]
    assert not bad, bad[:5]


def test_no_key_point_repeats_a_brief_sentence(real) -> None:  # type: ignore[no-untyped-def]
    bad = [
        (d.id, k.text[:60])
        for d, brief in real
        for k in brief.key_points
        for s in brief.sentences
        if k.text.strip("…").strip() in s or _says_again(k.text.strip("…"), s, d.lang)
    ]
    assert not bad, bad[:5]


def test_every_brief_sentence_is_short_enough_to_quote(real) -> None:  # type: ignore[no-untyped-def]
    """pysbd returned 80–210-word "sentences"; none may reach a brief."""
    bad = [
        (d.id, len(s.split()))
        for d, brief in real
        if family(d.lang) in ("en", "fr")
        for s in brief.sentences
        if len(s.split()) > 80
    ]
    assert not bad, bad[:5]


GLUED = re.compile(r"[a-zà-ÿ]{4}(?:Que|Qui|Le|La|Les|Il|Elle|Ce|Un|Une|Ce texte)\b|par euronews")


def test_french_intertitles_and_embed_credits_are_not_glued_into_a_brief(real) -> None:  # type: ignore[no-untyped-def]
    bad = [
        (d.id, s[:80])
        for d, brief in real
        if family(d.lang) == "fr"
        for s in brief.sentences
        if GLUED.search(s)
    ]
    assert not bad, bad[:5]


def test_no_key_point_opens_on_a_sentence_that_leans_on_the_one_before(real) -> None:  # type: ignore[no-untyped-def]
    bad = [
        (d.id, k.text[:60])
        for d, brief in real
        for k in brief.key_points
        if not k.text.startswith("…") and LEANS.match(k.text)
    ]
    assert not bad, bad[:5]


QUOTES = (("「", "」"), ("『", "』"), ("“", "”"), ("«", "»"))


def test_no_brief_sentence_or_key_point_breaks_off_a_quotation(real) -> None:  # type: ignore[no-untyped-def]
    """Half a quote misquotes: who speaks, or where the words stop, is in the other half."""
    bad = [
        (d.id, t[:60])
        for d, brief in real
        for t in (*brief.sentences, *(k.text.strip("…") for k in brief.key_points))
        if any(t.count(a) != t.count(b) for a, b in QUOTES)
    ]
    assert not bad, bad[:5]


def test_no_brief_sentence_only_says_the_title_again(real) -> None:  # type: ignore[no-untyped-def]
    """A title made from the text (a set without titles, a page without a heading) is its
    opening sentence, which stays the lead; a headline of its own is never said again."""
    bad = []
    for d, brief in real:
        if d.title_derived:
            continue
        title = _units(d.title, d.lang)
        for s in brief.sentences:
            units = _units(s, d.lang)
            if len(units) >= 6 and len(units & title) / len(units) > 0.9:
                bad.append((d.id, s[:60]))
    assert not bad, bad[:5]


SCAFFOLD = re.compile(
    r"^(?:Summary|Résumé|Key points|Highlights)\s*:|(?:摘要|如下|以下)\s*[:：]", re.I
)


def test_no_scaffolding_line_is_quoted(real) -> None:  # type: ignore[no-untyped-def]
    """A label ("文章摘要如下:", "Summary:") announces text; a line ending on a colon, a list."""
    bad = [
        (d.id, t[:60])
        for d, brief in real
        for t in (*brief.sentences, *(k.text for k in brief.key_points))
        if SCAFFOLD.search(t) or t.rstrip().endswith((":", "："))
    ]
    assert not bad, bad[:5]


def test_the_title_bonus_never_pushes_the_best_sentence_out_of_a_brief(real) -> None:  # type: ignore[no-untyped-def]
    """The sentence the learned scorer rates best (usually the lead) is in every brief that
    can quote it: a quote naming the title's words pushed the lead out of a Japanese brief.
    One that leans on the sentence before can be quoted when that is the lead (it comes with
    the lead), and the text's first sentence leans only on the title, unless it carries on
    from a statement (中国则…)."""
    from briefing.summarize.brief import _analysis, score_sentences
    from briefing.summarize.features import DANGLING
    from briefing.summarize.learned import model_for
    from briefing.summarize.rank import near_duplicate
    from briefing.summarize.standalone import continues, stands_alone

    bad = []
    for d, brief in real:
        a = _analysis(d)
        scores = score_sentences(a, model_for(a.lang))
        rule = DANGLING.get(family(d.lang))
        title = a.title_terms()
        texts = [s.text for s in a.sentences]
        quotable = [i for i in range(len(texts)) if scores[i] > float("-inf")]
        alone = [i for i in quotable if stands_alone(texts[i], a.terms()[i], title)]
        opening = quotable[0] if quotable and not continues(texts[quotable[0]], d.lang) else -1

        def leans(i: int, rule=rule, texts=texts, opening=opening) -> bool:  # type: ignore[no-untyped-def]
            return bool(rule and rule.match(texts[i])) and i != opening

        fit = [i for i in alone if not leans(i) or (i - 1 == opening and opening in alone)]
        if fit:
            best = max(fit, key=lambda i: (scores[i], -i))
            terms = a.terms()
            wanted = [best, best - 1] if leans(best) else [best]
            if leans(best) and (
                near_duplicate(terms[best], terms[best - 1], d.lang)
                or near_duplicate(terms[best - 1], terms[best], d.lang)
            ):
                wanted = [best - 1]  # the lead says it already
            if any(texts[i] not in brief.sentences for i in wanted):
                bad.append((d.id, texts[best][:60]))
    assert not bad, bad[:5]
