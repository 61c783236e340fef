"""``briefing eval``: ROUGE of our briefs against human references, next to the baselines.

Every article goes through the same loader and summarizer a user gets, and every method is
scored in the same run on the same sentences, so the table compares like with like. ROUGE
settings follow ``shared/eval/README.md`` so figures are comparable with the published
baselines: English with rouge-score's default tokenizer and Porter stemmer; French lower-cased
``\\w+`` tokens without stemming; Japanese and Chinese one token per CJK character (a Latin or
digit run is one token, punctuation dropped), because word segmenters disagree and characters
do not.

The sets are read in place (their licences forbid copying them into this repository).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefing.model import Document
from briefing.summarize.brief import LEAD, METHOD, METHODS, summarize
from briefing.text.scripts import family

Progress = Callable[[str, int, int], None]
"""``progress(label, done, total)``, called after each article."""

# a CJK character (Han, kana, full-width letters) is one ROUGE token; so is a Latin/digit run
CJK_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+"
)
# a French ROUGE token: a run of Unicode word characters
WORD_TOKEN = re.compile(r"\w+")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


class _RegexTokenizer:
    """The ``tokenize`` object rouge-score accepts in place of its ASCII-only default."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def tokenize(self, text: str) -> list[str]:
        return self.pattern.findall(text.lower())


def _scorer(lang: str) -> Any:
    from rouge_score import rouge_scorer

    fam = family(lang)
    if fam in ("ja", "zh"):
        return rouge_scorer.RougeScorer(ROUGE_TYPES, tokenizer=_RegexTokenizer(CJK_TOKEN))
    if fam == "en":
        return rouge_scorer.RougeScorer(ROUGE_TYPES, use_stemmer=True)
    return rouge_scorer.RougeScorer(ROUGE_TYPES, tokenizer=_RegexTokenizer(WORD_TOKEN))


@dataclass
class MethodScore:
    """Mean F1 (×100) over a language's articles for one method."""

    method: str
    rouge1: float
    rouge2: float
    rougeL: float
    sentences: float
    """Mean brief length in sentences: ROUGE F1 moves with length, so show it."""


@dataclass
class LanguageReport:
    lang: str
    articles: int
    scores: list[MethodScore] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class EvalReport:
    set_dir: str
    languages: list[LanguageReport] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def default_set_dir() -> Path:
    """``shared/eval`` beside the repository (CI clones it at ``../shared``)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def record_document(record: dict[str, Any], path: str, index: int) -> Document:
    """An eval record as the loader would make it (falls back to a plain split if absent)."""
    try:
        from briefing.corpus.load import document_from_record
    except ImportError:
        pass
    else:
        return document_from_record(record, path, index)
    text = str(record.get("text", ""))
    paragraphs = tuple(p.strip() for p in text.splitlines() if p.strip())
    title = str(record.get("title") or "")
    return Document(
        id=str(record.get("id") or f"{path}#{index}"),
        path=path,
        title=title,
        title_derived=not title,
        date=None,
        source=record.get("source"),
        lang=str(record.get("lang") or "und"),
        paragraphs=paragraphs,
    )


def read_set(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
    return out


def run_eval(
    set_dir: Path, methods: Sequence[str] | None = None, progress: Progress | None = None
) -> EvalReport:
    """Score each method's briefs on every ``*.jsonl`` set in ``set_dir``.

    Lead-3 and every plain sumy method run by default beside ours, so a claim that our method
    wins is always checked against baselines computed on the same sentences in the same run.
    """
    chosen = list(methods) if methods else list(METHODS)
    unknown = [m for m in chosen if m not in METHODS]
    if unknown:
        raise ValueError(f"unknown method {unknown[0]!r}; choose from {', '.join(METHODS)}")
    report = EvalReport(str(set_dir))
    for path in sorted(set_dir.glob("*.jsonl")):
        records = read_set(path)
        if not records:
            continue
        lang = str(records[0].get("lang") or path.stem)
        scorer = _scorer(lang)
        totals = {m: [0.0, 0.0, 0.0, 0.0] for m in chosen}
        started = time.perf_counter()
        for n, record in enumerate(records, 1):
            try:
                doc = record_document(record, str(path), n - 1)
            except ValueError:
                # no text after repair: every method scores 0, as a user would get nothing
                doc = None
            reference = str(record.get("summary", ""))
            for method in chosen:
                brief_text = "\n".join(summarize(doc, method).sentences) if doc else ""
                score = scorer.score(reference, brief_text)
                acc = totals[method]
                for k, rouge in enumerate(ROUGE_TYPES):
                    acc[k] += score[rouge].fmeasure
                acc[3] += brief_text.count("\n") + 1 if brief_text else 0
            if progress:
                progress(lang, n, len(records))
        lang_report = LanguageReport(lang, len(records), seconds=time.perf_counter() - started)
        for method in chosen:
            r1, r2, rl, ns = (v / len(records) for v in totals[method])
            lang_report.scores.append(MethodScore(method, 100 * r1, 100 * r2, 100 * rl, ns))
        report.languages.append(lang_report)
    return report


def format_report(report: EvalReport) -> str:
    """One plain-text table per language; ours first, then lead-3, then sumy methods."""
    lines = [f"ROUGE F1 ×100 against human references in {report.set_dir}"]
    for lr in report.languages:
        lines.append("")
        lines.append(f"{lr.lang}: {lr.articles} articles ({lr.seconds:.1f} s)")
        lines.append(f"  {'method':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'sent':>5}")
        lead = next((s for s in lr.scores if s.method == LEAD), None)
        for s in lr.scores:
            mark = ""
            if s.method == METHOD and lead is not None:
                mark = f"  R-2 {s.rouge2 - lead.rouge2:+.1f} vs lead-3"
            lines.append(
                f"  {s.method:<10} {s.rouge1:6.1f} {s.rouge2:6.1f} {s.rougeL:6.1f}"
                f" {s.sentences:5.2f}{mark}"
            )
    return "\n".join(lines)


def _stderr_progress(label: str, done: int, total: int) -> None:
    """A counter updated in place on a terminal; one line per set when stderr is a file."""
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rbriefing: eval {label}: {done}/{total}{end}")
    elif done == total:
        sys.stderr.write(f"briefing: eval {label}: {done}/{total}\n")
    sys.stderr.flush()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``briefing eval`` flags, so cli.py and ``python -m`` share one definition."""
    parser.add_argument(
        "--set",
        dest="set",
        type=Path,
        default=None,
        help="folder of *.jsonl sets (default: ../shared/eval)",
    )
    parser.add_argument(
        "--method",
        action="append",
        choices=METHODS,
        default=None,
        help="run only this method (repeatable; default: ours and baselines)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def eval_main(args: argparse.Namespace) -> int:
    """``briefing eval``: table (or JSON) on stdout, progress on stderr. Exit 1: no sets."""
    set_dir = Path(args.set) if getattr(args, "set", None) else default_set_dir()
    if not set_dir.is_dir() or not any(set_dir.glob("*.jsonl")):
        sys.stderr.write(f"briefing: {set_dir}: no evaluation sets (*.jsonl) found\n")
        return 1
    methods = getattr(args, "method", None)
    if isinstance(methods, str):
        methods = [methods]
    report = run_eval(set_dir, methods, _stderr_progress)
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report) + "\n")
    return 0


if __name__ == "__main__":
    _parser = argparse.ArgumentParser(prog="briefing eval")
    add_arguments(_parser)
    sys.exit(eval_main(_parser.parse_args()))
