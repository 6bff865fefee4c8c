"""The layout of a project file (base schema 1, upgraded by ``migrations``) and the connection settings every store module uses.

A project file is an SQLite database marked with briefpack's
``PRAGMA application_id`` and carrying its schema version in
``PRAGMA user_version``. Since schema 3, articles keep every field but the
body as JSON (plus title, publisher and date columns for queries), and their
body blocks and theme tags packed as JSON in one ``contents`` row each, keyed
by the article's position; a contentless FTS5 table (``FTS_TABLE``) indexes
each block under ``block_rowid(position, index)`` when this SQLite has FTS5.
Since schema 4, near-duplicate signatures are of fingerprint version 2.
The selection, the brief settings and later features' metadata sit beside
them; ``migrations`` records how the file reached its version. A new project
is laid out at the base schema and brought up to date by the same migration
steps as an old file, so there is one path to every layout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sqlite3
from collections.abc import Iterator

# "BrPk": lets open() tell a briefpack project from any other SQLite file.
APPLICATION_ID = 0x4272506B
# Bump together with a new step in migrations.STEPS whenever the layout changes.
SCHEMA_VERSION = 4
# The layout create_schema writes; migrations.STEPS take it from there to SCHEMA_VERSION.
BASE_VERSION = 1

# Bytes per database page of a working copy (see ``connect_working``).
PAGE_SIZE = 16384

FTS_TABLE = "contents_fts"
# A block's FTS5 rowid is its article's position shifted left by BLOCK_BITS, plus its index: rowids of
# one article are consecutive, in project order, and a match names its article without a join.
BLOCK_BITS = 24
MAX_BLOCKS = 1 << BLOCK_BITS  # a 30 MB file cannot hold this many non-empty blocks

# The base (schema 1) layout; blocks and tags give way to contents in schema 3.
# One statement per string: sqlite3 runs one at a time, and executescript() would commit early.
_TABLES = (
    """CREATE TABLE migrations (
        version    INTEGER PRIMARY KEY,
        applied_at TEXT NOT NULL,
        note       TEXT NOT NULL
    )""",
    """CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL                  -- JSON
    )""",
    """CREATE TABLE articles (
        id        TEXT PRIMARY KEY,
        position  INTEGER NOT NULL UNIQUE,   -- project order
        title     TEXT,                      -- title, publisher and published copy the JSON
        publisher TEXT,                      -- for queries; the store reads back the JSON
        published TEXT,                      -- ISO date
        json      TEXT NOT NULL              -- Article.to_json() without "blocks"
    )""",
    # AUTOINCREMENT: block ids are never reused, so "indexed up to id N" stays true after deletes.
    """CREATE TABLE blocks (
        block_id   INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx        INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        role       TEXT,
        text       TEXT NOT NULL,
        UNIQUE (article_id, idx)
    )""",
    """CREATE TABLE tags (
        article_id  TEXT NOT NULL REFERENCES articles(id),
        block_index INTEGER NOT NULL,
        theme_id    TEXT NOT NULL,
        evidence    TEXT NOT NULL,           -- JSON list of the matched terms
        score       REAL NOT NULL
    )""",
    "CREATE INDEX tags_article ON tags(article_id)",
    "CREATE INDEX tags_theme ON tags(theme_id)",
)

# Contentless: the text is stored once, packed in contents.blocks; the index keeps only its terms.
FTS_DDL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2')"
)


# FTS5 settings for indexing in bulk, kept in the index's own config table (so a saved file keeps them).
# hashsize 32 MiB (default 1 MiB): the terms of one bulk statement (``search.INDEX_BATCH`` blocks, a few
# MiB of text) are written as one segment instead of several small ones that must then be merged.
# automerge 16 (default 4): segments are merged once 16 of a size pile up, so each term list is
# rewritten by fewer merges (with hashsize, a 10,000-article import indexed about a third faster); a
# search then reads up to 15 segments per size, which measured no slower. crisismerge 32 (default 16)
# stays above automerge, so the incremental merges do that work, not a sudden merge of a whole size.
FTS_SETTINGS = (("hashsize", 32 << 20), ("automerge", 16), ("crisismerge", 32))


def tune_index(conn: sqlite3.Connection) -> None:
    """Apply ``FTS_SETTINGS`` to the search index (cheap; the index must exist)."""
    for name, value in FTS_SETTINGS:
        conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES (?, ?)", (name, value))


def block_rowid(position: int, index: int) -> int:
    """The FTS5 rowid of block ``index`` of the article at ``position``."""
    return (position << BLOCK_BITS) | index


@functools.cache
def fts5_available() -> bool:
    """True when this Python's SQLite was built with FTS5 (the store then indexes and searches with it)."""
    try:
        with contextlib.closing(sqlite3.connect(":memory:")) as conn:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        return True
    except sqlite3.Error:
        return False


def connect_working() -> sqlite3.Connection:
    """A private, temporary SQLite database for a project's working copy.

    The empty file name makes SQLite keep it in memory until it grows, then
    spill it to a temporary file that disappears on close. Autocommit mode:
    callers open transactions with ``transaction``. Durability settings are
    off because the working copy is never the saved file.
    """
    conn = sqlite3.connect("", isolation_level=None, check_same_thread=False)
    # 16 KiB pages (SQLite's default is 4 KiB), set before anything is written: a 10,000-article import
    # outgrows the cache and spills its pages to the temporary file, a write per page, so larger pages
    # mean a quarter of the writes; measured, the importing process spent a tenth less CPU.
    # A saved file keeps the size; a file saved with another (older projects) brings its own along.
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute("PRAGMA journal_mode = MEMORY")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk FTS merges stay in memory
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one transaction: committed when it ends, rolled back when it raises."""
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def create_schema(conn: sqlite3.Connection, *, note: str) -> None:
    """Lay out an empty database as a base-version project (as an SQLite without FTS5 wrote it: no index).

    The caller then runs ``migrations.upgrade`` from ``BASE_VERSION``; the
    search index is created by the schema-3 step.
    """
    with transaction(conn):
        for statement in _TABLES:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO migrations (version, applied_at, note) VALUES (?, ?, ?)",
            (BASE_VERSION, now_iso(), note),
        )
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {BASE_VERSION}")


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """True when the database has a table (ordinary or virtual) called ``name``."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
