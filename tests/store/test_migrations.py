"""Older project files are upgraded step by step when opened, in memory; the file changes only on save."""

from __future__ import annotations

import sqlite3

import pytest
from store_data import make_article

from briefpack.store import Project, StoreError, migrations, schema


def version_of(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


NEXT = schema.SCHEMA_VERSION + 1


def current_file(path, *articles):
    project = Project.new(path)
    for article in articles or (make_article(1),):
        project.add_article(article)
    project.save()
    return path


def downgrade_to_v1(path) -> None:
    """Turn a current file into the layout briefpack 0.1 wrote (schema 1), by undoing step 2 by hand."""
    conn = sqlite3.connect(path, isolation_level=None)
    for index in ("articles_publisher", "articles_published", "articles_language", "articles_text_key",
                  "articles_dup_group", "tags_theme"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("CREATE INDEX tags_theme ON tags(theme_id)")
    for table in ("band_keys", "corrections", "reliability"):
        conn.execute(f"DROP TABLE {table}")
    for column in ("language", "text_key", "signature", "dup_group"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("DELETE FROM migrations WHERE version > 1")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("VACUUM")
    conn.close()


@pytest.fixture
def now_file(tmp_path):
    return current_file(tmp_path / "now.briefpack")


def add_pinned_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE articles ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")
    conn.execute("INSERT INTO meta (key, value) VALUES ('upgraded', 'true')")


def test_an_old_file_is_upgraded_on_open_and_written_on_save(now_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(migrations.STEPS, NEXT, migrations.Step(NEXT, "articles can be pinned", add_pinned_column))
    before = now_file.read_bytes()

    project = Project.open(now_file)
    assert project.get_meta("upgraded") is True
    assert project.articles == (make_article(1),)
    assert now_file.read_bytes() == before  # opening never writes

    project.save()
    assert version_of(now_file) == NEXT
    conn = sqlite3.connect(now_file)
    history = conn.execute("SELECT version, note FROM migrations ORDER BY version").fetchall()
    assert [v for v, _ in history] == list(range(1, NEXT + 1)) and history[-1][1] == "articles can be pinned"
    assert "pinned" in {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    conn.close()
    assert Project.open(now_file).articles == (make_article(1),)


def test_a_missing_step_is_a_store_error(now_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT + 1)
    monkeypatch.setitem(migrations.STEPS, NEXT, migrations.Step(NEXT, "fine", lambda conn: None))
    with pytest.raises(StoreError, match=f"no upgrade from project schema {NEXT} to {NEXT + 1}") as raised:
        Project.open(now_file)
    assert str(now_file) in str(raised.value)


def test_a_failing_step_is_a_store_error(now_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    broken = migrations.Step(NEXT, "broken", lambda conn: conn.execute("ALTER TABLE nowhere ADD COLUMN x"))
    monkeypatch.setitem(migrations.STEPS, NEXT, broken)
    with pytest.raises(StoreError, match=f"could not upgrade the project to schema {NEXT}"):
        Project.open(now_file)
    assert version_of(now_file) == NEXT - 1


def test_a_schema_1_file_gains_fingerprints_groups_and_filter_columns(tmp_path):
    body = [f"Sentence {i} about the ministry and a long negotiation in the capital city." for i in range(30)]
    edited = body[:29] + ["An added closing line that differs from the original story."]
    articles = (make_article(1, body), make_article(2, edited), make_article(3))
    path = current_file(tmp_path / "v1.briefpack", *articles)
    downgrade_to_v1(path)
    assert version_of(path) == 1

    project = Project.open(path)
    assert project.articles == articles
    assert project.duplicate_group(articles[0].id) == project.duplicate_group(articles[1].id) is not None
    assert project.duplicate_group(articles[2].id) is None
    assert project.query(language="en") == [a.id for a in articles]
    project.save()
    assert version_of(path) == schema.SCHEMA_VERSION
    again = Project.open(path)
    assert again.duplicate_groups() == {again.duplicate_group(articles[0].id): [articles[0].id, articles[1].id]}
