"""The dirty flag: set by every real change, left alone by no-ops, cleared by a successful save only."""

from __future__ import annotations

import dataclasses

import pytest
from store_data import make_selection, make_settings, make_tags

from briefpack.store import Project, StoreError


def test_new_and_opened_projects_are_clean(tmp_path, articles):
    project = Project.new(tmp_path / "p.briefpack")
    assert not project.dirty
    project.add_article(articles[0])
    project.save()
    assert not Project.open(tmp_path / "p.briefpack").dirty


@pytest.mark.parametrize(
    "change",
    [
        lambda p, a: p.add_article(a[1]),
        lambda p, a: p.remove_article(a[0].id),
        lambda p, a: p.set_tags(a[0].id, make_tags(a[0])[:1]),
        lambda p, a: setattr(p, "selection", make_selection(a[0])),
        lambda p, a: setattr(p, "settings", make_settings()),
        lambda p, a: p.set_meta("zoom", 2),
    ],
    ids=["add", "remove", "tags", "selection", "settings", "meta"],
)
def test_each_change_makes_the_project_dirty_and_save_cleans_it(tmp_path, articles, change):
    project = Project.new(tmp_path / "p.briefpack")
    project.add_article(articles[0])
    project.set_tags(articles[0].id, make_tags(articles[0]))
    project.save()
    assert not project.dirty
    change(project, articles)
    assert project.dirty
    project.save()
    assert not project.dirty


def test_changes_that_change_nothing_leave_it_clean(tmp_path, articles):
    project = Project.new(tmp_path / "p.briefpack")
    project.add_article(articles[0])
    project.set_tags(articles[0].id, make_tags(articles[0]))
    project.set_meta("zoom", 2)
    project.save()
    project.add_article(articles[0])  # duplicate: refused
    project.remove_article("no-such-id")
    project.set_tags(articles[0].id, make_tags(articles[0]))
    project.selection = dataclasses.replace(project.selection)
    project.settings = dataclasses.replace(project.settings)
    project.set_meta("zoom", 2)
    project.set_meta("never-set", None)
    assert not project.dirty


def test_a_failed_save_keeps_it_dirty(tmp_path, articles):
    project = Project.new(tmp_path / "missing-folder" / "p.briefpack")
    project.add_article(articles[0])
    with pytest.raises(StoreError):
        project.save()
    assert project.dirty
