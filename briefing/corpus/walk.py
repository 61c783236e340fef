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


def _outside(here: str, name: str, root: str, problems: list[Problem]) -> bool:
    """Whether the symlink ``here/name`` leads out of ``root``; said once when it does."""
    entry = os.path.join(here, name)
    target = _leaves(entry, root)
    if target is None:
        return False
    problems.append(
        Problem(
            display_path(entry),
            f"symlink to {display_path(target)}, outside the folder: skipped "
            "(--follow-symlinks reads it)",
        )
    )
    return True


def _listing(
    here: str, problems: list[Problem]
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]] | None:
    """The folders and files in ``here`` (each with whether it is a symlink), hidden ones left
    out, sorted; None when the folder cannot be read (said). One ``scandir``: the entry knows
    whether it is a link, so a folder of 50,000 plain files costs no ``lstat`` per file."""
    folders: list[tuple[str, bool]] = []
    files: list[tuple[str, bool]] = []
    try:
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()  # a link to a folder is a folder, as os.walk says
                except OSError:
                    is_dir = False
                (folders if is_dir else files).append((entry.name, entry.is_symlink()))
    except OSError as err:
        problems.append(
            Problem(display_path(err.filename or here), f"cannot read folder: {err.strerror}")
        )
        return None
    folders.sort()
    files.sort()
    return folders, files


def _walk(
    top: Path, root: str, follow_symlinks: bool, found: list[tuple[Path, Path]],
    problems: list[Problem],
) -> None:  # fmt: skip
    """Add the files under the folder ``top``: each folder's files, then its folders, depth
    first (a stack, not recursion: a hostile folder may nest deeper than Python recurses)."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, Path]] = [(str(top), top)]
    while stack:
        here, shown = stack.pop()
        try:
            st = os.stat(here)
        except OSError as err:
            problems.append(Problem(display_path(shown), f"cannot read folder: {err.strerror}"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            problems.append(
                Problem(display_path(shown), "symlink loop: folder already read, skipped")
            )
            continue
        seen.add(key)
        listing = _listing(here, problems)
        if listing is None:
            continue
        folders, files = listing
        for name, link in files:
            if link and not follow_symlinks and _outside(here, name, root, problems):
                continue
            found.append((shown / name, top))
        below = [
            (os.path.join(here, name), shown / name)
            for name, link in folders
            if not (link and not follow_symlinks and _outside(here, name, root, problems))
        ]
        stack.extend(reversed(below))


def iter_files(
    paths: Sequence[Path], *, follow_symlinks: bool = False
) -> tuple[list[tuple[Path, Path]], list[Problem]]:
    """Every candidate file under ``paths`` with the root it was found under, and the problems.

    A folder is untrusted: a link in it to ``/etc/passwd`` or ``../elsewhere`` would pull local
    files into a briefing that is then shared. So a symlink (to a file or a folder) is followed
    only while it stays inside the folder named, unless ``follow_symlinks``; each one skipped is
    a Problem. A path named directly is always read, link or not: the user chose it. Symlinked
    folders are never read twice, so a link loop is reported once instead of recursing forever.
    Hidden files and folders are skipped as any file manager would. Folders are read top-down,
    each one's files (sorted) before its folders (sorted), as ``os.walk`` gives them.
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
        root = os.path.realpath(path)
        _walk(path, root, follow_symlinks, found, problems)
    return found, problems


def absolute_paths(files: Sequence[tuple[Path, Path]]) -> list[str]:
    """``os.path.abspath`` of each file :func:`iter_files` found, made once per root: a file
    under a root is the root's absolute path plus the names below it (names from a listing are
    never ``.`` or ``..``), which costs a string join, not a normalisation (a warm reopen of
    50,000 files spent a tenth of a second on abspath, twice). A path found already absolute
    is given back as the very string it was."""
    roots: dict[str, tuple[str, str]] = {}
    out: list[str] = []
    for path, root in files:
        text, under = str(path), str(root)
        if under not in roots:
            roots[under] = (under.rstrip(os.sep) + os.sep, os.path.abspath(under).rstrip(os.sep))
        prefix, absolute = roots[under]
        if text.startswith(prefix) and len(prefix) > 1:
            made = absolute + os.sep + text[len(prefix) :]
        else:
            made = os.path.abspath(text)
        out.append(text if made == text else made)  # one string where they agree: a document,
    return out  # its cache key and its path as found all keep it, 50,000 times


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
