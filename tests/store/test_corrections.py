"""Metadata corrections are kept apart from the parsed article and survive saving, reopening and re-parsing."""

from __future__ import annotations

import datetime as dt

import pytest
from store_data import make_article, make_tags

from briefpack.model.article import Block, BlockKind
from briefpack.store import Project


@pytest.fixture
def project(tmp_path):
    project = Project.new(tmp_path / "p.briefpack")
    for n in (1, 2):
        article = make_article(n)
        project.add_article(article)
        project.set_tags(article.id, make_tags(article))
    return project


def test_a_correction_changes_the_effective_article_and_keeps_the_parsed_one(project):
    parsed = make_article(1)
    project.correct(parsed.id, "publisher", "Yonhap News Agency")
    project.correct(parsed.id, "authors", ["Kim Soo-yeon"])
    project.correct(parsed.id, "published", "2024-10-18")
    project.correct(parsed.id, "title", "  The real headline ")
    effective = project.article(parsed.id)
    assert effective.publisher == "Yonhap News Agency" and effective.authors == ("Kim Soo-yeon",)
    assert effective.published == dt.date(2024, 10, 18)
    assert effective.title == "The real headline" and effective.title_derived is False
    assert effective.blocks == parsed.blocks and effective.url == parsed.url
    assert project.parsed_article(parsed.id) == parsed
    assert project.corrections(parsed.id) == {
        "publisher": "Yonhap News Agency", "authors": ("Kim Soo-yeon",),
        "published": dt.date(2024, 10, 18), "title": "The real headline",
    }
    assert project.articles[0] == effective and project.dirty


def test_every_field_can_be_corrected_and_emptied(project):
    article_id = make_article(1).id
    values = {
        "title": "T", "authors": ("A", "B"), "publisher": "P", "published": dt.date(2020, 2, 29), "url": "https://x.example/a",
        "language": "ko", "original_language": "vi", "category": "Economy",
    }
    for field, value in values.items():
        project.correct(article_id, field, value)
    article = project.article(article_id)
    assert {field: getattr(article, field) for field in values} == values
    project.correct(article_id, "authors", [])
    project.correct(article_id, "published", None)
    assert project.article(article_id).authors == () and project.article(article_id).published is None
    assert project.corrections(article_id)["published"] is None  # "no date" is a correction, not its absence


def test_bad_corrections_are_refused(project):
    article_id = make_article(1).id
    with pytest.raises(ValueError, match="cannot be corrected"):
        project.correct(article_id, "blocks", [])
    with pytest.raises(TypeError):
        project.correct(article_id, "authors", "One Name")
    with pytest.raises(ValueError):
        project.correct(article_id, "published", "18 October")
    with pytest.raises(TypeError):
        project.correct(article_id, "published", dt.datetime(2024, 1, 1))
    with pytest.raises(KeyError):
        project.correct("nope", "title", "x")
    assert project.corrections(article_id) == {}


def test_clearing_brings_back_the_parsed_value(project):
    parsed = make_article(1)
    project.correct(parsed.id, "publisher", "X")
    project.correct(parsed.id, "language", "ru")
    project.clear_correction(parsed.id, "publisher")
    assert project.article(parsed.id).publisher == parsed.publisher
    assert project.corrections(parsed.id) == {"language": "ru"}
    project.clear_correction(parsed.id)
    assert project.article(parsed.id) == parsed and project.corrections(parsed.id) == {}


def test_corrections_survive_save_and_open_and_feed_the_filters(project):
    parsed = make_article(1)
    project.correct(parsed.id, "publisher", "Yonhap")
    project.correct(parsed.id, "language", "ko")
    project.save()
    again = Project.open(project.path)
    assert again.article(parsed.id).publisher == "Yonhap"
    assert again.parsed_article(parsed.id) == parsed
    assert again.query(publisher="Yonhap") == [parsed.id]
    assert again.query(publisher=parsed.publisher) == [make_article(2).id]
    assert again.query(language="ko") == [parsed.id]


def test_corrections_survive_a_reparse(project):
    parsed = make_article(1)
    project.correct(parsed.id, "publisher", "Yonhap")
    reparsed = parsed.with_changes(
        title="A better parsed title", publisher="yna.co.kr",
        blocks=parsed.blocks + (Block(BlockKind.PARAGRAPH, "A paragraph the new reader found."),),
    )
    project.replace_article(reparsed)
    effective = project.article(parsed.id)
    assert effective.publisher == "Yonhap" and effective.title == "A better parsed title"
    assert effective.blocks == reparsed.blocks
    assert project.parsed_article(parsed.id) == reparsed
    assert project.tags_for(parsed.id) == []  # the body changed: old tags no longer point at the right blocks
    assert project.search("new reader found") == [(parsed.id, len(reparsed.blocks) - 1)]
    project.save()
    assert Project.open(project.path).article(parsed.id) == effective


def test_a_reparse_with_the_same_body_keeps_tags_and_position(project):
    parsed = make_article(1)
    project.replace_article(parsed.with_changes(category="World"))
    assert project.tags_for(parsed.id) == make_tags(parsed)
    assert [a.id for a in project.articles] == [parsed.id, make_article(2).id]
    with pytest.raises(KeyError):
        project.replace_article(make_article(9))
