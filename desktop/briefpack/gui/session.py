"""The open project as the window sees it: one object that owns the ``Project`` and says what changed.

``ProjectSession`` lives on the UI thread. Widgets never write to the project
directly: they compute a new ``Selection`` or ``BriefSettings`` (see
``gui.edits``) and hand it to the session, which stores it, emits a signal
naming what changed, so every view refreshes from the same state, and pushes
a command holding the values before and after onto its ``undo_stack``
(``gui.undo``), so every edit can be undone and redone. The stack's clean
state is the saved state: the project is dirty exactly when the stack is not
clean (or a change was made outside it). It also caches the articles, tags and publisher grades
(they change only through the session) as a ``DeskContent``, which an import extends
rather than reading the whole project again, and hands workers an immutable ``BriefInputs`` snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefpack.analysis import theme_edits as te
from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.assembly.pick import candidate_passages
from briefpack.model.article import Article
from briefpack.model.selection import BriefSettings, PickedPassage, Selection
from briefpack.model.theme import Taxonomy, ThemeTag
from briefpack.store import Project
from briefpack.store.corrections import check as check_correction

from briefpack.gui import undo
from briefpack.gui.content import DeskContent
from briefpack.gui.tasks import BriefInputs, BriefRequest

if TYPE_CHECKING:  # the import pipeline is loaded when an import first needs it, not for the first paint
    from briefpack.jobs import ImportResult


class ProjectSession(QObject):
    """One open project. Call every method from the UI thread.

    ``path`` is where the project was opened from or last saved to.
    ``selectionChanged`` and ``settingsChanged`` fire after an edit,
    ``contentChanged`` after articles were added or corrected (or a publisher
    graded), ``dirtyChanged(bool)`` when
    the unsaved-changes state flips. The same signals fire when Undo or
    Redo (``undo_stack``) puts a value back; ``replaying`` is then ``True``.
    ``content`` is the current ``DeskContent`` (articles, tags and their
    counts); it is replaced, never changed, when they change.
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
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy(None)  # as jobs.default_taxonomy
        # The shipped defaults when the session started from them: the project's own themes build on them without reading them again.
        self.shipped_taxonomy: Taxonomy | None = self.taxonomy if taxonomy is None else None
        # Changes not on the undo stack (a project upgraded on opening, a restored recovery copy) keep it dirty.
        self._unsaved_outside_stack = bool(project.dirty)
        self._dirty = self._unsaved_outside_stack
        self._replay_depth = 0
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_dirty)
        self.undo_stack.indexChanged.connect(self._update_dirty)
        # Warnings from the last import (near duplicates), for the import results dialog.
        self.import_notices: list = []
        self._closed = False
        self._candidates: tuple[tuple[DeskContent, Selection], dict[str, list[PickedPassage]]] | None = None
        self._reload_content()

    # ------------------------------------------------------------ reading

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.content.articles

    @property
    def tags(self) -> tuple[ThemeTag, ...]:
        """Every tag (built on first use: prefer ``tags_for`` or ``picked_tags``, which read only what they need)."""
        return self.content.tags

    def tags_for(self, article_id: str) -> tuple[ThemeTag, ...]:
        """The tags of one article, as this version of the content has them."""
        return self.content.tags_for(article_id)

    def picked_tags(self) -> list[ThemeTag]:
        """The tags ``assembly.pick`` needs for the current selection (those of chosen sources with a chosen theme)."""
        return self.content.picked_tags(self.selection)

    def candidates(self) -> dict[str, list[PickedPassage]]:
        """``assembly.pick.candidate_passages`` for the current content and selection, computed once per change of either.

        The passages list and the outline both show them; treat the lists as read-only.
        """
        key = (self.content, self.selection)
        if self._candidates is None or self._candidates[0] != key:
            self._candidates = (key, candidate_passages(self.content.articles, self.picked_tags(), self.selection))
        return self._candidates[1]

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
    def replaying(self) -> bool:
        """``True`` while Undo or Redo puts values back (not while an edit is first made).

        Views that skip refreshing what they already show (a check box the
        analyst just clicked) must refresh fully then.
        """
        return self._replay_depth > 0

    @property
    def name(self) -> str:
        return self.path.stem

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or ``None`` when the project has none."""
        return self.content.by_id.get(article_id)

    def parsed_article(self, article_id: str) -> Article | None:
        """The article as its reader parsed it, before the analyst's corrections; ``None`` when there is no such article."""
        return self.project.parsed_article(article_id)

    def corrections(self, article_id: str) -> dict[str, object]:
        """The corrected metadata fields of an article and their values (empty: none)."""
        return self.project.corrections(article_id)

    def reliability(self) -> dict[str, str]:
        """Every graded publisher and its Admiralty grade; a publisher missing here is "F"."""
        return dict(self._reliability)

    def search(self, text: str | None = None, **filters) -> list[str]:
        """Ids of the articles matching ``text`` (full text, FTS5) and ``filters``, in project order; changes nothing.

        The arguments are those of ``Project.query`` (themes, publisher,
        date_from, date_to, language, grades, group, limit).
        """
        return self.project.query(text, **filters)

    def request(self) -> BriefRequest:
        """What a preview reads, its tags still to be read (``BriefRequest.inputs``)."""
        return BriefRequest(self.content, self.taxonomy, self.selection, self.settings, tuple(self._reliability.items()))

    def inputs(self) -> BriefInputs:
        """An immutable snapshot for a worker thread."""
        return BriefInputs(
            self.content.articles, self.content.tags, self.taxonomy, self.selection, self.settings, tuple(self._reliability.items())
        )

    # ------------------------------------------------------------ editing

    def set_selection(self, selection: Selection, text: str | None = None) -> None:
        """Store a new selection as one undoable edit; ``text`` names it in the Edit menu (``None``: described from the change)."""
        before = self.project.selection
        if selection == before:
            return
        self._put_selection(selection)
        self.undo_stack.push(undo.SelectionEdit(self, before, selection, text))

    def set_settings(self, settings: BriefSettings) -> None:
        """Store new brief settings as one undoable edit; keystrokes in one text field merge into one."""
        before = self.project.settings
        if settings == before:
            return
        self._put_settings(settings)
        self.undo_stack.push(undo.SettingsEdit(self, before, settings))

    def add_imported(self, result: ImportResult, stored: tuple[list[Article], list] | None = None) -> list[Article]:
        """Add the articles an import job read (with their tags); returns those added. Undo removes them again.

        When the analyst chose sources explicitly, new sources join the
        choice, so what they just imported shows up in the brief; an empty
        choice already means every source. Near-duplicate warnings join
        ``import_notices``. ``stored`` ``None`` stores ``result`` here; else
        it is what ``jobs.store_import`` returned for it, slice by slice (a
        big import is stored over several turns of the event loop, so the
        window keeps responding).
        """
        from briefpack.jobs import store_import

        before = self.project.selection
        added, self.import_notices = stored if stored is not None else store_import(self.project, result)
        if not added:
            return added
        after = before
        if before.source_ids:
            after = replace(before, source_ids=before.source_ids + tuple(a.id for a in added))
        self._after_content_change(after, appended=added)
        self.undo_stack.push(undo.ImportEdit(self, result, [a.id for a in added], before, after))
        return added

    def edit_themes(self, taxonomy: Taxonomy) -> int:
        """Store ``taxonomy`` as the project's overrides and re-tag every article, as one undoable edit; returns articles re-tagged.

        Themes that are gone leave the selection, so the brief has no empty
        section for them. Undo puts back the old overrides, tags and selection.
        """
        before = undo.ThemeState.of(self)
        te.save_taxonomy(self.project, taxonomy)
        changed = te.retag(self.project, taxonomy)
        self.taxonomy = taxonomy
        selection = self.project.selection
        kept = tuple(t for t in selection.theme_ids if taxonomy.get(t) is not None)
        self._after_content_change(replace(selection, theme_ids=kept))
        self.undo_stack.push(undo.ThemesEdit(self, before, undo.ThemeState.of(self)))
        return changed

    def tags_changed(self) -> None:
        """The project's tags were rewritten outside the session: reload them, tell the views, mark unsaved.

        Not undoable (the session did not see the old tags); ``edit_themes`` is.
        """
        self._unsaved_outside_stack = True
        self._content_edited()
        self._update_dirty()

    def correct_article(
        self, article_id: str, corrected: Mapping[str, object], cleared: Iterable[str] = ()
    ) -> bool:
        """Store the analyst's metadata corrections of one article as one undoable edit; ``True`` when anything changed.

        ``corrected`` maps fields (``store.corrections.FIELDS``) to their
        corrected values (``None``: corrected to empty); fields in ``cleared``
        go back to the parsed value. The articles are reloaded, so the lists,
        the preview and the citations use the corrected values. Raises
        ``KeyError`` for an unknown article and ``ValueError``/``TypeError``
        for a bad field or value (nothing is stored then).
        """
        if article_id not in self.content.by_id:
            raise KeyError(article_id)
        checked = {name: check_correction(name, value) for name, value in corrected.items()}  # all or nothing
        before = self.project.corrections(article_id)
        gone = set(cleared)
        after = {name: value for name, value in before.items() if name not in gone}
        after.update(checked)
        if after == before:
            return False
        title = self.content.by_id[article_id].display_title
        self._put_corrections(article_id, after)
        self.undo_stack.push(undo.CorrectionEdit(self, article_id, before, after, title))
        return True

    def set_reliability(self, publisher: str, grade: str | None) -> bool:
        """Grade a publisher "A".."F" (``None``: remove the grade, which reads as "F") as one undoable edit; ``True`` when it changed."""
        before = self._reliability.get(publisher)
        if before == grade:
            return False
        self._put_reliability(publisher, grade)
        self.undo_stack.push(undo.ReliabilityEdit(self, publisher, before, grade))
        return True

    # The _put_* methods store a value and tell the views; the edits above and gui.undo's commands call them.

    def _put_selection(self, selection: Selection) -> None:
        self.project.selection = selection
        self.selectionChanged.emit()

    def _put_settings(self, settings: BriefSettings) -> None:
        self.project.settings = settings
        self.settingsChanged.emit()

    def _put_corrections(self, article_id: str, target: Mapping[str, object]) -> None:
        current = self.project.corrections(article_id)
        for name in current:
            if name not in target:
                self.project.clear_correction(article_id, name)
        for name, value in target.items():
            if name not in current or current[name] != value:
                self.project.correct(article_id, name, value)
        self._content_edited()

    def _put_reliability(self, publisher: str, grade: str | None) -> None:
        self.project.set_reliability(publisher, grade)
        self._content_edited()

    def _put_themes(self, state: undo.ThemeState) -> None:
        self.project.set_meta(te.META_KEY, state.overrides)
        for article_id, tags in state.tags.items():
            if self.project.article(article_id) is not None and self.project.tags_for(article_id) != tags:
                self.project.set_tags(article_id, tags)
        self.taxonomy = state.taxonomy
        self._after_content_change(state.selection)

    def _put_import(self, result: ImportResult, selection: Selection) -> None:
        from briefpack.jobs import store_import

        added, self.import_notices = store_import(self.project, result)
        self._after_content_change(selection, appended=added)

    def _put_unimport(self, article_ids: Sequence[str], selection: Selection) -> None:
        self.project.remove_articles(article_ids)
        self._after_content_change(selection)

    def _after_content_change(self, selection: Selection, appended: Sequence[Article] = ()) -> None:
        """Reload the articles and tags (or only add the ``appended`` ones), tell the views, then store ``selection`` if it differs."""
        if appended:
            self._append_content(appended)
        else:
            self._reload_content()
        self.contentChanged.emit()
        if selection != self.project.selection:
            self._put_selection(selection)

    @contextmanager
    def _replaying(self) -> Iterator[None]:
        self._replay_depth += 1
        try:
            yield
        finally:
            self._replay_depth -= 1

    # ------------------------------------------------------------- saving

    def save(self) -> None:
        """Write the project to ``path``; raises ``StoreError`` when it cannot."""
        self.project.save()
        self._saved()

    def save_as(self, path: Path) -> None:
        """Write the project to a new file and carry on editing that file; raises ``StoreError``."""
        self.project.save_as(Path(path))
        self.path = Path(path)
        self._saved()

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
        # Counts from the packed tags, and each article's tags read when asked: no ThemeTag built for the other 40,000.
        self.content = DeskContent(self.project.articles, tags_of=self.project.tags_for, per_article=self.project.paragraph_counts())
        self._reliability = self.project.reliability()

    def _append_content(self, added: Sequence[Article]) -> None:
        """Articles were just stored at the end of the project: read only their tags, not every article's again."""
        stored = self.project.articles
        old = self.content
        if len(stored) != len(old.articles) + len(added) or any(a.id != b.id for a, b in zip(stored[len(old.articles):], added)):
            self._reload_content()  # not a plain append after all
            return
        new = stored[len(old.articles):]
        self.content = old.appended(new, [tag for a in new for tag in self.project.tags_for(a.id)])

    def _content_edited(self) -> None:
        self._reload_content()
        self.contentChanged.emit()

    def _saved(self) -> None:
        self._unsaved_outside_stack = False
        self.undo_stack.setClean()
        self._update_dirty()

    def _update_dirty(self, *_args) -> None:
        # Saved means the stack is back at its clean index; undoing past a save makes the project dirty again.
        dirty = self._unsaved_outside_stack or not self.undo_stack.isClean()
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

