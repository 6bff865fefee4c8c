"""Keeps the Findings tab current: analysis of the chosen sources, rerun off the UI thread when they change.

``FindingsAnalyzer`` watches one ``ProjectSession``. A change of content
(import, corrections, grades, re-tagging) or of the chosen sources schedules
a run after a short debounce; other edits (themes, drops, settings) do not,
since the findings do not depend on them. A run takes a ``FindingsRequest``
snapshot on the UI thread (the chosen sources and the version of the
project's content they come from) and hands ``tasks.findings_job`` (which
calls ``analysis.findings.analyze`` in a child process) to the window's
``JobRunner`` through a ``latest_job.LatestJob``, as the preview does: one job
runs at a time and a change meanwhile cancels it and queues exactly one
more, so stale findings never replace newer ones; a snapshot equal to the
last analysed one is skipped. Reading the sources' tags and pickling them
for the child, and unpickling the findings it sends back, run Python code
for every object, so they run on the UI thread in short slices
(``JobRunner.run_steps``) rather than on a pool thread that would keep the
UI thread waiting for the interpreter lock. Results go to
a ``FindingsPanel``; ``preview_tabs`` puts that panel beside the preview.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from briefpack.model.article import Article
from briefpack.model.findings import Findings

from briefpack.gui import heap
from briefpack.gui.content import DeskContent
from briefpack.gui.edits import chosen_source_ids
from briefpack.gui.findings_view import FindingsPanel
from briefpack.gui.process_job import pack_steps, unpack_steps
from briefpack.gui.tasks import FindingsInputs, findings_inputs, findings_job
from briefpack.gui.latest_job import LatestJob
from briefpack.gui.worker import JobRunner

DEBOUNCE_MS = 600


@dataclass(frozen=True)
class FindingsRequest:
    """What a findings run reads, as the UI thread sees it: the chosen sources, the content version their tags come from, the grades.

    Equal requests give equal findings: ``content`` compares by identity,
    and the session replaces it whenever articles or tags change.
    """

    articles: tuple[Article, ...]
    content: DeskContent
    reliability: tuple[tuple[str, str], ...]

    def inputs(self) -> Generator[None, None, FindingsInputs]:
        """The ``FindingsInputs`` for the child process, packed, in steps for ``JobRunner.run_steps``."""
        inputs = yield from findings_inputs(self.articles, self.content.tags_for, self.reliability)
        return (yield from pack_steps(inputs))


class FindingsAnalyzer(QObject):
    """Runs the analysis for ``panel``; call from the UI thread. ``found(Findings)`` fires with each fresh result."""

    found = Signal(object)

    def __init__(self, runner: JobRunner, panel: FindingsPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self._session = None
        # skip_unchanged: the findings depend only on the snapshot, so an equal one needs no second run.
        self._runs = LatestJob(
            runner, "Findings", self.snapshot, findings_job, DEBOUNCE_MS, skip_unchanged=True,
            prepare=FindingsRequest.inputs, finish=lambda packed: heap.settled(unpack_steps(packed)), parent=self,
        )
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

    def snapshot(self) -> FindingsRequest | None:
        """The chosen sources, their content version and the grades; ``None`` without an open project.

        Their tags are read later, in slices (``FindingsRequest.inputs``).
        """
        s = self._session
        if s is None or s.closed:
            return None
        chosen = set(chosen_source_ids(s.selection, [a.id for a in s.articles]))
        articles = tuple(a for a in s.articles if a.id in chosen)
        return FindingsRequest(articles, s.content, tuple(sorted(s.reliability().items())))

    def refresh_now(self) -> None:
        """Analyse at once (or as soon as the running analysis has stopped); nothing to do when nothing changed."""
        self._runs.refresh_now()

    def _on_result(self, request: FindingsRequest, findings: Findings) -> None:
        self._panel.show_findings(findings, {a.id: a for a in request.articles})
        heap.settle()  # the rows just made live as long as these findings: they alone start no full collection
        self.found.emit(findings)


def preview_tabs(preview: QWidget, findings: FindingsPanel) -> QTabWidget:
    """The preview and the findings as two tabs, the preview first."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(preview, "Preview")
    tabs.addTab(findings, "Findings")
    return tabs
