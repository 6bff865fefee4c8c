"""Jobs run off the UI thread and report progress, result, failure and cancellation by signals."""

from __future__ import annotations

import threading

from briefpack.gui.worker import ImmediateThreadPool, JobRunner
from briefpack.jobs import Progress


def counting(n, seen_threads, cancel):
    for i in range(n):
        seen_threads.add(threading.get_ident())
        if cancel.cancelled:
            return ("cancelled", i)
        yield Progress(i, n, f"step {i}")
    return ("done", n)


def test_immediate_pool_runs_the_job_inside_submit():
    events = []
    runner = JobRunner(ImmediateThreadPool())
    runner.submit(
        lambda cancel: counting(3, set(), cancel),
        on_progress=lambda p: events.append(p.done),
        on_result=lambda r: events.append(r),
        on_finished=lambda: events.append("finished"),
    )
    assert events == [0, 1, 2, ("done", 3), "finished"]
    assert not runner.busy


def test_real_pool_runs_off_the_ui_thread_and_reports_on_it(qtbot):
    threads: set[int] = set()
    seen = {"progress": [], "result": None, "callback_threads": set()}
    runner = JobRunner()

    def on_progress(p):
        seen["progress"].append(p.done)
        seen["callback_threads"].add(threading.get_ident())

    def on_result(r):
        seen["result"] = r
        seen["callback_threads"].add(threading.get_ident())

    runner.submit(lambda cancel: counting(4, threads, cancel), on_progress=on_progress, on_result=on_result)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert seen["result"] == ("done", 4)
    assert seen["progress"] == [0, 1, 2, 3]
    assert threading.get_ident() not in threads
    assert seen["callback_threads"] == {threading.get_ident()}


def test_failure_is_relayed_and_cancel_reaches_the_job():
    errors, results = [], []
    runner = JobRunner(ImmediateThreadPool())

    def broken(cancel):
        yield Progress(0, 1, "about to fail")
        raise ValueError("bad input")

    runner.submit(broken, on_error=errors.append, on_result=results.append)
    assert [str(e) for e in errors] == ["bad input"] and results == []

    def cancelled_at_once(cancel):
        cancel.cancel()  # as if the analyst pressed Cancel before the first unit
        return (yield from counting(5, set(), cancel))

    runner.submit(cancelled_at_once, on_result=results.append)
    assert results == [("cancelled", 0)]
