"""Export PDF… and Export Word…: ask where, compose and write off the UI thread, offer to open the file.

``ExportController`` is what the window's export actions call. It asks for
a path (suggesting one from the brief's title in the project's folder), runs
``tasks.export_job`` on the job runner behind a ``JobProgressDialog`` with a
Cancel button, and when the file is written asks whether to open it with
the system's viewer (``QDesktopServices``). ``exported(Path)`` fires after a
file has been written, ``notices(list)`` with the warnings met on the way.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from briefpack.render import RENDERERS

from briefpack.gui import prompts
from briefpack.gui.progress import JobProgressDialog
from briefpack.gui.session import ProjectSession
from briefpack.gui.tasks import ExportOutcome, export_job
from briefpack.gui.worker import JobRunner

FORMAT_NAMES = {"pdf": ("PDF", "PDF documents (*.pdf)"), "docx": ("Word", "Word documents (*.docx)")}


class ExportController(QObject):
    exported = Signal(object)
    notices = Signal(list)
    busyChanged = Signal(bool)

    def __init__(self, window: QWidget, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._runner = runner
        self._last_dir: Path | None = None
        self.running = False
        self._outcome: ExportOutcome | None = None
        self._error: BaseException | None = None

    def export(self, session: ProjectSession, fmt: str) -> None:
        """Ask for a path and export the session's brief in ``fmt`` (``"pdf"`` or ``"docx"``)."""
        if self.running:
            return
        name, file_filter = FORMAT_NAMES[fmt]
        extension = RENDERERS[fmt].extension
        folder = self._last_dir or session.path.parent
        suggested = folder / (safe_stem(session.settings.title) + extension)
        path = prompts.ask_save_path(self._window, f"Export {name}", suggested, file_filter)
        if path is None:
            return
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)
        self._last_dir = path.parent
        inputs = session.inputs()
        dialog = JobProgressDialog(f"Exporting {name}", self._window)
        self.running = True
        self.busyChanged.emit(True)
        job = self._runner.submit(
            lambda cancel: export_job(inputs, fmt, path, cancel),
            f"Export {name}",
            on_progress=dialog.on_progress,
            on_result=lambda outcome: self._on_done(outcome, name),
            on_error=lambda error: self._on_error(error, name),
            on_finished=lambda: self._on_finished(dialog, name),
        )
        dialog.follow(job)

    def _on_done(self, outcome: ExportOutcome, name: str) -> None:
        self._outcome = outcome
        self.notices.emit(list(outcome.notices))
        if not outcome.cancelled and outcome.export.paths:
            self.exported.emit(outcome.export.paths[0])

    def _on_error(self, error: BaseException, name: str) -> None:
        self._error = error

    def _on_finished(self, dialog: JobProgressDialog, name: str) -> None:
        # Ask only once the progress dialog is gone, so two modal dialogs never stack.
        dialog.on_finished()
        self.running = False
        self.busyChanged.emit(False)
        outcome, error, self._outcome, self._error = self._outcome, self._error, None, None
        if error is not None:
            prompts.tell_error(self._window, f"Export {name} failed", f"The brief could not be exported:\n{error}")
        elif outcome is not None and not outcome.cancelled and outcome.export.paths:
            path = outcome.export.paths[0]
            question = f"The {name} file was written to\n{path}\n\nOpen it now?"
            if prompts.ask_yes_no(self._window, f"{name} exported", question):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def safe_stem(title: str) -> str:
    """A file name stem from a brief title: no path separators or characters Windows refuses."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    return re.sub(r"\s+", " ", stem)[:80] or "brief"
