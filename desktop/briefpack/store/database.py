"""The connections of an open project: the saved file, read until the first change, and the private working copy.

Copying a 10,000-article file into a working copy takes longer than reading
its articles, and a project is often opened only to be read. So ``Database``
reads from the file itself (opened read-only) until something must be
written, then copies it into the working copy and carries on there: every
change still goes to the working copy only, and the file still changes
only by a whole, successful save. The read-only connection is closed before
a save replaces the file (Windows cannot replace an open file) and on close.
"""

from __future__ import annotations

import sqlite3
import threading

from briefpack.store import schema


class Database:
    """Where a project reads and writes. Give it a working copy, or an open file to copy on the first write.

    ``reader`` may return the file's connection; ``writer`` always returns
    the working copy, copying the file into it first when needed. Both are
    for the project's own thread; ``recovery_source`` is the one a worker
    thread may use.
    """

    def __init__(self, working: sqlite3.Connection | None, source: sqlite3.Connection | None = None) -> None:
        if (working is None) == (source is None):
            raise ValueError("give a working copy or a file to copy, not both or neither")
        self._working = working
        self._source = source
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
            working = schema.connect_working()
            try:
                self._source.backup(working)
            except BaseException:
                working.close()
                raise
            self._working = working
            self.release_source(wait=False)
        return self._working

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


class _SourceHold:
    def __init__(self, db: Database) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db._source_lock.acquire()
        try:
            return self._db.reader()
        except BaseException:
            self._db._source_lock.release()
            raise

    def __exit__(self, *exc_info: object) -> None:
        self._db._source_lock.release()
