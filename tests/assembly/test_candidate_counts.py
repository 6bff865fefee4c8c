"""``candidate_counts`` counts exactly what ``candidate_passages`` picks, for any choice of themes and sources."""

from __future__ import annotations

from collections import Counter

from briefpack.analysis.themes import tag_article
from briefpack.assembly.pick import candidate_counts, candidate_passages
from briefpack.ingest import read_path
from briefpack.jobs import default_taxonomy
from briefpack.model.selection import Selection
from seeddata import SEEDS


def test_counts_match_the_passages_picked():
    taxonomy = default_taxonomy()
    articles = [read_path(seed) for seed in SEEDS]
    tags = [tag for article in articles for tag in tag_article(article, taxonomy)]
    selections = [
        Selection(theme_ids=tuple(taxonomy.ids)),
        Selection(theme_ids=tuple(taxonomy.ids[:3]), source_ids=(articles[0].id,)),
        Selection(theme_ids=()),
    ]
    for selection in selections:
        picked = candidate_passages(articles, tags, selection)
        expected = {t: Counter(p.passage.article_id for p in items) for t, items in picked.items()}
        assert candidate_counts(articles, tags, selection) == expected
    assert sum(sum(c.values()) for c in candidate_counts(articles, tags, selections[0]).values()) > 10
