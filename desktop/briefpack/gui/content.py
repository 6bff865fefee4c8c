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
exist. A version read from a project is given those counts
(``Project.paragraph_counts``) and a way to read one article's tags
(``tags_of``) instead of the tags themselves: building some 40,000
``ThemeTag`` objects is most of what opening a large project would cost,
and the desk needs only the tags of the article being read
(``tags_for``) and of the passages a selection picks (``picked_tags``);
``tags`` builds the whole tuple on first use. No Qt here; build and read it
on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Sequence
from functools import cached_property

from briefpack.collector import gc_paused
from briefpack.model.article import Article, BlockKind
from briefpack.model.selection import Selection
from briefpack.model.theme import ThemeTag

# Articles whose tags ``tags_steps`` reads per step.
TAG_STEP = 16


class DeskContent:
    """The articles (project order) and tags of one version of the project, and what is counted from them.

    Give either ``tags`` (every tag, article by article) or ``tags_of`` (an
    article id → that article's tags, read when asked; pass ``per_article``,
    the paragraph counts, with it, or the first count reads every tag).
    ``base`` is the version this one was made from by appending ``added``
    articles (``None``, and ``added`` empty, for a version read whole).
    Treat every returned collection as read-only.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        tags: Sequence[ThemeTag] | None = None,
        *,
        tags_of: Callable[[str], Sequence[ThemeTag]] | None = None,
        base: DeskContent | None = None,
        added: Sequence[Article] = (),
        per_article: dict[str, dict[str, int]] | None = None,
    ) -> None:
        if (tags is None) == (tags_of is None):
            raise TypeError("give either tags or tags_of")
        self.articles: tuple[Article, ...] = tuple(articles)
        if tags is not None:
            self.__dict__["tags"] = tuple(tags)  # seeds the cached property
        self._tags_of = tags_of
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
        if "tags" in self.__dict__:
            return DeskContent(self.articles + added, self.tags + new_tags, base=self, added=added, per_article=per_article)
        # This version's tags were never all read: neither are the next one's.
        new_of = _grouped(new_tags)
        return DeskContent(
            self.articles + added, tags_of=lambda article_id: new_of.get(article_id) or self.tags_for(article_id),
            base=self, added=added, per_article=per_article,
        )

    @cached_property
    def tags(self) -> tuple[ThemeTag, ...]:
        """Every tag, article by article in project order (read on first use when the version was given ``tags_of``)."""
        tags_of = self._tags_of
        with gc_paused():  # tens of thousands of small objects
            return tuple(tag for article in self.articles for tag in tags_of(article.id))

    def tags_steps(self) -> Generator[None, None, tuple[ThemeTag, ...]]:
        """``tags`` as a generator of steps (``TAG_STEP`` articles' tags read per step) that returns them; the tuple is kept as ``tags``.

        For the window to read every tag in slices of the UI thread's time
        (``worker.JobRunner.run_steps``) rather than in one long call.
        """
        if "tags" not in self.__dict__:
            found: list[ThemeTag] = []
            for n, article in enumerate(self.articles, 1):
                found.extend(self._tags_of(article.id))
                if n % TAG_STEP == 0:
                    yield
            self.__dict__.setdefault("tags", tuple(found))
        return self.tags

    def tags_for(self, article_id: str) -> tuple[ThemeTag, ...]:
        """The tags of one article (empty for an article this version does not have or that has none)."""
        if article_id not in self.by_id:
            return ()
        if self._tags_of is not None:
            return tuple(self._tags_of(article_id))
        return self._tags_by_article.get(article_id, ())

    def picked_tags(self, selection: Selection) -> list[ThemeTag]:
        """The tags of the sources the selection covers that have a paragraph of a chosen theme: all ``assembly.pick`` needs.

        Only those articles' tags are read, so a selection of a few sources
        in a large project costs a few sources' worth.
        """
        themes = set(selection.theme_ids)
        if not themes:
            return []
        wanted = set(selection.source_ids)
        per_article = self._per_article
        out: list[ThemeTag] = []
        for article in self.articles:
            if (not wanted or article.id in wanted) and not themes.isdisjoint(per_article.get(article.id, ())):
                out.extend(self.tags_for(article.id))
        return out

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
    def _tags_by_article(self) -> dict[str, tuple[ThemeTag, ...]]:
        return _grouped(self.tags)

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


def _grouped(tags: Iterable[ThemeTag]) -> dict[str, tuple[ThemeTag, ...]]:
    """Tags by article id, each article's in their given order."""
    grouped: dict[str, list[ThemeTag]] = {}
    for tag in tags:
        grouped.setdefault(tag.article_id, []).append(tag)
    return {article_id: tuple(found) for article_id, found in grouped.items()}


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
