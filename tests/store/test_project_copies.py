"""What undo and recovery copies need from a project: removing several articles at once, a copy that is not a save, a new file name."""

from __future__ import annotations

import threading

from store_data import make_tags

from briefpack.store import Project


def test_remove_articles_drops_them_with_their_tags_corrections_and_search_hits(tmp_path, articles):
    project = Project.new(tmp_path / "p.briefpack")
    for article in articles:
        project.add_article(article)
        project.set_tags(article.id, make_tags(article))
    project.correct(articles[0].id, "title", "Corrected")
    project.save()
    word = articles[0].blocks[2].text.split()[0]
    assert any(article_id == articles[0].id for article_id, _ in project.search(word))

    assert project.remove_articles([articles[0].id, "no-such-id", articles[2].id]) == 2
    assert [a.id for a in project.articles] == [articles[1].id]
    assert project.tags_for(articles[0].id) == [] and project.corrections(articles[0].id) == {}
    assert all(article_id == articles[1].id for article_id, _ in project.search(word))
    assert project.dirty
    assert project.remove_articles([]) == 0
    project.save()
    with Project.open(tmp_path / "p.briefpack") as reopened:
        assert [a.id for a in reopened.articles] == [articles[1].id]
        assert reopened.tags() == project.tags()


def test_a_recovery_copy_is_written_elsewhere_and_leaves_the_project_unsaved(tmp_path, articles):
    path = tmp_path / "p.briefpack"
    project = Project.new(path)
    project.save()
    project.add_article(articles[0])  # indexed lazily: the working copy's index lags behind
    project.write_recovery_copy(tmp_path / "copy.briefpack")
    assert project.dirty and project.path == path
    word = articles[0].blocks[2].text.split()[0]
    with Project.open(path) as saved, Project.open(tmp_path / "copy.briefpack") as copy:
        assert saved.articles == ()
        assert [a.id for a in copy.articles] == [articles[0].id]
        assert any(article_id == articles[0].id for article_id, _ in copy.search(word))


def test_a_recovery_copy_on_another_thread_takes_in_edits_made_meanwhile(tmp_path, articles):
    project = Project.new(tmp_path / "p.briefpack")
    for article in articles:
        project.add_article(article)
    project.set_meta("counter", 0)
    errors = []
    worker = threading.Thread(target=lambda: _copy(project, tmp_path / "copy.briefpack", errors))
    worker.start()
    for n in range(50):  # edits on this thread while the copy is written
        project.set_meta("counter", n)
    worker.join()
    assert errors == []
    with Project.open(tmp_path / "copy.briefpack") as copy:
        assert len(copy.articles) == len(articles)
        assert copy.get_meta("counter") in range(50)


def _copy(project, path, errors) -> None:
    try:
        project.write_recovery_copy(path)
    except Exception as exc:  # noqa: BLE001 - reported to the test thread
        errors.append(exc)


def test_assign_path_makes_the_next_save_go_there_and_marks_it_unsaved(tmp_path, articles):
    project = Project.new(tmp_path / "copy.briefpack")
    project.add_article(articles[0])
    project.save()
    project.assign_path(tmp_path / "real.briefpack")
    assert project.dirty and not (tmp_path / "real.briefpack").exists()
    project.save()
    with Project.open(tmp_path / "real.briefpack") as real:
        assert [a.id for a in real.articles] == [articles[0].id]
