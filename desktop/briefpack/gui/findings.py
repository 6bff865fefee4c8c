"""Keeps the Findings tab current: analysis of the chosen sources, rerun off the UI thread when they change.

``FindingsAnalyzer`` watches one ``ProjectSession``. A change of content
(import, corrections, grades, re-tagging) or of the chosen sources schedules
a run after a short debounce; other edits (themes, drops, settings) do not,
since the findings do not depend on them. A run takes a ``FindingsInputs``
snapshot on the UI thread and hands ``tasks.findings_job`` (which calls
``analysis.findings.analyze``) to the window's ``JobRunner``; as with the
preview, one job runs at a time and a change meanwhile cancels it and queues
exactly one more, so stale findings never replace newer ones. Results go to
a ``FindingsPanel``; ``preview_tabs`` puts that panel beside the preview.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from briefpack.model.findings import Findings

from briefpack.gui.edits import chosen_source_ids
from briefpack.gui.findings_view import FindingsPanel
from briefpack.gui.tasks import FindingsInputs, findings_job
from briefpack.gui.worker import Job, JobRunner

DEBOUNCE_MS = 600


class FindingsAnalyzer(QObject):
    """Runs the analysis for ``panel``; call from the UI thread. ``found(Findings)`` fires with each fresh result."""

    found = Signal(object)

    def __init__(self, runner: JobRunner, panel: FindingsPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._panel = panel
        self._session = None
        self._job: Job | None = None
        self._again = False
        self._done: FindingsInputs | None = None  # what the shown findings were computed from
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        self.latest: Findings | None = None

    def watch(self, session) -> None:
        """Follow ``session`` (a ``ProjectSession``) from now on, and analyse it soon."""
        self._session = session
        self._done = None
        session.contentChanged.connect(self.schedule)
        session.selectionChanged.connect(self.schedule)
        self.schedule()

    def schedule(self) -> None:
        """Analyse a little later, if what the findings read has changed by then."""
        self._timer.start()

    def snapshot(self) -> FindingsInputs | None:
        """The chosen sources, their tags and the grades, as a worker may read them; ``None`` without an open project."""
        s = self._session
        if s is None or s.closed:
            return None
        chosen = set(chosen_source_ids(s.selection, [a.id for a in s.articles]))
        articles = tuple(a for a in s.articles if a.id in chosen)
        tags = tuple(t for t in s.tags if t.article_id in chosen)
        return FindingsInputs(articles, tags, tuple(sorted(s.reliability().items())))

    def refresh_now(self) -> None:
        """Analyse at once (or as soon as the running analysis has stopped); nothing to do when nothing changed."""
        self._timer.stop()
        if self._job is not None:
            self._again = True
            self._job.cancel()
            return
        inputs = self.snapshot()
        if inputs is None or inputs == self._done:
            return
        self._panel.show_busy(True)
        job = self._runner.submit(
            lambda cancel: findings_job(inputs, cancel),
            "Findings",
            on_result=lambda findings: self._on_result(inputs, findings),
            on_error=self._on_error,
            on_finished=self._on_finished,
        )
        # A synchronous pool has already finished the job by now; only a running one is "current".
        self._job = job if job.running else None

    def _on_result(self, inputs: FindingsInputs, findings: Findings | None) -> None:
        # None means the job saw its cancel; a newer run is on its way.
        if findings is None or self._again:
            return
        self._done = inputs
        self.latest = findings
        self._panel.show_findings(findings, {a.id: a for a in inputs.articles})
        self.found.emit(findings)

    def _on_error(self, error: BaseException) -> None:
        if not self._again:
            self._panel.show_error(f"{type(error).__name__}: {error}")

    def _on_finished(self) -> None:
        self._job = None
        if self._again:
            self._again = False
            self.refresh_now()


def preview_tabs(preview: QWidget, findings: FindingsPanel) -> QTabWidget:
    """The preview and the findings as two tabs, the preview first."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(preview, "Preview")
    tabs.addTab(findings, "Findings")
    return tabs
