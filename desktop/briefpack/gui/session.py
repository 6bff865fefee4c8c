"""The open project as the window sees it: one object that owns the ``Project`` and says what changed.

``ProjectSession`` lives on the UI thread. Widgets never write to the project
directly: they compute a new ``Selection`` or ``BriefSettings`` (see
``gui.edits``) and hand it to the session, which stores it, marks the project
dirty and emits a signal naming what changed, so every view refreshes from
the same state. It also caches the articles, tags and publisher grades
(they change only through the session) and hands workers an immutable ``BriefInputs`` snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from briefpack.jobs import ImportResult, default_taxonomy, store_import
from briefpack.model.article import Article
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag
from briefpack.store import Project
from briefpack.store.corrections import check as check_correction

from briefpack.gui.tasks import BriefInputs


class ProjectSession(QObject):
    """One open project. Call every method from the UI thread.

    ``path`` is where the project was opened from or last saved to.
    ``selectionChanged`` and ``settingsChanged`` fire after an edit,
    ``contentChanged`` after articles were added or corrected (or a publisher
    graded), ``dirtyChanged(bool)`` when
    the unsaved-changes state flips.
    """

    selectionChanged = Signal()
    settingsChanged = Signal()
    contentChanged = Signal()
    dirtyChanged = Signal(bool)

    def __init__(self, project: Project, path: Path, taxonomy: Taxonomy | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.path = Path(path)
        # The project file does not carry a taxonomy of its own (yet), so every
        # project is read with the default one unless the caller passes another.
        self.taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
        self._dirty = bool(project.dirty)
        # Warnings from the last import (near duplicates), for the import results dialog.
        self.import_notices: list = []
        self._closed = False
        self._reload_content()

    # ------------------------------------------------------------ reading

    @property
    def articles(self) -> tuple[Article, ...]:
        return self._articles

    @property
    def tags(self) -> tuple[ThemeTag, ...]:
        return self._tags

    @property
    def selection(self) -> Selection:
        return self.project.selection

    @property
    def settings(self) -> BriefSettings:
        return self.project.settings

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def name(self) -> str:
        return self.path.stem

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or ``None`` when the project has none."""
        return self._by_id.get(article_id)

    def parsed_article(self, article_id: str) -> Article | None:
        """The article as its reader parsed it, before the analyst's corrections; ``None`` when there is no such article."""
        return self.project.parsed_article(article_id)

    def corrections(self, article_id: str) -> dict[str, object]:
        """The corrected metadata fields of an article and their values (empty: none)."""
        return self.project.corrections(article_id)

    def reliability(self) -> dict[str, str]:
        """Every graded publisher and its Admiralty grade; a publisher missing here is "F"."""
        return dict(self._reliability)

    def inputs(self) -> BriefInputs:
        """An immutable snapshot for a worker thread."""
        return BriefInputs(
            self._articles, self._tags, self.taxonomy, self.selection, self.settings, tuple(self._reliability.items())
        )

    # ------------------------------------------------------------ editing

    def set_selection(self, selection: Selection) -> None:
        if selection == self.project.selection:
            return
        self.project.selection = selection
        self.selectionChanged.emit()
        self._mark_dirty()

    def set_settings(self, settings: BriefSettings) -> None:
        if settings == self.project.settings:
            return
        self.project.settings = settings
        self.settingsChanged.emit()
        self._mark_dirty()

    def add_imported(self, result: ImportResult) -> list[Article]:
        """Add the articles an import job read (with their tags); returns those added.

        When the analyst chose sources explicitly, new sources join the
        choice, so what they just imported shows up in the brief; an empty
        choice already means every source. Near-duplicate warnings join
        ``import_notices``.
        """
        added, self.import_notices = store_import(self.project, result)
        if not added:
            return added
        self._reload_content()
        self.contentChanged.emit()
        selection = self.project.selection
        if selection.source_ids:
            self.set_selection(replace(selection, source_ids=selection.source_ids + tuple(a.id for a in added)))
        self._mark_dirty()
        return added

    def tags_changed(self) -> None:
        """The project's tags were rewritten (themes edited, articles re-tagged): reload them, tell the views, mark unsaved."""
        self._content_edited()

    def correct_article(
        self, article_id: str, corrected: Mapping[str, object], cleared: Iterable[str] = ()
    ) -> bool:
        """Store the analyst's metadata corrections of one article; ``True`` when anything changed.

        ``corrected`` maps fields (``store.corrections.FIELDS``) to their
        corrected values (``None``: corrected to empty); fields in ``cleared``
        go back to the parsed value. The articles are reloaded, so the lists,
        the preview and the citations use the corrected values. Raises
        ``KeyError`` for an unknown article and ``ValueError``/``TypeError``
        for a bad field or value (nothing is stored then).
        """
        if article_id not in self._by_id:
            raise KeyError(article_id)
        checked = {name: check_correction(name, value) for name, value in corrected.items()}  # all or nothing
        before = self.project.corrections(article_id)
        for field_name in cleared:
            if field_name in before:
                self.project.clear_correction(article_id, field_name)
        for field_name, value in checked.items():
            self.project.correct(article_id, field_name, value)
        if self.project.corrections(article_id) == before:
            return False
        self._content_edited()
        return True

    def set_reliability(self, publisher: str, grade: str | None) -> bool:
        """Grade a publisher "A".."F" (``None``: remove the grade, which reads as "F"); ``True`` when it changed."""
        if self._reliability.get(publisher) == grade:
            return False
        self.project.set_reliability(publisher, grade)
        self._content_edited()
        return True

    # ------------------------------------------------------------- saving

    def save(self) -> None:
        """Write the project to ``path``; raises ``StoreError`` when it cannot."""
        self.project.save()
        self._set_dirty(False)

    def save_as(self, path: Path) -> None:
        """Write the project to a new file and carry on editing that file; raises ``StoreError``."""
        self.project.save_as(Path(path))
        self.path = Path(path)
        self._set_dirty(False)

    def close(self) -> None:
        """Let go of the project (its working copy); unsaved changes are lost, so ask first."""
        self._closed = True
        self.project.close()

    @property
    def closed(self) -> bool:
        """``True`` once ``close`` was called: the cached articles remain, the project file is gone."""
        return self._closed

    # ------------------------------------------------------------ private

    def _reload_content(self) -> None:
        self._articles = tuple(self.project.articles)
        self._by_id = {a.id: a for a in self._articles}
        self._tags = tuple(self.project.tags())
        self._reliability = self.project.reliability()

    def _content_edited(self) -> None:
        self._reload_content()
        self.contentChanged.emit()
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        # The store flags itself dirty on assignment; the session mirrors it
        # (and stays dirty even if a store forgot to) so the close prompt is right.
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)


def open_session(path: Path, parent: QObject | None = None) -> ProjectSession:
    """Open the project file at ``path``; raises ``StoreError`` when it cannot be read."""
    return ProjectSession(Project.open(Path(path)), Path(path), parent=parent)


def new_session(path: Path, parent: QObject | None = None) -> ProjectSession:
    """Create an empty project at ``path`` and save it, so the file exists from the start."""
    project = Project.new(Path(path))
    project.save()
    return ProjectSession(project, Path(path), parent=parent)

