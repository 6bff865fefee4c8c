"""Run a core job (a generator yielding ``Progress``) on a thread pool and report back by signals.

The model is superqt's ``GeneratorWorker`` and Picard's ``run_task``: the UI
thread hands ``JobRunner.submit`` a factory that, given a ``CancelToken``,
returns the job's generator; a pool thread drains it and relays each
``Progress``, the result or the exception through the ``Job`` handle, whose
public signals always fire on the UI thread. Workers never touch widgets.
``LatestJob`` builds on it the pattern the preview and the findings share:
debounce change notifications, run one job at a time, and let a change that
arrives meanwhile cancel it and queue exactly one more, so the latest state
always wins. The pool is injectable: tests pass ``ImmediateThreadPool`` so a
job runs to its end inside ``submit`` and tests need no waiting.
``briefpack.jobs`` (which brings in the whole import pipeline) is loaded
when the first job runs, not with the window (tokens and progress come from
the light ``model.progress``); ``load_jobs_in_background``
loads it on a plain thread once the window has been painted, so that first
job does not wait for it on the UI thread.
"""

from __future__ import annotations

import importlib
import inspect
import threading
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot
from shiboken6 import isValid

if TYPE_CHECKING:
    from briefpack.model.progress import CancelToken, Progress

JobFactory = Callable[["CancelToken"], "Generator[Progress, None, Any] | Any"]


# Modules the window's jobs need that its first paint does not.
JOB_MODULES = ("briefpack.jobs",)


def load_jobs_in_background(then: Callable[[], object] | None = None) -> threading.Thread:
    """Import ``JOB_MODULES``, then call ``then`` (``None``: nothing), on a daemon thread (returned, started); call once the window is up.

    Imports interleave with the UI thread like any Python work, and a UI
    thread that needs one of these modules meanwhile waits only for the rest
    of that import. ``then`` must be safe to run beside the UI thread (it
    may warm a cache the UI thread reads).
    """

    def load() -> None:
        for name in JOB_MODULES:
            importlib.import_module(name)
        if then is not None:
            then()

    thread = threading.Thread(target=load, name="briefpack-preload", daemon=True)
    thread.start()
    return thread


def new_cancel_token() -> CancelToken:
    from briefpack.model.progress import CancelToken

    return CancelToken()


class ThreadPool(Protocol):
    """What ``JobRunner`` needs of a pool: ``QThreadPool`` or ``ImmediateThreadPool``."""

    def start(self, work: Callable[[], None]) -> None: ...

    def waitForDone(self, msecs: int = -1) -> bool: ...


class ImmediateThreadPool:
    """A fake pool that runs each piece of work at once on the calling thread (for tests).

    Signals then fire synchronously, so a test can click an action and assert
    on the outcome on the next line.
    """

    def start(self, work: Callable[[], None]) -> None:
        work()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - mirrors QThreadPool
        return True


class Job(QObject):
    """The UI thread's handle on one running job.

    ``progressed(Progress)``, ``succeeded(result)``, ``failed(exception)`` and
    then ``finished()`` are emitted on the thread that created the handle (the
    UI thread). ``cancel()`` may be called from the UI thread at any time; the
    job stops at its next unit of work and usually still succeeds, with a
    result that says it was cancelled.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    # Emitted from the pool thread; connected to this object's own slots, so
    # Qt queues them to the UI thread where the public signals are re-emitted.
    _worker_progress = Signal(object)
    _worker_result = Signal(object)
    _worker_error = Signal(object)
    _worker_done = Signal()

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.token = new_cancel_token()
        self.running = True
        self.error: BaseException | None = None
        self._worker_progress.connect(self._on_progress)
        self._worker_result.connect(self._on_result)
        self._worker_error.connect(self._on_error)
        self._worker_done.connect(self._on_done)

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def cancel(self) -> None:
        self.token.cancel()

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self.progressed.emit(progress)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.error = error
        self.failed.emit(error)

    @Slot()
    def _on_done(self) -> None:
        self.running = False
        self.finished.emit()


def _run(job: Job, factory: JobFactory) -> None:
    """Drain one job on a pool thread; it talks to the UI only through the job's signals."""
    try:
        work = factory(job.token)
        result = _drain(work, job._worker_progress.emit) if inspect.isgenerator(work) else work
    except BaseException as exc:  # noqa: BLE001 - any failure is relayed, never lost on a pool thread
        job._worker_error.emit(exc)
    else:
        job._worker_result.emit(result)
    finally:
        job._worker_done.emit()


def _drain(job: Generator[Progress, None, Any], on_progress: Callable[[Progress], None]) -> Any:
    while True:
        try:
            progress = next(job)
        except StopIteration as stop:
            return stop.value
        on_progress(progress)


class JobRunner(QObject):
    """Starts jobs on a pool and keeps their handles alive until they finish.

    ``pool`` ``None`` means ``QThreadPool.globalInstance()``. Call from the UI
    thread only. ``busyChanged(bool)`` fires when the first job starts and
    when the last one ends, for a busy indicator.
    """

    busyChanged = Signal(bool)

    def __init__(self, pool: ThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool: ThreadPool = pool if pool is not None else QThreadPool.globalInstance()
        self._active: set[Job] = set()

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def submit(
        self,
        factory: JobFactory,
        label: str = "",
        *,
        on_progress: Callable[[Progress], None] | None = None,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Job:
        """Start ``factory(token)`` on the pool and return its handle.

        The callbacks (``None`` means not interested) are connected before the
        job starts, so none is missed even when a synchronous pool runs the
        job to its end inside this call. They run on the UI thread.
        """
        # No Qt parent: the runner holds the handle until it finishes and then deleteLater()s it.
        # (As a child of the runner, a runner destroyed with a deferred delete pending crashes Qt.)
        job = Job(label)
        for signal, callback in (
            (job.progressed, on_progress),
            (job.succeeded, on_result),
            (job.failed, on_error),
            (job.finished, on_finished),
        ):
            if callback is not None:
                signal.connect(callback)
        job.finished.connect(lambda: self._forget(job))
        self._active.add(job)
        if len(self._active) == 1:
            self.busyChanged.emit(True)
        # A plain callable, not a QRunnable subclass: Qt wraps it in a runnable it owns and deletes,
        # so no Python wrapper can be garbage-collected while a pool thread still runs it.
        self.pool.start(lambda: _run(job, factory))
        return job

    def cancel_all(self) -> None:
        for job in list(self._active):
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used on quit, after ``cancel_all``)."""
        return self.pool.waitForDone(msecs)

    def _forget(self, job: Job) -> None:
        self._active.discard(job)
        job.deleteLater()
        if not self._active:
            self.busyChanged.emit(False)



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
    dropped, so a stale result never replaces a newer one.

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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
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
        """``True`` while a run is scheduled or a job runs."""
        return self._timer.isActive() or self._job is not None

    @property
    def running(self) -> bool:
        return self._job is not None

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
        inputs = self._snapshot()
        if inputs is None or (self._skip_unchanged and self.done_inputs is not None and inputs == self.done_inputs):
            self._set_busy(False)
            return
        self._set_busy(True)
        self.started.emit(inputs)
        job = self._runner.submit(
            lambda token: self._make_job(inputs, token),
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
        self.done_inputs = inputs
        self.latest = result
        self.succeeded.emit(inputs, result)

    def _on_error(self, error: BaseException) -> None:
        if isValid(self) and not self._again:
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _on_finished(self) -> None:
        if not isValid(self):
            return
        self._job = None
        if self._again:
            self._again = False
            self.refresh_now()
        elif not self._timer.isActive():
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
