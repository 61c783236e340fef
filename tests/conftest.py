"""Shared fixtures: every test runs with its own user dirs, so no test reads or writes a real
user's notes, themes or cache (``BRIEFING_HOME`` relocates all of them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The same examples every run: a property test that fails in CI fails on the developer's
# machine too (a random draw found "- --" only on CI's run). HYPOTHESIS_PROFILE=explore draws
# new examples, for hunting by hand.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
EVAL_DIR = REPO.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def briefing_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("briefing-home")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    monkeypatch.delenv("BRIEFING_MAX_SIZE", raising=False)
    from briefing.corpus.limits import ENV

    for name in ENV.values():  # BRIEFING_MAX_CHARS, BRIEFING_TIME_LIMIT…: a user's own limits
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture(scope="session")
def seed_corpus():  # type: ignore[no-untyped-def]
    """The bundled seeds, loaded once for the session (loading is deterministic)."""
    from briefing.corpus.load import load_corpus

    return load_corpus([SEEDS])


@pytest.fixture(scope="session")
def seed_docs(seed_corpus):  # type: ignore[no-untyped-def]
    return {doc.id: doc for doc in seed_corpus.documents}
