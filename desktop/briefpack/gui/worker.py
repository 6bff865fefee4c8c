"""Run a core job (a generator yielding ``Progress``) on a thread pool and report back by signals.

The model is superqt's ``GeneratorWorker`` and Picard's ``run_task``: the UI
thread hands ``JobRunner.submit`` a factory that, given a ``CancelToken``,
returns the job's generator; a pool thread drains it and relays each
``Progress``, the result or the exception through the ``Job`` handle, whose
public signals always fire on the UI thread. Workers never touch widgets.
``gui.latest_job`` builds on it the pattern the preview and the findings
share. The pool is injectable: tests pass ``ImmediateThreadPool`` so a
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
import time
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

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
    on the outcome on the next line; ``JobRunner.run_steps`` runs steps to
    their end at once too (``synchronous``).
    """

    synchronous = True

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

    def run_steps(
        self, steps: Generator[None, None, Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
    ) -> Slices | None:
        """Run ``steps`` on the UI thread in slices of about ``SLICE_SECONDS``, letting the event loop run between them.

        For work that must hold the interpreter lock and so would stall the
        UI thread from a pool thread just as much (packing a job's
        arguments, unpacking its answer). ``on_done(value)`` gets the
        generator's return value, ``on_error(exception)`` what it raised.
        Returns the handle (``Slices.cancel`` stops them), or ``None`` when a
        synchronous pool (tests) ran them to their end inside this call.
        """
        if getattr(self.pool, "synchronous", False):
            try:
                value = _drain(steps, lambda _step: None)
            except Exception as exc:  # noqa: BLE001 - relayed, as a job's failure is
                on_error(exc)
            else:
                on_done(value)
            return None
        slices = Slices(steps, on_done, on_error, self)
        slices.start()
        return slices

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



# The UI thread's time a slice of ``JobRunner.run_steps`` takes at most (plus its last step), so ticks stay regular.
SLICE_SECONDS = 0.008


class Slices(QObject):
    """Steps of a generator run on the UI thread, a slice of ``SLICE_SECONDS`` per turn of the event loop (see ``JobRunner.run_steps``)."""

    def __init__(self, steps: Generator[None, None, Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None], parent: QObject) -> None:
        super().__init__(parent)
        self._steps, self._on_done, self._on_error = steps, on_done, on_error
        self.active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def start(self) -> None:
        self.active = True
        self._timer.start()

    def cancel(self) -> None:
        """Stop; neither callback is called."""
        self.active = False
        self._timer.stop()
        self._steps.close()
        self.deleteLater()

    def _slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        try:
            while time.perf_counter() < deadline:
                next(self._steps)
        except StopIteration as stop:
            self._end(self._on_done, stop.value)
        except Exception as exc:  # noqa: BLE001 - relayed, as a job's failure is
            self._end(self._on_error, exc)
        else:
            self._timer.start()

    def _end(self, callback: Callable[[Any], None], value: Any) -> None:
        self.active = False
        self.deleteLater()
        callback(value)
