"""The live preview of the brief: recomposed after each change, off the UI thread, shown as HTML.

``BriefPreviewer`` debounces change notifications (typing in the title must
not compose the brief on every key), takes a snapshot of the session and
runs ``tasks.preview_job`` — which may call pandoc through the citations pass
— on the job runner. Only one preview job runs at a time: a change that
arrives meanwhile cancels it and queues exactly one more, so a stale brief
never overwrites a newer one. ``PreviewPanel`` is the ``QTextBrowser`` that
shows the result with a one-line state under it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefpack.gui.tasks import BriefInputs, PreviewResult, preview_job
from briefpack.gui.worker import Job, JobRunner

DEBOUNCE_MS = 350


class BriefPreviewer(QObject):
    """Turns "something changed" into, eventually, one fresh ``PreviewResult``.

    ``snapshot`` is called on the UI thread when composing starts, so it sees
    the latest state. ``rendered(PreviewResult)`` and ``failed(str)`` fire on
    the UI thread; ``busyChanged(bool)`` tells whether a preview is pending.
    """

    rendered = Signal(object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, runner: JobRunner, snapshot: Callable[[], BriefInputs | None], parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._snapshot = snapshot
        self._job: Job | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        self.latest: PreviewResult | None = None

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._job is not None

    def schedule(self) -> None:
        """Recompose a little later; calls in quick succession make one preview."""
        self._timer.start()
        self.busyChanged.emit(True)

    def refresh_now(self) -> None:
        """Recompose at once (or as soon as the running preview has stopped)."""
        self._timer.stop()
        if self._job is not None:
            self._again = True
            self._job.cancel()
            return
        inputs = self._snapshot()
        if inputs is None:
            self.busyChanged.emit(False)
            return
        self.busyChanged.emit(True)
        job = self._runner.submit(
            lambda cancel: preview_job(inputs, cancel),
            "Preview",
            on_result=self._on_result,
            on_error=self._on_error,
            on_finished=self._on_finished,
        )
        # A synchronous pool has already finished the job by now; only a running one is "current".
        self._job = job if job.running else None

    def _on_result(self, result: PreviewResult | None) -> None:
        # None means the job saw its cancel; a newer preview is on its way.
        if result is not None and not self._again:
            self.latest = result
            self.rendered.emit(result)

    def _on_error(self, error: BaseException) -> None:
        if not self._again:
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _on_finished(self) -> None:
        self._job = None
        if self._again:
            self._again = False
            self.refresh_now()
        elif not self._timer.isActive():
            self.busyChanged.emit(False)


class PreviewPanel(QWidget):
    """A read-only view of the composed brief, as the HTML renderer draws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Preview</b>")
        self.state = QLabel("Composing…")
        self.state.setObjectName("panelSummary")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setPlaceholderText("The brief appears here as you choose themes and passages.")
        self.browser.document().setDocumentMargin(18)
        self.browser.document().setDefaultFont(QFont("Noto Serif", 10))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.browser, 1)

    def show_result(self, result: PreviewResult) -> None:
        # Keep the reader's place: recomposing after a click should not jump to the top.
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(result.html)
        self.browser.verticalScrollBar().setValue(scroll)
        count = len(result.notices)
        self.state.setText("Up to date" + (f" · {count} warning{'s' if count != 1 else ''}" if count else ""))

    def show_error(self, message: str) -> None:
        self.state.setText(f"<span style='color:#a00'>The preview failed: {message}</span>")

    def show_busy(self, busy: bool) -> None:
        if busy:
            self.state.setText("Updating…")
