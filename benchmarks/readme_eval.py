"""Regenerate the README's eval table: ``python benchmarks/readme_eval.py --set ../shared/eval``.

Runs ``briefing eval`` on the set (every language file, every method) and replaces the text
between ``<!-- eval-table -->`` and ``<!-- /eval-table -->`` in README.md with its output, so
the figures the README shows are the ones the command prints, never typed by hand.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BLOCK = re.compile(r"(<!-- eval-table -->\n)(.*?)(<!-- /eval-table -->)", re.DOTALL)


def main() -> int:
    from briefing.dev.evaluate import format_report, run_eval

    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, required=True, help="eval set file or folder")
    parser.add_argument("--readme", type=Path, default=REPO / "README.md")
    args = parser.parse_args()
    report = run_eval(args.set)
    table = format_report(report).replace(str(args.set.resolve()), str(args.set))
    table = table.replace(str(args.set), args.set.name if args.set.is_absolute() else str(args.set))
    command = f"$ briefing eval --set {args.set}"
    block = f"```text\n{command}\n{table}\n```\n"
    text = args.readme.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        print("README.md has no <!-- eval-table --> block", file=sys.stderr)
        return 1
    args.readme.write_text(BLOCK.sub(lambda m: m[1] + block + m[3], text), encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
