"""Exit codes, in one place so scripts can rely on them (the README's table; a test checks
every command against it)."""

from collections.abc import Sized
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """Done."""
    NOTHING = 1
    """Nothing matched, or nothing could be loaded."""
    USAGE = 2
    """Bad arguments (argparse's own code)."""
    SKIPPED = 3
    """Done, but some input files were skipped (each is named on stderr)."""
    INTERRUPTED = 130
    """Ctrl-C."""

    @classmethod
    def done(cls, problems: Sized) -> "ExitCode":
        """The code of a command that did its work: 3 if some input was skipped, else 0."""
        return cls.SKIPPED if len(problems) else cls.OK
