"""Conversions between model objects and the rows of a project file.

An article becomes one ``articles`` row (its JSON without the body) and one
``contents`` row: its body blocks and its theme tags, each packed as one
JSON text (``pack_blocks``, ``pack_tags``; the model gives a ``ThemeTag``
no JSON form, so its fields map to a list here). Tags may come already
packed (``PackedTags``, made by the process that tagged the article), and
are then stored as they are. Reading goes the other way
for a whole file at once, with one query and one JSON parse per column,
because the project keeps every article in memory; tags stay packed until
asked for (``tagcache``). Anything that does not decode raises
``ValueError`` (or ``KeyError``/``TypeError`` from the model) and the
caller reports the file as damaged.
"""

from __future__ import annotations

import datetime as dt
import json
import json.encoder
import operator
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import orjson

from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.notice import Notice
from briefpack.model.theme import ThemeTag
from briefpack.store.schema import MAX_BLOCKS

_KINDS = {kind.value: kind for kind in BlockKind}
# Enum .value is a descriptor call, slow enough to show in a 10,000-article import.
_KIND_TEXT = {kind: kind.value for kind in BlockKind}

# One encoder for every value: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(value: object) -> str:
    """Compact JSON that keeps non-ASCII text as it is (smaller files, readable in any SQLite browser).

    NaN and Infinity raise ``ValueError``: they are not JSON, and another reader of the file would reject them.
    """
    return _ENCODER.encode(value)


def dumps_plain(value: object) -> str:
    """``dumps`` for a value holding no float (text, None, bools, ints, lists, dicts keyed by text), several times faster.

    orjson writes such values character for character as ``dumps`` does
    (compact, non-ASCII kept, the same escapes; a test holds it to that);
    floats it may write otherwise (NaN as null), so callers pass none. What
    it refuses (a lone surrogate, an int past 64 bits) goes to ``dumps``,
    which handles it as before. Used for each article's metadata and body
    (a fifth of what storing an import cost with ``dumps``) and the key
    lists ``adding`` looks up.
    """
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return dumps(value)


# ---------------------------------------------------------------- writing


def article_row(article: Article, position: int, effective: Article | None = None) -> tuple:
    """The row of a parsed ``article``; the filter columns take ``effective``'s metadata (``None``: the article's own)."""
    data = meta_json(article)
    shown = effective if effective is not None else article
    published = shown.published.isoformat() if shown.published else None
    return (article.id, position, shown.title, shown.publisher, published, shown.language, dumps_plain(data))  # no floats in it


def meta_json(article: Article) -> dict:
    """``article.to_json()`` without ``"blocks"``: the body is stored once, in contents.

    Written out rather than derived, because converting every block only to
    drop it cost a quarter of storing an article; a test holds it to ``to_json``.
    """
    return {
        "id": article.id,
        "title": article.title,
        "title_derived": article.title_derived,
        "authors": list(article.authors),
        "publisher": article.publisher,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "original_language": article.original_language,
        "category": article.category,
        "rights_holder": article.rights_holder,
        "captions": list(article.captions),
        "image_credits": list(article.image_credits),
        "provenance": article.provenance.to_json(),
        "warnings": [w.to_json() for w in article.warnings],
    }


def pack_blocks(article: Article) -> str:
    """The article's body as stored: a JSON list of ``[kind, text, role]``. ``ValueError`` past ``MAX_BLOCKS`` blocks."""
    if len(article.blocks) >= MAX_BLOCKS:
        raise ValueError(f"article {article.id!r} has {len(article.blocks)} blocks; a project holds at most {MAX_BLOCKS - 1}")
    kinds = _KIND_TEXT
    return dumps_plain([(kinds[b.kind], b.text, b.role) for b in article.blocks])  # texts and None only


# JSON of each (theme id, evidence, score) seen lately, after the block index: a library's tags repeat the same few thousand.
_TAG_TAILS: dict[tuple, str] = {}
_TAILS_LIMIT = 50_000
_quoted = json.encoder.encode_basestring  # the quoting dumps gives a str, as one C call


def pack_tags(tags: Sequence[ThemeTag]) -> str | None:
    """One article's tags as stored: a JSON list of ``[block index, theme id, [evidence], score]``; ``None`` for none.

    Raises ``ValueError`` for a score that is not a finite number.
    """
    if not tags:
        return None
    return pack_tag_values([(t.block_index, t.theme_id, t.evidence, t.score) for t in tags], tags[0].article_id)


def pack_tag_values(values: Sequence[tuple[int, str, tuple[str, ...], float]], article_id: str) -> str | None:
    """``pack_tags`` for tags given as ``(block index, theme id, evidence, score)`` tuples of article ``article_id``.

    Written out rather than given to the JSON encoder whole (twice as
    fast); the result is what ``dumps`` gives for the same lists.
    """
    if len(_TAG_TAILS) > _TAILS_LIMIT:
        _TAG_TAILS.clear()
    tails = _TAG_TAILS
    parts = []
    for index, theme_id, evidence, score in values:
        if type(index) is not int or type(theme_id) is not str or type(score) is not float:
            return dumps(list(values))  # the general path
        # Zero scores are not looked up: 0.0 and -0.0 are one key, but dumps writes them apart.
        tail = tails.get((theme_id, evidence, score)) if score else None
        if tail is None:
            number = repr(score)
            if "n" in number:  # nan, inf: not JSON
                raise ValueError(f"a tag of article {article_id!r} has a score that is not a finite number: {number}")
            tail = f"{_quoted(theme_id)},{dumps(evidence)},{number}]"
            if score:
                tails[theme_id, evidence, score] = tail
        parts.append(f"[{index},{tail}")
    return "[" + ",".join(parts) + "]" if parts else None


_index_of, _theme_of, _score_of = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(3)
# Scores orjson was seen to write as ``repr`` does (``_tagger_json``); a tagger's scores take a few dozen values.
_SCORES_AS_REPR: set[float] = set()
_SCORES_LIMIT = 10_000


def _tagger_json(values: Sequence[tuple[int, str, tuple[str, ...], float]]) -> str | None:
    """``pack_tag_values``' text for tags of the tagger's types, written by orjson (three times faster); ``None`` if it may differ.

    For ints, strings and tuples of strings orjson writes what ``dumps``
    writes (compact, the same escapes: see ``dumps_plain``; a tuple as a
    list). Floats it may write otherwise (``1e-05`` as ``0.00001``, NaN as
    ``null``), so orjson is used only when every distinct score is a float
    it was seen to write as ``repr`` (what ``dumps`` writes) does: each new
    value is compared once. Zero is never remembered, so ``0.0`` and
    ``-0.0``, equal as set members, are each compared every time.
    """
    scores = set(map(_score_of, values))
    if not scores <= _SCORES_AS_REPR:
        if len(_SCORES_AS_REPR) > _SCORES_LIMIT:
            _SCORES_AS_REPR.clear()
        for score in scores - _SCORES_AS_REPR:
            if type(score) is not float or orjson.dumps(score) != repr(score).encode():
                return None
            if score:
                _SCORES_AS_REPR.add(score)
    try:
        return orjson.dumps(values).decode()
    except orjson.JSONEncodeError:  # an int past 64 bits, say: the written-out path takes it
        return None


@dataclass(frozen=True, slots=True)
class PackedTags:
    """One article's theme tags already in the form the file stores them, made where the article was tagged.

    ``Project.add_articles`` takes one in place of a list of ``ThemeTag``
    and stores and keeps it as it is, so a process that only stores what
    worker processes tagged (``jobs.import_into``) never builds a
    ``ThemeTag``. ``text`` is ``pack_tags``' JSON and ``themes`` the
    ``theme_list`` column (both ``None`` for no tags); ``blocks`` is one
    more than the highest block index tagged (0 for none), checked against
    the article when stored. ``tags`` decodes them.
    """

    text: str | None
    themes: str | None
    blocks: int

    @classmethod
    def of(cls, values: Sequence[tuple[int, str, tuple[str, ...], float]], article_id: str) -> "PackedTags":
        """The packed form of ``(block index, theme id, evidence, score)`` tuples of article ``article_id``.

        The types must be those (``int``, ``str``, a tuple of ``str``,
        ``float``), as ``themes.tag_values`` gives them: then ``text`` is
        written by orjson where it writes what ``pack_tag_values`` does.
        """
        if not values:
            return cls(None, None, 0)
        text = _tagger_json(values)
        if text is None:
            text = pack_tag_values(values, article_id)
        return cls(text, theme_list(map(_theme_of, values)), max(map(_index_of, values)) + 1)

    def tags(self, article_id: str, shared: dict) -> list[ThemeTag]:
        """The tags as ``ThemeTag`` objects of ``article_id`` (``unpack_tags``, sharing equal values via ``shared``)."""
        return unpack_tags(article_id, self.text, shared) if self.text is not None else []


def theme_list(theme_ids: Iterable[str]) -> str | None:
    """The ``themes`` column: the distinct theme ids as a sorted JSON list; ``None`` for none."""
    distinct = sorted(set(theme_ids))
    return dumps_plain(distinct) if distinct else None


def contents_row(article: Article, position: int, tags: Sequence[ThemeTag] | PackedTags) -> tuple:
    if type(tags) is PackedTags:
        return (position, pack_blocks(article), tags.text, tags.themes)
    return (position, pack_blocks(article), pack_tags(tags), theme_list([t.theme_id for t in tags]))


ARTICLE_INSERT = (
    "INSERT INTO articles (id, position, title, publisher, published, language, json) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
CONTENTS_INSERT = "INSERT INTO contents (position, blocks, tags, themes) VALUES (?, ?, ?, ?)"


def write_tags(conn: sqlite3.Connection, position: int, tags: Sequence[ThemeTag]) -> None:
    conn.execute(
        "UPDATE contents SET tags = ?, themes = ? WHERE position = ?",
        (pack_tags(tags), theme_list([t.theme_id for t in tags]), position),
    )


def read_theme_members(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """The ids of the articles tagged with each theme, from the ``themes`` column (no tag is decoded)."""
    found = conn.execute(
        "SELECT a.id, c.themes FROM contents c JOIN articles a ON a.position = c.position WHERE c.themes IS NOT NULL"
    ).fetchall()
    members: dict[str, set[str]] = {}
    for (article_id, _), themes in zip(found, loads_many([raw for _, raw in found])):
        for theme_id in themes:
            members.setdefault(theme_id, set()).add(article_id)
    return members


# ---------------------------------------------------------------- reading


def read_articles(conn: sqlite3.Connection) -> tuple[dict[str, Article], dict[str, str], dict[str, int], int]:
    """Every article in project order, the packed tags of those that have some, positions by id, and the next free position."""
    rows = conn.execute(
        "SELECT a.id, a.position, a.json, c.blocks, c.tags FROM articles a LEFT JOIN contents c ON c.position = a.position"
        " ORDER BY a.position"
    ).fetchall()
    stray = conn.execute("SELECT COUNT(*) FROM contents").fetchone()[0] - len(rows)
    if stray or any(row[3] is None for row in rows):
        raise ValueError("the contents rows do not match the articles one to one")
    metas = loads_many([row[2] for row in rows])
    kinds = _KINDS
    loads = json.loads  # one parse per body: for texts this long, faster than one parse of them all joined
    articles: dict[str, Article] = {}
    for (article_id, _, _, body, _), data in zip(rows, metas):
        if not isinstance(data, dict) or data.get("id") != article_id:
            raise ValueError(f"article row {article_id!r} does not hold that article's JSON")
        articles[article_id] = article_from_json(data, tuple([Block(kinds[k], t, r) for k, t, r in loads(body)]))
    tags = {row[0]: row[4] for row in rows if row[4] is not None}
    positions = {row[0]: row[1] for row in rows}
    return articles, tags, positions, (rows[-1][1] + 1 if rows else 0)


def article_from_json(data: dict, blocks: tuple[Block, ...]) -> Article:
    """``Article.from_json(data)`` with ``blocks`` as its body, built in one step (a copy with new blocks costs as much again)."""
    published = data.get("published")
    return Article(
        data["id"],
        data.get("title"),
        bool(data.get("title_derived")),
        tuple(data.get("authors") or ()),
        data.get("publisher"),
        data.get("url"),
        dt.date.fromisoformat(published) if published else None,
        data.get("language"),
        data.get("category"),
        blocks,
        tuple(data.get("captions") or ()),
        tuple(data.get("image_credits") or ()),
        Provenance.from_json(data["provenance"]),
        data.get("rights_holder"),
        data.get("original_language"),
        tuple([Notice.from_json(w) for w in data.get("warnings") or ()]),
    )


def unpack_tags(article_id: str, raw: str, shared: dict) -> list[ThemeTag]:
    """The tags ``pack_tags`` packed for ``article_id``; equal theme ids, words and evidence become one object via ``shared``."""
    value = json.loads(raw)
    if not isinstance(value, list):
        raise ValueError(f"the tags of article {article_id!r} are not a list")
    share = shared.setdefault
    out = []
    for index, theme_id, evidence, score in value:
        if type(index) is not int or type(theme_id) is not str or type(evidence) is not list:
            raise ValueError(f"a tag of article {article_id!r} does not decode")
        key = tuple(evidence)
        out.append(ThemeTag(article_id, index, share(theme_id, theme_id), share(key, key), float(score)))
    return out


def loads_many(raws: list[str]) -> list:
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
