"""Debounced, latest-wins runs of one kind of job: the pattern the preview and the findings share.

``LatestJob`` turns change notifications into runs of a job on the
window's ``worker.JobRunner``: it debounces them, runs one job at a time,
and lets a change that arrives meanwhile cancel it and queue exactly one
more, so the latest state always wins. A run may prepare the job's inputs
and finish its result on the UI thread in slices (``JobRunner.run_steps``),
for work that holds the interpreter lock (pickling for a child process).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from briefpack.gui.worker import Job, JobRunner, Slices

if TYPE_CHECKING:
    from briefpack.model.progress import CancelToken


class LatestJob(QObject):
    """Debounced, latest-wins runs of one kind of job: "something changed" becomes, eventually, one fresh result.

    ``snapshot()`` is called on the UI thread when a run starts, so it sees
    the latest state; ``None`` means there is nothing to run (no project).
    ``make_job(inputs, token)`` returns the job (a generator, or a plain
    value) that a pool thread drains; a result of ``None`` means the job saw
    its cancel. With ``skip_unchanged`` a run whose snapshot equals the one
    the last result came from is skipped. Only one job runs at a time: a
    ``refresh_now`` (or an elapsed ``schedule``) meanwhile cancels it and
    queues exactly one more, and the cancelled job's result and error are
    dropped, so a stale result never replaces a newer one. ``prepare(inputs)``
    (``None``: none) is a generator run on the UI thread in slices
    (``JobRunner.run_steps``) before the job starts, whose return value
    ``make_job`` gets in place of ``inputs``; ``finish(result)`` likewise
    turns the job's result into the one delivered. A run counts as running
    (``busy``, and cancelled by a newer one) from ``prepare`` to ``finish``.

    Signals (UI thread): ``started(inputs)`` when a job is submitted,
    ``succeeded(inputs, result)`` with each fresh result, ``failed(str)``
    with a readable error, ``busyChanged(bool)`` when a run becomes pending
    (scheduled or running) and when nothing is pending any more.
    """

    started = Signal(object)
    succeeded = Signal(object, object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        runner: JobRunner,
        label: str,
        snapshot: Callable[[], Any],
        make_job: Callable[[Any, CancelToken], Any],
        debounce_ms: int,
        *,
        skip_unchanged: bool = False,
        prepare: Callable[[Any], Generator[None, None, Any]] | None = None,
        finish: Callable[[Any], Generator[None, None, Any]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prepare, self._finish = prepare, finish
        self._slices: Slices | None = None  # preparing or finishing a run on the UI thread
        self._label = label
        self._snapshot = snapshot
        self._make_job = make_job
        self._skip_unchanged = skip_unchanged
        self._job: Job | None = None
        self._again = False
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh_now)
        self.done_inputs: Any = None  # the snapshot the last result was computed from
        self.latest: Any = None  # the last result

    @property
    def busy(self) -> bool:
        """``True`` while a run is scheduled or a job runs (or is prepared or finished)."""
        return self._timer.isActive() or self.running

    @property
    def running(self) -> bool:
        return self._job is not None or self._slices is not None

    def schedule(self) -> None:
        """Run a little later; calls in quick succession make one run."""
        self._timer.start()
        self._set_busy(True)

    def forget(self) -> None:
        """Drop the last result and its snapshot (a new project was opened), so the next run is never skipped."""
        self.done_inputs = None
        self.latest = None

    def refresh_now(self) -> None:
        """Run at once, or as soon as the running job has stopped."""
        self._timer.stop()
        if self._job is not None:
            self._again = True
            self._job.cancel()
            return
        if self._slices is not None:  # the run is being prepared or finished on this thread: it is stale now
            self._slices.cancel()
            self._slices = None
        inputs = self._snapshot()
        if inputs is None or (self._skip_unchanged and self.done_inputs is not None and inputs == self.done_inputs):
            self._set_busy(False)
            return
        self._set_busy(True)
        self.started.emit(inputs)
        if self._prepare is None:
            self._submit(inputs, inputs)
        else:
            self._slices = self._runner.run_steps(
                self._prepare(inputs), lambda prepared: self._submit(inputs, prepared), self._on_steps_error
            )

    def _submit(self, inputs: Any, prepared: Any) -> None:
        self._slices = None
        job = self._runner.submit(
            lambda token: self._make_job(prepared, token),
            self._label,
            on_result=lambda result: self._on_result(inputs, result),
            on_error=self._on_error,
            on_finished=self._on_finished,
        )
        # A synchronous pool has already finished the job by now; only a running one is "current".
        self._job = job if job.running else None

    def _on_result(self, inputs: Any, result: Any) -> None:
        # None means the job saw its cancel; with a rerun queued, a newer result is on its way.
        # A job may outlive its window (closed while the job ran): then there is no one to tell.
        if not isValid(self) or result is None or self._again:
            return
        if self._finish is None:
            self._deliver(inputs, result)
        else:
            self._slices = self._runner.run_steps(
                self._finish(result), lambda value: self._finished(inputs, value), self._on_steps_error
            )

    def _finished(self, inputs: Any, result: Any) -> None:
        self._slices = None
        self._deliver(inputs, result)
        if not self.busy:
            self._set_busy(False)

    def _deliver(self, inputs: Any, result: Any) -> None:
        self.done_inputs = inputs
        self.latest = result
        self.succeeded.emit(inputs, result)

    def _on_error(self, error: BaseException) -> None:
        if isValid(self) and not self._again:
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _on_steps_error(self, error: BaseException) -> None:
        self._slices = None
        self._on_error(error)
        if not self.busy:
            self._set_busy(False)

    def _on_finished(self) -> None:
        if not isValid(self):
            return
        self._job = None
        if self._again:
            self._again = False
            self.refresh_now()
        elif not self.busy:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
