"""The theme tags of an open project, kept packed as the file holds them until someone asks for them.

A 10,000-article library has some 400,000 tags; building a ``ThemeTag``
for each when the project opens cost more than reading every article. So
``TagCache`` keeps each article's tags as the JSON text of its ``contents``
row (``rows.pack_tags``) and decodes an article's tags on first request,
keeping them; tags set or added in this session are held decoded, unless
they were added already packed (``rows.PackedTags``, from an import's
worker processes). Equal
theme ids and evidence share one object across articles, as they did when
the tagger made them. ``paragraph_counts`` answers what a window shows on
opening (paragraphs per theme per article) from the packed text in one
JSON parse, without a ``ThemeTag`` for any of them. Not thread-safe, like
the project that owns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from briefpack.model.article import Article, BlockKind
from briefpack.model.theme import ThemeTag
from briefpack.store.rows import PackedTags, loads_many, unpack_tags


class TagCache:
    """Tags by article id; an article without tags has no entry."""

    def __init__(self, packed: Mapping[str, str]) -> None:
        """``packed``: each tagged article's tags as ``rows.pack_tags`` wrote them."""
        self._packed: dict[str, str] = dict(packed)
        self._decoded: dict[str, list[ThemeTag]] = {}
        self._shared: dict = {}

    def get(self, article_id: str) -> list[ThemeTag]:
        """The article's tags (the cache's own list: do not change it); empty when it has none."""
        tags = self._decoded.get(article_id)
        if tags is None:
            raw = self._packed.pop(article_id, None)
            if raw is None:
                return []
            tags = self._decoded[article_id] = unpack_tags(article_id, raw, self._shared)
        return tags

    def set(self, article_id: str, tags: list[ThemeTag] | PackedTags) -> None:
        """Replace the article's tags; an empty list removes them. ``PackedTags`` are kept packed until asked for."""
        self._packed.pop(article_id, None)
        if type(tags) is PackedTags:
            self._decoded.pop(article_id, None)
            if tags.text is not None:
                self._packed[article_id] = tags.text
        elif tags:
            self._decoded[article_id] = tags
        else:
            self._decoded.pop(article_id, None)

    def pop(self, article_id: str) -> None:
        """Forget the article's tags (it was removed)."""
        self._packed.pop(article_id, None)
        self._decoded.pop(article_id, None)

    def in_order(self, article_ids: Iterable[str]) -> Iterator[ThemeTag]:
        """Every tag of ``article_ids``, article by article."""
        for article_id in article_ids:
            yield from self.get(article_id)

    def paragraph_counts(self, articles: Mapping[str, Article]) -> dict[str, dict[str, int]]:
        """Article id → theme id → how many of its paragraph blocks (that exist) are tagged with it, for ``articles``.

        An article without such a tag has no entry. Packed tags stay packed
        (they are parsed here, counted and dropped), so this costs a fraction
        of decoding every tag.
        """
        packed = [(article_id, raw) for article_id, raw in self._packed.items() if article_id in articles]
        parsed = dict(zip([article_id for article_id, _ in packed], loads_many([raw for _, raw in packed])))
        counts: dict[str, dict[str, int]] = {}
        paragraph = BlockKind.PARAGRAPH
        for article_id, article in articles.items():  # project order, as the counts are shown
            value = parsed.get(article_id)
            if value is not None:
                tags = [(v[0], v[1]) for v in value]
            elif article_id in self._decoded:
                tags = [(t.block_index, t.theme_id) for t in self._decoded[article_id]]
            else:
                continue
            blocks = article.blocks
            themes: dict[str, int] = {}
            for index, theme_id in tags:
                if type(index) is int and 0 <= index < len(blocks) and blocks[index].kind is paragraph:
                    themes[theme_id] = themes.get(theme_id, 0) + 1
            if themes:
                counts[article_id] = themes
        return counts
