"""Notes and read state: the one thing briefing holds that cannot be recomputed.

:mod:`.entries` says what an entry is and where it belongs; :mod:`.store` keeps the file safe
(atomic writes, backups, a lock between processes, migration, articles that move).
"""

from briefing.store.entries import MISSING, UNPLACED, Entry, StoreError, article_key, place_file
from briefing.store.store import Store

__all__ = ["MISSING", "UNPLACED", "Entry", "Store", "StoreError", "article_key", "place_file"]
