"""The main window: sources and themes on the left, passages, coverage map and reader in the middle, the brief on the right.

``MainWindow`` wires the panels to one ``ProjectSession``: a click in a panel
becomes a new ``Selection`` (via ``gui.edits``) or ``BriefSettings`` handed
to the session; the session's change signals refresh the panels, recount
the status bar and schedule a preview (``gui.desk_refresh``). The panels are
arranged by ``gui.desk_layout``, the menus and toolbar built by
``gui.menus``; what the actions do is delegated to controllers
(project files, import, export, recovery copies), the long work to the
``JobRunner``; Undo and Redo follow
the open session's undo stack through a ``QUndoGroup``. Paste
(Ctrl+Shift+V) and drops of files, folders or text (``intake.DropImporter``)
go through the same import. Only opening and saving the project file run on
the UI thread (recovery copies are written on the job runner). Once the
sources table has first painted (``gui.first_paint``), the modules its jobs
need are loaded, and the open project's themes compiled for marking
evidence, on a background thread (``worker.load_jobs_in_background``), so
the first paint waits for neither, nor shares the interpreter with them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent, QUndoGroup
from PySide6.QtWidgets import QMainWindow

from briefpack.analysis.matcher import compile_taxonomy
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings

from briefpack.gui import edits, intake, menus, preferences
from briefpack.gui.autosave import AutosaveController
from briefpack.gui.desk_layout import add_status_widgets, lay_out_desk
from briefpack.gui.desk_refresh import DeskRefresher
from briefpack.gui.exporting import ExportController
from briefpack.gui.findings import FindingsAnalyzer, FindingsPanel
from briefpack.gui.first_paint import PRELOAD_LATEST_MS, AfterFirstPaint
from briefpack.gui.first_run import show_guide
from briefpack.gui.importing import ImportController
from briefpack.gui.outline import OutlinePanel
from briefpack.gui.passages import PassageTreePanel
from briefpack.gui.preview import BriefPreviewer, PreviewPanel
from briefpack.gui.properties import BriefPropertiesPanel
from briefpack.gui.project_files import ProjectFilesController
from briefpack.gui.session import ProjectSession
from briefpack.gui.source_details import show_source_details
from briefpack.gui.coverage import CoveragePanel
from briefpack.gui.reader import ArticleReaderPanel
from briefpack.gui.sources import SourceTablePanel
from briefpack.gui.tasks import BriefRequest, PreviewResult
from briefpack.gui.theme_apply import edit_themes, use_project_themes
from briefpack.gui.themes import ThemeListPanel
from briefpack.gui.warnings import WarningsPanel
from briefpack.gui.worker import JobRunner, load_jobs_in_background


class MainWindow(QMainWindow):
    """``runner`` ``None`` means a ``JobRunner`` on the global thread pool; tests pass a synchronous one."""

    def __init__(self, runner: JobRunner | None = None) -> None:
        super().__init__()
        self.runner = runner if runner is not None else JobRunner(parent=self)
        self.session: ProjectSession | None = None
        self.export_notices: list[Notice] = []  # the last export's warnings

        self.sources = SourceTablePanel()
        self.coverage = CoveragePanel()
        self.reader = ArticleReaderPanel()
        self.themes = ThemeListPanel()
        self.passages = PassageTreePanel()
        self.outline = OutlinePanel()
        self.properties = BriefPropertiesPanel()
        self.preview = PreviewPanel()
        self.previewer = BriefPreviewer(self.runner, self._snapshot, self)
        self.findings = FindingsPanel()
        self.analyzer = FindingsAnalyzer(self.runner, self.findings, self)
        self.warnings = WarningsPanel()
        self.exporter = ExportController(self, self.runner, self)
        self.importer = ImportController(self, self.runner, self)
        self.files = ProjectFilesController(self)
        self.undo_group = QUndoGroup(self)  # Undo/Redo follow the open project's undo stack
        self.autosave = AutosaveController(self)
        self.desk = DeskRefresher(self)

        lay_out_desk(self)
        menus.build_actions(self)
        add_status_widgets(self)
        self._connect()
        self._connect_desk()
        self._update_enabled()
        self.setWindowTitle("briefpack")
        # Files, folders and text dropped anywhere on the window are imported.
        self.setAcceptDrops(True)
        self.drops = intake.DropImporter(self)
        self.installEventFilter(self.drops)
        self._preloaded = False

    def _connect(self) -> None:
        self.sources.toggled.connect(self._on_source_toggled)
        self.sources.detailsRequested.connect(lambda article_id: show_source_details(self, article_id))
        self.findings.sourceRequested.connect(self.passages.show_source)
        self.themes.toggled.connect(self._on_theme_toggled)
        self.themes.editRequested.connect(lambda: edit_themes(self))
        self.passages.toggled.connect(self._on_passage_toggled)
        self.properties.edited.connect(self._on_settings_edited)
        self.previewer.rendered.connect(self._on_preview)
        self.previewer.failed.connect(self.preview.show_error)
        self.previewer.busyChanged.connect(self.preview.show_busy)
        self.preview.widthWanted.connect(self.previewer.set_page_width)
        self.warnings.sourceRequested.connect(self.select_source)
        self.exporter.notices.connect(self._on_export_notices)
        self.exporter.exported.connect(lambda path: self.statusBar().showMessage(f"Exported {path}", 8000))

    def _connect_desk(self) -> None:
        """The source side of the desk: sources table, coverage map and reader follow one another."""
        self.sources.currentSourceChanged.connect(self.desk.show_in_reader)
        self.sources.filtered.connect(self.coverage.show_only)
        self.coverage.cellActivated.connect(self.read_source)
        self.coverage.themeToggled.connect(self._on_theme_toggled)
        self.find_action = QAction("&Find sources…", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setStatusTip("Search the sources' text and filter the sources table")
        self.find_action.triggered.connect(self.sources.focus_search)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

    def read_source(self, article_id: str, theme_id: str | None = None) -> None:
        """Open a source in the Reader tab (``theme_id``: frame that theme's passages) and make it the table's current row."""
        self.sources.select_source(article_id, announce=False)
        self.desk.show_in_reader(article_id, theme_id)
        self.middle_tabs.setCurrentWidget(self.reader)

    # ----------------------------------------------------------- project

    def set_session(self, session: ProjectSession) -> None:
        """Show ``session`` (replacing any open project) and schedule its preview."""
        self.autosave.watch(session)  # first: it waits for a recovery copy of the old project being written
        old, self.session = self.session, session
        if old is not None:
            # Workers only ever see snapshots (the recovery copy aside), so the old project can be closed now.
            old.close()
            old.deleteLater()
        session.setParent(self)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        use_project_themes(session)  # the project's own themes: defaults plus the analyst's overrides
        session.selectionChanged.connect(self.desk.selection_changed)
        session.settingsChanged.connect(self.previewer.schedule)
        # The outline writes section texts too, so the form must not keep (and later store back) an old copy.
        session.settingsChanged.connect(lambda: self.properties.show_settings(session.settings))
        self.outline.attach(session)
        session.contentChanged.connect(self.desk.content_changed)
        session.dirtyChanged.connect(self.setWindowModified)
        self.analyzer.watch(session)
        self.export_notices = []
        self.previewer.latest = None
        self.properties.show_settings(session.settings)
        self.desk.refresh_lists()
        self.setWindowModified(session.dirty)
        self.show_title()
        self._update_enabled()
        self.statusBar().clearMessage()
        # After the debounce, not now: the window shows the project first, then the preview follows.
        self.previewer.schedule()

    def open_path(self, path: Path) -> bool:
        """Open the project at ``path`` in this window; ``False`` (after telling the analyst) when it cannot be read."""
        return self.files.open_path(Path(path))

    def show_title(self) -> None:
        if self.session is not None:
            self.setWindowFilePath(str(self.session.path))
            self.setWindowTitle(f"{self.session.name}[*] — briefpack")

    def _snapshot(self) -> BriefRequest | None:
        return self.session.request() if self.session is not None else None

    def notices(self) -> list[Notice]:
        """The warnings to show: each source's reader warnings, then the last preview's and export's."""
        if self.session is None:
            return []
        found: list[Notice] = []
        for article in self.session.articles:
            found.extend(article.warnings)
        return found + self.desk.brief_notices()

    def _update_enabled(self) -> None:
        has = self.session is not None
        for act in (self.save_action, self.save_as_action, self.import_action, self.paste_action,
                    self.export_pdf_action, self.export_docx_action):
            act.setEnabled(has)
        for panel in (self.sources, self.themes, self.passages, self.outline, self.properties):
            panel.setEnabled(has)

    # ------------------------------------------------------------ edits

    def _on_source_toggled(self, source_id: str, chosen: bool) -> None:
        s = self.session
        try:
            s.set_selection(edits.with_source(s.selection, [a.id for a in s.articles], source_id, chosen))
        except edits.LastSourceError as exc:
            self.statusBar().showMessage(f"{exc} Check another source first.", 6000)
            # Put the check mark back once this click has been handled.
            QTimer.singleShot(0, self.desk.refresh_lists)

    def _on_theme_toggled(self, theme_id: str, chosen: bool) -> None:
        s = self.session
        s.set_selection(edits.with_theme(s.selection, s.taxonomy, theme_id, chosen))

    def _on_passage_toggled(self, key: str, kept: bool) -> None:
        s = self.session
        s.set_selection(edits.with_passage(s.selection, key, kept))

    def _on_settings_edited(self, settings: BriefSettings) -> None:
        self.session.set_settings(settings)

    def _on_preview(self, result: PreviewResult) -> None:
        self.preview.show_result(result)
        self.desk.update_counts()

    def _on_export_notices(self, notices: list[Notice]) -> None:
        self.export_notices = notices
        self.desk.update_counts()

    # ------------------------------------------------------------ actions

    def import_files(self) -> None:
        if self.session is not None:
            self.importer.ask_and_import(self.session)

    def paste_article(self) -> None:
        """Import what the clipboard holds: copied files, else HTML, else text (one article, or a feed's several)."""
        if self.session is None:
            return
        inputs = intake.mime_inputs(QGuiApplication.clipboard().mimeData())
        if not inputs:
            self.statusBar().showMessage("The clipboard holds no text, HTML or files to import.", 6000)
            return
        self.import_inputs(inputs)

    def import_inputs(self, inputs: list) -> None:
        """Import files, folders or pastes (``ingest.Pasted``) into the open project, as the Import action does."""
        if self.session is None:
            return
        if not self.importer.import_paths(self.session, inputs):
            self.statusBar().showMessage("An import is already running; drop or paste again when it has finished.", 8000)

    def export(self, fmt: str) -> None:
        if self.session is not None:
            self.exporter.export(self.session, fmt)

    def show_warnings(self) -> None:
        self.right_tabs.setCurrentWidget(self.warnings)

    def select_source(self, article_id: str) -> None:
        """Select and show the source ``article_id`` in the sources table (a warning about it was clicked)."""
        self.sources.select_source(article_id)

    def about(self) -> None:
        from briefpack.gui.about import show_about  # on first use: it reads every component's package metadata

        show_about(self)

    def show_first_brief_guide(self) -> None:
        show_guide(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._preloaded:
            self._preloaded = True
            # After the sources table's first paint: the imports would hold the interpreter the paint needs.
            self._preload_gate = AfterFirstPaint(self.sources.table.viewport(), self._preload, PRELOAD_LATEST_MS, self)

    def _preload(self) -> None:
        self._preload_gate = None
        taxonomy = self.session.taxonomy if self.session is not None else None
        # compile_taxonomy remembers its result by taxonomy: the passages' and reader's first marks then cost nothing.
        load_jobs_in_background(None if taxonomy is None else lambda: compile_taxonomy(taxonomy))

    # -------------------------------------------------------------- close

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.may_discard():
            event.ignore()
            return
        self.runner.cancel_all()
        self.runner.wait(10_000)
        preferences.save_layout(self)
        self.autosave.stop()  # a clean close: the recovery copy goes
        if self.session is not None:
            self.session.close()  # drop the working copy now rather than at interpreter exit
        event.accept()
