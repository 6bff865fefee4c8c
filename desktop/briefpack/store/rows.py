"""Conversions between model objects and the rows of a project file.

An article becomes one ``articles`` row (its JSON without the body) and one
``blocks`` row per body block; a ``ThemeTag`` becomes one ``tags`` row (the
model gives it no JSON form, so its fields map to columns here, evidence as a
JSON list). Reading goes the other way for a whole file at once, because the
project keeps every article in memory. Anything that does not decode raises
``ValueError`` (or ``KeyError``/``TypeError`` from the model) and the caller
reports the file as damaged.
"""

from __future__ import annotations

import itertools
import json
import json.encoder
import operator
import sqlite3
from collections.abc import Iterable

from briefpack.model.article import Article, Block, BlockKind
from briefpack.model.theme import ThemeTag

_KINDS = {kind.value: kind for kind in BlockKind}


# The quoting json.dumps(ensure_ascii=False) applies to a string, as one C call.
_quoted = json.encoder.encode_basestring


def dumps(value: object) -> str:
    """Compact JSON that keeps non-ASCII text as it is (smaller files, readable in any SQLite browser)."""
    # allow_nan=False: NaN and Infinity are not JSON, and another reader of the file would reject them.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


# ---------------------------------------------------------------- writing


def article_row(article: Article, position: int, effective: Article | None = None) -> tuple:
    """The row of a parsed ``article``; the filter columns take ``effective``'s metadata (``None``: the article's own)."""
    data = article.to_json()
    del data["blocks"]  # the body is stored once, in blocks
    shown = effective if effective is not None else article
    published = shown.published.isoformat() if shown.published else None
    return (article.id, position, shown.title, shown.publisher, published, shown.language, dumps(data))


# Enum .value is a descriptor call, slow enough to show in a 10,000-article import.
_KIND_TEXT = {kind: kind.value for kind in BlockKind}


def block_rows(article: Article) -> list[tuple]:
    kinds = _KIND_TEXT
    return [(article.id, i, kinds[b.kind], b.role, b.text) for i, b in enumerate(article.blocks)]


def tag_row(tag: ThemeTag) -> tuple:
    return (tag.article_id, tag.block_index, tag.theme_id, _string_list(tag.evidence), float(tag.score))


def _string_list(values: Iterable[object]) -> str:
    """``dumps(list(values))``, built directly when every value is a string (a tag's evidence always is).

    A JSON encoder per tag showed up as a third of the cost of storing a large import.
    """
    values = tuple(values)
    if all(type(v) is str for v in values):
        return "[" + ",".join(map(_quoted, values)) + "]"
    return dumps(list(values))


ARTICLE_INSERT = (
    "INSERT INTO articles (id, position, title, publisher, published, language, json) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
BLOCK_INSERT = "INSERT INTO blocks (article_id, idx, kind, role, text) VALUES (?, ?, ?, ?, ?)"
TAG_INSERT = "INSERT INTO tags (article_id, block_index, theme_id, evidence, score) VALUES (?, ?, ?, ?, ?)"


def insert_article(conn: sqlite3.Connection, article: Article, position: int) -> None:
    conn.execute(ARTICLE_INSERT, article_row(article, position))
    conn.executemany(BLOCK_INSERT, block_rows(article))


def insert_tags(conn: sqlite3.Connection, tags: Iterable[ThemeTag]) -> None:
    conn.executemany(TAG_INSERT, (tag_row(t) for t in tags))


# ---------------------------------------------------------------- reading




def read_articles(conn: sqlite3.Connection) -> tuple[dict[str, Article], int]:
    """Every article in project order, and the next free position."""
    bodies = _read_bodies(conn)
    rows = conn.execute("SELECT id, position, json FROM articles ORDER BY position").fetchall()
    articles: dict[str, Article] = {}
    for (article_id, _, _), data in zip(rows, _loads_many([raw for _, _, raw in rows])):
        if not isinstance(data, dict) or data.get("id") != article_id:
            raise ValueError(f"article row {article_id!r} does not hold that article's JSON")
        body = bodies.pop(article_id, ())
        data.pop("blocks", None)
        articles[article_id] = Article.from_json(data).with_changes(blocks=body)
    if bodies:
        raise ValueError(f"blocks of {len(bodies)} unknown article(s), e.g. {next(iter(bodies))!r}")
    return articles, (rows[-1][1] + 1 if rows else 0)


def _read_bodies(conn: sqlite3.Connection) -> dict[str, tuple[Block, ...]]:
    """Every article's blocks, by article id."""
    parts: dict[str, list[tuple[int, Block]]] = {}
    # Blocks of one article are contiguous in id order, so one table scan grouped as it goes
    # beats an ordered read through the (article_id, idx) index.
    cursor = conn.execute("SELECT article_id, idx, kind, role, text FROM blocks ORDER BY block_id")
    for article_id, group in itertools.groupby(cursor, key=operator.itemgetter(0)):
        body = parts.setdefault(article_id, [])
        body.extend((idx, Block(_KINDS[kind], text, role)) for _, idx, kind, role, text in group)
    bodies: dict[str, tuple[Block, ...]] = {}
    for article_id, body in parts.items():
        if [idx for idx, _ in body] != list(range(len(body))):
            # Rows written in another order (by a migration, say) are fine; gaps and repeats are not.
            body.sort(key=operator.itemgetter(0))
            if [idx for idx, _ in body] != list(range(len(body))):
                raise ValueError(f"article {article_id!r} has missing or repeated block indexes")
        bodies[article_id] = tuple(block for _, block in body)
    return bodies


def read_tags(conn: sqlite3.Connection) -> dict[str, list[ThemeTag]]:
    """Tags grouped by article id, each group in the order it was set.

    Read row by row, not fetched whole, and with one object per distinct
    article id, theme id, score and evidence (the same few words recur in
    thousands of tags): a 10,000-article library has some 400,000 tags, and
    one string per field of each held a third of an open project's memory.
    """
    tags: dict[str, list[ThemeTag]] = {}
    themes: dict[str, str] = {}
    scores: dict[float, float] = {}
    evidences: dict[str, tuple[str, ...]] = {}
    words: dict[str, str] = {}
    current_id: str | None = None
    current: list[ThemeTag] = []
    cursor = conn.execute("SELECT article_id, block_index, theme_id, evidence, score FROM tags ORDER BY rowid")
    for article_id, block_index, theme_id, raw, score in cursor:
        if article_id != current_id:
            current = tags.setdefault(article_id, [])
            current_id = article_id
        evidence = evidences.get(raw)
        if evidence is None:
            value = json.loads(raw)
            if not isinstance(value, list):
                raise ValueError(f"a tag of article {article_id!r} has evidence that is not a list")
            evidence = evidences[raw] = tuple(words.setdefault(w, w) if type(w) is str else w for w in value)
        theme_id = themes.setdefault(theme_id, theme_id)
        score = scores.setdefault(score, score)
        current.append(ThemeTag(current_id, block_index, theme_id, evidence, score))
    return tags


def _loads_many(raws: list[str]) -> list:
    """Decode many JSON texts at once: one parse of a joined array is several times faster than one per text."""
    values = json.loads("[" + ",".join(raws) + "]")
    if len(values) != len(raws):  # a damaged text like '1],[2' can change the count
        raise ValueError("JSON values in the file do not decode one per row")
    return values


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """Every meta entry as its JSON text (decoded by whoever asks for it)."""
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    for key, value in meta.items():
        json.loads(value)  # fail now, at open, rather than when a feature first asks
    return meta


def write_meta(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    """Store ``value`` (JSON text) under ``key``; ``None`` removes the key."""
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
