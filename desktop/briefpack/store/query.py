"""Library queries: full-text search combined with metadata filters, answered by SQLite through its indexes.

A ``Filters`` value says what the analyst narrowed the library to; ``sql``
turns its metadata filters into one ``SELECT`` over ``articles`` whose every
condition is an index look-up (publisher, language, date, publisher grade,
duplicate group) or an FTS5 ``MATCH``, so a query over 10,000 articles never
reads them into Python. Theme filters are not SQL: tags are stored packed
per article, and ``membership`` answers them from each article's theme list.
Filters combine with AND; the values inside one filter (several themes,
several grades) combine with OR. Filters on publisher, language and date see
the *effective* metadata, corrections applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from briefpack.store.schema import BLOCK_BITS, FTS_TABLE
from briefpack.store.search import Term, fts_expression


@dataclass(frozen=True, slots=True)
class Filters:
    """What to narrow the library to; every field left at its default does not filter.

    ``themes``: articles with a paragraph tagged with any of them.
    ``publishers``/``languages``: exact values, any of them. ``date_from`` and
    ``date_to`` are inclusive; an article without a date never passes a date
    filter. ``grades``: articles whose publisher has one of these reliability
    grades ("A".."F"; a publisher without a grade passes only for "F", as
    Admiralty grading reads it: cannot be judged). ``group``: members of one
    duplicate group.
    """

    themes: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    grades: tuple[str, ...] = ()
    group: str | None = None


def _marks(values: Iterable[object]) -> str:
    return ",".join("?" for _ in values)


def sql(filters: Filters, terms: list[Term] | None, limit: int | None) -> tuple[str, list[object]]:
    """The statement and parameters giving matching article ids in project order.

    ``terms`` ``None`` means no text condition; the caller passes terms only
    when the FTS5 index exists and is up to date. Raises ``ValueError`` for
    theme filters, which the caller answers (see ``membership``).
    """
    if filters.themes:
        raise ValueError("theme filters are answered by membership.Membership, not in SQL")
    where: list[str] = []
    params: list[object] = []
    if filters.publishers:
        where.append(f"a.publisher IN ({_marks(filters.publishers)})")
        params += filters.publishers
    if filters.languages:
        where.append(f"a.language IN ({_marks(filters.languages)})")
        params += filters.languages
    if filters.date_from is not None:
        where.append("a.published >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to is not None:
        where.append("a.published <= ?")
        params.append(filters.date_to.isoformat())
    if filters.group is not None:
        where.append("a.dup_group = ?")
        params.append(filters.group)
    if filters.grades:
        graded = f"a.publisher IN (SELECT publisher FROM reliability WHERE grade IN ({_marks(filters.grades)}))"
        params += filters.grades
        if "F" in filters.grades:  # ungraded publishers (and no publisher) count as F
            graded = f"({graded} OR a.publisher IS NULL OR a.publisher NOT IN (SELECT publisher FROM reliability))"
        where.append(graded)
    if terms is not None:
        where.append(f"a.position IN (SELECT rowid >> {BLOCK_BITS} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)")
        params.append(fts_expression(terms))
    statement = "SELECT a.id FROM articles a"
    if where:
        statement += " WHERE " + " AND ".join(where)
    statement += " ORDER BY a.position"
    if limit is not None:
        statement += " LIMIT ?"
        params.append(limit)
    return statement, params
