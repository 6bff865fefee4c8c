"""Edge cases of schema 3: the contentless index after edits, and a project file changed by another program while read in place."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3

import pytest
from store_data import make_article, make_tags

from briefpack.store import Project, StoreError
from briefpack.store.schema import FTS_TABLE
from briefpack.store.search import parse_query, scan

QUERIES = ["korea", "pyongyang", "sanctions", "edited", "replacement", "paragraph one", "trade*", "headline 3"]


def _vocabulary(conn: sqlite3.Connection) -> list[tuple]:
    """Every (term, rowid, column, offset) the index holds: what a fresh index of the same blocks must hold too."""
    conn.execute(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {FTS_TABLE}, instance)")
    try:
        return conn.execute("SELECT term, doc, col, offset FROM temp.vocab ORDER BY 1, 2, 3, 4").fetchall()
    finally:
        conn.execute("DROP TABLE temp.vocab")


def _fresh_vocabulary(project: Project) -> list[tuple]:
    """The vocabulary of an index built from scratch over the project's current articles."""
    fresh = Project.new()
    fresh.add_articles([(a, ()) for a in project.articles])
    fresh.search("korea")  # indexes everything
    # Same positions as the edited project, so rowids compare: renumber by the edited project's positions.
    by_fresh = {p: project._positions[a] for a, p in fresh._positions.items()}
    vocab = [(t, (by_fresh[d >> 24] << 24) | (d & 0xFFFFFF), c, o) for t, d, c, o in _vocabulary(fresh._db.reader())]
    fresh.close()
    return sorted(vocab)


def test_search_after_replacing_removing_and_correcting_equals_a_fresh_index(tmp_path):
    path = tmp_path / "p.briefpack"
    project = Project.new(path)
    articles = [make_article(n) for n in range(8)]
    project.add_articles([(a, make_tags(a)) for a in articles])
    project.save()
    project.close()

    project = Project.open(path)  # read in place, its index complete
    project.replace_article(make_article(1, ["An edited paragraph about Pyongyang.", "A replacement line."]))
    project.replace_article(make_article(2))  # same body again: delete and re-insert the same terms
    project.remove_articles([articles[3].id, articles[7].id])
    project.correct(articles[4].id, "title", "Corrected title about Korea")
    project.set_tags(articles[5].id, [])
    project.add_articles([(make_article(20, ["Late edited arrival."]), ())])
    project.search("korea")  # the late arrival is indexed too
    project.replace_article(make_article(20, ["Late replacement."]))

    for query in QUERIES:
        assert project.search(query) == scan(project.articles, parse_query(query), None), query
    assert _vocabulary(project._db.reader()) == _fresh_vocabulary(project)
    project.save()
    project.close()

    with Project.open(path) as reopened:
        for query in QUERIES:
            assert reopened.search(query) == scan(reopened.articles, parse_query(query), None), query
        assert _vocabulary(reopened._db.reader()) == _fresh_vocabulary(reopened)


def _saved(path, numbers) -> None:
    with contextlib.closing(Project.new(path)) as project:
        project.add_articles([(make_article(n), ()) for n in numbers])
        project.save()


def test_a_file_overwritten_in_place_while_read_is_not_mixed_into_the_project(tmp_path):
    path, other = tmp_path / "p.briefpack", tmp_path / "other.briefpack"
    _saved(path, range(3))
    _saved(other, range(10, 14))
    project = Project.open(path)
    before = project.articles
    # Another program writes its own project into the same file (same inode, as cp or a sync tool does).
    inode = path.stat().st_ino
    shutil.copyfile(other, path)
    assert path.stat().st_ino == inode
    with pytest.raises(StoreError, match="changed by another program"):
        project.set_meta("note", "mine")
    assert project.articles == before and not project.dirty
    project.assign_path(path)  # as for a recovery copy opened in its project's place: unsaved, still read in place
    with pytest.raises(StoreError, match="changed by another program"):
        project.write_recovery_copy(tmp_path / "recovery.briefpack")
    assert not (tmp_path / "recovery.briefpack").exists()
    project.close()


def test_a_file_replaced_or_deleted_while_read_still_saves_what_was_opened(tmp_path):
    path, other = tmp_path / "p.briefpack", tmp_path / "other.briefpack"
    _saved(path, range(3))
    _saved(other, range(10, 14))
    project = Project.open(path)
    before = [a.id for a in project.articles]
    other.replace(path)  # replaced by rename: the open file is the one opened
    project.set_meta("note", "mine")
    target = tmp_path / "copy.briefpack"
    project.save_as(target)
    project.close()
    with Project.open(target) as reopened:
        assert [a.id for a in reopened.articles] == before
        assert reopened.get_meta("note") == "mine"


def test_another_sqlite_writer_cannot_change_a_file_read_in_place(tmp_path):
    path = tmp_path / "p.briefpack"
    _saved(path, range(3))
    project = Project.open(path)
    before = [a.id for a in project.articles]
    with contextlib.closing(sqlite3.connect(path, timeout=0)) as writer:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            writer.execute("DELETE FROM articles WHERE position = 0")
            writer.commit()
    project.set_meta("note", "mine")
    project.save()
    project.close()
    with Project.open(path) as reopened:
        assert [a.id for a in reopened.articles] == before
