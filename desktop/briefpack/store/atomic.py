"""Atomic saves: the project file is replaced whole or not at all.

The working copy is copied page by page into a new file beside the target
(same folder, so the final rename cannot cross file systems), in a single
SQLite backup step, that is one write transaction. The new file is flushed
to the disk, then ``os.replace`` swaps it in and the folder entry is flushed
too. Until the rename the old file is untouched; after it the new file is
complete. A crash at any moment leaves a readable project: the old one or
the new one, never a mix (a crash may leave a ``.saving`` file behind).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".saving"


def save_atomically(
    source: sqlite3.Connection,
    target: Path,
    *,
    step_pages: int = -1,
    finish: Callable[[sqlite3.Connection], None] | None = None,
) -> None:
    """Write the whole database ``source`` to ``target``, replacing any file there atomically.

    A symbolic link at ``target`` keeps pointing at the saved file. The
    permission bits of a replaced file carry over. Raises ``OSError`` or
    ``sqlite3.Error`` when the save fails; ``target`` is then unchanged and
    the temporary file is removed. ``step_pages`` ``-1`` copies in one step;
    a positive number copies that many pages per step, so another thread using
    ``source`` waits at most one step (SQLite carries its changes into the
    copy). ``finish``, when given, runs on the copy before it is flushed.
    """
    target = Path(os.path.realpath(target))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(target.parent))
    temp = target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        dest = sqlite3.connect(temp, isolation_level=None)
        try:
            # No journal and no syncs: nobody reads this file before the fsync below.
            dest.execute("PRAGMA journal_mode = OFF")
            dest.execute("PRAGMA synchronous = OFF")
            if step_pages < 0:
                _copy_pages(source, dest)
            else:
                _copy_in_steps(source, dest, step_pages)
            if finish is not None:
                finish(dest)
        finally:
            dest.close()
        _fsync_file(temp)
        if target.exists():
            shutil.copymode(target, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(target.parent)


def _copy_pages(source: sqlite3.Connection, dest: sqlite3.Connection) -> None:
    """Copy every page of ``source`` into the empty ``dest`` in one backup step (one transaction)."""
    source.backup(dest)


def _copy_in_steps(source: sqlite3.Connection, dest: sqlite3.Connection, step_pages: int) -> None:
    """Copy ``source`` into the empty ``dest`` ``step_pages`` pages at a time; changes made meanwhile through ``source`` are carried over."""
    # A step that finds the source busy (a transaction open on another thread) is retried 5 ms later.
    source.backup(dest, pages=step_pages, sleep=0.005)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        if sys.platform == "darwin":
            import fcntl

            # macOS fsync() stops at the drive's cache; F_FULLFSYNC reaches stable storage.
            try:
                fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
                return
            except OSError:  # some file systems (SMB, FAT) refuse it; fsync is the next best
                pass
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX). Best effort: Windows and some network shares cannot open a folder."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
