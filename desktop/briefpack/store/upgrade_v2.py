"""Schema 2: duplicate detection, provenance corrections and indexed filters.

Articles gain ``language`` (a filter column, like ``publisher`` and
``published``, holding the *effective* value, corrections applied), and the
fingerprint columns ``text_key``, ``signature`` and ``dup_group`` that
``grouping`` maintains; ``band_keys`` indexes signatures for near-duplicate
look-ups. ``corrections`` keeps the analyst's metadata corrections apart from
the parsed article JSON, and ``reliability`` the grade of each publisher.
Indexes make every filter of ``Project.query`` an index look-up. Upgrading
an older file fingerprints and groups its articles once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from briefpack.model.article import Article, Block, BlockKind, Provenance

if TYPE_CHECKING:
    from briefpack.analysis.duplicates import Fingerprint

NOTE = "duplicate groups, metadata corrections, reliability grades, indexed filters"

DDL = (
    "ALTER TABLE articles ADD COLUMN language TEXT",
    "ALTER TABLE articles ADD COLUMN text_key TEXT",
    "ALTER TABLE articles ADD COLUMN signature BLOB",
    "ALTER TABLE articles ADD COLUMN dup_group TEXT",
    """CREATE TABLE band_keys (
        key        INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE corrections (
        article_id   TEXT NOT NULL REFERENCES articles(id),
        field        TEXT NOT NULL,
        value        TEXT NOT NULL,          -- JSON, as Article.to_json writes the field
        corrected_at TEXT NOT NULL,
        PRIMARY KEY (article_id, field)
    )""",
    """CREATE TABLE reliability (
        publisher TEXT PRIMARY KEY,
        grade     TEXT NOT NULL              -- Admiralty reliability, "A".."F"
    )""",
    "CREATE INDEX articles_publisher ON articles(publisher, position)",
    "CREATE INDEX articles_published ON articles(published)",
    "CREATE INDEX articles_language ON articles(language, position)",
    "CREATE INDEX articles_text_key ON articles(text_key)",
    "CREATE INDEX articles_dup_group ON articles(dup_group)",
    "DROP INDEX tags_theme",
    "CREATE INDEX tags_theme ON tags(theme_id, article_id)",  # covering: theme filters never read the table
)


def apply(conn: sqlite3.Connection) -> None:
    """Upgrade schema 1 to 2 inside the caller's transaction."""
    for statement in DDL:
        conn.execute(statement)
    conn.execute("UPDATE articles SET language = json_extract(json, '$.language')")
    from briefpack.analysis.duplicates import fingerprint, group_duplicates  # only an old file needs them

    prints = [fingerprint(article) for article in _bodies(conn)]
    for fp in prints:
        _write(conn, fp)
    # Same-text copies an older briefpack let in are grouped too: flagged, never deleted.
    for group in group_duplicates(prints):
        ids = group.article_ids
        conn.execute(f"UPDATE articles SET dup_group = ? WHERE id IN ({','.join('?' * len(ids))})", (ids[0], *ids))


def _write(conn: sqlite3.Connection, fp: Fingerprint) -> None:
    conn.execute(
        "UPDATE articles SET text_key = ?, signature = ? WHERE id = ?", (fp.text_key, fp.signature, fp.article_id)
    )
    conn.executemany("INSERT OR IGNORE INTO band_keys VALUES (?, ?)", [(k, fp.article_id) for k in fp.band_keys()])


def _bodies(conn: sqlite3.Connection) -> list[Article]:
    """Stand-in articles holding just each stored article's id and body, in project order (all fingerprinting needs)."""
    blocks: dict[str, list[Block]] = {}
    for article_id, text in conn.execute("SELECT article_id, text FROM blocks ORDER BY article_id, idx"):
        blocks.setdefault(article_id, []).append(Block(BlockKind.PARAGRAPH, text))
    stub = Provenance(None, "", dt.datetime.min)
    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY position")]
    return [
        Article(i, None, False, (), None, None, None, None, None, tuple(blocks.get(i, ())), (), (), stub) for i in ids
    ]
