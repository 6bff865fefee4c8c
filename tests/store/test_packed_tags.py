"""Tags handed to the store already packed (``rows.PackedTags``, as import workers send them) are stored and read back as tags."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from store_data import make_article, make_tags

from briefpack import import_pool, jobs
from briefpack.analysis.themes import tag_article, tag_values
from briefpack.jobs import default_taxonomy, import_into, run_to_end
from briefpack.model.theme import ThemeTag
from briefpack.store import Project, rows
from briefpack.store.rows import PackedTags

WHEN = dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)


def packed(tags: list[ThemeTag]) -> PackedTags:
    return PackedTags.of([(t.block_index, t.theme_id, t.evidence, t.score) for t in tags], tags[0].article_id if tags else "")


def test_packed_tags_are_the_stored_form_of_the_tags():
    article = make_article(1)
    tags = make_tags(article)
    assert tags
    found = packed(tags)
    assert found.text == rows.pack_tags(tags)
    assert found.themes == rows.theme_list([t.theme_id for t in tags])
    assert found.blocks == max(t.block_index for t in tags) + 1
    assert found.tags(article.id, {}) == tags
    assert PackedTags.of([], article.id) == PackedTags(None, None, 0) and PackedTags(None, None, 0).tags(article.id, {}) == []


def test_tags_of_the_tagger_pack_as_tag_article_gives_them():
    taxonomy = default_taxonomy()
    article = make_article(2)
    values = tag_values(article, taxonomy)
    assert values and [ThemeTag(article.id, *v) for v in values] == tag_article(article, taxonomy)
    assert PackedTags.of(values, article.id).tags(article.id, {}) == tag_article(article, taxonomy)


def test_packed_tags_added_read_back_equal_and_survive_a_save(tmp_path):
    path = tmp_path / "p.briefpack"
    project = Project.new(path)
    articles = [make_article(n) for n in range(3)]
    project.add_articles([(articles[0], packed(make_tags(articles[0]))), (articles[1], make_tags(articles[1])),
                          (articles[2], PackedTags(None, None, 0))])
    assert project.tags_for(articles[0].id) == make_tags(articles[0])
    assert project.tags_for(articles[2].id) == []
    assert project.tags() == make_tags(articles[0]) + make_tags(articles[1])
    assert set(project.paragraph_counts()) == {articles[0].id, articles[1].id}
    assert project.query(themes=["sanctions"]) == [articles[0].id, articles[1].id]
    project.save()
    again = Project.open(path)
    assert again.tags() == make_tags(articles[0]) + make_tags(articles[1])


def test_packed_tags_of_a_missing_block_add_nothing(tmp_path):
    project = Project.new(tmp_path / "p.briefpack")
    good, bad = make_article(1), make_article(2)
    beyond = [ThemeTag(bad.id, len(bad.blocks), "health", ("vaccine",), 2.0)]
    with pytest.raises(ValueError, match="has no block"):
        project.add_articles([(good, packed(make_tags(good))), (bad, packed(beyond))])
    assert project.articles == () and project.tags() == []


WORDS = ("grain exports port sanctions missile embassy vaccination tourists harvest pipeline talks ministry "
         "shipments border officials agency ceasefire tariffs refinery students").split()


def test_an_import_in_workers_stores_the_tags_the_tagger_gives(tmp_path: Path, monkeypatch):
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(24):
        rng = random.Random(n)
        paragraphs = [" ".join(rng.choices(WORDS, k=40)).capitalize() + "." for _ in range(4)]
        (folder / f"{n:02d}.txt").write_text(f"Report {n} on {WORDS[n % 20]}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    pools = []
    real_start = import_pool._Crew._start
    monkeypatch.setattr(jobs, "worker_count", lambda count: 2)
    monkeypatch.setattr(import_pool, "chunk_size", lambda inputs, workers: 5)
    monkeypatch.setattr(import_pool._Crew, "_start", lambda crew: pools.append(real_start(crew)) or pools[-1])
    project = Project.new(tmp_path / "p.briefpack")
    result, added, _ = run_to_end(import_into(project, [folder], default_taxonomy(), imported_at=WHEN, batch=7))
    assert pools and len(added) == 24 and not result.tags and not result.packed_tags
    taxonomy = default_taxonomy()
    expected = [t for a in added for t in tag_article(a, taxonomy)]
    assert expected and project.tags() == expected
