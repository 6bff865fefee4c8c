"""Page size: new projects are written in ``schema.PAGE_SIZE`` pages; a file with other pages keeps them and stays whole."""

from __future__ import annotations

import sqlite3

from store_data import make_article, saved_project

from briefpack.store import Project, schema


def page_size(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA page_size").fetchone()[0]


def test_a_new_project_is_saved_in_the_working_copys_page_size(tmp_path):
    path = tmp_path / "new.briefpack"
    saved_project(path)
    assert schema.PAGE_SIZE != 4096  # SQLite's default: the setting must have taken effect
    assert page_size(path) == schema.PAGE_SIZE


def test_a_file_with_4_kib_pages_opens_changes_and_saves(tmp_path):
    path, old = tmp_path / "new.briefpack", tmp_path / "old.briefpack"
    saved_project(path)
    with sqlite3.connect(path) as conn:  # as a briefpack before the setting wrote it
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("VACUUM INTO ?", (str(old),))
    assert page_size(old) == 4096
    reopened = Project.open(old)
    reopened.add_article(make_article(1))
    assert len(reopened.search("Pyongyang")) == 2
    reopened.save()
    reopened.close()
    assert page_size(old) == 4096
    again = Project.open(old)
    assert [a.id for a in again.articles] == [make_article(0).id, make_article(1).id]
    assert len(again.search("Pyongyang")) == 2
    again.close()
