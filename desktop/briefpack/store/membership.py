"""Which articles hold a text or a theme: the two library filters whose matches run into the tens of thousands.

A common word matches tens of thousands of paragraphs. Each FTS5 rowid
names its article's position in its high bits (``schema.block_rowid``), so
every match maps to its article with a shift, in numpy, and the distinct
positions to article ids through one dictionary. Theme filters are answered
from per-theme sets of article ids built from each article's list of theme
ids (``contents.themes``), without decoding a single tag. Both
caches are built on first use and dropped by ``invalidate``, which the
project calls whenever articles or tags change.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence

from briefpack.store.schema import BLOCK_BITS, FTS_TABLE
from briefpack.store.search import Term, fts_expression


class Membership:
    """Caches for text and theme filters of one project; not thread-safe, like the project."""

    def __init__(self) -> None:
        self._owners: dict[int, str] | None = None
        self._themes: dict[str, frozenset[str]] | None = None

    def invalidate(self) -> None:
        """Forget both caches: call after any change to articles or tags."""
        self._owners = None
        self._themes = None

    def with_text(self, conn: sqlite3.Connection, terms: Sequence[Term], positions: Mapping[str, int]) -> set[str]:
        """Ids of the articles with a paragraph matching ``terms``; the FTS5 index must be up to date.

        ``positions`` gives each article's position by id.
        """
        import numpy as np  # on the first text search, not when a project opens

        cursor = conn.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (fts_expression(terms),))
        rowids = np.fromiter(itertools.chain.from_iterable(cursor), dtype=np.int64)
        if not len(rowids):
            return set()
        if self._owners is None:
            self._owners = {position: article_id for article_id, position in positions.items()}
        owners = self._owners
        return {owners[p] for p in np.unique(rowids >> BLOCK_BITS).tolist() if p in owners}

    def with_themes(self, themes: Iterable[str], members: Callable[[], dict[str, set[str]]]) -> set[str]:
        """Ids of the articles with a paragraph tagged with any of ``themes``; ``members`` lists each theme's articles."""
        if self._themes is None:
            self._themes = {theme: frozenset(ids) for theme, ids in members().items()}
        found: set[str] = set()
        for theme in themes:
            found |= self._themes.get(theme, frozenset())
        return found
