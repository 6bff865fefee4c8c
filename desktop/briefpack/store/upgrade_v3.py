"""Schema 3: each article's body blocks and theme tags packed in one ``contents`` row, and a contentless search index.

Schema 2 kept one row per block and one per tag (with two indexes on tags):
a 10,000-article library had some 130,000 block rows and 400,000 tag rows,
which made adding articles and opening a project slow, and the FTS5 index
read its text from ``blocks``. Schema 3 packs each article's blocks
(``[kind, text, role]`` lists) and tags (``[block index, theme id, evidence,
score]`` lists, with the distinct theme ids beside them for theme filters)
as JSON in ``contents``, keyed by the article's position, and indexes the
blocks in a contentless FTS5 table whose rowids name article and block
(``schema.block_rowid``). Upgrading packs the old rows, drops the old tables
and index, and marks the new index for a rebuild, which runs on the first
search or save.
"""

from __future__ import annotations

import itertools
import operator
import sqlite3

from briefpack.store import schema
from briefpack.store.rows import dumps, theme_list
from briefpack.store.search import STALE_KEY

NOTE = "body blocks and theme tags packed per article; contentless search index"

OLD_FTS_TABLE = "blocks_fts"

CONTENTS_DDL = """CREATE TABLE contents (
    position INTEGER PRIMARY KEY REFERENCES articles(position),
    blocks   TEXT NOT NULL,                -- JSON list of [kind, text, role], in body order
    tags     TEXT,                         -- JSON list of [block index, theme id, [evidence], score]; NULL: none
    themes   TEXT                          -- JSON list of the distinct theme ids in tags, for theme filters
)"""


def apply(conn: sqlite3.Connection) -> None:
    """Upgrade schema 2 to 3 inside the caller's transaction."""
    conn.execute(CONTENTS_DDL)
    positions = dict(conn.execute("SELECT id, position FROM articles"))
    blocks = conn.execute("SELECT article_id, kind, text, role FROM blocks ORDER BY article_id, idx")
    packed = {
        article_id: dumps([[kind, text, role] for _, kind, text, role in rows])
        for article_id, rows in itertools.groupby(blocks, key=operator.itemgetter(0))
    }
    conn.executemany(
        "INSERT INTO contents (position, blocks) VALUES (?, ?)",
        [(position, packed.get(article_id, "[]")) for article_id, position in positions.items()],
    )
    tags = conn.execute("SELECT article_id, block_index, theme_id, evidence, score FROM tags ORDER BY article_id, rowid")
    updates = []
    for article_id, group in itertools.groupby(tags, key=operator.itemgetter(0)):
        if article_id in positions:
            rows = list(group)
            packed = "[" + ",".join(f"[{index},{dumps(theme)},{evidence},{dumps(score)}]" for _, index, theme, evidence, score in rows) + "]"
            updates.append((packed, theme_list([row[2] for row in rows]), positions[article_id]))
    conn.executemany("UPDATE contents SET tags = ?, themes = ? WHERE position = ?", updates)
    if schema.has_table(conn, OLD_FTS_TABLE):
        conn.execute(f"DROP TABLE {OLD_FTS_TABLE}")
    conn.execute("DROP TABLE tags")  # its indexes go with it
    conn.execute("DROP TABLE blocks")
    if schema.fts5_available():
        conn.execute(schema.FTS_DDL)
        if positions:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'true')", (STALE_KEY,))
