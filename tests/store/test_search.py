"""Full-text search over paragraphs: FTS5, kept current in bulk, with a scan fallback that finds the same."""

from __future__ import annotations

import pytest
from store_data import make_article

from briefpack.store import Project, schema, search

QUERIES = [
    "Pyongyang",
    "pyongyang",  # case
    "viet",  # accents: "Việt"
    "Việt Nam",
    "łodz",  # "łódź": accents go, but FTS5 keeps the stroke of ł (so "lodz" finds nothing)
    "lodz",
    '"economic cooperation"',  # phrase
    '"cooperation economic"',  # phrase in the wrong order: nothing
    "sanction*",  # prefix
    "sanction",  # whole words only
    "trade pyongyang",  # every word, anywhere in the paragraph
    "korea zebra",
    "김정은",
    "Пхеньян",
    'AND OR NOT ( ) " * : ^ -',  # FTS5 syntax in user input must not break anything
    "",
]


def project_with(count: int = 3) -> Project:
    project = Project.new()
    for n in range(count):
        project.add_article(make_article(n))
    return project


def test_search_finds_a_word_in_project_order():
    project = project_with(3)
    ids = [a.id for a in project.articles]
    assert project.search("Pyongyang") == [(ids[0], 3), (ids[1], 3), (ids[2], 3)]
    assert project.search("Pyongyang", limit=2) == [(ids[0], 3), (ids[1], 3)]
    assert project.search("standfirst") == [(i, 1) for i in ids]  # the standfirst paragraph
    assert project.search("Headline") == [(i, 0) for i in ids]  # headings are blocks too


def test_search_rules():
    project = project_with(1)
    article_id = project.articles[0].id
    assert project.search("PYONGYANG") == [(article_id, 3)]
    assert project.search("viet nam") == [(article_id, 4)]
    assert project.search('"economic cooperation"') == [(article_id, 2)]
    assert project.search('"cooperation economic"') == []
    assert project.search("sanction") == []
    assert project.search("sanction*") == [(article_id, 4)]
    assert project.search("trade pyongyang") == [(article_id, 3)]
    assert project.search("korea zebra") == []
    assert project.search("") == []
    assert project.search('AND OR ( ) " * : ^ -') == []


def test_search_follows_adds_and_removes(monkeypatch):
    monkeypatch.setattr(search, "INDEX_BATCH", 7)  # exercise both the batch and the final flush
    project = Project.new()
    articles = [make_article(n, [f"unique{n} shared word"]) for n in range(20)]
    for article in articles:
        project.add_article(article)
    assert len(project.search("shared")) == 20
    project.remove_article(articles[19].id)  # the newest, so SQLite would reuse its ids without AUTOINCREMENT
    project.remove_article(articles[3].id)
    assert project.search("unique3") == [] and project.search("unique19") == []
    replacement = make_article(99, ["unique99 shared word"])
    project.add_article(replacement)
    assert project.search("unique99") == [(replacement.id, 2)]
    assert len(project.search("shared")) == 19


def test_the_saved_index_follows_removals(tmp_path):
    path = tmp_path / "p.briefpack"
    project = Project.new(path)
    articles = [make_article(n, [f"unique{n} shared word"]) for n in range(5)]
    for article in articles:
        project.add_article(article)
    project.save()
    again = Project.open(path)
    again.remove_article(articles[2].id)
    again.save()
    final = Project.open(path)
    assert final.search("unique2") == []
    assert [hit[0] for hit in final.search("shared")] == [a.id for n, a in enumerate(articles) if n != 2]
    conn = final._db.writer()
    fts = schema.FTS_TABLE
    assert conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)") is not None


def test_search_after_reopening(tmp_path):
    path = tmp_path / "p.briefpack"
    project = project_with(3)
    project.save_as(path)
    again = Project.open(path)
    assert again.search("Pyongyang") == project.search("Pyongyang")
    extra = make_article(7, ["a freshly added paragraph"])
    again.add_article(extra)
    assert again.search("freshly") == [(extra.id, 2)]


@pytest.mark.parametrize("query", QUERIES)
def test_the_scan_fallback_finds_what_fts5_finds(query):
    project = project_with(3)
    articles = list(project.articles)
    terms = search.parse_query(query)
    assert search.scan(articles, terms, None) == project.search(query)


def test_without_fts5_projects_still_search_save_and_open(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "fts5_available", lambda: False)
    path = tmp_path / "plain.briefpack"
    project = project_with(2)
    assert not schema.has_table(project._db.reader(), schema.FTS_TABLE)
    expected = project.search("Pyongyang")
    assert len(expected) == 2
    project.save_as(path)
    assert Project.open(path).search("Pyongyang") == expected

    monkeypatch.undo()  # the same file opened where SQLite has FTS5: the index is built on first need
    with_fts = Project.open(path)
    assert with_fts.search("Pyongyang") == expected
    with_fts.save()
    assert schema.has_table(Project.open(path)._db.reader(), schema.FTS_TABLE)


def test_a_file_changed_without_fts5_gets_its_index_rebuilt(tmp_path, monkeypatch):
    path = tmp_path / "p.briefpack"
    project = project_with(3)
    gone = project.articles[0]
    project.save_as(path)

    monkeypatch.setattr(schema, "fts5_available", lambda: False)
    plain = Project.open(path)
    plain.remove_article(gone.id)
    added = make_article(50, ["zanzibar paragraph"])
    plain.add_article(added)
    plain.save()

    monkeypatch.undo()
    again = Project.open(path)
    assert [hit[0] for hit in again.search("Pyongyang")] == [a.id for a in again.articles[:2]]
    assert again.search("zanzibar") == [(added.id, 2)]
    assert again.get_meta(search.STALE_KEY) is None
    again.save()
    assert not Project.open(path)._index._rebuild  # the rebuilt index was saved and is trusted again


def test_a_bounded_index_step_indexes_about_step_blocks_per_add_and_catches_up(monkeypatch):
    project = Project.new()
    project.index_step_blocks = 7  # each test article holds 3 blocks: a heading, a standfirst, one paragraph
    indexed: list[int] = []  # blocks each indexing statement took in
    real = search.index_articles

    def counting(conn, after, upto):
        blocks = conn.execute(
            "SELECT COALESCE(SUM(json_array_length(blocks)), 0) FROM contents WHERE position > ? AND position <= ?",
            (after, upto),
        ).fetchone()[0]
        indexed.append(blocks)
        return real(conn, after, upto)

    monkeypatch.setattr(search, "index_articles", counting)
    articles = [make_article(n, [f"unique{n} shared word"]) for n in range(40)]
    for start in range(0, 40, 5):  # 15 blocks per add, more than one step takes
        before = len(indexed)
        project.add_articles([(a, []) for a in articles[start : start + 5]])
        assert len(indexed) - before <= 1 and all(0 < b <= 7 for b in indexed[before:])
        if start == 10:
            project.remove_article(articles[12].id)  # removed while still pending
    assert sum(indexed) < 40 * 3, "the adds left a backlog for the catch-up steps"
    steps = 0
    while project.index_step():
        steps += 1
        assert steps < 40
    assert all(b <= 7 for b in indexed)
    assert sum(indexed) == 39 * 3, "every stored block indexed exactly once"
    count = len(indexed)
    assert len(project.search("shared")) == 39
    assert len(indexed) == count, "search found nothing left to index"
    assert project.search("unique12") == [] and project.search("unique39") == [(articles[39].id, 2)]
    assert [project.search(f"unique{n}") for n in range(40)] == [
        [] if n == 12 else [(articles[n].id, 2)] for n in range(40)
    ]


def test_without_a_step_adds_index_in_large_batches(monkeypatch):
    monkeypatch.setattr(search, "INDEX_BATCH", 20)
    project = Project.new()
    statements: list[tuple[int, int]] = []
    real = search.index_articles
    monkeypatch.setattr(search, "index_articles", lambda c, a, u: statements.append((a, u)) or real(c, a, u))
    project.add_articles([(make_article(n, [f"unique{n} shared word"]), []) for n in range(10)])  # 30 blocks
    assert statements == [(-1, 9)]
    assert len(project.search("shared")) == 10
