"""The corpus as the CLI and the TUI see it: documents with their themes, and every problem.

One place composes the core (load → themes → briefs) so ``briefing list``, ``briefing daily`` and
the TUI can never disagree about what a folder holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.corpus.load import Corpus, load_corpus
from briefing.corpus.read import DEFAULT_MAX_BYTES
from briefing.model import Brief, Document, Problem, Theme
from briefing.paths import bundled_seeds

BUNDLED = "seeds"
"""The name that selects the bundled corpus (the default)."""


@dataclass(frozen=True, slots=True)
class Library:
    corpus: Corpus
    themes: tuple[Theme, ...]
    theme_problems: tuple[Problem, ...] = ()

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.corpus.documents

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.corpus.problems + self.theme_problems

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


def corpus_paths(corpus: str | Path | Sequence[str | Path] | None) -> list[Path]:
    """``None`` or ``"seeds"`` is the bundled corpus; anything else is a path (or several)."""
    if corpus is None:
        return [bundled_seeds()]
    items = [corpus] if isinstance(corpus, str | Path) else list(corpus)
    out: list[Path] = []
    for item in items:
        if str(item) == BUNDLED and not Path(item).exists():
            out.append(bundled_seeds())
        else:
            out.append(Path(item))
    return out


def open_library(
    corpus: str | Path | Sequence[str | Path] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    from briefing.themes import assign_themes, load_themes

    loaded = load_corpus(corpus_paths(corpus), max_bytes=max_bytes, progress=progress)
    themes, theme_problems = load_themes()
    docs = assign_themes(loaded.documents, themes)
    loaded = Corpus(
        documents=docs, problems=loaded.problems, roots=loaded.roots, files=loaded.files
    )
    return Library(corpus=loaded, themes=tuple(themes), theme_problems=tuple(theme_problems))


def find_documents(docs: Sequence[Document], ref: str) -> list[Document]:
    """Documents whose id is ``ref``, or else starts with it (``000`` finds ``000_e6fb….txt``)."""
    exact = [d for d in docs if d.id == ref]
    if exact:
        return exact
    return [d for d in docs if d.id.startswith(ref)]


def brief_for(doc: Document) -> Brief:
    from briefing.summarize import summarize

    return summarize(doc)
