"""What briefing remembers between runs, so reopening a big folder takes a moment, not minutes.

:mod:`.db` is the SQLite file (and its recovery), :mod:`.codec` the rows, :mod:`.pool` the worker
processes of a cold build and :mod:`.tasks` what they run. :mod:`briefing.library` is the only
caller: it decides what is a hit and what must be computed.

Importing this package loads nothing heavy (no sqlite3 until a cache is opened).
"""

from __future__ import annotations
