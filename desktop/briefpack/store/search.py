"""Full-text search over paragraph text: FTS5 when SQLite has it, a plain scan when it does not.

A query is words and ``"quoted phrases"``; a paragraph matches when it holds
all of them, ignoring case and accents; a word ending in ``*`` matches any
word it begins. Queries are parsed here and rebuilt as FTS5 syntax, so no
user input can cause an FTS5 syntax error, and the scan fallback applies the
same rules. The FTS5 index is kept up to date in bulk: new blocks are indexed
once enough have piled up (and before any search or save), because FTS5
indexes one large batch about three times faster than many small ones.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from briefpack.model.article import Article
from briefpack.store.schema import FTS_TABLE, transaction

# Blocks left unindexed before an add indexes them all in one statement (about 100 articles).
INDEX_BATCH = 2000
# Meta key set when blocks changed while the index could not follow (SQLite without FTS5).
STALE_KEY = "search_index_stale"

_TOKEN = re.compile(r"[^\W_]+")
_TERM = re.compile(r'"([^"]*)"|([^\W_]+)(\*?)')


@dataclass(frozen=True, slots=True)
class Term:
    """One query term: a sequence of normalised words (a phrase when longer than one); ``prefix`` applies to the last."""

    words: tuple[str, ...]
    prefix: bool = False


def normalise(text: str) -> str:
    """Lower-cased, accent-stripped text, as the FTS5 tokenizer (``remove_diacritics 2``) sees it."""
    # lower(), not casefold(): FTS5 keeps "ß", and query words must equal indexed tokens.
    decomposed = unicodedata.normalize("NFD", text.lower())
    # Recompose: NFD also splits Hangul syllables into jamo, which FTS5 would never match.
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def words_of(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def parse_query(query: str) -> list[Term]:
    """The terms of a query; empty when it has no words (such a query finds nothing)."""
    terms: list[Term] = []
    for match in _TERM.finditer(query):
        phrase, word, star = match.groups()
        words = tuple(words_of(phrase if phrase is not None else word))
        if words:
            terms.append(Term(words, prefix=bool(star)))
    return terms


def fts_expression(terms: Iterable[Term]) -> str:
    """The FTS5 MATCH expression for terms: each a quoted phrase, all required."""
    parts = []
    for term in terms:
        # Normalised words hold letters and digits only, so quoting cannot be broken out of.
        part = '"' + " ".join(term.words) + '"'
        parts.append(part + "*" if term.prefix else part)
    return " AND ".join(parts)


# ------------------------------------------------------------ FTS5 index


class BlockIndex:
    """The FTS5 index of a working copy, kept up to date in bulk.

    Blocks above ``indexed_upto`` are pending. Call ``added`` after each
    committed insert of blocks, ``forget`` inside the transaction that
    deletes an article's blocks (before the delete), and ``flush`` before
    reading the index or saving. ``rebuild`` true re-indexes everything at
    the next flush. Not thread-safe, like the project that owns it.
    """

    def __init__(self, conn: sqlite3.Connection, indexed_upto: int, *, rebuild: bool = False) -> None:
        self._conn = conn
        self._indexed_upto = indexed_upto
        self._rebuild = rebuild

    def added(self) -> None:
        if self._rebuild:
            return
        top = self._conn.execute("SELECT COALESCE(MAX(block_id), 0) FROM blocks").fetchone()[0]
        if top - self._indexed_upto >= INDEX_BATCH:
            self.flush()

    def forget(self, article_id: str) -> None:
        if not self._rebuild:
            unindex_article(self._conn, article_id, self._indexed_upto)

    def flush(self) -> None:
        """Index every pending block. Must run outside a transaction that may still roll back."""
        if self._rebuild:
            with transaction(self._conn):
                upto = rebuild_index(self._conn)
                self._conn.execute("DELETE FROM meta WHERE key = ?", (STALE_KEY,))
            self._indexed_upto, self._rebuild = upto, False
        else:
            self._indexed_upto = index_pending(self._conn, self._indexed_upto)

    def find(self, terms: list[Term], limit: int | None) -> list[tuple[str, int]]:
        self.flush()
        return search_index(self._conn, terms, limit)


def index_pending(conn: sqlite3.Connection, indexed_upto: int) -> int:
    """Index every block with an id above ``indexed_upto``; returns the new high-water mark.

    Call inside a transaction or not; it is one statement either way.
    """
    top = conn.execute("SELECT COALESCE(MAX(block_id), 0) FROM blocks").fetchone()[0]
    if top > indexed_upto:
        conn.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, text) SELECT block_id, text FROM blocks WHERE block_id > ?",
            (indexed_upto,),
        )
    return max(top, indexed_upto)


def unindex_article(conn: sqlite3.Connection, article_id: str, indexed_upto: int) -> None:
    """Take an article's indexed blocks out of the index; call before deleting its rows."""
    # An external-content index forgets a row only when told its exact old text.
    conn.execute(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, text) "
        "SELECT 'delete', block_id, text FROM blocks WHERE article_id = ? AND block_id <= ?",
        (article_id, indexed_upto),
    )


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Re-index every block from scratch; returns the new high-water mark."""
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    return conn.execute("SELECT COALESCE(MAX(block_id), 0) FROM blocks").fetchone()[0]


def search_index(conn: sqlite3.Connection, terms: list[Term], limit: int | None) -> list[tuple[str, int]]:
    """Matching (article id, block index) pairs in project order, from a fully indexed database."""
    sql = (
        f"SELECT b.article_id, b.idx FROM {FTS_TABLE} f "
        "JOIN blocks b ON b.block_id = f.rowid JOIN articles a ON a.id = b.article_id "
        f"WHERE {FTS_TABLE} MATCH ? ORDER BY a.position, b.idx"
    )
    params: tuple = (fts_expression(terms),)
    if limit is not None:
        sql += " LIMIT ?"
        params += (limit,)
    return [(article_id, idx) for article_id, idx in conn.execute(sql, params)]


# ------------------------------------------------------------ fallback


def scan(articles: Iterable[Article], terms: list[Term], limit: int | None) -> list[tuple[str, int]]:
    """The same matches as ``search_index``, found by reading every block (for SQLite without FTS5)."""
    hits: list[tuple[str, int]] = []
    if not terms:
        return hits
    for article in articles:
        for idx, block in enumerate(article.blocks):
            if _block_matches(words_of(block.text), terms):
                hits.append((article.id, idx))
                if limit is not None and len(hits) >= limit:
                    return hits
    return hits


def _block_matches(words: list[str], terms: list[Term]) -> bool:
    return all(_has_term(words, term) for term in terms)


def _has_term(words: list[str], term: Term) -> bool:
    n = len(term.words)
    for start in range(len(words) - n + 1):
        window = words[start : start + n]
        if window[:-1] != list(term.words[:-1]):
            continue
        last, wanted = window[-1], term.words[-1]
        if last == wanted or (term.prefix and last.startswith(wanted)):
            return True
    return False
