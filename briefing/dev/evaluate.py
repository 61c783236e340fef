"""``briefing eval``: ROUGE of our briefs against human references, next to the baselines.

A developer command (the ``[eval]`` extra brings rouge-score); ``--set`` names the set.

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
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefing.dev.options import add_arguments
from briefing.dev.rouge import ROUGE_TYPES, scorer
from briefing.model import Document
from briefing.summarize.brief import METHOD, METHODS, summarize

Progress = Callable[[str, int, int], None]
"""``progress(label, done, total)``, called after each article."""

RAW_LEAD = "lead-3 raw"
"""Lead-3 as the literature computes it: the first three sentences of the set's text as given
(a caption included where the text opens with one), before any of our cleaning."""


@dataclass
class MethodScore:
    """Mean F1 (×100) over a language's articles for one method."""

    method: str
    rouge1: float
    rouge2: float
    rougeL: float
    sentences: float
    """Mean brief length in sentences: ROUGE F1 moves with length, so show it."""
    vs_lead: tuple[float, float, float] | None = None
    """Mean R-2 minus lead-3's (as given), with its paired bootstrap 95 % interval."""


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


def set_files(path: Path) -> list[Path]:
    """The sets named by ``--set``: one ``.jsonl`` file, or every ``*.jsonl`` of a folder."""
    if path.is_file():
        return [path]
    return sorted(path.glob("*.jsonl"))


def bootstrap(
    diffs: Sequence[float], resamples: int = 2000, seed: int = 20240613
) -> tuple[float, float]:
    """Paired bootstrap: the 95 % percentile interval of the mean of per-article differences
    (articles resampled with replacement; a fixed seed, so the interval is reproducible)."""
    import random

    if not diffs:
        return (0.0, 0.0)
    rng = random.Random(seed)
    n = len(diffs)
    means = sorted(sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


def raw_lead(record: dict[str, Any], lang: str) -> str:
    """Lead-3 on the record's text as given: the first three sentences of its lines."""
    from briefing.summarize.sentences import split_sentences

    lines = [p for p in str(record.get("text", "")).splitlines() if p.strip()]
    return "\n".join(s.text for s in split_sentences(lines, lang)[:3])


def run_eval(
    set_path: Path, methods: Sequence[str] | None = None, progress: Progress | None = None
) -> EvalReport:
    """Score each method's briefs on a set file or every ``*.jsonl`` set of a folder.

    Lead-3 on the text as given, lead-3 on our cleaned text and every plain sumy method run by
    default beside ours, so a claim that our method wins is always checked against baselines
    computed in the same run. Scores are rouge-score's own, with the sets' settings.
    """
    chosen = list(methods) if methods else [METHOD, RAW_LEAD, *METHODS[1:]]
    unknown = [m for m in chosen if m not in METHODS and m != RAW_LEAD]
    if unknown:
        raise ValueError(f"unknown method {unknown[0]!r}; choose from {', '.join(METHODS)}")
    report = EvalReport(str(set_path))
    for path in set_files(set_path):
        records = read_set(path)
        if not records:
            continue
        lang = str(records[0].get("lang") or path.stem)
        rouge = scorer(lang)
        per: dict[str, list[tuple[float, ...]]] = {m: [] for m in chosen}
        started = time.perf_counter()
        for n, record in enumerate(records, 1):
            try:
                doc = record_document(record, str(path), n - 1)
            except ValueError:
                # no text after repair: every method scores 0, as a user would get nothing
                doc = None
            reference = str(record.get("summary", ""))
            for method in chosen:
                if method == RAW_LEAD:
                    brief_text = raw_lead(record, doc.lang if doc else lang)
                else:
                    brief_text = "\n".join(summarize(doc, method).sentences) if doc else ""
                score = rouge.score(reference, brief_text)
                count = brief_text.count("\n") + 1 if brief_text else 0
                per[method].append((*(score[t].fmeasure for t in ROUGE_TYPES), count))
            if progress:
                progress(lang, n, len(records))
        lang_report = LanguageReport(lang, len(records), seconds=time.perf_counter() - started)
        for method in chosen:
            rows = per[method]
            r1, r2, rl, ns = (sum(r[k] for r in rows) / len(rows) for k in range(4))
            vs = None
            if method == METHOD and RAW_LEAD in per:
                diffs = [a[1] - b[1] for a, b in zip(rows, per[RAW_LEAD], strict=True)]
                lo, hi = bootstrap(diffs)
                vs = (100 * sum(diffs) / len(diffs), 100 * lo, 100 * hi)
            lang_report.scores.append(MethodScore(method, 100 * r1, 100 * r2, 100 * rl, ns, vs))
        report.languages.append(lang_report)
    return report


def format_report(report: EvalReport) -> str:
    """One plain-text table per language; ours first, then the lead-3s, then sumy methods."""
    lines = [f"ROUGE F1 ×100 (rouge-score) against human references in {report.set_dir}"]
    for lr in report.languages:
        lines.append("")
        lines.append(f"{lr.lang}: {lr.articles} articles ({lr.seconds:.1f} s)")
        lines.append(f"  {'method':<11} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'sent':>5}")
        for s in lr.scores:
            mark = ""
            if s.vs_lead is not None:
                d, lo, hi = s.vs_lead
                mark = f"  R-2 {d:+.1f} vs lead-3 raw (95% CI {lo:+.1f} to {hi:+.1f})"
            lines.append(
                f"  {s.method:<11} {s.rouge1:6.1f} {s.rouge2:6.1f} {s.rougeL:6.1f}"
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


def eval_main(args: argparse.Namespace) -> int:
    """``briefing eval``: table (or JSON) on stdout, progress on stderr. Exit 1: no sets."""
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        sys.stderr.write(
            "briefing: eval needs rouge-score: pip install 'briefing[eval]' (a developer extra)\n"
        )
        return 2
    methods = getattr(args, "method", None)
    if isinstance(methods, str):
        methods = [methods]
    known = (*METHODS, RAW_LEAD)
    unknown = [m for m in methods or () if m not in known]
    if unknown:
        sys.stderr.write(
            f"briefing eval: unknown method {unknown[0]!r}; choose from {', '.join(known)}\n"
        )
        return 2
    set_dir = Path(args.set)
    if not set_dir.exists() or not set_files(set_dir):
        sys.stderr.write(f"briefing: {set_dir}: no evaluation sets (*.jsonl) found\n")
        return 1
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
