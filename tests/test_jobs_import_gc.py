"""``jobs.import_into`` pauses the cyclic collector while it runs, and turns it back on however it ends."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from briefpack.jobs import default_taxonomy, import_into, run_to_end
from briefpack.store import Project

WHEN = dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)


def files(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        paths.append(folder / f"{n}.txt")
        paths[-1].write_text(f"Report {n}\n\nThe ministry said grain exports resumed on day {n} of the talks.\n", encoding="utf-8")
    return paths


def test_paused_while_importing_and_on_again_after(tmp_path: Path):
    assert gc.isenabled()
    states = []
    project = Project.new(tmp_path / "p.briefpack")
    _, added, _ = run_to_end(import_into(project, files(tmp_path, 5), default_taxonomy(), imported_at=WHEN, batch=2),
                             lambda progress: states.append(gc.isenabled()))
    assert len(added) == 5 and states and not any(states)
    assert gc.isenabled()


def test_on_again_when_the_import_is_closed_early(tmp_path: Path):
    project = Project.new(tmp_path / "p.briefpack")
    job = import_into(project, files(tmp_path, 5), default_taxonomy(), imported_at=WHEN)
    next(job)
    next(job)
    assert not gc.isenabled()
    job.close()
    assert gc.isenabled()


def test_left_off_when_it_was_off_before(tmp_path: Path):
    gc.disable()
    try:
        run_to_end(import_into(Project.new(tmp_path / "p.briefpack"), files(tmp_path, 2), default_taxonomy(), imported_at=WHEN))
        assert not gc.isenabled()
    finally:
        gc.enable()
