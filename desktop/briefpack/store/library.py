"""The project as a library: re-parses, duplicates, metadata corrections, filtered queries and publisher grades.

``LibraryMixin`` holds the ``Project`` methods that treat the project as a
searchable library rather than a list; it is split from ``project`` only to
keep each module readable, and works on the project's own state (the
effective articles, their corrections, the working copy and its search
index). The same threading rule holds: one thread at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from briefpack.model.article import Article
from briefpack.model.theme import ThemeTag
from briefpack.store import adding, corrections, grouping, query, rows
from briefpack.store.adding import Added
from briefpack.store.membership import Membership
from briefpack.store.query import Filters
from briefpack.store.schema import transaction
from briefpack.store.search import BlockIndex, parse_query, scan
from briefpack.store.tagcache import TagCache

if TYPE_CHECKING:
    from briefpack.analysis.duplicates import Fingerprint

GRADES = ("A", "B", "C", "D", "E", "F")


class LibraryMixin:
    """Corrections, queries, duplicate groups and grades of a ``Project`` (which provides the state below)."""

    _articles: dict[str, Article]
    _tags: TagCache
    _positions: dict[str, int]
    _corrections: dict[str, dict[str, object]]
    _index: BlockIndex | None
    _membership: Membership
    _articles_view: tuple[Article, ...] | None
    _dirty: bool

    # Provided by Project.
    def _live(self) -> sqlite3.Connection: ...
    def _reader(self) -> sqlite3.Connection: ...
    def _delete_rows(self, db: sqlite3.Connection, article_id: str) -> None: ...
    def _set_tags_in_memory(self, article_id: str, normal: list[ThemeTag]) -> None: ...

    # ------------------------------------------------------------ re-parsing and duplicates

    def check_duplicate(self, article: Article, fp: Fingerprint | None = None) -> Added:
        """What ``add_articles`` would do with ``article``, without adding it (``fp`` ``None``: computed here)."""
        db = self._reader()
        from briefpack.analysis.duplicates import fingerprint  # here: opening a project does not need it (nor numpy)

        fp = fp if fp is not None else fingerprint(article)
        return adding.check(db, fp, article.id in self._articles)

    def replace_article(self, article: Article, tags: Sequence[ThemeTag] | None = None) -> None:
        """Replace the parsed article with the same id (a re-parse), keeping the analyst's corrections.

        ``tags`` replace the article's tags; ``None`` keeps them when the body
        is unchanged and drops them otherwise. Raises ``KeyError`` when the
        project has no such article, ``ValueError`` for bad tags.
        """
        old = self._articles.get(article.id)
        if old is None:
            raise KeyError(article.id)
        if tags is None:
            tags = self._tags.get(article.id) if old.blocks == article.blocks else []
        normal = adding.checked_tags(article, tags)
        fixed = self._corrections.get(article.id, {})
        effective = corrections.apply(article, fixed)
        db = self._live()
        position = self._positions[article.id]
        contents = rows.contents_row(article, position, normal)
        with transaction(db):
            self._delete_rows(db, article.id)
            db.execute(rows.ARTICLE_INSERT, rows.article_row(article, position, effective))
            db.execute(rows.CONTENTS_INSERT, contents)
            if self._index is not None:
                self._index.reindex(db, position)  # its position is indexed already: the pending ones are above it
            from briefpack.analysis.duplicates import fingerprint

            fp = fingerprint(article)
            grouping.write_fingerprint(db, fp)
            grouping.join_group(db, article.id, grouping.near_matches(db, fp))
        self._articles[article.id] = effective
        self._positions[article.id] = position  # _delete_rows kept it; the article keeps its place
        self._set_tags_in_memory(article.id, normal)
        self._membership.invalidate()
        self._articles_view = None
        self._dirty = True

    # ------------------------------------------------------------ corrections

    def correct(self, article_id: str, field: str, value: object) -> None:
        """Correct one metadata field of an article; the parsed value is kept apart and comes back with ``clear_correction``.

        ``field`` is one of ``corrections.FIELDS``; ``value`` ``None`` (or no
        authors) corrects the field to empty. Raises ``KeyError`` for an
        unknown article, ``ValueError``/``TypeError`` for a field that cannot
        be corrected or a value of the wrong type.
        """
        if article_id not in self._articles:
            raise KeyError(article_id)
        checked = corrections.check(field, value)
        fixed = {**self._corrections.get(article_id, {}), field: checked}
        self._store_corrections(article_id, fixed, lambda db: corrections.write(db, article_id, field, checked))

    def clear_correction(self, article_id: str, field: str | None = None) -> None:
        """Go back to the parsed value of ``field`` (``None``: of every field). Raises ``KeyError`` for an unknown article."""
        if article_id not in self._articles:
            raise KeyError(article_id)
        fixed = dict(self._corrections.get(article_id, {}))
        if field is None:
            fixed.clear()
        else:
            fixed.pop(field, None)
        self._store_corrections(article_id, fixed, lambda db: corrections.delete(db, article_id, field))

    def corrections(self, article_id: str) -> dict[str, object]:
        """The corrected fields of an article and their values (model types); empty when none or no such article."""
        return dict(self._corrections.get(article_id, {}))

    def parsed_article(self, article_id: str) -> Article | None:
        """The article as the reader parsed it, without corrections; ``None`` when the project has no such article."""
        effective = self._articles.get(article_id)
        if effective is None or article_id not in self._corrections:
            return effective
        raw = self._reader().execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        return Article.from_json(json.loads(raw)).with_changes(blocks=effective.blocks)

    def _store_corrections(
        self, article_id: str, fixed: dict[str, object], write: Callable[[sqlite3.Connection], None]
    ) -> None:
        """Write a correction change (``write``) and point the filter columns and memory at the new effective article."""
        parsed = self.parsed_article(article_id)
        assert parsed is not None
        effective = corrections.apply(parsed, fixed)
        db = self._live()
        with transaction(db):
            write(db)
            corrections.update_columns(db, effective)
        if fixed:
            self._corrections[article_id] = fixed
        else:
            self._corrections.pop(article_id, None)
        self._articles[article_id] = effective
        self._articles_view = None
        self._dirty = True

    # ------------------------------------------------------------ queries

    def query(
        self,
        text: str | None = None,
        *,
        themes: Iterable[str] = (),
        publisher: str | Iterable[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        language: str | Iterable[str] | None = None,
        grades: Iterable[str] = (),
        group: str | None = None,
        limit: int | None = None,
    ) -> list[str]:
        """Ids of the articles that pass every filter, in project order, at most ``limit`` (``None``: all).

        ``text`` (words and ``"phrases"``, as ``search`` reads them) needs one
        paragraph holding all of it; ``None`` or blank does not filter by text,
        while text without words finds nothing. See ``query.Filters`` for the
        other filters; a string or a list of them is accepted for publisher
        and language. Answered by SQLite through indexes and FTS5.
        """
        filters = Filters(
            themes=tuple(themes), publishers=_strings(publisher), languages=_strings(language),
            date_from=date_from, date_to=date_to, grades=tuple(grades), group=group,
        )
        db = self._reader()
        terms = None
        if text is not None and text.strip():
            terms = parse_query(text)
            if not terms:
                return []
        # Metadata filters run in SQL through their indexes; text and themes, which can match most of
        # the library, come from membership sets (see membership.py) intersected with that result.
        wanted: list[set[str]] = []
        if filters.themes:
            wanted.append(self._membership.with_themes(filters.themes, lambda: rows.read_theme_members(db)))
        if terms is not None:
            if self._index is not None:
                self._index.flush()
                db = self._reader()  # the flush may have made the working copy
                wanted.append(self._membership.with_text(db, terms, self._positions))
            else:  # no FTS5 in this SQLite: the text condition scans the articles in memory
                wanted.append({article_id for article_id, _ in scan(self._articles.values(), terms, None)})
        if not wanted:
            statement, params = query.sql(filters, None, limit)
            return [row[0] for row in db.execute(statement, params)]
        statement, params = query.sql(dataclasses.replace(filters, themes=()), None, None)
        wanted.sort(key=len)
        found = []
        for (article_id,) in db.execute(statement, params):
            if all(article_id in ids for ids in wanted):
                found.append(article_id)
                if limit is not None and len(found) >= limit:
                    break
        return found

    # ------------------------------------------------------------ duplicates and grades

    def text_keys(self) -> dict[str, str]:
        """Every stored ``Fingerprint.text_key`` with the id of the first article having it.

        A snapshot an import job can take to its worker thread, to call a file
        with the same text as a project article a duplicate before adding.
        """
        rows_ = self._reader().execute("SELECT text_key, id FROM articles WHERE text_key IS NOT NULL ORDER BY position DESC")
        return dict(rows_.fetchall())

    def duplicate_group(self, article_id: str) -> str | None:
        """The near-duplicate group of an article (an opaque id), ``None`` when it has none or there is no such article."""
        return grouping.group_of(self._reader(), article_id)

    def duplicate_groups(self) -> dict[str, list[str]]:
        """Every near-duplicate group with its article ids in project order."""
        return grouping.groups(self._reader())

    def set_reliability(self, publisher: str, grade: str | None) -> None:
        """Grade a publisher's reliability ("A".."F", Admiralty scale); ``None`` removes the grade. ``ValueError`` for another grade."""
        if grade is not None and grade not in GRADES:
            raise ValueError(f"reliability grades are {', '.join(GRADES)}, not {grade!r}")
        db = self._live()
        with transaction(db):
            if grade is None:
                db.execute("DELETE FROM reliability WHERE publisher = ?", (publisher,))
            else:
                db.execute("INSERT OR REPLACE INTO reliability (publisher, grade) VALUES (?, ?)", (publisher, grade))
        self._dirty = True

    def reliability(self) -> dict[str, str]:
        """Every graded publisher and its grade."""
        return dict(self._reader().execute("SELECT publisher, grade FROM reliability ORDER BY publisher"))


def _strings(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)
