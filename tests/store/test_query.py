"""Library queries: full text with filters on theme, publisher, dates, language and grade, answered in SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from store_data import make_article

from briefpack.model.theme import ThemeTag
from briefpack.store import Project, query
from briefpack.store.search import parse_query

PUBLISHERS = ("yna.co.kr", "tass.com", "vnexpress.net")
LANGS = ("en", "ru", "vi")


def library(fts: bool = True) -> tuple[Project, list]:
    project = Project.new()
    if not fts:
        project._index = None  # as on an SQLite without FTS5: text is matched by scanning
    articles = []
    for n in range(9):
        article = make_article(n, [f"Story {n} on grain exports.", "Pyongyang talks" if n % 3 == 0 else "Hanoi talks"],
                               publisher=PUBLISHERS[n % 3], language=LANGS[n % 3], published=dt.date(2024, 1, 1 + n))
        if n == 8:
            article = article.with_changes(published=None, publisher=None)
        tags = [ThemeTag(article.id, 2, "economy_trade" if n % 2 else "military", ("grain",), 1.0)]
        project.add_articles([(article, tags)])
        articles.append(article)
    project.set_reliability("yna.co.kr", "B")
    project.set_reliability("tass.com", "D")
    return project, articles


@pytest.mark.parametrize("fts", [True, False])
def test_each_filter_alone_and_combined(fts):
    project, a = library(fts)
    ids = lambda ns: [a[n].id for n in ns]  # noqa: E731
    assert project.query() == ids(range(9))
    assert project.query("pyongyang") == ids([0, 3, 6])
    assert project.query('"grain exports" story') == ids(range(9))
    assert project.query("nowhere") == []
    assert project.query("   ") == ids(range(9))  # blank text does not filter
    assert project.query("!!!") == []  # text without words finds nothing
    assert project.query(themes=["military"]) == ids([0, 2, 4, 6, 8])
    assert project.query(themes=["military", "economy_trade"]) == ids(range(9))
    assert project.query(publisher="tass.com") == ids([1, 4, 7])
    assert project.query(publisher=["tass.com", "yna.co.kr"]) == ids([0, 1, 3, 4, 6, 7])
    assert project.query(language="vi") == ids([2, 5, 8])
    assert project.query(date_from=dt.date(2024, 1, 3), date_to=dt.date(2024, 1, 5)) == ids([2, 3, 4])
    assert project.query(date_from=dt.date(2024, 1, 8)) == ids([7])  # no date never passes a date filter
    assert project.query(grades=["B"]) == ids([0, 3, 6])
    assert project.query(grades=["F"]) == ids([2, 5, 8])  # ungraded publishers and no publisher
    assert project.query("talks", themes=["military"], language="en", grades=["B", "C"]) == ids([0, 6])
    assert project.query(limit=2) == ids([0, 1])
    assert project.query("talks", limit=1) == ids([0])


def test_grades_are_checked_and_kept(tmp_path):
    project, _ = library()
    with pytest.raises(ValueError):
        project.set_reliability("x", "Z")
    project.save_as(tmp_path / "g.briefpack")
    assert Project.open(tmp_path / "g.briefpack").reliability() == {"tass.com": "D", "yna.co.kr": "B"}


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (query.Filters(publishers=("tass.com",)), "articles_publisher"),
        (query.Filters(languages=("en",)), "articles_language"),
        (query.Filters(group="g"), "articles_dup_group"),
    ],
)
def test_filters_are_index_lookups(filters, index):
    project, _ = library()
    statement, params = query.sql(filters, parse_query("talks"), 10)
    plan = [row[3] for row in project._db.reader().execute("EXPLAIN QUERY PLAN " + statement, params)]
    assert any(step.startswith("SEARCH") and index in step for step in plan), plan
    assert any("VIRTUAL TABLE" in step for step in plan), plan  # the text goes through FTS5


def test_theme_filters_are_not_sql():
    # Tags are stored packed per article; Project.query answers theme filters from memory.
    with pytest.raises(ValueError, match="theme filters"):
        query.sql(query.Filters(themes=("military",)), None, None)


def test_text_and_theme_filters_follow_changes_to_tags_and_articles():
    project, a = library()
    assert project.query("pyongyang", themes=["military"]) == [a[0].id, a[6].id]  # builds the caches
    project.set_tags(a[0].id, [])
    project.remove_article(a[6].id)
    assert project.query("pyongyang", themes=["military"]) == []
    assert project.query("pyongyang") == [a[0].id, a[3].id]
    project.set_tags(a[3].id, [ThemeTag(a[3].id, 3, "military", ("talks",), 1.0)])
    project.replace_article(a[0].with_changes(blocks=a[0].blocks[:3]))
    assert project.query("pyongyang", themes=["military"]) == [a[3].id]
    assert project.query("pyongyang") == [a[3].id]  # the re-parsed body no longer says it
    assert project.query("story") == [x.id for x in a if x.id != a[6].id]
