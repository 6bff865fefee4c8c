"""Keeps the Findings tab current: analysis of the chosen sources, rerun off the UI thread when they change.

``FindingsAnalyzer`` watches one ``ProjectSession``. A change of content
(import, corrections, grades, re-tagging) or of the chosen sources schedules
a run after a short debounce; other edits (themes, drops, settings) do not,
since the findings do not depend on them. A run takes a ``FindingsInputs``
snapshot on the UI thread and hands ``tasks.findings_job`` (which calls
``analysis.findings.analyze``) to the window's ``JobRunner`` through a
``worker.LatestJob``, as the preview does: one job runs at a time and a
change meanwhile cancels it and queues exactly one more, so stale findings
never replace newer ones; a snapshot equal to the last analysed one is
skipped. Results go to
a ``FindingsPanel``; ``preview_tabs`` puts that panel beside the preview.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from briefpack.model.findings import Findings

from briefpack.gui.edits import chosen_source_ids
from briefpack.gui.findings_view import FindingsPanel
from briefpack.gui.tasks import FindingsInputs, findings_job
from briefpack.gui.worker import JobRunner, LatestJob

DEBOUNCE_MS = 600


class FindingsAnalyzer(QObject):
    """Runs the analysis for ``panel``; call from the UI thread. ``found(Findings)`` fires with each fresh result."""

    found = Signal(object)

    def __init__(self, runner: JobRunner, panel: FindingsPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self._session = None
        # skip_unchanged: the findings depend only on the snapshot, so an equal one needs no second run.
        self._runs = LatestJob(runner, "Findings", self.snapshot, findings_job, DEBOUNCE_MS, skip_unchanged=True, parent=self)
        self._runs.started.connect(lambda _inputs: panel.show_busy(True))
        self._runs.succeeded.connect(self._on_result)
        self._runs.failed.connect(panel.show_error)

    @property
    def latest(self) -> Findings | None:
        """The findings shown last (``None``: none yet for this project)."""
        return self._runs.latest

    @property
    def busy(self) -> bool:
        return self._runs.busy

    def watch(self, session) -> None:
        """Follow ``session`` (a ``ProjectSession``) from now on, and analyse it soon."""
        self._session = session
        self._runs.forget()
        session.contentChanged.connect(self.schedule)
        session.selectionChanged.connect(self.schedule)
        self.schedule()

    def schedule(self) -> None:
        """Analyse a little later, if what the findings read has changed by then."""
        self._runs.schedule()

    def snapshot(self) -> FindingsInputs | None:
        """The chosen sources, their tags and the grades, as a worker may read them; ``None`` without an open project."""
        s = self._session
        if s is None or s.closed:
            return None
        chosen = set(chosen_source_ids(s.selection, [a.id for a in s.articles]))
        articles = tuple(a for a in s.articles if a.id in chosen)
        tags = tuple(t for a in articles for t in s.tags_for(a.id))  # only the chosen sources' tags are read
        return FindingsInputs(articles, tags, tuple(sorted(s.reliability().items())))

    def refresh_now(self) -> None:
        """Analyse at once (or as soon as the running analysis has stopped); nothing to do when nothing changed."""
        self._runs.refresh_now()

    def _on_result(self, inputs: FindingsInputs, findings: Findings) -> None:
        self._panel.show_findings(findings, {a.id: a for a in inputs.articles})
        self.found.emit(findings)


def preview_tabs(preview: QWidget, findings: FindingsPanel) -> QTabWidget:
    """The preview and the findings as two tabs, the preview first."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(preview, "Preview")
    tabs.addTab(findings, "Findings")
    return tabs
