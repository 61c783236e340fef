"""Writing a file so that a crash leaves the old version or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path


def move_aside(path: Path, companions: tuple[str, ...] = ()) -> Path:
    """Rename a damaged ``path`` to ``NAME.corrupt-STAMP`` (``-2``, ``-3``… if taken), with its
    companion files (``NAME-wal``) beside it, so the user keeps it and nothing overwrites it.
    Raises OSError if it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    for suffix in companions:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Replace ``path`` with ``data``: temp file in the same folder, fsync, ``os.replace``.

    The temp file lives beside the target, so the rename never crosses a filesystem and nothing
    is ever written outside the folder the user named.

    With ``replace=False`` an existing ``path`` (a file, a folder, a symlink even dangling) is
    never touched and FileExistsError is raised: the check is the write itself, ``os.link`` of
    the finished temp file, which fails if anything took the name since a caller looked (an
    export that checked before a long load replaced a file that appeared meanwhile).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path, data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _link_new(tmp: str, path: Path, data: bytes) -> None:
    """``tmp`` under the new name ``path`` if nothing has that name; the temp name is dropped.

    Where hard links are not supported (FAT, some network shares) the file is created with
    ``O_EXCL`` and written in place instead: still never over an existing file, though a crash
    there can leave a short file under the new name.
    """
    try:
        os.link(tmp, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    os.unlink(tmp)
