"""Import files…: read and tag articles off the UI thread, add them to the project, show what happened.

``ImportController`` asks for files (or is handed files, folders and pastes
dropped on or pasted into the window), runs ``jobs.import_files`` (the same job
the CLI drains) on the job runner behind a ``JobProgressDialog``, then — on
the UI thread, because the project's database belongs to it — adds the new
articles and their tags through the session, and lists every file's fate
in an ``ImportResultsDialog``. One unreadable file never stops the batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefpack.ingest import Pasted
from briefpack.jobs import ImportResult, import_files
from briefpack.paths import seeds_dir

from briefpack.gui import prompts
from briefpack.gui.dialogs import ImportResultsDialog
from briefpack.gui.progress import JobProgressDialog
from briefpack.gui.session import ProjectSession
from briefpack.gui.worker import JobRunner


class ImportController(QObject):
    """``imported(ImportResult)`` fires after the articles were added; ``show_results`` ``False`` skips the dialog (tests)."""

    imported = Signal(object)

    def __init__(self, window: QWidget, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._runner = runner
        self._last_dir: Path | None = None
        self.running = False
        self.show_results = True
        self._result: ImportResult | None = None
        self._notices: list = []
        self._error: BaseException | None = None

    def ask_and_import(self, session: ProjectSession) -> None:
        start = self._last_dir or seeds_dir()
        paths = prompts.ask_open_paths(self._window, "Import articles", start, prompts.ARTICLE_FILTER)
        if paths:
            self._last_dir = paths[0].parent
            self.import_paths(session, paths)

    def import_paths(self, session: ProjectSession, paths: Sequence[Path | Pasted]) -> bool:
        """Start importing files, folders (recursively) and pastes; ``False`` (nothing done) while another import runs."""
        if self.running:
            return False
        taxonomy = session.taxonomy
        known = [a.id for a in session.articles]
        known_texts = session.project.text_keys()  # read here: the project belongs to the UI thread
        paths = list(paths)
        dialog = JobProgressDialog("Importing articles", self._window)
        self.running = True
        job = self._runner.submit(
            lambda cancel: import_files(paths, taxonomy, known_ids=known, known_texts=known_texts, cancel=cancel),
            "Import",
            on_progress=dialog.on_progress,
            on_result=lambda result: self._on_done(session, result),
            on_error=self._on_error,
            on_finished=lambda: self._on_finished(dialog),
        )
        dialog.follow(job)
        return True

    def _on_done(self, session: ProjectSession, result: ImportResult) -> None:
        session.add_imported(result)
        self._notices = list(session.import_notices)
        self._result = result
        self.imported.emit(result)

    def _on_error(self, error: BaseException) -> None:
        self._error = error

    def _on_finished(self, dialog: JobProgressDialog) -> None:
        # Report only once the progress dialog is gone, so two modal dialogs never stack.
        dialog.on_finished()
        self.running = False
        result, error, self._result, self._error = self._result, self._error, None, None
        if error is not None:
            prompts.tell_error(self._window, "Import failed", f"The files could not be imported:\n{error}")
        elif result is not None and self.show_results:
            ImportResultsDialog(result, self._window, notices=self._notices).exec()
