"""Exit codes, in one place so scripts can rely on them."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """Done."""
    NOTHING = 1
    """Nothing matched, or nothing could be loaded."""
    USAGE = 2
    """Bad arguments (argparse's own code)."""
    SKIPPED = 3
    """Done, but some input files were skipped (``list`` and ``show``: each is named on stderr)."""
    INTERRUPTED = 130
