"""The project's contents: its articles and their theme tags, added, removed and retagged.

``ContentsMixin`` holds the ``Project`` methods that change or read the
articles and tags; it is split from ``project`` only to keep each module
readable (``library.LibraryMixin`` holds the library's), and works on the
project's own state: the effective articles in memory, their positions and
tags, the working copy and its search index. Each change is written to the
working copy in one transaction before the state in memory changes. The same
threading rule holds: one thread at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from briefpack.collector import gc_paused
from briefpack.model.article import Article
from briefpack.model.theme import ThemeTag
from briefpack.store import adding, corrections, grouping, rows
from briefpack.store.adding import Added
from briefpack.store.membership import Membership
from briefpack.store.rows import PackedTags
from briefpack.store.schema import transaction
from briefpack.store.search import BlockIndex
from briefpack.store.tagcache import TagCache

if TYPE_CHECKING:
    from briefpack.analysis.duplicates import Fingerprint


class ContentsMixin:
    """Articles and theme tags of a ``Project`` (which provides the state below)."""

    _articles: dict[str, Article]
    _tags: TagCache
    _positions: dict[str, int]
    _next_position: int
    _corrections: dict[str, dict[str, object]]
    _index: BlockIndex | None
    _membership: Membership
    _articles_view: tuple[Article, ...] | None
    _dirty: bool

    # Provided by Project.
    def _live(self) -> sqlite3.Connection: ...

    # ------------------------------------------------------------ articles

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article in project order (the order they were added)."""
        if self._articles_view is None:
            self._articles_view = tuple(self._articles.values())
        return self._articles_view

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or ``None`` when the project has none."""
        return self._articles.get(article_id)

    def add_article(self, article: Article) -> bool:
        """Append an article; False (and no change) when the same file or the same text is already here.

        ``add_articles`` says which, and takes tags and precomputed fingerprints.
        """
        return self.add_articles([(article, ())])[0].added

    def add_articles(
        self,
        items: Iterable[tuple[Article, Sequence[ThemeTag] | PackedTags]],
        fingerprints: Mapping[str, Fingerprint] | None = None,
    ) -> list[Added]:
        """Append articles with their tags in one transaction; one ``Added`` per item says what became of it.

        An article whose id (same file) or body text (another copy) is already
        in the project, or earlier in ``items``, is not added. A near
        duplicate is added and grouped (``duplicate_group``). ``fingerprints``
        by article id (from ``analysis.duplicates.fingerprint``, e.g. computed
        in worker processes) saves computing them here; missing ones are
        computed. An article's tags may come already packed (``PackedTags``,
        made where it was tagged): they are stored and kept as they are.
        Raises ``ValueError`` for a tag of another article or of a
        missing block, adding nothing. The search index catches up in bulk
        (in bounded steps when ``index_step_blocks`` is set).
        """
        db = self._live()
        prints = fingerprints or {}
        batch = [(article, tags, prints.get(article.id)) for article, tags in items]
        known = set(self._articles)
        # Paused: a batch builds tens of thousands of small rows, and rescanning the project's
        # objects for cycles meanwhile cost as much as the inserts.
        with gc_paused(), transaction(db):
            results, tags_of = adding.insert_batch(db, batch, self._next_position, known)
        added = {r.article_id for r in results if r.added}
        sizes: list[tuple[int, int]] = []
        position = self._next_position
        for article, _, _ in batch:
            if article.id in added:
                self._articles[article.id] = article
                self._positions[article.id] = position
                sizes.append((position, len(article.blocks)))
                position += 1
                self._tags.set(article.id, tags_of[article.id])
        self._next_position = position
        if added:
            self._membership.invalidate()
            self._articles_view = None
            self._dirty = True
            if self._index is not None:
                self._index.added(sizes)  # after the commit: indexing must never be rolled back on its own
        return results

    def remove_article(self, article_id: str) -> bool:
        """Remove an article and its tags; False when there is none with this id.

        The selection is left as it is: assembly skips sources and passages that are gone.
        """
        return self.remove_articles([article_id]) == 1

    def remove_articles(self, article_ids: Iterable[str]) -> int:
        """Remove several articles (with their tags and corrections) in one transaction; returns how many were here.

        Ids the project does not have are skipped. Undoing an import uses it.
        """
        db = self._live()
        present = [i for i in dict.fromkeys(article_ids) if i in self._articles]
        if not present:
            return 0
        with transaction(db):
            for article_id in present:
                self._delete_rows(db, article_id)
                corrections.delete(db, article_id)
        for article_id in present:
            del self._articles[article_id]
            del self._positions[article_id]
            self._tags.pop(article_id)
            self._corrections.pop(article_id, None)
        self._membership.invalidate()
        self._articles_view = None
        self._dirty = True
        return len(present)

    def _delete_rows(self, db: sqlite3.Connection, article_id: str) -> None:
        """Delete an article's rows (not its corrections) inside the caller's transaction."""
        position = self._positions[article_id]
        if self._index is not None:
            self._index.forget(db, position)
        grouping.forget(db, article_id)
        db.execute("DELETE FROM contents WHERE position = ?", (position,))
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # ------------------------------------------------------------ theme tags

    def set_tags(self, article_id: str, tags: list[ThemeTag]) -> None:
        """Replace the theme tags of one article (an empty list removes them), keeping their order.

        Raises ``KeyError`` when the project has no such article, and
        ``ValueError`` for a tag of another article or of a block the article
        does not have.
        """
        article = self._articles.get(article_id)
        if article is None:
            raise KeyError(article_id)
        # Stored as they read back from the file, so what you set is what you get after reopening.
        normal = adding.checked_tags(article, tags)
        if normal == self._tags.get(article_id):
            return
        db = self._live()
        with transaction(db):
            rows.write_tags(db, self._positions[article_id], normal)
        self._set_tags_in_memory(article_id, normal)
        self._dirty = True

    def _set_tags_in_memory(self, article_id: str, normal: list[ThemeTag]) -> None:
        self._membership.invalidate()
        self._tags.set(article_id, normal)

    def tags(self) -> list[ThemeTag]:
        """Every tag, article by article in project order."""
        with gc_paused():  # some 400,000 small objects in a large library
            return list(self._tags.in_order(self._articles))

    def tags_for(self, article_id: str) -> list[ThemeTag]:
        """The tags of one article; empty when it has none or the project has no such article."""
        return list(self._tags.get(article_id))

    def paragraph_counts(self) -> dict[str, dict[str, int]]:
        """Article id → theme id → how many of the article's paragraphs are tagged with the theme, in project order.

        What a window shows on opening (theme chips, coverage), counted from
        the packed tags without building a ``ThemeTag`` for each: ``tags_for``
        gives the tags of an article when they are read. Tags of headings or
        of blocks the article does not have are not counted; an article with
        no counted tag has no entry.
        """
        with gc_paused():  # one small dict per article in a large library
            return self._tags.paragraph_counts(self._articles)
