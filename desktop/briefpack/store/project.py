"""The open project: articles, their theme tags, the analyst's selection and brief settings, in one SQLite file.

A ``Project`` keeps every article (as the analyst sees it: parsed, with
their corrections applied) and tag in memory, for the GUI and for assembly
(tags stay packed until asked for, see ``tagcache``), and writes each change
at once to a private working copy of the database (in one transaction,
before the in-memory state changes, so the two never disagree). ``save``
copies that working copy over the project file atomically; ``open`` checks
a file and reads it, copying it into the working copy on the first change
(``database``). The file on disk therefore changes only by a whole,
successful save (DESIGN rule 9). Articles and tags (adding in bulk, with
duplicate checks, is ``add_articles``) come from ``contents.ContentsMixin``;
corrections, queries, duplicate groups and grades from ``library.LibraryMixin``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from briefpack.collector import gc_paused
from briefpack import __version__
from briefpack.model.article import Article
from briefpack.model.selection import BriefSettings, Selection
from briefpack.store import corrections, rows
from briefpack.store.atomic import save_atomically
from briefpack.store.errors import StoreError
from briefpack.store.contents import ContentsMixin
from briefpack.store.library import LibraryMixin
from briefpack.store.database import Database
from briefpack.store.loading import WorkingCopy, load_working_copy, new_working_copy
from briefpack.store.membership import Membership
from briefpack.store.schema import transaction
from briefpack.store.search import STALE_KEY, BlockIndex, parse_query, scan
from briefpack.store.tagcache import TagCache

# Meta keys the project itself uses; get_meta/set_meta cannot reach them.
RESERVED_META = frozenset({"selection", "settings", STALE_KEY})
# Pages a recovery copy takes per step (4 MiB at SQLite's default 4 KiB): the longest an edit waits for it.
RECOVERY_STEP_PAGES = 1024


def _mark_index_stale(copy: sqlite3.Connection) -> None:
    copy.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'true')", (STALE_KEY,))


class Project(ContentsMixin, LibraryMixin):
    """A briefing project, open in memory. Create one with ``Project.new`` or ``Project.open``.

    Not thread-safe: use a project from one thread at a time. That may be
    any thread (a worker may save while the GUI waits), but nothing may read
    or change the project while another thread is saving it; the one
    exception is ``write_recovery_copy``. ``close`` it
    (or use it as a context manager) to drop the working copy at once.
    """

    def __init__(self, copy: WorkingCopy, path: Path | None) -> None:
        """Internal: wrap a loaded working copy. Raises the decoding errors of ``rows`` for a damaged file."""
        self._db: Database = copy.db
        self._index = BlockIndex(copy.db, copy.indexed_upto, rebuild=copy.rebuild) if copy.fts else None
        self._path = path
        conn = copy.db.reader()
        with gc_paused():
            self._articles, packed_tags, self._positions, self._next_position = rows.read_articles(conn)
            self._tags = TagCache(packed_tags)
            meta = rows.read_meta(conn)
            self._corrections = corrections.read_all(conn)
        for article_id, fixed in self._corrections.items():
            if article_id in self._articles:  # self._articles holds effective articles
                self._articles[article_id] = corrections.apply(self._articles[article_id], fixed)
        self._selection = Selection.from_json(json.loads(meta["selection"])) if "selection" in meta else Selection()
        self._settings = (
            BriefSettings.from_json(json.loads(meta["settings"])) if "settings" in meta else BriefSettings()
        )
        self._meta = {key: value for key, value in meta.items() if key not in RESERVED_META}
        self._articles_view: tuple[Article, ...] | None = None
        self._membership = Membership()
        self._dirty = False

    # ------------------------------------------------------------ life cycle

    @classmethod
    def new(cls, path: Path | str | None = None) -> "Project":
        """An empty, unsaved project. ``path`` ``None`` means untitled (``save_as`` gives it a file).

        Nothing is written to ``path`` until ``save``, which replaces any file there.
        """
        copy = new_working_copy(note=f"created by briefpack {__version__}")
        project = cls(copy, Path(path) if path is not None else None)
        # Written out, not left to defaults, so a later briefpack with other defaults reads the same brief.
        conn = copy.db.writer()
        with transaction(conn):
            rows.write_meta(conn, "selection", rows.dumps(project._selection.to_json()))
            rows.write_meta(conn, "settings", rows.dumps(project._settings.to_json()))
        return project

    @classmethod
    def open(cls, path: Path | str) -> "Project":
        """The project saved at ``path``, upgraded in memory if an older briefpack wrote it.

        Raises ``StoreError`` for a missing file, a file that is not SQLite,
        an SQLite file that is not a briefpack project, a project from a newer
        briefpack, and a damaged project. Never writes to the file.
        """
        path = Path(path)
        copy = load_working_copy(path)
        try:
            return cls(copy, path)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            copy.db.close()
            raise StoreError(path, f"is damaged and cannot be read ({exc})") from exc

    def close(self) -> None:
        """Drop the working copy. Unsaved changes are lost; later calls that need the database raise ``ValueError``."""
        self._db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = str(self._path) if self._path else "untitled"
        return f"<Project {where}: {len(self._articles)} articles{', unsaved changes' if self._dirty else ''}>"

    @property
    def path(self) -> Path | None:
        """The project file; ``None`` while the project is untitled."""
        return self._path

    @property
    def dirty(self) -> bool:
        """True when the project has changes that are not saved yet."""
        return self._dirty

    def assign_path(self, path: Path | str) -> None:
        """Make ``path`` the project's file without writing anything; the next ``save`` writes there.

        For a copy opened in place of its project (a recovery copy): the
        project is then marked unsaved, since ``path`` does not hold it yet.
        """
        self._path = Path(path)
        self._dirty = True

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        """Write the project to ``path`` atomically; raises ``StoreError`` for an untitled project or a failed save.

        After a failure the file at ``path`` is exactly as it was and the project is still dirty.
        """
        if self._path is None:
            raise StoreError(None, "cannot be saved before it has a file name (use save_as)")
        self._save_to(self._path)

    def save_as(self, path: Path | str) -> None:
        """Write the project to ``path`` atomically and make it the project's file; on failure ``path`` stays as it was."""
        path = Path(path)
        self._save_to(path)
        self._path = path

    def write_recovery_copy(self, path: Path | str) -> None:
        """Write a copy of the working copy to ``path`` atomically, leaving the project's file, path and unsaved state alone.

        Unlike every other method, this one may run on a worker thread while
        the project's own thread goes on editing: SQLite serialises the two on
        the working copy's connection, the copy is taken a few pages at a time
        (an edit waits at most one step) and takes in edits made meanwhile,
        never half of one. Before the project's first change the copy is
        taken from the project file itself, which stays open until it is
        done. The search index may lag behind the articles here,
        so the copy's index is marked for rebuilding when it is opened. Close
        the project only after this returns. Raises ``StoreError`` when the
        write fails; ``path`` is then as it was.
        """
        path = Path(path)
        try:
            with self._db.recovery_source() as conn:
                save_atomically(conn, path, step_pages=RECOVERY_STEP_PAGES, finish=_mark_index_stale)
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StoreError(path, f"could not be saved ({reason})") from exc

    def _save_to(self, path: Path) -> None:
        db = self._live()
        try:
            if self._index is not None:
                self._index.flush()  # saved files carry a complete index
            self._db.release_source()  # the file may be the one replaced
            save_atomically(db, path)
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StoreError(path, f"could not be saved ({reason})") from exc
        self._dirty = False

    # ------------------------------------------------------------ selection, settings, meta

    @property
    def selection(self) -> Selection:
        return self._selection

    @selection.setter
    def selection(self, selection: Selection) -> None:
        if selection != self._selection:
            self._write_meta("selection", rows.dumps(selection.to_json()))
            self._selection = selection
            self._dirty = True

    @property
    def settings(self) -> BriefSettings:
        return self._settings

    @settings.setter
    def settings(self, settings: BriefSettings) -> None:
        if settings != self._settings:
            self._write_meta("settings", rows.dumps(settings.to_json()))
            self._settings = settings
            self._dirty = True

    def get_meta(self, key: str, default: object = None) -> object:
        """A later feature's value stored under ``key``, as JSON gives it back (lists, string keys); ``default`` when unset."""
        raw = self._meta.get(key)
        return default if raw is None else json.loads(raw)

    def set_meta(self, key: str, value: object) -> None:
        """Store a JSON-able value under ``key``; ``None`` removes the key.

        Raises ``TypeError``/``ValueError`` for a value JSON cannot hold, and
        ``ValueError`` for the keys the project keeps for itself.
        """
        if key in RESERVED_META:
            raise ValueError(f"meta key {key!r} is reserved; use the project's own attribute")
        raw = None if value is None else rows.dumps(value)
        if raw != self._meta.get(key):
            self._write_meta(key, raw)
            if raw is None:
                del self._meta[key]
            else:
                self._meta[key] = raw
            self._dirty = True

    def _write_meta(self, key: str, raw: str | None) -> None:
        db = self._live()
        with transaction(db):
            rows.write_meta(db, key, raw)

    # ------------------------------------------------------------ search

    @property
    def index_step_blocks(self) -> int | None:
        """At most about this many blocks are indexed for search per add (``None``, the default: large batches).

        An owner whose thread must not stall (the window) sets it and calls
        ``index_step`` between turns until it returns ``False``; large batches
        cost less in all, so batch work leaves it unset.
        """
        return self._index.step_blocks if self._index is not None else None

    @index_step_blocks.setter
    def index_step_blocks(self, blocks: int | None) -> None:
        if self._index is not None:
            self._index.step_blocks = blocks

    def index_step(self) -> bool:
        """Index the next ``index_step_blocks`` pending blocks for search (all of them when unset); ``True`` while more remain."""
        return self._index.step() if self._index is not None else False

    def search(self, query: str, limit: int | None = None) -> list[tuple[str, int]]:
        """The (article id, block index) of every block that holds all words and ``"phrases"`` of ``query``.

        Case- and accent-insensitive; ``word*`` matches words beginning so.
        Results come in project order, at most ``limit`` (``None``: all). A
        query without words finds nothing. Uses FTS5, or reads every block
        when this SQLite has no FTS5.
        """
        terms = parse_query(query)
        if not terms:
            return []
        self._reader()
        if self._index is not None:
            return self._index.find(terms, limit)
        return scan(self._articles.values(), terms, limit)

    def _live(self) -> sqlite3.Connection:
        """The working copy, to change (made from the file on first use); ``ValueError`` once closed."""
        return self._db.writer()

    def _reader(self) -> sqlite3.Connection:
        """The connection to read the project from; ``ValueError`` once closed."""
        return self._db.reader()
