"""One version of the open project's articles and tags, with the counts the desk derives from them, each computed once.

The sources table's theme chips, the themes panel and the coverage map all
show how many paragraphs of each source speak to each theme.
``DeskContent`` holds the session's articles and tags (immutable tuples:
the session makes a new ``DeskContent`` whenever they change) and counts
those paragraphs the first time a panel asks, so a refresh counts once, not
once per panel. An import only appends: ``appended(articles, tags)`` makes
the next version from this one by counting the new tags alone, and keeps a
link back (``base``, ``added``) so a panel that shows this version can add
the new rows instead of rebuilding every row. Counted as the brief picks
passages (``assembly.pick``): tags of paragraph blocks (not headings) that
exist. No Qt here; build and read it on the UI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

from briefpack.collector import gc_paused
from briefpack.model.article import Article, BlockKind
from briefpack.model.theme import ThemeTag


class DeskContent:
    """The articles (project order) and tags of one version of the project, and what is counted from them.

    ``base`` is the version this one was made from by appending ``added``
    articles (``None``, and ``added`` empty, for a version read whole).
    Treat every returned collection as read-only.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        tags: Sequence[ThemeTag],
        *,
        base: DeskContent | None = None,
        added: Sequence[Article] = (),
        per_article: dict[str, dict[str, int]] | None = None,
    ) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)
        self.tags: tuple[ThemeTag, ...] = tuple(tags)
        self.base = base
        self.added: tuple[Article, ...] = tuple(added)
        self.by_id: dict[str, Article] = base.by_id | {a.id: a for a in added} if base is not None else {a.id: a for a in self.articles}
        if per_article is not None:
            self.__dict__["_per_article"] = per_article  # seeds the cached property
        self._themes_of: dict[str, tuple[tuple[str, int], ...]] = {}

    def appended(self, articles: Sequence[Article], tags: Sequence[ThemeTag]) -> DeskContent:
        """The next version: these articles (new ids, in order) and their tags after this version's."""
        added = tuple(articles)
        new_tags = tuple(tags)
        per_article = None
        if "_per_article" in self.__dict__:  # counted already: count only the new tags (they touch only new articles)
            per_article = dict(self._per_article)
            _count_into(per_article, {a.id: a for a in added}, new_tags)
        return DeskContent(self.articles + added, self.tags + new_tags, base=self, added=added, per_article=per_article)

    def extends(self, other: DeskContent | None) -> bool:
        """``True`` when this version is ``other`` with articles appended (and nothing else changed)."""
        return other is not None and self.base is other

    def count(self, theme_id: str, article_id: str) -> int:
        """How many of the article's paragraphs are tagged with the theme."""
        return self._per_article.get(article_id, {}).get(theme_id, 0)

    def largest(self, article_ids: Iterable[str] | None = None) -> int:
        """The largest count of any theme in these articles (``None``: every article); 0 when none has a tag."""
        per_article = self._per_article
        chosen = per_article.values() if article_ids is None else (per_article.get(a, {}) for a in article_ids)
        return max((n for themes in chosen for n in themes.values()), default=0)

    def themes_of(self, article_id: str) -> tuple[tuple[str, int], ...]:
        """The themes of one article with their paragraph counts, most paragraphs first (ties: first tagged first)."""
        themes = self._themes_of.get(article_id)
        if themes is None:
            found = self._per_article.get(article_id, {})
            themes = self._themes_of[article_id] = tuple(sorted(found.items(), key=lambda item: -item[1]))
        return themes

    def theme_sources(self, theme_id: str) -> dict[str, int]:
        """Article id → paragraphs tagged with ``theme_id``, for the articles that have any."""
        return self._by_theme.get(theme_id, {})

    @cached_property
    def _per_article(self) -> dict[str, dict[str, int]]:
        per_article: dict[str, dict[str, int]] = {}
        _count_into(per_article, self.by_id, self.tags)
        return per_article

    @cached_property
    def _by_theme(self) -> dict[str, dict[str, int]]:
        by_theme: dict[str, dict[str, int]] = {}
        for article_id, themes in self._per_article.items():
            for theme_id, n in themes.items():
                found = by_theme.get(theme_id)
                if found is None:
                    found = by_theme[theme_id] = {}
                found[article_id] = n
        return by_theme


def _count_into(per_article: dict[str, dict[str, int]], by_id: dict[str, Article], tags: Iterable[ThemeTag]) -> None:
    """Add each tag of a paragraph that exists to ``per_article[article id][theme id]``."""
    paragraph = BlockKind.PARAGRAPH
    with gc_paused():  # tens of thousands of small dicts: the cyclic collector rescanning meanwhile costs more than counting
        for tag in tags:
            article = by_id.get(tag.article_id)
            if article is not None and 0 <= tag.block_index < len(article.blocks):
                if article.blocks[tag.block_index].kind is paragraph:
                    themes = per_article.get(tag.article_id)
                    if themes is None:
                        themes = per_article[tag.article_id] = {}
                    themes[tag.theme_id] = themes.get(tag.theme_id, 0) + 1
