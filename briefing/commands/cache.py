"""``briefing cache info`` and ``briefing cache clear``: the one file briefing may rebuild at will.

``info`` says where the cache is, how big, and what it holds, so "why is this still the old
brief?" has an answer; ``clear`` deletes it (and its WAL files) for a clean cold build. Neither
opens a corpus.
"""

from __future__ import annotations

import argparse
import sys

from briefing.exitcodes import ExitCode


def cmd_cache(args: argparse.Namespace) -> int:
    from briefing.cache.db import cache_files, cache_path, close_cache, open_cache
    from briefing.corpus.read import human_size

    path = cache_path()
    if args.action == "clear":
        close_cache()
        freed = 0
        for file in cache_files(path):
            try:
                size = file.stat().st_size
                file.unlink()
            except OSError as err:
                sys.stderr.write(f"briefing: {file}: cannot delete: {err.strerror or err}\n")
                return ExitCode.NOTHING
            freed += size
        sys.stderr.write(f"briefing: cache cleared ({human_size(freed)} freed): {path}\n")
        return ExitCode.OK

    size = sum(f.stat().st_size for f in cache_files(path))
    print(f"path     {path}")
    if not size:
        print("size     0 B (empty: the next corpus command builds it)")
        return ExitCode.OK
    cache = open_cache()
    counts = cache.counts()
    for notice in cache.take_notices():
        sys.stderr.write(f"briefing: {notice.path}: {notice.message}\n")
    print(f"size     {human_size(size)}")
    print(f"files    {counts.get('files', 0):,}")
    print(f"themes   {counts.get('themes', 0):,} documents matched")
    print(f"briefs   {counts.get('briefs', 0):,}")
    return ExitCode.OK
