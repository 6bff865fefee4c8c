"""Saving and reopening a project restores everything exactly; the file has the documented layout."""

from __future__ import annotations

import json
import sqlite3

import pytest
from store_data import make_article, make_selection, make_settings, make_tags

from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import ThemeTag
from briefpack.store import Project, StoreError
from briefpack.store import schema


def filled_project(path, articles) -> Project:
    project = Project.new(path)
    for article in articles:
        assert project.add_article(article)
    for article in articles:
        project.set_tags(article.id, make_tags(article))
    project.selection = make_selection(articles[0])
    project.settings = make_settings()
    project.set_meta("undo", {"stack": [1, 2, {"op": "drop", "key": "ł/ệ"}], "depth": 3})
    project.set_meta("zoom", 1.25)
    project.set_meta("recent", ["a", "b"])
    return project


def test_round_trip_restores_everything(tmp_path, articles):
    path = tmp_path / "brief.briefpack"
    project = filled_project(path, articles)
    project.save()

    with Project.open(path) as again:
        assert again.articles == tuple(articles)
        assert [a.id for a in again.articles] == [a.id for a in articles]
        assert again.tags() == project.tags()
        for article in articles:
            assert again.article(article.id) == article
            assert again.tags_for(article.id) == make_tags(article)
        assert again.selection == make_selection(articles[0])
        assert again.settings == make_settings()
        assert again.get_meta("undo") == {"stack": [1, 2, {"op": "drop", "key": "ł/ệ"}], "depth": 3}
        assert again.get_meta("zoom") == 1.25
        assert again.get_meta("recent") == ["a", "b"]
        assert again.get_meta("missing") is None
        assert again.get_meta("missing", "fallback") == "fallback"
        assert again.path == path
        assert not again.dirty


def test_tag_score_and_evidence_survive_exactly(tmp_path, articles):
    path = tmp_path / "p.briefpack"
    project = filled_project(path, articles)
    project.save()
    tag = Project.open(path).tags_for(articles[0].id)[0]
    assert tag.score == 0.1 + 0.2  # 0.30000000000000004, not rounded
    assert tag.evidence == ("protocol", "economic cooperation")
    assert isinstance(tag.evidence, tuple)


def test_a_new_project_reopens_with_default_selection_and_settings(tmp_path):
    path = tmp_path / "empty.briefpack"
    Project.new(path).save()
    again = Project.open(path)
    assert again.articles == ()
    assert again.tags() == []
    assert again.selection == Selection()
    assert again.settings == BriefSettings()


def test_removed_articles_and_their_tags_stay_removed(tmp_path, articles):
    path = tmp_path / "p.briefpack"
    project = filled_project(path, articles)
    assert project.remove_article(articles[1].id)
    assert not project.remove_article(articles[1].id)
    assert not project.remove_article("no-such-id")
    assert project.article(articles[1].id) is None
    assert project.tags_for(articles[1].id) == []
    later = make_article(9)
    project.add_article(later)
    project.save()
    again = Project.open(path)
    assert [a.id for a in again.articles] == [articles[0].id, articles[2].id, later.id]
    assert {t.article_id for t in again.tags()} == {articles[0].id, articles[2].id}


def test_save_as_moves_the_project_and_leaves_the_old_file(tmp_path, articles):
    first, second = tmp_path / "one.briefpack", tmp_path / "two.briefpack"
    project = filled_project(first, articles)
    project.save()
    project.remove_article(articles[0].id)
    project.save_as(second)
    assert project.path == second
    assert len(Project.open(first).articles) == 3
    assert len(Project.open(second).articles) == 2


def test_untitled_project_needs_save_as(tmp_path, articles):
    project = Project.new()
    project.add_article(articles[0])
    assert project.path is None
    with pytest.raises(StoreError, match="untitled project"):
        project.save()
    project.save_as(tmp_path / "named.briefpack")
    assert Project.open(tmp_path / "named.briefpack").articles == (articles[0],)


def test_saving_into_a_missing_folder_names_the_file(tmp_path, articles):
    target = tmp_path / "no" / "such" / "folder" / "p.briefpack"
    project = Project.new(target)
    project.add_article(articles[0])
    with pytest.raises(StoreError) as raised:
        project.save()
    assert str(target) in str(raised.value)
    assert project.dirty


def test_duplicate_article_is_refused(articles):
    project = Project.new()
    assert project.add_article(articles[0]) is True
    changed = articles[0].with_changes(title="Another title, same id")
    assert project.add_article(changed) is False
    assert project.article(articles[0].id) == articles[0]
    assert len(project.articles) == 1


def test_set_tags_checks_its_input(articles):
    project = Project.new()
    project.add_article(articles[0])
    with pytest.raises(KeyError):
        project.set_tags("no-such-article", [])
    with pytest.raises(ValueError, match="a tag of article"):
        project.set_tags(articles[0].id, [ThemeTag("other", 2, "military", ())])
    with pytest.raises(ValueError, match="no block 99"):
        project.set_tags(articles[0].id, [ThemeTag(articles[0].id, 99, "military", ())])
    project.set_tags(articles[0].id, make_tags(articles[0]))
    project.set_tags(articles[0].id, [])
    assert project.tags() == []


def test_meta_contract():
    project = Project.new()
    for reserved in ("selection", "settings"):
        with pytest.raises(ValueError, match="reserved"):
            project.set_meta(reserved, {})
    with pytest.raises(TypeError):
        project.set_meta("bad", object())
    with pytest.raises(ValueError):
        project.set_meta("bad", float("nan"))
    project.set_meta("k", {"a": (1, 2)})
    assert project.get_meta("k") == {"a": [1, 2]}  # as JSON gives it back
    got = project.get_meta("k")
    got["a"].append(3)
    assert project.get_meta("k") == {"a": [1, 2]}  # callers get a copy
    project.set_meta("k", None)
    assert project.get_meta("k") is None


def test_file_layout(tmp_path, articles):
    path = tmp_path / "p.briefpack"
    filled_project(path, articles).save()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "contents", "meta", "migrations", schema.FTS_TABLE} <= tables
    assert not {"blocks", "tags", "blocks_fts"} & tables  # schema 2's per-block and per-tag rows are gone
    title, publisher, published = conn.execute(
        "SELECT title, publisher, published FROM articles WHERE id = ?", (articles[0].id,)
    ).fetchone()
    assert (title, publisher, published) == (articles[0].title, "conflictwatcher.com", articles[0].published.isoformat())
    packed = conn.execute("SELECT c.blocks, c.tags FROM contents c JOIN articles a USING (position) ORDER BY position").fetchall()
    assert [len(json.loads(blocks)) for blocks, _ in packed] == [len(a.blocks) for a in articles]
    assert json.loads(packed[0][0])[1] == ["paragraph", articles[0].blocks[1].text, "standfirst"]
    assert [len(json.loads(tags)) for _, tags in packed] == [3] * len(articles)
    assert {k for (k,) in conn.execute("SELECT key FROM meta")} >= {"selection", "settings", "undo"}
    assert conn.execute("SELECT version FROM migrations").fetchall() == [(v,) for v in range(1, schema.SCHEMA_VERSION + 1)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.briefpack"]  # no journal or temp file left


def test_a_closed_project_refuses_work(articles):
    project = Project.new()
    project.close()
    project.close()  # twice is fine
    with pytest.raises(ValueError, match="closed"):
        project.add_article(articles[0])
    with pytest.raises(ValueError, match="closed"):
        project.save_as("x.briefpack")
