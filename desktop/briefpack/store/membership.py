"""Which articles hold a text or a theme: the two library filters whose matches run into the tens of thousands.

A common word matches tens of thousands of paragraphs. Mapping each matching
FTS5 row back to its article through the ``blocks`` table costs a B-tree
look-up per paragraph (30 ms and more at 10,000 articles); but an article's
blocks always have consecutive ids (they are inserted together and never
renumbered), so a sorted array of each article's first block id maps all
matches to articles with one binary search each, in numpy. Theme filters are
answered from per-theme sets of article ids built from the tags the project
holds in memory. Both caches are built on first use and dropped by
``invalidate``, which the project calls whenever blocks or tags change.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from briefpack.model.theme import ThemeTag
from briefpack.store.schema import FTS_TABLE
from briefpack.store.search import Term, fts_expression


class Membership:
    """Caches for text and theme filters of one project; not thread-safe, like the project."""

    def __init__(self) -> None:
        self._starts: np.ndarray | None = None
        self._owners: list[str] = []
        self._themes: dict[str, frozenset[str]] | None = None

    def invalidate(self) -> None:
        """Forget both caches: call after any change to blocks or tags."""
        self._starts = None
        self._owners = []
        self._themes = None

    def with_text(self, conn: sqlite3.Connection, terms: Sequence[Term]) -> set[str]:
        """Ids of the articles with a paragraph matching ``terms``; the FTS5 index must be up to date."""
        cursor = conn.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (fts_expression(terms),))
        rowids = np.fromiter(itertools.chain.from_iterable(cursor), dtype=np.int64)
        if not len(rowids):
            return set()
        starts, owners = self._block_starts(conn)
        found = np.unique(np.searchsorted(starts, rowids, side="right") - 1)
        return {owners[i] for i in found if i >= 0}

    def with_themes(self, themes: Iterable[str], tags: Mapping[str, list[ThemeTag]]) -> set[str]:
        """Ids of the articles with a paragraph tagged with any of ``themes``."""
        if self._themes is None:
            by_theme: dict[str, set[str]] = {}
            for article_id, article_tags in tags.items():
                for tag in article_tags:
                    by_theme.setdefault(tag.theme_id, set()).add(article_id)
            self._themes = {theme: frozenset(ids) for theme, ids in by_theme.items()}
        found: set[str] = set()
        for theme in themes:
            found |= self._themes.get(theme, frozenset())
        return found

    def _block_starts(self, conn: sqlite3.Connection) -> tuple[np.ndarray, list[str]]:
        if self._starts is None:
            rows = conn.execute("SELECT MIN(block_id), article_id FROM blocks GROUP BY article_id ORDER BY 1").fetchall()
            self._starts = np.array([r[0] for r in rows], dtype=np.int64)
            self._owners = [r[1] for r in rows]
        return self._starts, self._owners
