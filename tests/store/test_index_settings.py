"""The search index's bulk settings (``schema.FTS_SETTINGS``): applied to new and older files, and search unchanged by them."""

from __future__ import annotations

import sqlite3

from store_data import make_article, saved_project

from briefpack.store import Project, schema, search

CONFIG = f"SELECT k, v FROM {schema.FTS_TABLE}_config WHERE k != 'version'"


def settings_of(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute(CONFIG).fetchall())


def test_a_new_project_indexes_with_the_bulk_settings():
    project = Project.new()
    project.add_article(make_article(0))
    assert project.search("Pyongyang")
    assert settings_of(project._live()) == dict(schema.FTS_SETTINGS)
    project.close()


def test_a_file_saved_without_them_gets_them_at_its_next_indexing(tmp_path):
    path = tmp_path / "old.briefpack"
    saved_project(path)
    with sqlite3.connect(path) as conn:  # as a briefpack before the settings wrote it: FTS5 defaults
        conn.execute(f"DELETE FROM {schema.FTS_TABLE}_config WHERE k != 'version'")
    reopened = Project.open(path)
    assert settings_of(reopened._reader()) == {}
    assert len(reopened.search("Pyongyang")) == 1  # nothing to index: the file is only read
    reopened.add_article(make_article(1))
    assert len(reopened.search("Pyongyang")) == 2
    assert settings_of(reopened._live()) == dict(schema.FTS_SETTINGS)
    reopened.close()


def test_search_finds_the_same_once_segments_are_merged(monkeypatch):
    monkeypatch.setattr(search, "INDEX_BATCH", 3)  # one small segment per added article: merges must run
    project = Project.new()
    articles = [make_article(n, [f"unique{n} shared word"]) for n in range(70)]
    for article in articles:
        project.add_article(article)
        project.search("shared")  # flushes: one more segment
    conn = project._live()
    conn.execute(f"INSERT INTO {schema.FTS_TABLE} ({schema.FTS_TABLE}, rank) VALUES ('integrity-check', 0)")
    assert [hit for hit in project.search("shared")] == [(a.id, 2) for a in articles]
    assert project.search("unique42") == [(articles[42].id, 2)]
    assert project.search('"shared word"') == [(a.id, 2) for a in articles]
    assert project.search("uniq*", limit=3) == [(a.id, 2) for a in articles[:3]]
    project.close()
