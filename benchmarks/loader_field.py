"""The loader on the field folder's saved pages and feeds: title, date and source against the
labels, and the page-date methods side by side.

    .venv/bin/python benchmarks/loader_field.py [--field DIR] [--labels FILE] [--misses]
        [--evalpages FILE]

Reads ``../shared/field`` and ``../shared/field-labels.jsonl`` by default (FIELD.md says what they
hold). Every labelled article of ``saved-pages/`` and ``feeds/`` that the labels expect to load
(``expect == "article"``) is scored; one the loader does not return counts as a miss on every
field. ``title*`` scores the title against the label with the label's own source cut off its
end (``… - Yahoo!ニュース`` labelled source ``Yahoo!ニュース``): the loader cuts a site's name
that the labels, written as the files give titles, keep. Titles compare after whitespace is
collapsed (the labels keep no-break and doubled spaces); sources ignore case. A label with no
title or no source is left out of that figure; a label with no date scores when the loader gives
none either.

Text: every sentence of the field's eval-set articles (their originals are in ``../shared/eval``)
is looked for in its document (text kept), and every string the field's builder inserted as
chrome (``noise`` in the labels) is looked for too (chrome dropped).

The page-date table scores each method on the saved pages alone, straight from the HTML:
trafilatura's metadata date (the method before issue 17), htmldate's ``find_date`` with
``original_date=True`` (the publication, not the last change) and what the loader now gives.

The last table (``versus.py``) sets the loader beside plain trafilatura on the saved pages, in
the same run: date, title, and the main text scored by trafilatura's own evaluation snippets
(``--evalpages``, default ``trafilatura_evalpages.json`` here: its ``EVAL_PAGES`` entries for
the field's pages, url → ``with`` snippets to keep and ``without`` chrome to drop, ``comments``
readers' comments to leave out), then on the field's own cases (``--field-cases``, default
``field_chrome.json``: chrome plain trafilatura leaves on these pages, and article lines beside
it), then on both.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing.corpus.load import documents_from_file  # noqa: E402
from briefing.corpus.read import read_text  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from versus import compare  # noqa: E402

PARTS = ("saved-pages/", "feeds/")
SPACES = re.compile(r"\s+")


def _norm_title(value: str | None) -> str:
    return SPACES.sub(" ", value or "").strip()


def _norm_source(value: str | None) -> str:
    return SPACES.sub(" ", value or "").strip().casefold()


def _index(doc_id: str) -> int:
    return int(doc_id.rsplit("#", 1)[1]) - 1 if "#" in doc_id else 0


def _page_dates(path: Path) -> dict[str, str | None]:
    import htmldate
    import trafilatura

    html = read_text(path, 25_000_000)
    meta = trafilatura.extract_metadata(html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = htmldate.find_date(html, original_date=True, extensive_search=True)
    return {"trafilatura": meta.date if meta else None, "htmldate": found}


SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")
NO_SPACE = re.compile(r"[\s\u200b\u2060\ufeff]+")  # repair drops zero-width spaces


def score_field_text(field: Path, labels: list[dict[str, object]]) -> None:
    """Text kept: the sentences of each eval-set article (``../shared/eval``, the texts the field's
    eval articles were made from) found in its document; chrome dropped: the strings the field's
    builder inserted (``noise`` in the labels: footers, captions, bylines, tags) not found."""
    eval_dir = field.parent / "eval"
    originals: dict[str, str] = {}
    for lang_file in sorted(eval_dir.glob("*.jsonl")):
        for line in lang_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                originals[f"eval:{rec['id']}"] = str(rec.get("text") or "")
    wanted = [lab for lab in labels if lab["id"] in originals or lab.get("noise")]
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for lab in wanted:
        by_file[str(lab["path"])].append(lab)
    kept = total = dropped = chrome = 0
    noise_by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rel, labs in sorted(by_file.items()):
        docs, _ = documents_from_file(field / rel, rel)
        found = {_index(d.id): NO_SPACE.sub("", d.text) for d in docs}
        for lab in labs:
            text = found.get(int(lab["index"] or 0), "")  # type: ignore[call-overload]
            if lab["id"] in originals:
                for sentence in SENTENCE.split(originals[str(lab["id"])]):
                    if NO_SPACE.sub("", sentence):
                        total += 1
                        kept += NO_SPACE.sub("", sentence) in text
            for noise in lab.get("noise") or []:  # type: ignore[attr-defined]
                chrome += 1
                gone = NO_SPACE.sub("", noise) not in text
                dropped += gone
                tally = noise_by_lang[str(lab["lang"])]
                tally[0], tally[1] = tally[0] + gone, tally[1] + 1
    print(f"\nField text: {len(by_file)} files")
    print(f"  eval-set sentences kept   {kept}/{total} ({100 * kept / max(total, 1):.1f} %)")
    langs = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(noise_by_lang.items()))
    print(
        f"  inserted chrome dropped   {dropped}/{chrome} ({100 * dropped / max(chrome, 1):.1f} %)"
        f"  [{langs}]"
    )


def _loaded(path: Path) -> dict[str, str | None]:
    """The loader's title, date, text and address for one saved page."""
    docs, _ = documents_from_file(path, path.name)
    doc = docs[0] if docs else None
    if doc is None:
        return {"title": None, "date": None, "text": "", "url": None}
    return {
        "title": None if doc.title_derived else doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "text": doc.text,
        "url": doc.url,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--field", type=Path, default=REPO.parent / "shared" / "field")
    parser.add_argument("--labels", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="print every wrong field")
    parser.add_argument(
        "--evalpages",
        type=Path,
        default=Path(__file__).with_name("trafilatura_evalpages.json"),
        help="trafilatura's EVAL_PAGES entries for the field's pages (JSON)",
    )
    parser.add_argument(
        "--field-cases",
        type=Path,
        default=Path(__file__).with_name("field_chrome.json"),
        help="the field's own chrome and article cases on its saved pages (JSON)",
    )
    args = parser.parse_args(argv)
    labels_path = args.labels or args.field.parent / "field-labels.jsonl"
    if not args.field.is_dir() or not labels_path.is_file():
        print(f"no field folder at {args.field} or labels at {labels_path}", file=sys.stderr)
        return 1
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines()]
    wanted = [
        lab for lab in labels if lab["path"].startswith(PARTS) and lab.get("expect") == "article"
    ]
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for lab in wanted:
        by_file[lab["path"]].append(lab)

    score: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    page_score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for rel, labs in sorted(by_file.items()):
        path = args.field / rel
        docs, _ = documents_from_file(path, rel)
        found = {_index(d.id): d for d in docs}
        part = "pages" if rel.startswith("saved-pages/") else "feeds"
        for lab in labs:
            doc = found.get(int(lab["index"] or 0))
            got_title = doc.title if doc and not doc.title_derived else None
            got_date = doc.date.isoformat() if doc and doc.date else None
            got_source = doc.source if doc else None
            checks = []
            if lab["title"] is not None:
                checks.append(("title", _norm_title(got_title), _norm_title(lab["title"])))
                want = _norm_title(lab["title"])
                for sep in (" - ", " | ", "|", " – "):  # the label ends with its own source
                    if lab["source"] and want.endswith(f"{sep}{_norm_title(lab['source'])}"):
                        want = want[: -len(sep) - len(_norm_title(lab["source"]))].rstrip()
                checks.append(("title*", _norm_title(got_title), want))
            checks.append(("date", got_date, lab["date"]))
            if lab["source"] is not None:
                checks.append(("source", _norm_source(got_source), _norm_source(lab["source"])))
            for name, got, want in checks:
                for key in ((part, name), ("all", name)):
                    score[key][1] += 1
                    score[key][0] += got == want
                if got != want:
                    misses.append(f"{name:6} {rel}#{lab['index']}: got {got!r}, want {want!r}")
            if part == "pages":
                methods = _page_dates(path)
                methods["loader"] = got_date
                for method, value in methods.items():
                    page_score[method][1] += 1
                    page_score[method][0] += (value or None) == lab["date"]

    print(f"Loader on {args.field} (labels {labels_path.name}), {len(wanted)} articles")
    print(f"{'part':8} {'field':7} {'right':>7} {'of':>5} {'%':>6}")
    for part in ("pages", "feeds", "all"):
        for name in ("title", "title*", "date", "source"):
            right, total = score[(part, name)]
            pct = 100 * right / total if total else 0.0
            print(f"{part:8} {name:7} {right:>7} {total:>5} {pct:>6.1f}")
    print("\nPage dates by method (saved pages)")
    for method, (right, total) in page_score.items():
        print(f"  {method:12} {right:>3}/{total}  {100 * right / total:5.1f} %")
    if (args.field.parent / "eval").is_dir():
        score_field_text(args.field, labels)
    read = lambda p: read_text(p, 25_000_000)  # noqa: E731
    compare(args.field, labels, args.evalpages, _loaded, read, args.field_cases)
    if args.misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
