"""The theme tags of an open project, kept packed as the file holds them until someone asks for them.

A 10,000-article library has some 400,000 tags; building a ``ThemeTag``
for each when the project opens cost more than reading every article. So
``TagCache`` keeps each article's tags as the JSON text of its ``contents``
row (``rows.pack_tags``) and decodes an article's tags on first request,
keeping them; tags set or added in this session are held decoded. Equal
theme ids and evidence share one object across articles, as they did when
the tagger made them. Not thread-safe, like the project that owns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from briefpack.model.theme import ThemeTag
from briefpack.store.rows import unpack_tags


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

    def set(self, article_id: str, tags: list[ThemeTag]) -> None:
        """Replace the article's tags; an empty list removes them."""
        self._packed.pop(article_id, None)
        if tags:
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
