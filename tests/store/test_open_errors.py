"""``Project.open`` refuses what is not a project it can read, with a message naming the file and the reason."""

from __future__ import annotations

import sqlite3

import pytest
from store_data import make_article

from briefpack.store import Project, StoreError


def saved_project(path):
    project = Project.new(path)
    project.add_article(make_article(1))
    project.save()
    return path


def open_fails(path, reason: str) -> StoreError:
    with pytest.raises(StoreError) as raised:
        Project.open(path)
    message = str(raised.value)
    assert str(path) in message
    assert reason in message
    assert raised.value.path == path
    return raised.value


def test_missing_file(tmp_path):
    open_fails(tmp_path / "nowhere.briefpack", "no such file")
    assert not (tmp_path / "nowhere.briefpack").exists()  # opening never creates a file


def test_folder(tmp_path):
    open_fails(tmp_path, "folder")


def test_text_file(tmp_path):
    path = tmp_path / "notes.briefpack"
    path.write_text("This is a text file, not a project.\n" * 20, encoding="utf-8")
    open_fails(path, "not an SQLite database")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.briefpack"
    path.write_bytes(b"")
    open_fails(path, "not an SQLite database")


def test_sqlite_file_of_another_program(tmp_path):
    path = tmp_path / "other.briefpack"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    open_fails(path, "not a briefpack project")


def test_project_from_a_newer_schema(tmp_path):
    path = saved_project(tmp_path / "future.briefpack")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    error = open_fails(path, "newer briefpack")
    assert "99" in str(error)


def test_project_without_schema_version(tmp_path):
    path = saved_project(tmp_path / "p.briefpack")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    open_fails(path, "no schema version")


def test_damaged_project_tables(tmp_path):
    path = saved_project(tmp_path / "p.briefpack")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET json = '{not json'")
    conn.commit()
    conn.close()
    open_fails(path, "damaged")


def test_project_with_a_missing_table(tmp_path):
    path = saved_project(tmp_path / "p.briefpack")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE contents")
    conn.commit()
    conn.close()
    open_fails(path, "damaged")


def test_truncated_file(tmp_path):
    path = saved_project(tmp_path / "p.briefpack")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    open_fails(path, "damaged")


def test_opening_never_writes_the_file(tmp_path):
    path = saved_project(tmp_path / "p.briefpack")
    before = path.read_bytes(), path.stat().st_mtime_ns
    project = Project.open(path)
    project.add_article(make_article(2))
    project.close()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
