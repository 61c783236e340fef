"""The loader's dates on the whole field folder against its labels, by where the label's date
comes from (``date_from``: the file's metadata, its text, its saved page, its file name, or none).

    .venv/bin/python benchmarks/field_dates.py [--field DIR] [--labels FILE] [--misses]

Every labelled article the labels expect to load (``expect == "article"``) is scored; one the
loader does not return counts as wrong (the label's ``index`` is the article's place in its
file). A label with no date scores when the loader gives none either. Each file is read by
``documents_from_file``, as a cold build reads it (no cache).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from briefing.corpus.load import documents_from_file

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", type=Path, default=REPO.parent / "shared" / "field")
    parser.add_argument("--labels", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrong date")
    args = parser.parse_args(argv)
    labels_path = args.labels or args.field.parent / "field-labels.jsonl"
    if not args.field.is_dir() or not labels_path.is_file():
        print(f"no field folder at {args.field} or labels at {labels_path}", file=sys.stderr)
        return 1
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        lab = json.loads(line)
        if lab.get("expect") == "article":
            by_file[str(lab["path"])].append(lab)
    score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for rel, labs in sorted(by_file.items()):
        docs, _ = documents_from_file(args.field / rel, rel)
        for lab in labs:
            index = int(lab["index"] or 0)  # type: ignore[call-overload]
            doc = docs[index] if index < len(docs) else None  # the file's n-th article
            got = doc.date.isoformat() if doc and doc.date else None
            kind = str(lab.get("date_from") or "none")
            for key in (kind, "all"):
                score[key][1] += 1
                score[key][0] += got == lab["date"]
            if got != lab["date"]:
                misses.append(f"{kind:8} {rel}#{lab['index']}: got {got}, want {lab['date']}")
    print(f"Dates on {args.field} (labels {labels_path.name}), by the label's date_from")
    print(f"{'from':9} {'right':>6} {'of':>5} {'%':>6}")
    for kind in sorted(score, key=lambda k: (k == "all", k)):
        right, total = score[kind]
        print(f"{kind:9} {right:>6} {total:>5} {100 * right / total:>6.1f}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
