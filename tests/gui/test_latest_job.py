"""``LatestJob``: debounced runs, one job at a time, and the latest change wins over a running job."""

from __future__ import annotations

from briefpack.gui.worker import JobRunner, LatestJob
from briefpack.jobs import Progress


class HeldPool:
    """A pool that keeps each piece of work until the test lets it run, so a job can be "running" for as long as needed."""

    def __init__(self) -> None:
        self.waiting: list = []

    def start(self, work) -> None:
        self.waiting.append(work)

    def run_next(self) -> None:
        self.waiting.pop(0)()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - mirrors QThreadPool
        return True


def doubling(value, cancel):
    """A job: ``None`` when it sees its cancel (as the window's jobs do), else twice the snapshot."""
    yield Progress(0, 1, "working")
    return None if cancel.cancelled else value * 2


def make(pool, state: dict, debounce_ms: int = 50, **kwargs) -> tuple[LatestJob, list]:
    events: list = []
    latest = LatestJob(JobRunner(pool), "Test", lambda: state.get("value"), doubling, debounce_ms, **kwargs)
    latest.started.connect(lambda inputs: events.append(("started", inputs)))
    latest.succeeded.connect(lambda inputs, result: events.append(("result", inputs, result)))
    latest.failed.connect(lambda message: events.append(("failed", message)))
    return latest, events


def test_schedules_in_quick_succession_make_one_run_with_the_latest_state(qtbot):
    from briefpack.gui.worker import ImmediateThreadPool

    state = {"value": 1}
    latest, events = make(ImmediateThreadPool(), state)
    busy: list[bool] = []
    latest.busyChanged.connect(busy.append)
    for value in (2, 3, 4):
        state["value"] = value
        latest.schedule()
    assert events == [] and latest.busy, "debounced: nothing runs at once"
    qtbot.waitUntil(lambda: bool(events), timeout=2000)
    qtbot.wait(120)
    assert events == [("started", 4), ("result", 4, 8)]
    assert latest.latest == 8 and latest.done_inputs == 4
    assert busy == [True, False] and not latest.busy


def test_a_change_while_a_job_runs_cancels_it_and_queues_exactly_one_more():
    pool = HeldPool()
    state = {"value": 1}
    latest, events = make(pool, state)
    latest.refresh_now()
    assert latest.running and len(pool.waiting) == 1
    for value in (2, 3):  # two changes while the first job runs
        state["value"] = value
        latest.refresh_now()
    assert len(pool.waiting) == 1, "no second job while one runs"
    pool.run_next()  # the first job sees its cancel; the one queued rerun starts with the latest state
    assert events == [("started", 1), ("started", 3)]
    assert len(pool.waiting) == 1 and latest.latest is None
    pool.run_next()
    assert events[-1] == ("result", 3, 6)
    assert not pool.waiting and not latest.busy


def test_a_superseded_result_is_dropped_even_when_the_job_missed_its_cancel():
    pool = HeldPool()
    state = {"value": 1}
    finished: list = []

    def stubborn(value, cancel):  # ignores the cancel and finishes anyway
        finished.append(value)
        return value * 10

    latest = LatestJob(JobRunner(pool), "Test", lambda: state["value"], stubborn, 50)
    results: list = []
    latest.succeeded.connect(lambda inputs, result: results.append(result))
    latest.refresh_now()
    state["value"] = 2
    latest.refresh_now()
    pool.run_next()
    assert finished == [1] and results == [], "the stale result never reaches the window"
    pool.run_next()
    assert results == [20]


def test_skip_unchanged_runs_nothing_for_a_snapshot_already_computed():
    from briefpack.gui.worker import ImmediateThreadPool

    state = {"value": 5}
    latest, events = make(ImmediateThreadPool(), state, skip_unchanged=True)
    latest.refresh_now()
    latest.refresh_now()
    assert [e[0] for e in events] == ["started", "result"]
    latest.forget()
    latest.refresh_now()
    assert [e[0] for e in events] == ["started", "result", "started", "result"]


def test_a_failure_is_reported_unless_a_newer_run_replaces_it():
    pool = HeldPool()
    state = {"value": 1}

    def broken(value, cancel):
        raise ValueError(f"bad {value}")

    latest = LatestJob(JobRunner(pool), "Test", lambda: state["value"], broken, 50)
    errors: list[str] = []
    latest.failed.connect(errors.append)
    latest.refresh_now()
    state["value"] = 2
    latest.refresh_now()
    pool.run_next()
    assert errors == [], "the failure of a superseded job is not shown"
    pool.run_next()
    assert errors == ["ValueError: bad 2"]


def test_no_snapshot_means_nothing_to_run():
    from briefpack.gui.worker import ImmediateThreadPool

    latest, events = make(ImmediateThreadPool(), {})
    latest.refresh_now()
    assert events == [] and not latest.busy
