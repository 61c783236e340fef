"""A benchmark folder of *distinct* real articles: ``../shared/train`` and ``../shared/field``.

:func:`benchmarks.scale.build_corpus` varies copies of 306 articles, which the duplicate finder
sees through: a cost that grows with *distinct* articles (the sentence vectors) is then paid
306 times whatever the size. This folder has 9,566 train articles (en, fr, ja; undated) and
field's articles (en, fr, ja, zh; dated, several reports of one story in two or three
languages), each written as a JSON file of its own (title, text, date, source, url) into a
folder the caller gives, at run time: never into the repository (the licences of
``../shared/train/README.md``).

Deterministic: field is loaded in its own process with an empty cache and its articles sorted
by id, train is read in file order (en, fr, ja), and ``n`` articles are taken at an even
stride over the whole list, so every size keeps the mix of languages and sources and 1,000 is
a fixed subset of the same pool.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "train"
FIELD = SHARED / "field"


def _field_articles() -> list[dict[str, Any]]:
    """Field's documents as the loader reads them, in a child process with a throwaway cache."""
    code = (
        "import json, sys\n"
        "from briefing.library import open_library\n"
        "lib = open_library(sys.argv[1])\n"
        "for d in sorted(lib.documents, key=lambda d: d.id):\n"
        "    print(json.dumps({'title': d.title, 'text': d.text, 'date': d.date and "
        "d.date.isoformat(), 'source': d.source, 'url': d.url}, ensure_ascii=False))\n"
    )
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BRIEFING_HOME": home, "PYTHONWARNINGS": "ignore"}
        out = subprocess.run(
            [sys.executable, "-c", code, str(FIELD)],
            capture_output=True, text=True, check=True, cwd=ROOT, env=env,
        )  # fmt: skip
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def _train_articles() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in ("en.jsonl", "fr.jsonl", "ja.jsonl"):
        for line in (TRAIN / name).read_text("utf-8").splitlines():
            row = json.loads(line)
            rows.append({"title": row.get("title") or "", "text": row["text"],
                         "source": row.get("source")})  # fmt: skip
    return rows


def pool() -> list[dict[str, Any]]:
    """Every article the folder can hold: field's (by id), then train's (en, fr, ja)."""
    return _field_articles() + _train_articles()


def pick(articles: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """``n`` of ``articles`` at an even stride (all of them when there are no more)."""
    if n >= len(articles):
        return list(articles)
    return [articles[i * len(articles) // n] for i in range(n)]


def build_distinct(target: Path, n: int, articles: list[dict[str, Any]] | None = None) -> Path:
    """``n`` distinct articles as JSON files under ``target`` (100 per folder); returns it."""
    chosen = pick(articles if articles is not None else pool(), n)
    for i, article in enumerate(chosen):
        folder = target / f"d{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        record = {k: v for k, v in article.items() if v}
        (folder / f"a{i:05d}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    return target
