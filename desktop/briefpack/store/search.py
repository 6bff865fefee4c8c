"""Full-text search over paragraph text: FTS5 when SQLite has it, a plain scan when it does not.

A query is words and ``"quoted phrases"``; a paragraph matches when it holds
all of them, ignoring case and accents; a word ending in ``*`` matches any
word it begins. Queries are parsed here and rebuilt as FTS5 syntax, so no
user input can cause an FTS5 syntax error, and the scan fallback applies the
same rules. The FTS5 index is kept up to date in bulk: new blocks are indexed
once enough have piled up (and before any search or save), because FTS5
indexes one large batch faster than many small ones (and, with
``schema.FTS_SETTINGS``, merges what it wrote less often). An owner that must
bound the time of each call (the window's UI thread) sets ``step_blocks``:
then each add indexes at most about that many blocks, and ``step`` indexes
the rest a bounded part at a time. The index is
contentless: it holds terms only, and the text it needs to forget a
block comes from the article's packed body.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefpack.model.article import Article
from briefpack.store.database import Database
from briefpack.store.schema import BLOCK_BITS, FTS_TABLE, MAX_BLOCKS, transaction, tune_index

# Blocks left unindexed before an add indexes them all in one statement (about 700 articles): each
# statement writes one FTS5 segment, and fewer, larger ones cost less to write and merge.
INDEX_BATCH = 10_000
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
    """The FTS5 index of a project, kept up to date in bulk.

    Articles at positions above ``indexed_upto`` are pending. Call
    ``added`` after each committed insert of articles, ``forget`` inside the
    transaction that deletes or replaces an article's contents (before the
    change), ``reindex`` after replacing an indexed article's contents in
    that transaction, and ``flush`` before reading the index or saving.
    ``rebuild`` true re-indexes everything at the next flush. Reading an
    up-to-date index never makes the working copy. Not thread-safe, like the
    project that owns it.
    """

    def __init__(self, db: Database, indexed_upto: int, *, rebuild: bool = False) -> None:
        self._db = db
        self._indexed_upto = indexed_upto
        self._rebuild = rebuild
        self._pending_blocks = 0
        # (position, block count) of the articles added since the last flush, in position order.
        self._pending: list[tuple[int, int]] = []
        # None: index in INDEX_BATCH-sized batches; a number: index at most about that many blocks per call.
        self.step_blocks: int | None = None
        self._tuned = False  # schema.FTS_SETTINGS applied in this session (a file from an older briefpack lacks them)

    def added(self, sizes: Sequence[tuple[int, int]]) -> None:
        """Articles at these (position, block count) were committed; indexes once enough blocks are pending.

        Without ``step_blocks`` everything pending is indexed once
        ``INDEX_BATCH`` blocks are; with it, one ``step`` runs once
        ``step_blocks`` are, so no call indexes much more than that.
        """
        self._pending.extend(sizes)
        self._pending_blocks += sum(count for _, count in sizes)
        if self._rebuild:
            return
        if self.step_blocks is None:
            if self._pending_blocks >= INDEX_BATCH:
                self.flush()
        elif self._pending_blocks >= self.step_blocks:
            self.step()

    def step(self) -> bool:
        """Index the next pending articles holding about ``step_blocks`` blocks (at least one article); ``True`` while more remain.

        Without ``step_blocks``, or when the pending articles are not known
        (a rebuild, or articles left unindexed by an earlier session), it flushes everything.
        """
        if self.step_blocks is None or self._rebuild or not self._pending:
            self.flush()
            return False
        count = taken = 0
        while taken < len(self._pending) and (taken == 0 or count + self._pending[taken][1] <= self.step_blocks):
            count += self._pending[taken][1]
            taken += 1
        upto = self._pending[taken - 1][0]
        if upto > self._indexed_upto:
            self._indexed_upto = index_articles(self._bulk_writer(), self._indexed_upto, upto)
        del self._pending[:taken]
        self._pending_blocks -= count
        if not self._pending:
            self.flush()  # cheap when nothing is left; catches articles this index was not told of
        return bool(self._pending)

    def forget(self, conn: sqlite3.Connection, position: int) -> None:
        if not self._rebuild and position <= self._indexed_upto:
            unindex_article(conn, position)

    def reindex(self, conn: sqlite3.Connection, position: int) -> None:
        if not self._rebuild and position <= self._indexed_upto:
            index_articles(conn, position - 1, position)

    def flush(self) -> None:
        """Index every pending article. Must run outside a transaction that may still roll back."""
        if self._rebuild:
            conn = self._bulk_writer()
            with transaction(conn):
                upto = rebuild_index(conn)
                conn.execute("DELETE FROM meta WHERE key = ?", (STALE_KEY,))
            self._indexed_upto, self._rebuild = upto, False
        else:
            top = top_position(self._db.reader())
            if top > self._indexed_upto:
                self._indexed_upto = index_articles(self._bulk_writer(), self._indexed_upto, top)
        self._pending_blocks = 0
        self._pending.clear()

    def _bulk_writer(self) -> sqlite3.Connection:
        """The working copy, with the index's bulk settings applied once per session before it is written."""
        conn = self._db.writer()
        if not self._tuned:
            tune_index(conn)
            self._tuned = True
        return conn

    def find(self, terms: list[Term], limit: int | None) -> list[tuple[str, int]]:
        self.flush()
        return search_index(self._db.reader(), terms, limit)


def top_position(conn: sqlite3.Connection) -> int:
    """The highest article position with contents, -1 for none."""
    return conn.execute("SELECT COALESCE(MAX(position), -1) FROM contents").fetchone()[0]


# Each block's rowid and text, read from the packed body (``[[kind, text, role], ...]``) in one walk of its JSON:
# json_tree yields each block's members, and the text is the member at key 1 of a block (path ``$[index]``).
# (json_each over the blocks, then json_extract of each block's JSON text, parsed every block twice: indexing
# took 8% more instructions that way, for the same rows.) Callers append their conditions with AND.
_INDEX_SELECT = (
    f"SELECT (c.position << {BLOCK_BITS}) + CAST(substr(j.path, 3) AS INTEGER), j.value"
    " FROM contents c, json_tree(c.blocks) j WHERE j.key = 1 AND j.type = 'text' AND j.path != '$'"
)


def index_articles(conn: sqlite3.Connection, after: int, upto: int) -> int:
    """Index the blocks of the articles at positions ``after < position <= upto``; returns ``upto``.

    Call inside a transaction or not; it is one statement either way.
    """
    conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, text) {_INDEX_SELECT} AND c.position > ? AND c.position <= ?", (after, upto)
    )
    return upto


def unindex_article(conn: sqlite3.Connection, position: int) -> None:
    """Take an article's blocks out of the index; call before its contents change or go."""
    # A contentless index forgets a row only when told its exact old text.
    conn.execute(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, text) SELECT 'delete', r.* FROM ({_INDEX_SELECT} AND c.position = ?) r",
        (position,),
    )


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Re-index every article from scratch; returns the new high-water mark."""
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")
    top = top_position(conn)
    return index_articles(conn, -1, top)


def search_index(conn: sqlite3.Connection, terms: list[Term], limit: int | None) -> list[tuple[str, int]]:
    """Matching (article id, block index) pairs in project order (rowid order), from a fully indexed database."""
    sql = (
        f"SELECT a.id, f.rowid & {MAX_BLOCKS - 1} FROM {FTS_TABLE} f JOIN articles a ON a.position = f.rowid >> {BLOCK_BITS} "
        f"WHERE {FTS_TABLE} MATCH ? ORDER BY f.rowid"
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
