"""``jobs.import_into``: it pauses the cyclic collector while it runs (back on however it ends), and how it batches the store."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from briefpack import jobs
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


def test_batches_are_whole_while_much_remains_and_shrink_towards_the_end(tmp_path: Path, monkeypatch):
    sizes = []
    real_store = jobs.store_import
    monkeypatch.setattr(jobs, "store_import", lambda project, part: sizes.append(len(part.articles)) or real_store(project, part))
    project = Project.new(tmp_path / "p.briefpack")
    _, added, _ = run_to_end(import_into(project, files(tmp_path, 120), default_taxonomy(), imported_at=WHEN, batch=40))
    assert len(added) == sum(sizes) == len(project.articles) == 120
    assert sizes[:2] == [40, 40] and max(sizes) == 40
    # Then a store once as many are pending as inputs remain: 20 of the last 40, 16 (the floor), the last 4.
    assert sizes[2:] == [20, jobs._LAST_BATCH, 4]
