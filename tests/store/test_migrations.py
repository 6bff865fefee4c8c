"""Older project files are upgraded step by step when opened, in memory; the file changes only on save."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from store_data import make_article, make_tags

from briefpack.model.theme import ThemeTag
from briefpack.store import Project, StoreError, migrations, schema


def version_of(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


NEXT = schema.SCHEMA_VERSION + 1


def current_file(path, *articles):
    project = Project.new(path)
    for article in articles or (make_article(1),):
        project.add_article(article)
    project.save()
    return path


def v1_file(path, articles, tags=()):
    """A project file as briefpack 0.1 wrote it (schema 1: a row per block and per tag, an external-content index)."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema.create_schema(conn, note="created by briefpack 0.1")
    conn.execute("BEGIN")
    for position, article in enumerate(articles):
        data = article.to_json()
        del data["blocks"]
        published = article.published.isoformat() if article.published else None
        conn.execute(
            "INSERT INTO articles (id, position, title, publisher, published, json) VALUES (?, ?, ?, ?, ?, ?)",
            (article.id, position, article.title, article.publisher, published, json.dumps(data)),
        )
        conn.executemany(
            "INSERT INTO blocks (article_id, idx, kind, role, text) VALUES (?, ?, ?, ?, ?)",
            [(article.id, i, b.kind.value, b.role, b.text) for i, b in enumerate(article.blocks)],
        )
    conn.executemany(
        "INSERT INTO tags (article_id, block_index, theme_id, evidence, score) VALUES (?, ?, ?, ?, ?)",
        [(t.article_id, t.block_index, t.theme_id, json.dumps(list(t.evidence)), t.score) for t in tags],
    )
    conn.execute("COMMIT")
    if schema.fts5_available():
        conn.execute(
            "CREATE VIRTUAL TABLE blocks_fts USING fts5(text, content='blocks', content_rowid='block_id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        conn.execute("INSERT INTO blocks_fts (blocks_fts) VALUES ('rebuild')")
    conn.close()
    return path


@pytest.fixture
def now_file(tmp_path):
    return current_file(tmp_path / "now.briefpack")


def add_pinned_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE articles ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")
    conn.execute("INSERT INTO meta (key, value) VALUES ('upgraded', 'true')")


def test_an_old_file_is_upgraded_on_open_and_written_on_save(now_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(migrations.STEPS, NEXT, migrations.Step(NEXT, "articles can be pinned", add_pinned_column))
    before = now_file.read_bytes()

    project = Project.open(now_file)
    assert project.get_meta("upgraded") is True
    assert project.articles == (make_article(1),)
    assert now_file.read_bytes() == before  # opening never writes

    project.save()
    assert version_of(now_file) == NEXT
    conn = sqlite3.connect(now_file)
    history = conn.execute("SELECT version, note FROM migrations ORDER BY version").fetchall()
    assert [v for v, _ in history] == list(range(1, NEXT + 1)) and history[-1][1] == "articles can be pinned"
    assert "pinned" in {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    conn.close()
    assert Project.open(now_file).articles == (make_article(1),)


def test_a_missing_step_is_a_store_error(now_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT + 1)
    monkeypatch.setitem(migrations.STEPS, NEXT, migrations.Step(NEXT, "fine", lambda conn: None))
    with pytest.raises(StoreError, match=f"no upgrade from project schema {NEXT} to {NEXT + 1}") as raised:
        Project.open(now_file)
    assert str(now_file) in str(raised.value)


def test_a_failing_step_is_a_store_error(now_file, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    broken = migrations.Step(NEXT, "broken", lambda conn: conn.execute("ALTER TABLE nowhere ADD COLUMN x"))
    monkeypatch.setitem(migrations.STEPS, NEXT, broken)
    with pytest.raises(StoreError, match=f"could not upgrade the project to schema {NEXT}"):
        Project.open(now_file)
    assert version_of(now_file) == NEXT - 1


def test_a_schema_1_file_gains_fingerprints_groups_and_filter_columns(tmp_path):
    body = [f"Sentence {i} about the ministry and a long negotiation in the capital city." for i in range(30)]
    edited = body[:29] + ["An added closing line that differs from the original story."]
    articles = (make_article(1, body), make_article(2, edited), make_article(3))
    tags = [ThemeTag(articles[0].id, 3, "diplomacy", ("ministry", "negotiation"), 2.5), *make_tags(articles[2])]
    path = v1_file(tmp_path / "v1.briefpack", articles, tags)
    assert version_of(path) == 1

    project = Project.open(path)
    assert project.articles == articles
    assert project.tags() == tags
    assert project.search('"long negotiation"')[:2] == [(articles[0].id, 2), (articles[0].id, 3)]
    assert project.duplicate_group(articles[0].id) == project.duplicate_group(articles[1].id) is not None
    assert project.duplicate_group(articles[2].id) is None
    assert project.query(language="en") == [a.id for a in articles]
    project.save()
    assert version_of(path) == schema.SCHEMA_VERSION
    again = Project.open(path)
    assert again.duplicate_groups() == {again.duplicate_group(articles[0].id): [articles[0].id, articles[1].id]}
    assert again.articles == articles and again.tags() == tags


SCHEMA2 = Path(__file__).parent / "data" / "schema2.briefpack"


def _contents(project: Project) -> dict:
    """What tests/store/data/schema2.expected.json records, read from ``project``."""
    return {
        "articles": [a.to_json() for a in project.articles],
        "parsed": [project.parsed_article(a.id).to_json() for a in project.articles],
        "tags": [[t.article_id, t.block_index, t.theme_id, list(t.evidence), t.score] for t in project.tags()],
        "groups": project.duplicate_groups(),
        "search": {w: [list(hit) for hit in project.search(w)] for w in ("the", "pyongyang", '"foreign ministry"', "expor*")},
        "query": {
            "A": project.query(grades=["A"]),
            "military": project.query(themes=["military"]),
            "2020": project.query(date_to=dt.date(2020, 12, 31)),
        },
    }


def test_a_file_written_by_schema_2_briefpack_opens_and_saves_unchanged_in_content(tmp_path):
    """The file was saved by briefpack with schema 2 (seeds and generated dumps, corrections, a duplicate group)."""
    expected = json.loads((SCHEMA2.with_suffix(".expected.json")).read_text(encoding="utf-8"))
    path = tmp_path / "old.briefpack"
    shutil.copyfile(SCHEMA2, path)
    before = path.read_bytes()
    assert version_of(path) == 2

    project = Project.open(path)
    assert _contents(project) == expected
    assert path.read_bytes() == before  # opening never writes
    project.save()
    assert version_of(path) == schema.SCHEMA_VERSION
    again = Project.open(path)
    assert _contents(again) == expected
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "contents" in tables and not {"blocks", "tags", "blocks_fts"} & tables


def test_a_schema_3_file_gets_signatures_of_the_current_fingerprint_and_keeps_its_groups(tmp_path):
    from briefpack.analysis.duplicates import band_keys, fingerprint

    body = [f"Sentence {i} about the ministry and a long negotiation in the capital city." for i in range(30)]
    original, copy, other = make_article(1, body), make_article(2, body[:29] + ["A closing line of its own."]), make_article(3)
    path = current_file(tmp_path / "v3.briefpack", original, copy, other)
    # As a schema-3 briefpack left it: signatures of the earlier fingerprint, which never equal the current ones.
    conn = sqlite3.connect(path, isolation_level=None)
    old = {a.id: bytes(reversed(fingerprint(a).signature)) for a in (original, copy, other)}
    conn.execute("DELETE FROM band_keys")
    for article_id, signature in old.items():
        conn.execute("UPDATE articles SET signature = ? WHERE id = ?", (signature, article_id))
        conn.executemany("INSERT INTO band_keys VALUES (?, ?)", [(k, article_id) for k in band_keys(signature)])
    conn.execute("DELETE FROM migrations WHERE version = 4")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    group = Project.open(path).duplicate_group(original.id)
    assert group is not None

    project = Project.open(path)
    db = project._db.reader()
    stored = dict(db.execute("SELECT id, signature FROM articles"))
    assert stored == {a.id: fingerprint(a).signature for a in (original, copy, other)}
    assert sorted(db.execute("SELECT key, article_id FROM band_keys")) == sorted(
        (k, a.id) for a in (original, copy, other) for k in fingerprint(a).band_keys()
    )
    assert project.duplicate_groups() == {group: [original.id, copy.id]}
    # Compared with the stored signatures, a new edited copy is found near its story.
    edited = make_article(4, body[:28] + ["Another ending.", "And one more line."])
    [added] = project.add_articles([(edited, ())])
    assert added.added and added.group == group
    project.save()
    assert version_of(path) == schema.SCHEMA_VERSION
