"""What the ``CORPUS`` argument names: a folder, a file, or the bundled seeds.

Apart from :mod:`.common` (which imports the library, the loader and the cache) because
``briefing`` opening the reader needs it before its first screen, and those imports belong in
the reader's worker thread, after the screen is up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.paths import bundled_seeds

BUNDLED = "seeds"
"""The name that selects the bundled corpus (the default)."""


def corpus_paths(corpus: str | Path | Sequence[str | Path] | None) -> list[Path]:
    """``None`` or ``"seeds"`` is the bundled corpus (unless a folder of that name is here);
    anything else is a path (or several)."""
    if corpus is None:
        return [bundled_seeds()]
    items = [corpus] if isinstance(corpus, str | Path) else list(corpus)
    return [
        bundled_seeds() if str(item) == BUNDLED and not Path(item).exists() else Path(item)
        for item in items
    ]
