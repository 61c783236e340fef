"""The key of anything computed from an article (briefs, themes, vectors, cached texts).

Its own module so the cache can check a stored text against it without importing the loader's
parsers (:mod:`.document` imports them all)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


def content_hash(title: str, paragraphs: Sequence[str]) -> str:
    """The key of anything computed from an article: its title and paragraphs."""
    return hashlib.sha1("\n".join([title, *paragraphs]).encode("utf-8")).hexdigest()
