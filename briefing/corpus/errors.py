"""The loader's one error type, apart from the reader of files that raises it most, so the
limits (which a warm reopen needs) import it without the charset and language detectors."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be used; ``str(err)`` is the one-line message for the user."""
