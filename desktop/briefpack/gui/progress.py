"""A progress dialog bound to one running job, with a Cancel button that asks the job to stop.

``JobProgressDialog`` follows a ``Job``'s ``Progress`` (a total of 0 shows
a busy bar, and updates come at most every ``UPDATE_INTERVAL_S``), asks the
job to stop when Cancel is pressed, and closes itself when the job finishes. It is window-modal, so the analyst cannot start a
second export over the first, yet the window keeps painting.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefpack.gui.worker import Job

if TYPE_CHECKING:
    from briefpack.model.progress import Progress

# Progress shown at most this often: a window-modal dialog runs the event loop on every update, and a thousand
# files report a thousand times.
UPDATE_INTERVAL_S = 0.1


class JobProgressDialog(QProgressDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, "Cancel", 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(400)  # quick jobs finish without a flash of dialog
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(380)
        self._job: Job | None = None
        self._shown_at = float("-inf")

    def follow(self, job: Job) -> None:
        """Track ``job`` until it finishes; Cancel asks it to stop."""
        self._job = job
        self.canceled.connect(self._on_cancel)

    def on_progress(self, progress: Progress) -> None:
        """Show ``progress``; updates closer than ``UPDATE_INTERVAL_S`` to the last shown are skipped, except the first and the last."""
        now = time.monotonic()
        last = progress.total > 0 and progress.done >= progress.total
        if now - self._shown_at < UPDATE_INTERVAL_S and not last:
            return
        self._shown_at = now
        self.setMaximum(max(progress.total, 0))
        self.setValue(min(progress.done, progress.total) if progress.total else 0)
        self.setLabelText(progress.label + "…")

    def on_finished(self) -> None:
        self._job = None
        self.close()
        self.deleteLater()

    def _on_cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.setLabelText("Stopping…")
