"""DeskContent: the desk's paragraph counts, counted once, and counted only for the new articles after an import."""

from __future__ import annotations

from briefpack.gui.content import DeskContent
from briefpack.model.article import BlockKind
from briefpack.model.theme import ThemeTag
from desk_data import desk_articles


def tags_of(articles) -> list[ThemeTag]:
    """Tags on every block (headings too, which are not counted), two themes on the first paragraph, one out of range."""
    tags = []
    for a in articles:
        for n, block in enumerate(a.blocks):
            tags.append(ThemeTag(a.id, n, "diplomacy" if n % 2 else "military", ()))
        first = next(n for n, b in enumerate(a.blocks) if b.kind is BlockKind.PARAGRAPH)
        tags.append(ThemeTag(a.id, first, "military", ()))
        tags.append(ThemeTag(a.id, len(a.blocks) + 3, "military", ()))
    return tags


def expected_counts(articles, tags) -> dict:
    by_id = {a.id: a for a in articles}
    counts: dict = {}
    for t in tags:
        a = by_id[t.article_id]
        if 0 <= t.block_index < len(a.blocks) and a.blocks[t.block_index].kind is BlockKind.PARAGRAPH:
            counts[t.theme_id, t.article_id] = counts.get((t.theme_id, t.article_id), 0) + 1
    return counts


def test_counts_are_those_of_the_paragraph_tags():
    articles = desk_articles()
    tags = tags_of(articles)
    content = DeskContent(articles, tags)
    expected = expected_counts(articles, tags)
    assert {(t, a.id): content.count(t, a.id) for t in ("diplomacy", "military") for a in articles if content.count(t, a.id)} == expected
    for a in articles:
        themes = content.themes_of(a.id)
        assert [n for _, n in themes] == sorted((n for _, n in themes), reverse=True), "most paragraphs first"
        assert dict(themes) == {t: n for (t, aid), n in expected.items() if aid == a.id}
    assert content.theme_sources("military") == {aid: n for (t, aid), n in expected.items() if t == "military"}
    assert content.largest() == max(expected.values())


def test_an_appended_version_counts_like_a_fresh_one_and_says_what_it_added():
    articles = desk_articles()
    tags = tags_of(articles)
    old = DeskContent(articles[:2], [t for t in tags if t.article_id in {a.id for a in articles[:2]}])
    old.largest()  # counted, so the next version counts only the new tags
    new_tags = [t for t in tags if t.article_id in {a.id for a in articles[2:]}]
    grown = old.appended(articles[2:], new_tags)
    fresh = DeskContent(articles, [t for t in tags if t.article_id in {a.id for a in articles[:2]}] + new_tags)
    assert grown.extends(old) and not fresh.extends(old) and grown.added == tuple(articles[2:])
    assert grown.articles == fresh.articles and grown.tags == fresh.tags
    for a in articles:
        assert grown.themes_of(a.id) == fresh.themes_of(a.id)
        assert grown.by_id[a.id] is a
    assert old.count("military", articles[2].id) == 0, "the older version is left as it was"


def _lazy(articles, tags, reads: list[str]) -> DeskContent:
    """A version given each article's tags on request (as a session gives the project's), noting which it read."""
    grouped: dict = {}
    for t in tags:
        grouped.setdefault(t.article_id, []).append(t)

    def tags_of_one(article_id):
        reads.append(article_id)
        return grouped.get(article_id, [])

    return DeskContent(articles, tags_of=tags_of_one, per_article=DeskContent(articles, tags)._per_article)


def test_a_version_read_lazily_reads_only_the_tags_asked_for():
    articles = desk_articles()
    tags = tags_of(articles)
    eager = DeskContent(articles, tags)
    reads: list[str] = []
    lazy = _lazy(articles, tags, reads)
    assert lazy.largest() == eager.largest() and lazy.themes_of(articles[1].id) == eager.themes_of(articles[1].id)
    assert reads == [], "counting reads no tag"
    assert lazy.tags_for(articles[1].id) == eager.tags_for(articles[1].id) == tuple(t for t in tags if t.article_id == articles[1].id)
    assert reads == [articles[1].id]
    assert lazy.tags_for("no-such-article") == () == eager.tags_for("no-such-article")

    # The picked tags: those of the chosen sources that have a paragraph of a chosen theme, nobody else's.
    from briefpack.model.selection import Selection

    chosen = Selection(theme_ids=("diplomacy",), source_ids=(articles[0].id, articles[2].id))
    reads.clear()
    picked = lazy.picked_tags(chosen)
    assert picked == eager.picked_tags(chosen) == [t for t in tags if t.article_id in {articles[0].id, articles[2].id}]
    assert set(reads) == {articles[0].id, articles[2].id}
    assert lazy.picked_tags(Selection()) == []

    assert lazy.tags == eager.tags  # the whole tuple, built on first use


def test_an_appended_lazy_version_reads_the_new_tags_it_was_given():
    articles = desk_articles()
    tags = tags_of(articles)
    reads: list[str] = []
    old = _lazy(articles[:2], [t for t in tags if t.article_id in {a.id for a in articles[:2]}], reads)
    new_tags = [t for t in tags if t.article_id in {a.id for a in articles[2:]}]
    grown = old.appended(articles[2:], new_tags)
    assert reads == [] and "tags" not in grown.__dict__
    assert grown.tags == DeskContent(articles, tags).tags
    assert grown.themes_of(articles[3].id) == DeskContent(articles, tags).themes_of(articles[3].id)
