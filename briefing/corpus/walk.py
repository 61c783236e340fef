"""Which files a corpus is: the folders walked in a fixed order, inside their boundary.

A folder is untrusted (it may come from anyone), so the walk decides what may be read at all:
symlinks that leave the folder are skipped and said, link loops end, hidden files stay hidden.
Each file comes with the root it was found under, which makes its id.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefing.corpus.names import printable_name
from briefing.model import Problem


def display_path(path: Path | str) -> str:
    """How ``path`` is shown and stored in documents and problems (:mod:`.names`)."""
    return printable_name(str(path))


def _leaves(entry: str, root: str) -> str | None:
    """Where the symlink ``entry`` really leads, if that is outside the folder ``root`` (a real
    path); None for anything that is not a symlink or stays inside."""
    if not os.path.islink(entry):
        return None
    target = os.path.realpath(entry)
    return None if target == root or target.startswith(root.rstrip(os.sep) + os.sep) else target


def _inside_only(here: str, names: list[str], root: str, problems: list[Problem]) -> list[str]:
    """``names`` in the folder ``here`` without the symlinks that leave ``root``, each said once."""
    kept = []
    for name in names:
        target = _leaves(os.path.join(here, name), root)
        if target is None:
            kept.append(name)
        else:
            problems.append(
                Problem(
                    display_path(os.path.join(here, name)),
                    f"symlink to {display_path(target)}, outside the folder: skipped "
                    "(--follow-symlinks reads it)",
                )
            )
    return kept


def iter_files(
    paths: Sequence[Path], *, follow_symlinks: bool = False
) -> tuple[list[tuple[Path, Path]], list[Problem]]:
    """Every candidate file under ``paths`` with the root it was found under, and the problems.

    A folder is untrusted: a link in it to ``/etc/passwd`` or ``../elsewhere`` would pull local
    files into a briefing that is then shared. So a symlink (to a file or a folder) is followed
    only while it stays inside the folder named, unless ``follow_symlinks``; each one skipped is
    a Problem. A path named directly is always read, link or not: the user chose it. Symlinked
    folders are never read twice, so a link loop is reported once instead of recursing forever.
    Hidden files and folders are skipped as any file manager would.
    """
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_file():
            found.append((path, path.parent))
            continue
        if not path.exists():
            problems.append(Problem(display_path(path), "no such file or folder"))
            continue
        if not path.is_dir():
            problems.append(Problem(display_path(path), "not a regular file or folder"))
            continue
        seen: set[tuple[int, int]] = set()
        root = os.path.realpath(path)

        def onerror(err: OSError, _problems: list[Problem] = problems) -> None:
            _problems.append(
                Problem(display_path(err.filename), f"cannot read folder: {err.strerror}")
            )

        for dirpath, dirnames, filenames in os.walk(path, followlinks=True, onerror=onerror):
            here = Path(dirpath)
            try:
                st = here.stat()
                key = (st.st_dev, st.st_ino)
            except OSError as err:
                problems.append(
                    Problem(display_path(dirpath), f"cannot read folder: {err.strerror}")
                )
                dirnames[:] = []
                continue
            if key in seen:
                problems.append(
                    Problem(display_path(dirpath), "symlink loop: folder already read, skipped")
                )
                dirnames[:] = []
                continue
            seen.add(key)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            names = sorted(n for n in filenames if not n.startswith("."))
            if not follow_symlinks:
                dirnames[:] = _inside_only(dirpath, dirnames, root, problems)
                names = _inside_only(dirpath, names, root, problems)
            found.extend((here / name, path) for name in names)
    return found, problems


def relative_id(path: Path, root: Path) -> str:
    """The id prefix of ``path``'s documents: its path under the root it was found in.

    A string prefix first: both are pathlib-normalized, so it is what ``relative_to`` says,
    and ``relative_to`` costs a third of a warm reopen (twice per file, 50,000 files)."""
    text, under = str(path), str(root)
    under = under if under.endswith(os.sep) else under + os.sep
    if text.startswith(under) and len(text) > len(under):
        rel = text[len(under) :]
        return printable_name(rel if os.sep == "/" else rel.replace(os.sep, "/"))
    try:
        return printable_name(path.relative_to(root).as_posix())
    except ValueError:
        return printable_name(path.name)
