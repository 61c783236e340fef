"""``briefing build CORPUS``: read, theme and brief every article into the cache, and nothing else.

For a folder too big to build on one machine, ``--dask SCHEDULER`` runs the per-file and
per-article work on a Dask cluster (``pip install 'briefing[dask]'``). The work is a pure map
(:func:`briefing.cache.pool.running_on`): the results come back to this process, which alone
writes the cache, so a cluster build leaves the same cache as a local one, and the reader and
every command then open the folder warm.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from typing import Any, cast

from briefing.commands.common import briefs, load
from briefing.exitcodes import ExitCode

CONNECT_SECONDS = 30
"""How long to wait for the scheduler before saying it cannot be reached."""


def cmd_build(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    try:
        with _workers(args.dask) as where:
            lib = load(args)
            brief_of = briefs(lib, lib.documents)
    except _NoCluster as err:
        sys.stderr.write(f"briefing: {err}\n")
        return ExitCode.USAGE
    if not lib.documents:
        return ExitCode.NOTHING  # what could not be read was named on stderr
    made = sum(1 for doc in lib.documents if brief_of(doc).sentences)
    sys.stderr.write(
        f"briefing: built {len(lib.documents)} documents, {made} briefs in "
        f"{time.perf_counter() - start:.1f} s on {where}\n"
    )
    return ExitCode.done(lib.problems)


class _NoCluster(Exception):
    """The Dask extra is missing, or the scheduler does not answer."""


@contextlib.contextmanager
def _workers(address: str | None) -> Iterator[str]:
    """Where the work runs for the block: this machine's processes, or the Dask cluster."""
    if not address:
        yield "this machine"
        return
    try:
        from distributed import Client
    except ImportError as err:
        raise _NoCluster("--dask needs the Dask extra: pip install 'briefing[dask]'") from err
    from briefing.cache.pool import running_on

    try:
        client: Any = cast(Any, Client)(address, timeout=CONNECT_SECONDS)  # untyped library
    except (OSError, TimeoutError) as err:
        raise _NoCluster(f"{address}: cannot reach the Dask scheduler ({err})") from err
    with client:
        threads = sum(client.nthreads().values())
        if not threads:
            raise _NoCluster(f"{address}: the Dask scheduler has no workers")
        with running_on(client.get_executor(pure=False), threads):
            yield f"{len(client.nthreads())} Dask workers ({threads} threads)"
