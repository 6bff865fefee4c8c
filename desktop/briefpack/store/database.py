"""The connections of an open project: the saved file, read until the first change, and the private working copy.

Copying a 10,000-article file into a working copy takes longer than reading
its articles, and a project is often opened only to be read. So ``Database``
reads from the file itself (opened read-only) until something must be
written, then copies it into the working copy and carries on there: every
change still goes to the working copy only, and the file still changes
only by a whole, successful save. Until then the file's connection holds
one read transaction, so another SQLite program cannot commit to the file
and what is copied is what was read; a file rewritten in place by a program
that ignores SQLite's locks (a plain copy over it) is noticed by its size
and time and refused rather than copied. The read-only connection is closed
before a save replaces the file (Windows cannot replace an open file) and on
close.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from briefpack.store import schema
from briefpack.store.errors import StoreError


class Database:
    """Where a project reads and writes. Give it a working copy, or an open file to copy on the first write.

    ``reader`` may return the file's connection; ``writer`` always returns
    the working copy, copying the file into it first when needed. Both are
    for the project's own thread; ``recovery_source`` is the one a worker
    thread may use.
    """

    def __init__(
        self, working: sqlite3.Connection | None, source: sqlite3.Connection | None = None, snapshot: "Snapshot | None" = None
    ) -> None:
        """A file's ``source`` connection comes with the ``snapshot`` that ``hold_snapshot`` gave before it was first read."""
        if (working is None) == (source is None) or (source is None) != (snapshot is None):
            raise ValueError("give a working copy or a file (with its snapshot) to copy, not both or neither")
        self._working = working
        self._source = source
        self._snapshot = snapshot
        # Held while a worker copies from the file's connection, so that connection is not closed under it.
        self._source_lock = threading.Lock()

    @property
    def copied(self) -> bool:
        """True once the working copy exists (after the first write, or from the start for a new project)."""
        return self._working is not None

    def reader(self) -> sqlite3.Connection:
        """The connection to read the project's current state from."""
        if self._working is not None:
            return self._working
        if self._source is None:
            raise ValueError("the project is closed")
        return self._source

    def writer(self) -> sqlite3.Connection:
        """The working copy, made from the file on the first call."""
        if self._working is None:
            if self._source is None:
                raise ValueError("the project is closed")
            self._check_unchanged()
            working = schema.connect_working()
            try:
                self._source.backup(working)
            except BaseException:
                working.close()
                raise
            self._working = working
            self.release_source(wait=False)
        return self._working

    def _check_unchanged(self) -> None:
        """Raise ``StoreError`` when the file read in place was rewritten since it was opened (a replaced or deleted file is fine: the open one is still the one read)."""
        assert self._snapshot is not None
        path, then = self._snapshot
        now = _stamp(path)
        if now is not None and then is not None and now[:2] == then[:2] and now != then:
            raise StoreError(path, "was changed by another program after it was opened; open it again to see its contents")

    def recovery_source(self) -> "_SourceHold":
        """A context giving the connection a worker thread may copy from; the file's stays open until it ends."""
        return _SourceHold(self)

    def release_source(self, *, wait: bool = True) -> None:
        """Close the file's connection once the working copy exists; ``wait`` false skips it while a worker copies from it."""
        if self._source is None or self._working is None:
            return
        if self._source_lock.acquire(blocking=wait):
            try:
                if self._source is not None:
                    self._source.close()
                    self._source = None
            finally:
                self._source_lock.release()

    def close(self) -> None:
        """Close both connections; later calls raise ``ValueError``."""
        with self._source_lock:
            for conn in (self._working, self._source):
                if conn is not None:
                    conn.close()
            self._working = self._source = None


# A file read in place and its identity and size and time when it was first read (``None``: not found).
Snapshot = tuple[Path, "tuple[int, int, int, int] | None"]


def hold_snapshot(source: sqlite3.Connection, path: Path) -> Snapshot:
    """Open the read transaction ``source``, the connection to ``path``, keeps until it is copied or closed (see the module docstring).

    Call before anything is read: the stamp comes first, so a rewrite after it is always noticed.
    """
    snapshot = (path, _stamp(path))
    source.execute("BEGIN")
    source.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # takes the shared lock now
    return snapshot


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """The file's identity (device, inode) and the size and time a rewrite in place changes; ``None`` when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class _SourceHold:
    def __init__(self, db: Database) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db._source_lock.acquire()
        try:
            if not self._db.copied:
                self._db._check_unchanged()
            return self._db.reader()
        except BaseException:
            self._db._source_lock.release()
            raise

    def __exit__(self, *exc_info: object) -> None:
        self._db._source_lock.release()
