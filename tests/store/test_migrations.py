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


@pytest.fixture
def v1_file(tmp_path):
    path = tmp_path / "old.briefpack"
    project = Project.new(path)
    project.add_article(make_article(1))
    project.save()
    return path


def add_pinned_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE articles ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")
    conn.execute("INSERT INTO meta (key, value) VALUES ('upgraded', 'true')")


def test_an_old_file_is_upgraded_on_open_and_written_on_save(v1_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.STEPS, 2, migrations.Step(2, "articles can be pinned", add_pinned_column))
    before = v1_file.read_bytes()

    project = Project.open(v1_file)
    assert project.get_meta("upgraded") is True
    assert project.articles == (make_article(1),)
    assert v1_file.read_bytes() == before  # opening never writes

    project.save()
    assert version_of(v1_file) == 2
    conn = sqlite3.connect(v1_file)
    history = conn.execute("SELECT version, note FROM migrations ORDER BY version").fetchall()
    assert [v for v, _ in history] == [1, 2] and history[1][1] == "articles can be pinned"
    assert "pinned" in {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    conn.close()
    assert Project.open(v1_file).articles == (make_article(1),)


def test_a_missing_step_is_a_store_error(v1_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.STEPS, 2, migrations.Step(2, "fine", lambda conn: None))
    with pytest.raises(StoreError, match="no upgrade from project schema 2 to 3") as raised:
        Project.open(v1_file)
    assert str(v1_file) in str(raised.value)


def test_a_failing_step_is_a_store_error(v1_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    broken = migrations.Step(2, "broken", lambda conn: conn.execute("ALTER TABLE nowhere ADD COLUMN x"))
    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(StoreError, match="could not upgrade the project to schema 2"):
        Project.open(v1_file)
    assert version_of(v1_file) == 1
