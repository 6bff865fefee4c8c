"""Import files…: read and tag articles off the UI thread, add them to the project, show what happened.

``ImportController`` asks for files (or is handed files, folders and pastes
dropped on or pasted into the window), runs ``jobs.import_files`` (the same job
the CLI drains) on the job runner behind a ``JobProgressDialog``, then — on
the UI thread, because the project's database belongs to it — stores the new
articles and their tags (``STORE_SLICE`` articles per turn of the event
loop, so storing a thousand never holds the window), hands them to the
session in one undoable step, and lists every file's fate in an
``ImportResultsDialog``. One unreadable file never stops the batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from briefpack.ingest import Pasted
from briefpack.jobs import ImportResult, Progress, import_files, store_import
from briefpack.paths import seeds_dir

from briefpack.gui import prompts
from briefpack.gui.dialogs import ImportResultsDialog
from briefpack.gui.progress import JobProgressDialog
from briefpack.gui.session import ProjectSession
from briefpack.gui.worker import JobRunner

# Articles stored per turn of the event loop: about 40 ms of database work.
STORE_SLICE = 50


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
            on_result=self._on_read,
            on_error=self._on_error,
            on_finished=lambda: self._on_finished(session, dialog),
        )
        dialog.follow(job)
        return True

    def _on_read(self, result: ImportResult) -> None:
        self._result = result

    def _on_error(self, error: BaseException) -> None:
        self._error = error

    def _on_finished(self, session: ProjectSession, dialog: JobProgressDialog) -> None:
        result, self._result = self._result, None
        if result is None or self._error is not None or session.closed:
            self._report(dialog, None)
        elif len(result.articles) <= STORE_SLICE:
            self._report(dialog, self._add(session, result, None))
        else:
            self._store_slices(session, result, dialog, list(_slices(result, STORE_SLICE)), [], [])

    def _store_slices(self, session, result, dialog, slices, added, notices) -> None:
        """Store one slice, then let the event loop run before the next; the last hands everything to the session."""
        if session.closed:
            self._report(dialog, None)
            return
        if slices:
            done = len(added)
            dialog.on_progress(Progress(done, len(result.articles), f"Adding articles to the project ({done} stored)"))
            new, found = store_import(session.project, slices.pop(0))
            added.extend(new)
            notices.extend(found)
            QTimer.singleShot(0, lambda: self._store_slices(session, result, dialog, slices, added, notices))
            return
        self._report(dialog, self._add(session, result, (added, notices)))

    def _add(self, session: ProjectSession, result: ImportResult, stored) -> ImportResult:
        session.add_imported(result, stored=stored)
        self._notices = list(session.import_notices)
        self.imported.emit(result)
        return result

    def _report(self, dialog: JobProgressDialog, result: ImportResult | None) -> None:
        # Report only once the progress dialog is gone, so two modal dialogs never stack.
        dialog.on_finished()
        self.running = False
        error, self._error = self._error, None
        if error is not None:
            prompts.tell_error(self._window, "Import failed", f"The files could not be imported:\n{error}")
        elif result is not None and self.show_results:
            ImportResultsDialog(result, self._window, notices=self._notices).exec()


def _slices(result: ImportResult, size: int):
    """``result`` as several ``ImportResult`` values of about ``size`` new articles each (whole files), for ``store_import``."""
    files: list = []
    count = 0
    for file in result.files:
        files.append(file)
        count += len(file.articles)
        if count >= size:
            yield _part(result, files)
            files, count = [], 0
    if files:
        yield _part(result, files)


def _part(result: ImportResult, files: list) -> ImportResult:
    ids = {a.id for f in files for a in f.articles}
    return ImportResult(
        files=list(files),
        tags=[t for t in result.tags if t.article_id in ids],
        fingerprints={k: v for k, v in result.fingerprints.items() if k in ids},
    )
