"""Time and peak memory of loading and summarizing one file, as the file grows.

Run by hand from the repository root (a full run takes a while; each measurement is a fresh
process, so one that runs away is stopped at ``--timeout`` and shown as such)::

    .venv/bin/python benchmarks/limits.py                        # every shape, 100 KB … 24 MB
    .venv/bin/python benchmarks/limits.py --shapes oneline,cjk   # some shapes
    .venv/bin/python benchmarks/limits.py --sizes 100K,400K,1.6M --timeout 60
    .venv/bin/python benchmarks/limits.py --profile oneline 400K # cProfile of one run

Shapes (each built from the eval articles in ``../shared/eval``, repeated to the size):

oneline     plain text on one line (scraped text often has no line breaks)
longpara    ``.txt`` with paragraphs of ~50 KB each
manypara    ``.txt`` with ordinary paragraphs (~500 B), many of them
feed-many   RSS with items of ~5 KB each (a news article), as HTML
feed-huge   RSS with one item holding everything, as HTML
json-wide   a JSON list of many small article objects
json-deep   one article object at the bottom of lists nested as deep as the size allows
json-array  a bare JSON array of small numbers (``[0,0,0,…]``): millions of elements
cjk         Japanese text with no punctuation, no spaces and no line breaks
html        a saved web page: one article of many ``<p>`` paragraphs, with a menu and a footer

For each run it prints the seconds to load (read, parse, repair, split, describe; ``*`` when
that is over the time limit, so a real load would skip the file), to match the bundled themes
and to summarize every document (the brief and key points ``briefing list --json`` shows), the
peak RSS of the process and what it was before the file (imports, jieba and langdetect's
profiles: about 230 MB, as in a worker that has loaded and summarized), documents, the first
problems, and the growth factor of the total time per doubling of the size (≤ 2.2 is linear).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))

# punctuation, spaces and line breaks: what the cjk shape has none of
NOT_CJK = re.compile(r"[\s。、！？「」『』（）()!?.,・]+")
SHAPES = ("oneline", "longpara", "manypara", "feed-many", "feed-huge", "json-wide",
          "json-deep", "json-array", "cjk", "html")  # fmt: skip
DEFAULT_SIZES = "100K,200K,400K,800K,1.6M,3.2M,6.4M,12.8M,24M"
"""Doubling sizes up to the default limit (25 MiB): 24 MB of text, so that the feeds, whose
HTML and escaping add about 6 %, are still read rather than refused for their size."""


def _articles(lang: str) -> list[str]:
    path = EVAL / f"{lang}.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


# the end of a sentence, where a repeated piece gets its copy number
SENTENCE_GAP = re.compile(r"(?<=[.!?。！？])\s*")


def _fill(pieces: list[str], size: int, sep: str) -> list[str]:
    """Pieces repeated in order until their UTF-8 size (with separators) reaches ``size``.

    Each copy after the first starts every sentence with its copy number, so no two sentences
    are the same: the summarizer drops exact repeats, which would hide its real cost.
    """
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        piece = pieces[i % len(pieces)]
        if copy := i // len(pieces):
            piece = f"{copy} " + SENTENCE_GAP.sub(f" {copy} ", piece).strip()
        out.append(piece)
        total += len(piece.encode("utf-8")) + len(sep)
        i += 1
    return out


def _paragraphs(lang: str = "en") -> list[str]:
    return [p.strip() for text in _articles(lang) for p in text.split("\n") if p.strip()]


def _html(text: str) -> str:
    """A feed item's body as feeds carry it: HTML paragraphs, with a link and emphasis."""
    paras = [f"<p>{p}</p>" for p in text.split("\n")]
    return "\n".join(
        p.replace(" the ", ' <a href="https://example.com/x">the</a> ', 1).replace(
            " of ", " <em>of</em> ", 1
        )
        for p in paras
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _grouped(pieces: list[str], width: int, sep: str) -> list[str]:
    """Consecutive pieces joined by ``sep`` into groups of about ``width`` characters."""
    groups, group, size = [], [], 0
    for piece in pieces:
        group.append(piece)
        size += len(piece)
        if size >= width:
            groups.append(sep.join(group))
            group, size = [], 0
    if group:
        groups.append(sep.join(group))
    return groups


def build(shape: str, size: int) -> tuple[str, bytes]:
    """(file name, contents) of ``shape`` at about ``size`` bytes."""
    if shape == "oneline":
        return "oneline.txt", " ".join(_fill(_paragraphs(), size, " ")).encode()
    if shape == "longpara":
        blocks = _grouped(_fill(_paragraphs(), size, " "), 50_000, " ")
        return "longpara.txt", "\n\n".join(blocks).encode()
    if shape == "manypara":
        return "manypara.txt", "\n\n".join(_fill(_paragraphs("fr"), size, "\n\n")).encode()
    if shape in ("feed-many", "feed-huge"):
        paras = _fill(_paragraphs(), size, "\n")
        width = 10 * size if shape == "feed-huge" else 5_000
        bodies = _grouped(paras, width, "\n")
        items = "".join(
            f"<item><title>Item {n}</title><link>https://example.com/{n}</link>"
            f"<pubDate>Sat, 26 Jul 2025 08:00:00 GMT</pubDate>"
            f"<description>{_escape(_html(b))}</description></item>\n"
            for n, b in enumerate(bodies, 1)
        )
        feed = (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>Bench</title>\n{items}</channel></rss>\n"
        )
        return f"{shape}.xml", feed.encode()
    if shape == "json-wide":
        records = []
        total = 0
        texts = _articles("fr")
        n = 0
        while total < size:
            rec = {"title": f"Article {n}", "date": "2025-07-26", "text": texts[n % len(texts)]}
            line = json.dumps(rec, ensure_ascii=False)
            records.append(line)
            total += len(line.encode()) + 2
            n += 1
        return "wide.json", ("[" + ",\n".join(records) + "]").encode()
    if shape == "json-deep":
        # an article object at the bottom of ever deeper lists, then padding: nested lists are
        # what makes a recursive reader (or the text walk) blow its stack or its time
        depth = max(1, size // 2)
        article = json.dumps({"title": "Deep", "text": _paragraphs()[0]})
        return "deep.json", ("[" * depth + article + "]" * depth).encode()
    if shape == "json-array":
        return "array.json", ("[" + ",".join(["0"] * max(1, size // 2)) + "]").encode()
    if shape == "html":
        body = "\n".join(f"<p>{_escape(p)}</p>" for p in _fill(_paragraphs(), size, "\n"))
        page = (
            "<!DOCTYPE html><html><head><title>Bench page</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>Bench page</h1>\n{body}\n</article>"
            "<footer>© Bench News. All rights reserved.</footer></body></html>"
        )
        return "page.html", page.encode()
    if shape == "cjk":
        plain = [NOT_CJK.sub("", text) for text in _articles("ja")]
        return "cjk.txt", "".join(_fill(plain, size, "")).encode()
    raise SystemExit(f"unknown shape {shape!r}; shapes: {', '.join(SHAPES)}")


def parse_size(text: str) -> int:
    text = text.strip().upper().rstrip("B")
    scale = {"K": 1000, "M": 1000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * scale)


def _peak_mb() -> float:
    """This process's peak RSS. ``VmHWM``, not ``ru_maxrss``: a child started by vfork keeps
    the parent's ``ru_maxrss`` (which holds every input built so far) across exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, max_size: int, brief: bool = True) -> dict[str, object]:
    """Load, match themes and summarize ``path`` here (the child process), as a worker does for
    ``briefing list --json``: seconds of each, peak RSS, counts.

    The limits are the loader's (``BRIEFING_MAX_CHARS``… apply) but without a deadline, so the
    time a file really takes is measured; one over the time limit is flagged in the table.
    """
    from briefing.corpus.limits import Limits
    from briefing.corpus.load import documents_from_file
    from briefing.summarize import summarize
    from briefing.themes import load_themes, match_themes

    limits = Limits.from_env()
    themes, _ = load_themes()
    for doc in documents_from_file(REPO / "seeds" / sorted(os.listdir(REPO / "seeds"))[1], "w")[0]:
        match_themes(doc, themes)  # imports, jieba and langdetect's profiles
        summarize(doc)
    base = _peak_mb()
    started = time.perf_counter()
    docs, problems = documents_from_file(path, path.name, max_size, limits)
    loaded = time.perf_counter()
    for doc in docs:
        match_themes(doc, themes)
    matched = time.perf_counter()
    for doc in docs if brief else ():
        summarize(doc)
    done = time.perf_counter()
    return {
        "load": loaded - started,
        "themes": matched - loaded,
        "over": bool(limits.time_limit and loaded - started > limits.time_limit),
        "brief": done - matched,
        "peak": _peak_mb(),
        "base": base,
        "docs": len(docs),
        "chars": sum(len(d.text) for d in docs),
        "problems": [str(p.message) for p in problems][:2],
    }


def _child(shape: str, size: int, max_size: int, timeout: float, brief: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="briefing-limits-") as tmp:
        name, data = build(shape, size)
        path = Path(tmp) / name
        path.write_bytes(data)
        env = {**os.environ, "BRIEFING_HOME": tmp}
        cmd = [sys.executable, __file__, "--child", str(path), str(max_size), str(int(brief))]
        started = time.perf_counter()
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            return {"timeout": True, "bytes": len(data), "wall": time.perf_counter() - started}
        if out.returncode != 0:
            return {"error": out.stderr.strip().splitlines()[-1:], "bytes": len(data)}
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result["bytes"] = len(data)
        return result


def run(
    shapes: list[str], sizes: list[int], max_size: int, timeout: float, brief: bool = True
) -> None:
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; timeout {timeout:.0f} s; "
          f"--max-size {max_size / 1024 / 1024:.0f}MB")  # fmt: skip
    header = (
        f"{'shape':<10} {'size':>8} {'load s':>8} {'themes':>7} {'brief s':>8} {'total':>8} "
        f"{'×/2×':>6} {'peak MB':>8} {'base':>5} {'docs':>6}  problems"
    )
    print(header)
    print("-" * len(header))
    for shape in shapes:
        previous: tuple[int, float] | None = None
        for size in sizes:
            r = _child(shape, size, max_size, timeout, brief)
            mb = f"{int(r['bytes']) / 1e6:.1f}M"
            if r.get("timeout") or r.get("error"):
                what = "timeout" if r.get("timeout") else f"error {r['error']}"
                print(f"{shape:<10} {mb:>8} {what}")
                break
            total = float(r["load"]) + float(r["themes"]) + float(r["brief"])
            growth = ""
            if previous is not None and previous[1] > 0.05:
                doublings = math.log2(int(r["bytes"]) / previous[0])
                growth = f"{(total / previous[1]) ** (1 / doublings):.2f}" if doublings else ""
            previous = (int(r["bytes"]), total)
            probs = "; ".join(r["problems"])[:60]  # type: ignore[arg-type]
            flag = "*" if r["over"] else " "
            print(f"{shape:<10} {mb:>8} {r['load']:>7.2f}{flag} {r['themes']:>7.2f} "
                  f"{r['brief']:>8.2f} {total:>8.2f} {growth:>6} {r['peak']:>8.0f} "
                  f"{r['base']:>5.0f} {r['docs']:>6}  {probs}", flush=True)  # fmt: skip


def profile(shape: str, size: int, max_size: int) -> None:
    import cProfile
    import pstats

    with tempfile.TemporaryDirectory(prefix="briefing-limits-") as tmp:
        os.environ["BRIEFING_HOME"] = tmp
        name, data = build(shape, size)
        path = Path(tmp) / name
        path.write_bytes(data)
        profiler = cProfile.Profile()
        profiler.enable()
        result = measure(path, max_size, "--load-only" not in sys.argv)
        profiler.disable()
        print({k: v for k, v in result.items() if k != "problems"})
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(measure(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1")))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--sizes", default=DEFAULT_SIZES)
    parser.add_argument("--max-size", default="25MB", help="the loader's --max-size")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--profile", nargs=2, metavar=("SHAPE", "SIZE"))
    parser.add_argument("--load-only", action="store_true", help="no briefs: the loader alone")
    args = parser.parse_args()
    from briefing.corpus.read import parse_size as loader_size

    max_size = loader_size(args.max_size)
    if args.profile:
        profile(args.profile[0], parse_size(args.profile[1]), max_size)
        return
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    run(shapes, sizes, max_size, args.timeout, not args.load_only)


if __name__ == "__main__":
    main()
