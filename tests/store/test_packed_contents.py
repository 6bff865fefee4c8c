"""Schema 3's packed contents: one row per article for its blocks and tags, and a file read in place until the first change."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
from store_data import bare_article, make_article, make_tags

from briefpack.model.article import Article
from briefpack.model.theme import ThemeTag
from briefpack.store import Project, rows


def saved_project(tmp_path, count: int) -> tuple:
    """A project of ``count`` tagged articles saved to ``tmp_path``: (its path, the articles)."""
    path = tmp_path / "p.briefpack"
    project = Project.new(path)
    articles = [make_article(n) for n in range(count)]
    project.add_articles([(a, make_tags(a)) for a in articles])
    project.save()
    return path, articles


@pytest.mark.parametrize("article", [make_article(1), bare_article(2)], ids=["full", "bare"])
def test_meta_json_is_to_json_without_blocks(article):
    expected = article.to_json()
    del expected["blocks"]
    assert rows.meta_json(article) == expected
    assert list(rows.meta_json(article)) == list(expected)  # same key order, same bytes in the file
    # A field added to Article must be stored too: every field but the body has its key.
    assert {f.name for f in dataclasses.fields(Article)} - {"blocks"} == set(rows.meta_json(article))


def test_article_from_json_is_from_json():
    for article in (make_article(1), bare_article(2)):
        data = rows.meta_json(article)
        assert rows.article_from_json(data, article.blocks) == Article.from_json(article.to_json())


def test_packed_tags_are_the_json_of_their_fields():
    article = make_article(1)
    tags = make_tags(article)
    packed = rows.pack_tags(tags)
    assert json.loads(packed) == [[t.block_index, t.theme_id, list(t.evidence), t.score] for t in tags]
    assert packed == rows.dumps([(t.block_index, t.theme_id, t.evidence, t.score) for t in tags])
    assert rows.unpack_tags(article.id, packed, {}) == tags
    assert rows.pack_tags([]) is None
    odd = [ThemeTag(article.id, 2, "x", ("a", 'quote " and \\ backslash', "ệ"), 1e-300)]
    assert rows.unpack_tags(article.id, rows.pack_tags(odd), {}) == odd
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError):
            rows.pack_tags([ThemeTag(article.id, 2, "x", ("a",), bad)])


def test_each_article_lists_its_themes_for_theme_filters(tmp_path):
    project = Project.new(tmp_path / "p.briefpack")
    articles = [make_article(n) for n in range(3)]
    project.add_articles([(a, make_tags(a)) for a in articles])
    project.set_tags(articles[1].id, [ThemeTag(articles[1].id, 2, "health", ("a",), 1.0)])
    project.set_tags(articles[2].id, [])
    listed = project._db.reader().execute("SELECT themes FROM contents ORDER BY position").fetchall()
    assert [row[0] for row in listed] == ['["diplomacy","economy_trade","sanctions"]', '["health"]', None]
    assert rows.read_theme_members(project._db.reader()) == {
        "diplomacy": {articles[0].id}, "economy_trade": {articles[0].id}, "sanctions": {articles[0].id}, "health": {articles[1].id},
    }


def test_a_saved_file_is_read_in_place_until_the_first_change(tmp_path):
    path, articles = saved_project(tmp_path, 4)

    opened = Project.open(path)
    assert not opened._db.copied
    assert opened.articles == tuple(articles)
    assert opened.tags_for(articles[1].id) == make_tags(articles[1])
    assert [hit[0] for hit in opened.search("Pyongyang")] == [a.id for a in articles]
    assert opened.query("protocol", themes=["sanctions"]) == [a.id for a in articles]
    assert list(opened.duplicate_groups().values()) == [[a.id for a in articles]]  # one story, four copies
    assert opened.reliability() == {}
    assert not opened._db.copied  # reading never copies the file

    opened.set_tags(articles[0].id, [])
    assert opened._db.copied
    assert opened.tags_for(articles[0].id) == [] and opened.search("Pyongyang")[0][0] == articles[0].id
    opened.save()
    again = Project.open(path)
    assert again.tags_for(articles[0].id) == [] and again.tags_for(articles[3].id) == make_tags(articles[3])


def test_an_unchanged_opened_project_saves_and_writes_recovery_copies(tmp_path):
    path = tmp_path / "p.briefpack"
    project = Project.new(path)
    project.add_articles([(make_article(1), make_tags(make_article(1)))])
    project.save()
    opened = Project.open(path)
    opened.write_recovery_copy(tmp_path / "r.briefpack")  # from the file itself: nothing to copy first
    assert not opened._db.copied
    assert Project.open(tmp_path / "r.briefpack").articles == opened.articles
    opened.save_as(tmp_path / "other.briefpack")
    opened.save()  # replaces the file it was read from
    assert Project.open(path).articles == Project.open(tmp_path / "other.briefpack").articles == opened.articles
    opened.close()
    with pytest.raises(ValueError, match="closed"):
        opened.search("x")


def test_tags_of_a_replaced_or_removed_article_follow_it(tmp_path):
    path, articles = saved_project(tmp_path, 3)
    opened = Project.open(path)
    opened.replace_article(articles[0].with_changes(title="Re-parsed"))  # same body: tags kept
    opened.remove_article(articles[1].id)
    assert opened.tags() == make_tags(articles[0]) + make_tags(articles[2])
    opened.save()
    assert Project.open(path).tags() == make_tags(articles[0]) + make_tags(articles[2])


def _counted_from_tags(project: Project) -> dict[str, dict[str, int]]:
    """The paragraph counts worked out the long way, from every decoded tag."""
    counts: dict[str, dict[str, int]] = {}
    for article in project.articles:
        for tag in project.tags_for(article.id):
            if 0 <= tag.block_index < len(article.blocks) and article.blocks[tag.block_index].kind.value == "paragraph":
                themes = counts.setdefault(article.id, {})
                themes[tag.theme_id] = themes.get(tag.theme_id, 0) + 1
    return counts


def test_paragraph_counts_match_the_tags_packed_or_decoded(tmp_path):
    path, articles = saved_project(tmp_path, 4)

    opened = Project.open(path)
    counts = opened.paragraph_counts()  # every article's tags still packed
    assert counts == {a.id: {"economy_trade": 1, "diplomacy": 1, "sanctions": 1} for a in articles}
    assert list(counts) == [a.id for a in articles]  # project order
    # Set in this session (held decoded): a heading's tag is not a paragraph's, two tags of one theme count twice.
    opened.set_tags(articles[1].id, [ThemeTag(articles[1].id, 0, "health", ("a",), 1.0),
                                     ThemeTag(articles[1].id, 2, "health", ("a",), 1.0),
                                     ThemeTag(articles[1].id, 3, "health", ("b",), 1.0)])
    opened.set_tags(articles[2].id, [ThemeTag(articles[2].id, 0, "health", ("a",), 1.0)])
    opened.tags_for(articles[3].id)  # decoded on request, now held decoded
    counts = opened.paragraph_counts()
    assert counts[articles[1].id] == {"health": 2} and articles[2].id not in counts
    assert list(counts) == [articles[0].id, articles[1].id, articles[3].id]
    assert counts == _counted_from_tags(opened)
