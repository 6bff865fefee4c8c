"""Opening a project file: telling a project from any other file, and loading a working copy of it.

The file is opened read-only and checked (SQLite header, briefpack's
application id, a schema version this briefpack knows). A file at the
current schema with a search index is then read in place, and copied into a
private working copy only on the first change (``database.Database``); an
older file, or one whose index this SQLite cannot use, is copied at once,
page by page, upgraded to the current schema and given a search index this
SQLite can maintain. The file itself is never written by opening; every
later change goes to the working copy until the next save replaces the
file whole.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefpack.store import migrations, schema
from briefpack.store.errors import StoreError
from briefpack.store.database import Database, hold_snapshot
from briefpack.store.search import STALE_KEY, top_position

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class WorkingCopy:
    """An opened project's database and the state of its search index.

    ``fts`` is false when this SQLite lacks FTS5 (search then scans).
    ``indexed_upto`` is the highest article position in the index (-1:
    none); ``rebuild`` says the index in the file cannot be trusted and must
    be rebuilt first.
    """

    db: Database
    fts: bool
    indexed_upto: int
    rebuild: bool


def new_working_copy(*, note: str) -> WorkingCopy:
    """An empty working copy at the current schema."""
    conn = schema.connect_working()
    schema.create_schema(conn, note=note)
    migrations.upgrade(conn, schema.BASE_VERSION, None)
    return _with_index(conn)


def load_working_copy(path: Path) -> WorkingCopy:
    """A working copy of the project file at ``path``, upgraded to the current schema.

    Raises ``StoreError`` for a missing or unreadable file, a file that is
    not SQLite, an SQLite file that is not a briefpack project, a project
    from a newer schema, and a project that cannot be upgraded.
    """
    _check_file(path)
    try:
        # Any thread: a recovery copy may be taken from it on a worker thread (see Database).
        source = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(path, f"cannot be read ({exc})") from exc
    working: sqlite3.Connection | None = None
    try:
        snapshot = hold_snapshot(source, Path(path).resolve())  # before the first read: all read and copied later is one state
        version = _check_identity(source, path)
        if version == schema.SCHEMA_VERSION and schema.fts5_available() and schema.has_table(source, schema.FTS_TABLE):
            source.execute("PRAGMA cache_size = -65536")  # as the working copy's: searches keep their pages
            stale = source.execute("SELECT 1 FROM meta WHERE key = ?", (STALE_KEY,)).fetchone() is not None
            # Saves index everything first, so a file's index is complete unless marked stale.
            return WorkingCopy(Database(None, source, snapshot), True, top_position(source), stale)
        working = schema.connect_working()
        source.backup(working)
        source.close()
        if version < schema.SCHEMA_VERSION:
            migrations.upgrade(working, version, path)
        return _with_index(working)
    except BaseException as exc:
        if working is not None:
            working.close()
        source.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(path, f"is damaged and cannot be read ({exc})") from exc
        raise


def _check_file(path: Path) -> None:
    try:
        with open(path, "rb") as file:
            header = file.read(len(_SQLITE_MAGIC))
    except FileNotFoundError as exc:
        raise StoreError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise StoreError(path, "is a folder, not a project file") from exc
    except OSError as exc:
        raise StoreError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if header != _SQLITE_MAGIC:
        raise StoreError(path, "is not a briefpack project (not an SQLite database)")


def _check_identity(source: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, once it is known to be a briefpack project this version can read."""
    application_id = source.execute("PRAGMA application_id").fetchone()[0]
    version = source.execute("PRAGMA user_version").fetchone()[0]
    if application_id != schema.APPLICATION_ID:
        raise StoreError(path, "is an SQLite database but not a briefpack project")
    if version > schema.SCHEMA_VERSION:
        raise StoreError(
            path,
            f"was saved by a newer briefpack (project schema {version}; this version reads up to "
            f"{schema.SCHEMA_VERSION}); update briefpack to open it",
        )
    if version < 1:
        raise StoreError(path, "is not a briefpack project (it has no schema version)")
    return version


def _with_index(conn: sqlite3.Connection) -> WorkingCopy:
    """Match a working copy's search index to what this SQLite can do."""
    db = Database(conn)
    in_file = schema.has_table(conn, schema.FTS_TABLE)
    if not schema.fts5_available():
        if in_file:
            # Blocks will change without the index following: tell the next FTS5 reader to rebuild it.
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'true')", (STALE_KEY,))
        return WorkingCopy(db, False, -1, False)
    if not in_file:
        conn.execute(schema.FTS_DDL)
        return WorkingCopy(db, True, -1, False)  # every article pending; indexed in bulk on first need
    stale = conn.execute("SELECT 1 FROM meta WHERE key = ?", (STALE_KEY,)).fetchone() is not None
    return WorkingCopy(db, True, top_position(conn), stale)
