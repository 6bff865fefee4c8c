"""Fixtures for store tests; the builders live in ``store_data`` so test modules can import them by a unique name."""

from __future__ import annotations

import pytest
from store_data import sample_articles

from briefpack.model.article import Article


@pytest.fixture
def articles() -> list[Article]:
    """Three articles: two with every field filled, one (the second) with every optional field empty."""
    return sample_articles()
