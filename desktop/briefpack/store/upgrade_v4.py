"""Schema 4: near-duplicate signatures of fingerprint version 2 (one-permutation MinHash, see ``analysis.duplicates``).

Signatures written by a schema-3 briefpack (fingerprint version 1: 128
permutations of crc32 word hashes) never compare equal with the ones this
briefpack makes, so near duplicates imported later would go unnoticed.
Upgrading computes every article's signature and band keys again from its
stored body. Text keys come out as they were (same words, same hash) and
are left alone, and so are duplicate groups: they record what was found
and shown to the analyst.
"""

from __future__ import annotations

import json
import sqlite3

NOTE = "near-duplicate signatures recomputed (fingerprint version 2: one-permutation MinHash)"


def apply(conn: sqlite3.Connection) -> None:
    """Upgrade schema 3 to 4 inside the caller's transaction."""
    from briefpack.analysis.duplicates import fingerprint_texts  # only an old file needs it (and numpy)

    signatures: list[tuple[bytes | None, str]] = []
    band_rows: list[tuple[int, str]] = []
    for article_id, blocks in conn.execute(
        "SELECT a.id, c.blocks FROM articles a JOIN contents c ON c.position = a.position ORDER BY a.position"
    ):
        fp = fingerprint_texts(article_id, [text for _, text, _ in json.loads(blocks)])
        signatures.append((fp.signature, article_id))
        band_rows.extend((key, article_id) for key in fp.band_keys())
    conn.execute("DELETE FROM band_keys")
    conn.executemany("UPDATE articles SET signature = ? WHERE id = ?", signatures)
    band_rows.sort()
    conn.executemany("INSERT OR IGNORE INTO band_keys (key, article_id) VALUES (?, ?)", band_rows)
