"""The analyst's corrections of an article's metadata, kept apart from what the reader parsed.

A correction replaces one field (``FIELDS``) of the parsed article; the
*effective* article, the one every other layer sees, is the parsed article
with its corrections applied. Corrections live in their own table, keyed by
article id and field, so re-parsing an article (a new reader version, a
re-import) replaces the parsed JSON and leaves them as they are. A corrected
value may be empty (``None``, or no authors): "this article has no author"
is a correction too; removing a correction is ``delete``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping

from briefpack.model.article import Article
from briefpack.store.rows import dumps
from briefpack.store.schema import now_iso

FIELDS = ("title", "authors", "publisher", "published", "url", "language", "original_language", "category")
_TEXT_FIELDS = frozenset(FIELDS) - {"authors", "published"}


def check(field: str, value: object) -> object:
    """``value`` as the model holds it for ``field``; raises ``ValueError``/``TypeError`` for a field or value that cannot be.

    ``published`` takes a ``datetime.date`` or an ISO date string; ``authors``
    a list or tuple of strings; other fields a string. ``None`` (or no
    authors) is an empty value. Strings are stripped; an empty one is ``None``.
    """
    if field not in FIELDS:
        raise ValueError(f"{field!r} cannot be corrected; correctable fields: {', '.join(FIELDS)}")
    if field == "authors":
        if value is None:
            return ()
        if isinstance(value, str) or not all(isinstance(a, str) for a in value):  # type: ignore[union-attr]
            raise TypeError("authors must be a list of names")
        return tuple(a.strip() for a in value if a.strip())  # type: ignore[union-attr]
    if value is None:
        return None
    if field == "published":
        if isinstance(value, dt.datetime):
            raise TypeError("published takes a date, not a date and time")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            return dt.date.fromisoformat(value.strip()) if value.strip() else None
        raise TypeError("published must be a date or an ISO date string")
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a string")
    return value.strip() or None


def encode(field: str, value: object) -> str:
    """The JSON text stored for a checked value (as ``Article.to_json`` writes the field)."""
    if field == "authors":
        return dumps(list(value))  # type: ignore[call-overload]
    if field == "published":
        return dumps(value.isoformat() if value is not None else None)  # type: ignore[union-attr]
    return dumps(value)


def decode(field: str, raw: object) -> object:
    if field == "authors":
        return tuple(raw)  # type: ignore[arg-type]
    if field == "published":
        return dt.date.fromisoformat(raw) if raw else None  # type: ignore[arg-type]
    return raw


def apply(article: Article, corrections: Mapping[str, object]) -> Article:
    """The effective article: ``article`` with ``corrections`` applied. A corrected title is no longer a derived one."""
    if not corrections:
        return article
    changes = dict(corrections)
    if "title" in changes:
        changes["title_derived"] = False
    return article.with_changes(**changes)


def read_all(conn: sqlite3.Connection) -> dict[str, dict[str, object]]:
    """Every article's corrections, field by field, decoded."""
    out: dict[str, dict[str, object]] = {}
    for article_id, field, raw in conn.execute("SELECT article_id, field, value FROM corrections ORDER BY rowid"):
        if field not in FIELDS:
            raise ValueError(f"a correction of an unknown field {field!r}")
        out.setdefault(article_id, {})[field] = decode(field, json.loads(raw))
    return out


def write(conn: sqlite3.Connection, article_id: str, field: str, value: object) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO corrections (article_id, field, value, corrected_at) VALUES (?, ?, ?, ?)",
        (article_id, field, encode(field, value), now_iso()),
    )


def delete(conn: sqlite3.Connection, article_id: str, field: str | None = None) -> None:
    """Remove one correction, or every correction of the article when ``field`` is ``None``."""
    if field is None:
        conn.execute("DELETE FROM corrections WHERE article_id = ?", (article_id,))
    else:
        conn.execute("DELETE FROM corrections WHERE article_id = ? AND field = ?", (article_id, field))


def update_columns(conn: sqlite3.Connection, effective: Article) -> None:
    """Point the filter columns at the effective metadata."""
    conn.execute(
        "UPDATE articles SET title = ?, publisher = ?, published = ?, language = ? WHERE id = ?",
        (
            effective.title,
            effective.publisher,
            effective.published.isoformat() if effective.published else None,
            effective.language,
            effective.id,
        ),
    )
