"""The store's side of duplicate detection: each article's fingerprint, LSH band keys in an index, duplicate groups.

``analysis.duplicates`` computes fingerprints; here they are kept with the
article (``text_key`` and ``signature`` columns) and the signature's band
keys go into ``band_keys``, a ``WITHOUT ROWID`` table keyed by band key, so
finding an article's near-duplicate candidates is ``BANDS`` index look-ups
whatever the size of the project. Near duplicates share ``articles.dup_group``,
an opaque id (the id of one of the group's articles); ``NULL`` means the
article has no near duplicate. Every function runs inside the caller's
transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefpack.analysis.duplicates import Fingerprint

# ``analysis.duplicates`` (and numpy with it) is imported in the functions that compare: opening a project needs neither.

# Near-duplicate candidates verified per article, most shared bands first.
MAX_CANDIDATES = 64


def write_fingerprint(conn: sqlite3.Connection, fp: Fingerprint) -> None:
    """Record ``fp`` for its (already inserted) article and index its band keys."""
    conn.execute("UPDATE articles SET text_key = ?, signature = ? WHERE id = ?", (fp.text_key, fp.signature, fp.article_id))
    conn.executemany(
        "INSERT OR IGNORE INTO band_keys (key, article_id) VALUES (?, ?)", [(k, fp.article_id) for k in fp.band_keys()]
    )


def same_text(conn: sqlite3.Connection, text_key: str, *, other_than: str | None = None) -> str | None:
    """The id of the first article (project order) whose body is this text, or ``None``."""
    row = conn.execute(
        "SELECT id FROM articles WHERE text_key = ? AND id IS NOT ? ORDER BY position LIMIT 1", (text_key, other_than)
    ).fetchone()
    return row[0] if row else None


def near_matches(conn: sqlite3.Connection, fp: Fingerprint) -> list[tuple[str, float]]:
    """(article id, estimated Jaccard) of every stored near duplicate of ``fp``, most similar first."""
    keys = fp.band_keys()
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    # Ranked by shared bands, which grow with similarity, and capped: text many articles share
    # (boilerplate, a wire story quoted everywhere) must not turn one look-up into a scan.
    candidates = conn.execute(
        f"SELECT a.id, a.signature FROM (SELECT article_id, COUNT(*) AS shared FROM band_keys "
        f"WHERE key IN ({marks}) AND article_id != ? GROUP BY article_id ORDER BY shared DESC LIMIT ?) c "
        "JOIN articles a ON a.id = c.article_id",
        (*keys, fp.article_id, MAX_CANDIDATES),
    ).fetchall()
    assert fp.signature is not None  # band keys exist only for a signature
    from briefpack.analysis.duplicates import NEAR_THRESHOLD, similarity

    scored = [(article_id, similarity(fp.signature, sig)) for article_id, sig in candidates if sig is not None]
    return sorted((m for m in scored if m[1] >= NEAR_THRESHOLD), key=lambda m: -m[1])


def join_group(conn: sqlite3.Connection, article_id: str, matches: Sequence[tuple[str, float]]) -> str | None:
    """Put ``article_id`` in one group with its ``matches`` (merging their groups); returns the group id, ``None`` without matches."""
    if not matches:
        return None
    ids = [article_id, *(m[0] for m in matches)]
    marks = ",".join("?" * len(ids))
    groups = dict(conn.execute(f"SELECT id, dup_group FROM articles WHERE id IN ({marks})", ids).fetchall())
    best = matches[0][0]
    target = groups.get(best) or best
    others = {g for g in groups.values() if g is not None and g != target}
    conn.execute(f"UPDATE articles SET dup_group = ? WHERE id IN ({marks})", (target, *ids))
    if others:
        omarks = ",".join("?" * len(others))
        conn.execute(f"UPDATE articles SET dup_group = ? WHERE dup_group IN ({omarks})", (target, *others))
    return target


def forget(conn: sqlite3.Connection, article_id: str) -> None:
    """Drop an article's band keys and its group membership; a group left with one member is dissolved."""
    row = conn.execute("SELECT signature, dup_group FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    signature, group = row
    if signature is not None:
        from briefpack.analysis.duplicates import band_keys

        keys = band_keys(signature)
        conn.execute(
            f"DELETE FROM band_keys WHERE article_id = ? AND key IN ({','.join('?' * len(keys))})", (article_id, *keys)
        )
    conn.execute("UPDATE articles SET dup_group = NULL, text_key = NULL, signature = NULL WHERE id = ?", (article_id,))
    if group is not None:
        left = conn.execute("SELECT id FROM articles WHERE dup_group = ?", (group,)).fetchall()
        if len(left) == 1:
            conn.execute("UPDATE articles SET dup_group = NULL WHERE id = ?", (left[0][0],))


def group_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT dup_group FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def groups(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every group id with its article ids in project order."""
    out: dict[str, list[str]] = {}
    for group, article_id in conn.execute(
        "SELECT dup_group, id FROM articles WHERE dup_group IS NOT NULL ORDER BY position"
    ):
        out.setdefault(group, []).append(article_id)
    return out
