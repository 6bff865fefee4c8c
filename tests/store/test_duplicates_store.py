"""The project recognises duplicates: the same file or the same text is not added twice; near duplicates are grouped."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_data import make_article, make_tags

from briefpack.analysis.duplicates import fingerprint
from briefpack.model.article import Provenance
from briefpack.store import Project
from briefpack.store.adding import ADDED, SAME_FILE, SAME_TEXT

STORY = [
    f"Paragraph {i}: officials in Hanoi and Seoul reviewed the shipping agreement, the grain quotas and the "
    f"schedule of ministerial visits planned for the coming season, number {i}."
    for i in range(12)
]


def copy_of(article, n: int, **changes):
    """The same story from another file: another id and sha256, other metadata."""
    sha = f"{n:064x}"
    return article.with_changes(
        id=f"copy-{n}", provenance=Provenance(f"copy-{n}.txt", sha, dt.datetime(2026, 1, 1)), **changes
    )


def edited(paragraphs: list[str]) -> list[str]:
    return [p.replace("grain", "rice") if i % 4 == 0 else p for i, p in enumerate(paragraphs)]


def test_the_same_file_twice_is_not_doubled():
    project = Project.new()
    article = make_article(1, STORY)
    assert project.add_article(article)
    [again] = project.add_articles([(article, make_tags(article))])
    assert again.status == SAME_FILE and again.duplicate_of == article.id and not again.added
    assert len(project.articles) == 1 and project.tags_for(article.id) == []


def test_the_same_text_from_another_copy_is_not_doubled():
    project = Project.new()
    article = make_article(1, STORY)
    project.add_article(article)
    other = copy_of(article, 2, title="Another outlet's headline", publisher="other.example")
    assert project.check_duplicate(other).status == SAME_TEXT
    [result] = project.add_articles([(other, ())])
    assert result.status == SAME_TEXT and result.duplicate_of == article.id
    assert [a.id for a in project.articles] == [article.id]
    assert not project.add_article(other)
    assert project.text_keys() == {fingerprint(article).text_key: article.id} == {fingerprint(other).text_key: article.id}


def test_duplicates_within_one_batch_are_caught():
    article = make_article(1, STORY)
    results = Project.new().add_articles([(article, ()), (copy_of(article, 2), ()), (article, ())])
    assert [r.status for r in results] == [ADDED, SAME_TEXT, SAME_FILE]


def test_near_duplicates_are_added_and_grouped_and_the_group_survives_a_save(tmp_path):
    project = Project.new(tmp_path / "p.briefpack")
    original = make_article(1, STORY)
    syndicated = copy_of(original, 2, blocks=make_article(2, edited(STORY)).blocks)
    lone = make_article(3)
    results = project.add_articles([(original, ()), (lone, ()), (syndicated, make_tags(syndicated))])
    assert [r.status for r in results] == [ADDED, ADDED, ADDED]
    assert results[2].similar and results[2].similar[0][0] == original.id and results[2].similar[0][1] >= 0.5
    group = results[2].group
    assert group is not None
    assert project.duplicate_group(original.id) == project.duplicate_group(syndicated.id) == group
    assert project.duplicate_group(lone.id) is None
    assert project.duplicate_groups() == {group: [original.id, syndicated.id]}
    assert project.query(group=group) == [original.id, syndicated.id]
    project.save()
    again = Project.open(project.path)
    assert again.duplicate_groups() == {group: [original.id, syndicated.id]}
    # A third copy, added after reopening, joins the same group through the stored band keys.
    third = copy_of(original, 4, blocks=make_article(4, edited(edited(STORY))).blocks)
    assert again.add_articles([(third, ())])[0].group == group


def test_removing_an_article_dissolves_a_group_of_two():
    project = Project.new()
    original = make_article(1, STORY)
    syndicated = copy_of(original, 2, blocks=make_article(2, edited(STORY)).blocks)
    project.add_articles([(original, ()), (syndicated, ())])
    project.remove_article(original.id)
    assert project.duplicate_group(syndicated.id) is None
    # Its band keys are gone too: the same text may come back, and is grouped again.
    assert project.add_article(original)
    assert project.duplicate_group(original.id) is not None


def test_precomputed_fingerprints_are_used_and_checked():
    article = make_article(1, STORY)
    project = Project.new()
    with pytest.raises(ValueError, match="fingerprint"):
        project.add_articles([(article, ())], {article.id: dataclasses.replace(fingerprint(article), article_id="x")})
    assert project.articles == ()
    assert project.add_articles([(article, ())], {article.id: fingerprint(article)})[0].added


def test_a_bad_tag_adds_nothing_from_the_batch():
    a, b = make_article(1), make_article(2)
    project = Project.new()
    with pytest.raises(ValueError):
        project.add_articles([(a, make_tags(a)), (b, make_tags(a))])
    assert project.articles == () and project.tags() == []
    assert project.add_articles([(a, make_tags(a)), (b, make_tags(b))])[1].added
    assert project.tags() == make_tags(a) + make_tags(b)
