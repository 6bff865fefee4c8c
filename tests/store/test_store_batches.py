"""Adding in batches decides and stores exactly what adding one article at a time does, and reopening shares tag values."""

from __future__ import annotations

from store_data import make_article, make_tags
from test_duplicates_store import STORY, copy_of, edited

from briefpack.store import Project


def _story_variants():
    original = make_article(1, STORY)
    lone = make_article(3)
    syndicated = copy_of(original, 2, blocks=make_article(2, edited(STORY)).blocks)
    same_text = copy_of(syndicated, 5)
    further = copy_of(original, 6, blocks=make_article(6, edited(edited(STORY))).blocks)
    return [original, lone, syndicated, same_text, further, original]


def _outcome(project: Project, results) -> list[tuple]:
    return [
        (r.article_id, r.status, r.duplicate_of, r.group, tuple(a for a, _ in r.similar)) for r in results
    ] + [sorted(project.duplicate_groups().values())]


def test_one_batch_decides_as_one_article_at_a_time():
    articles = _story_variants()
    batched = Project.new()
    together = batched.add_articles([(a, make_tags(a)) for a in articles])
    single = Project.new()
    apart = [single.add_articles([(a, make_tags(a))])[0] for a in articles]
    assert _outcome(batched, together) == _outcome(single, apart)
    assert [r.status for r in together] == ["added", "added", "added", "same-text", "added", "same-file"]
    assert batched.articles == single.articles
    assert batched.tags() == single.tags()


def test_a_batch_is_checked_against_what_the_project_holds(tmp_path):
    first, *rest = _story_variants()
    project = Project.new(tmp_path / "p.briefpack")
    project.add_articles([(first, ())])
    project.save()
    reopened = Project.open(project.path)
    results = reopened.add_articles([(a, ()) for a in rest])
    assert [r.status for r in results] == ["added", "added", "same-text", "added", "same-file"]
    assert results[1].similar[0][0] == first.id
    assert sorted(reopened.duplicate_groups().values()) == [[first.id, rest[1].id, rest[3].id]]


def test_reopened_tags_share_their_repeated_values(tmp_path):
    project = Project.new(tmp_path / "p.briefpack")
    articles = [make_article(n) for n in range(1, 4)]
    project.add_articles([(a, make_tags(a)) for a in articles])
    project.save()
    reopened = Project.open(project.path)
    assert reopened.tags() == project.tags()
    first, second = (reopened.tags_for(a.id) for a in articles[:2])
    # One object per distinct evidence, theme and article id, not one per tag: a large library's tags
    # would otherwise hold most of its memory.
    assert first[0].evidence is second[0].evidence
    assert first[0].theme_id is second[0].theme_id
    assert first[0].article_id is first[1].article_id
