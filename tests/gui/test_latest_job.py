"""``LatestJob``: debounced runs, one job at a time, and the latest change wins over a running job."""

from __future__ import annotations

from briefpack.gui.latest_job import LatestJob
from briefpack.gui.worker import JobRunner
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


def steps_of(log: list, name: str, count: int, pause_s: float = 0.0):
    """A ``prepare``/``finish``: ``count`` steps, each logged (and ``pause_s`` long), returning the value in a tagged tuple."""
    import time

    def make_steps(value):
        for n in range(count):
            log.append((name, value, n))
            time.sleep(pause_s)
            yield
        return (name, value)

    return make_steps


def test_prepare_and_finish_run_in_slices_on_the_ui_thread_around_the_job(qtbot):
    import threading

    log: list = []
    threads: set = set()
    pool = HeldPool()
    state = {"value": 3}

    def prepare(value):
        threads.add(threading.current_thread().name)
        return (yield from steps_of(log, "prepare", 3)(value))

    latest, events = make(pool, state, prepare=prepare, finish=steps_of(log, "finish", 2))
    latest._make_job = lambda prepared, cancel: ("job", prepared)  # what the job was handed
    latest.refresh_now()
    assert latest.busy and not pool.waiting, "nothing is submitted before the preparing steps have run"
    qtbot.waitUntil(lambda: bool(pool.waiting), timeout=2_000)
    assert threads == {threading.main_thread().name}
    pool.run_next()
    assert not events[1:], "the result is delivered only once the finishing steps have run"
    qtbot.waitUntil(lambda: len(events) == 2, timeout=2_000)
    assert events == [("started", 3), ("result", 3, ("finish", ("job", ("prepare", 3))))]
    assert [entry[0] for entry in log] == ["prepare"] * 3 + ["finish"] * 2
    assert not latest.busy


def test_a_change_while_preparing_starts_over_with_the_latest_state(qtbot):
    log: list = []
    pool = HeldPool()
    state = {"value": 1}
    latest, events = make(pool, state, prepare=steps_of(log, "prepare", 1000, pause_s=0.002))
    latest._make_job = lambda prepared, cancel: prepared
    latest.refresh_now()
    qtbot.waitUntil(lambda: len(log) > 0, timeout=2_000)
    state["value"] = 2
    latest._prepare = steps_of(log, "again", 2)
    latest.refresh_now()
    qtbot.waitUntil(lambda: bool(pool.waiting), timeout=2_000)
    assert len(pool.waiting) == 1, "the stale preparation never submits a job"
    assert len([entry for entry in log if entry[0] == "prepare"]) < 1000, "the stale preparation stopped"
    pool.run_next()
    assert events[-1] == ("result", 2, ("again", 2))


def test_a_change_while_finishing_drops_the_stale_result(qtbot):
    log: list = []
    pool = HeldPool()
    state = {"value": 1}
    latest, events = make(pool, state, finish=steps_of(log, "finish", 1000, pause_s=0.002))
    latest.refresh_now()
    pool.run_next()
    qtbot.waitUntil(lambda: len(log) > 0, timeout=2_000)
    state["value"] = 5
    latest._finish = steps_of(log, "again", 1)
    latest.refresh_now()
    pool.run_next()
    qtbot.waitUntil(lambda: any(e[0] == "result" for e in events), timeout=2_000)
    assert [e for e in events if e[0] == "result"] == [("result", 5, ("again", 10))]
    assert len([entry for entry in log if entry[0] == "finish"]) < 1000, "the stale finishing stopped"
