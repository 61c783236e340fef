"""The loader against plain trafilatura on the field's saved pages, four measures in one run.

Imported by ``loader_field.py`` (run that script); kept apart so each file holds one job.

* date: the page's date against the label (``YYYY-MM-DD``; a label with no date scores when the
  method gives none), trafilatura's ``extract_metadata(html).date`` against the loader's;
* title: as labelled, and ``title*`` with the label's own source cut off its end (the loader cuts
  a site's name that the labels, written as the pages give titles, keep);
* text kept / chrome dropped: the snippets of trafilatura's own evaluation data
  (``trafilatura_evalpages.json``, its ``EVAL_PAGES`` entries for these pages) that must be in
  the text (``with``) and must not (``without``), ``trafilatura.extract(html)`` with its
  defaults against the loader's title and text; readers' comments (``comments``, EVAL_PAGES's
  own key) are scored apart, as left out;
* the same two measures on the field's own cases (``field_chrome.json``: chrome lines plain
  trafilatura leaves on these pages, the article line nearest each, and the standfirsts the
  pages show under their headlines, counted as text kept), then both sets together.

Plain trafilatura is run with its defaults, as a user who installs it would; the last column is
trafilatura with ``include_comments=False``, as the loader runs it (readers' comments are not the
article: two of the ``with`` snippets, on zeit.de, are comments).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

SPACES = re.compile(r"\s+")
SEPARATORS = (" - ", " | ", "|", " – ")


def norm(value: str | None) -> str:
    return SPACES.sub(" ", value or "").strip()


def url_key(url: str) -> str:
    """An address compared without its scheme, ``www.`` and trailing slash."""
    url = re.sub(r"^https?://(?:www\.)?", "", url.strip())
    return url.rstrip("/")


def read_evalpages(path: Path) -> dict[str, dict[str, list[str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {url_key(url): entry for url, entry in data.items() if not url.startswith("_")}


def cut_title(label: dict[str, Any]) -> str:
    """The label's title without its own source at its end: ``… - Yahoo!ニュース``."""
    want = norm(label["title"])
    source = norm(label.get("source"))
    for sep in SEPARATORS:
        if source and want.endswith(f"{sep}{source}"):
            want = want[: -len(sep) - len(source)].rstrip()
    return want


def _plain(html: str, comments: bool = True) -> dict[str, str | None]:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meta = trafilatura.extract_metadata(html)
        text = trafilatura.extract(html, include_comments=comments)
    return {
        "title": meta.title if meta else None,
        "date": meta.date if meta else None,
        "text": text or "",
        "url": meta.url if meta else None,
    }


def _read_cases(path: Path | None) -> dict[str, dict[str, list[str]]]:
    """The field's own cases, by file name (``field_chrome.json``)."""
    if path is None or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: entry for name, entry in data.items() if not name.startswith("_")}


def _score(t: dict[str, list[int]], flat: str, entry: dict[str, list[str]], prefix: str) -> None:
    keep = [norm(s) in flat for s in entry.get("with", [])]
    drop = [norm(s) not in flat for s in entry.get("without", [])]
    keep += [norm(s) in flat for s in entry.get("standfirst", [])]
    gone = [norm(s) not in flat for s in entry.get("comments", [])]
    for key, hits in (("kept", keep), ("dropped", drop), ("comments", gone)):
        for k in (f"{prefix}{key}", f"all {key}"):
            t[k][0] += sum(hits)
            t[k][1] += len(hits)


def compare(
    field: Path,
    labels: list[dict[str, Any]],
    evalpages: Path | None,
    load: Callable[[Path], dict[str, str | None]],
    read: Callable[[Path], str],
    field_cases: Path | None = None,
) -> None:
    """Print date / title / title* / text kept / chrome dropped for both, on every labelled page.

    ``load`` gives the loader's title, date, text and url for a page; ``read`` its decoded HTML.
    """
    pages = [lab for lab in labels if lab["path"].startswith("saved-pages/")]
    pages = [lab for lab in pages if lab.get("expect") == "article"]
    snippets = read_evalpages(evalpages) if evalpages and evalpages.is_file() else {}
    cases = _read_cases(field_cases)
    names = ("loader", "trafilatura", "no comments")
    keys = ("date", "title", "title*", "kept", "dropped", "comments")
    keys += ("field kept", "field dropped", "field comments", "all kept", "all dropped")
    keys += ("all comments",)
    tally = {n: {k: [0, 0] for k in keys} for n in names}
    matched = 0
    for lab in pages:
        path = field / lab["path"]
        html = read(path)
        got = {
            "loader": load(path),
            "trafilatura": _plain(html),
            "no comments": _plain(html, comments=False),
        }
        urls = [u for g in got.values() if (u := g.get("url"))]
        entry = next((snippets[url_key(u)] for u in urls if url_key(u) in snippets), None)
        matched += entry is not None
        for name, found in got.items():
            t = tally[name]
            date = (found["date"] or "")[:10] or None
            t["date"][0] += date == lab["date"]
            t["date"][1] += 1
            if lab["title"] is not None:
                t["title"][0] += norm(found["title"]) == norm(lab["title"])
                t["title*"][0] += norm(found["title"]) == cut_title(lab)
                t["title"][1] += 1
                t["title*"][1] += 1
            flat = norm(f"{found['title'] or ''}\n{found['text'] or ''}")
            if entry:
                _score(t, flat, entry, "")
            if (case := cases.get(Path(lab["path"]).name)) is not None:
                _score(t, flat, case, "field ")
    print(f"\nSaved pages: the loader and plain trafilatura ({len(pages)} labelled pages;")
    print(f"text kept / chrome dropped on the {matched} in trafilatura's own EVAL_PAGES,")
    print(f"then on the field's own cases on {len(cases)} pages, then both)")
    print(f"  {'measure':24}" + "".join(f"{n:>22}" for n in names))
    rows = (("date", "date"), ("title", "title"), ("title*", "title*"))
    rows += (("text kept", "kept"), ("chrome dropped", "dropped"))
    rows += (("comments left out", "comments"), ("field: text kept", "field kept"))
    rows += (("field: chrome dropped", "field dropped"), ("all: text kept", "all kept"))
    rows += (("all: chrome dropped", "all dropped"),)
    for label, key in rows:
        cells = []
        for n in names:
            right, total = tally[n][key]
            cells.append(f"{right}/{total} ({100 * right / max(total, 1):.1f} %)")
        print(f"  {label:24}" + "".join(f"{c:>22}" for c in cells))
