"""Articles for the analysis tests: the parsed seeds, and small articles made from given paragraphs."""

from __future__ import annotations

import datetime as dt
import functools

from briefpack.ingest import read_path
from briefpack.model.article import Article, Block, BlockKind, Provenance
from seeddata import SEEDS


@functools.cache
def seed_articles() -> tuple[Article, ...]:
    """The two seeds as the page-dump reader parses them (parsed once per test run)."""
    return tuple(read_path(p) for p in SEEDS)


def article(article_id: str, *paragraphs: str, published: dt.date | None = None, publisher: str | None = None) -> Article:
    """An article whose blocks are ``paragraphs``, in order (block index = position)."""
    return Article(
        id=article_id, title=None, title_derived=False, authors=(), publisher=publisher, url=None,
        published=published, language="en", category=None,
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs), captions=(), image_credits=(),
        provenance=Provenance(f"{article_id}.txt", article_id, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)),
    )
