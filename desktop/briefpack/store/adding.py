"""Adding articles in bulk: duplicate checks, rows for articles, blocks, tags and band keys, in one transaction.

Each article of a batch is checked against the project *and* the articles
added before it in the same batch: the same file (same id) or the same text
(same ``text_key``) is not added again; a near duplicate is added and joins
the group of what it resembles. Rows go in with ``executemany`` per table
and kind, and the search index is left to ``search.BlockIndex`` to build in
bulk afterwards, which is what makes a 10,000-article import fast.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from briefpack.analysis.duplicates import Fingerprint, fingerprint
from briefpack.model.article import Article
from briefpack.model.theme import ThemeTag
from briefpack.store import grouping, rows

ADDED = "added"
SAME_FILE = "same-file"  # the same bytes: the article id is already in the project
SAME_TEXT = "same-text"  # other bytes, but the body is word for word an article's already here


@dataclass(frozen=True, slots=True)
class Added:
    """What became of one article given to ``Project.add_articles``.

    ``status`` is ``ADDED``, ``SAME_FILE`` or ``SAME_TEXT`` (the last two were
    not added). ``duplicate_of`` is the article already in the project for a
    duplicate, ``None`` when added. ``group`` is the near-duplicate group the
    added article joined, ``None`` when it resembles nothing; ``similar``
    lists (article id, estimated similarity) of what it resembles, most
    similar first.
    """

    article_id: str
    status: str
    duplicate_of: str | None = None
    group: str | None = None
    similar: tuple[tuple[str, float], ...] = ()

    @property
    def added(self) -> bool:
        return self.status == ADDED


def checked_tags(article: Article, tags: Sequence[ThemeTag]) -> list[ThemeTag]:
    """``tags`` as the file gives them back; raises ``ValueError`` for another article's tag or a missing block."""
    normal = [ThemeTag(t.article_id, t.block_index, t.theme_id, tuple(t.evidence), float(t.score)) for t in tags]
    for tag in normal:
        if tag.article_id != article.id:
            raise ValueError(f"a tag of article {tag.article_id!r} given for {article.id!r}")
        if not 0 <= tag.block_index < len(article.blocks):
            raise ValueError(f"article {article.id!r} has no block {tag.block_index}")
    return normal


def check(conn: sqlite3.Connection, fp: Fingerprint, known: bool) -> Added:
    """What adding the article of ``fp`` would do, without adding it; ``known``: its id is already in the project."""
    if known:
        return Added(fp.article_id, SAME_FILE, fp.article_id)
    earlier = grouping.same_text(conn, fp.text_key, other_than=fp.article_id)
    if earlier is not None:
        return Added(fp.article_id, SAME_TEXT, earlier)
    return Added(fp.article_id, ADDED, similar=tuple(grouping.near_matches(conn, fp)))


def insert_batch(
    conn: sqlite3.Connection,
    items: Sequence[tuple[Article, Sequence[ThemeTag], Fingerprint | None]],
    position: int,
    known: set[str],
) -> list[Added]:
    """Insert the articles that are not duplicates, from ``position`` on; call inside a transaction.

    ``known`` is the set of ids in the project; ids added here are put in it.
    A ``None`` fingerprint is computed here.
    """
    results: list[Added] = []
    block_rows: list[tuple] = []
    tag_rows: list[tuple] = []
    for article, tags, fp in items:
        fp = fp if fp is not None else fingerprint(article)
        if fp.article_id != article.id:
            raise ValueError(f"the fingerprint of {fp.article_id!r} given for {article.id!r}")
        normal = checked_tags(article, tags)
        outcome = check(conn, fp, article.id in known)
        if not outcome.added:
            results.append(outcome)
            continue
        # The article row and its fingerprint go in at once: later articles of the batch are checked
        # against them. Blocks and tags wait for one executemany each.
        conn.execute(rows.ARTICLE_INSERT, rows.article_row(article, position))
        grouping.write_fingerprint(conn, fp)
        group = grouping.join_group(conn, article.id, outcome.similar)
        block_rows.extend(rows.block_rows(article))
        tag_rows.extend(rows.tag_row(t) for t in normal)
        known.add(article.id)
        position += 1
        results.append(Added(article.id, ADDED, None, group, outcome.similar))
    conn.executemany(rows.BLOCK_INSERT, block_rows)
    conn.executemany(rows.TAG_INSERT, tag_rows)
    return results
