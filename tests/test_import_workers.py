"""Importing in worker processes gives exactly what importing in the calling process gives, and stops when asked.

``jobs.import_files`` hands large batches to ``import_pool.read_in_workers``;
here the threshold is lowered and tasks made small, so a few dozen files
cross several tasks and both worker processes. The helpers named
``*_in_worker`` run inside the workers (they are pickled by name, so they
must live at module level).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefpack import import_pool, jobs
from briefpack.ingest import Pasted
from briefpack.jobs import DUPLICATE, REFUSED, CancelToken, default_taxonomy, import_files, import_into, run_to_end
from briefpack.store import Project
from seeddata import SEEDS

WHEN = dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
WORDS = ("grain exports port sanctions missile embassy vaccination tourists harvest pipeline talks ministry "
         "shipments border officials agency ceasefire tariffs refinery students").split()
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume in Geneva</title><description>Negotiators returned to Geneva on Monday.</description></item>
<item><title>Ports reopen</title><description>Grain ports on the Black Sea reopened on Tuesday.</description></item>
</channel></rss>"""
_REAL_READ_CHUNK = import_pool.read_chunk
_REAL_READ_ONE = import_pool.read_one


def dump(n: int) -> str:
    rng = random.Random(n)
    paragraphs = [" ".join(rng.choices(WORDS, k=40)).capitalize() + "." for _ in range(5)]
    return f"Report number {n} on {rng.choice(WORDS)}\n\nBy Reporter {n}\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Seeds, generated dumps, duplicates of three kinds (same bytes, same text, a feed twice), a binary and an empty file."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / f"00 {seed.name}")
    for n in range(40):
        (folder / f"{n + 1:02d} dump.txt").write_text(dump(n), encoding="utf-8")
    shutil.copy(folder / "03 dump.txt", folder / "30 same bytes.txt")
    (folder / "31 same text.txt").write_text(dump(7).replace("\n", "\r\n") + "\n", encoding="utf-8")
    (folder / "32 wire.rss").write_bytes(FEED)
    (folder / "33 wire again.rss").write_bytes(FEED)
    (folder / "34 photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "35 empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def in_workers(monkeypatch):
    """Make every batch of 10 inputs or more go to two worker processes, 3 files per task; gives the list of pools started."""
    pools = []
    real_start = import_pool._Crew._start

    def start(crew):
        pool = real_start(crew)
        pools.append(pool)
        return pool

    monkeypatch.setattr(jobs, "worker_count", lambda count: 2 if count >= 10 else 0)
    monkeypatch.setattr(import_pool, "chunk_size", lambda inputs, workers: 3)
    monkeypatch.setattr(import_pool._Crew, "_start", start)
    return pools


def read_here(paths, **kw):
    return run_to_end(import_files(paths, default_taxonomy(), imported_at=WHEN, **kw))


def test_workers_give_the_same_result_as_this_process(batch: Path, in_workers, monkeypatch):
    paste = Pasted(dump(3).encode("utf-8"))
    inputs = [batch, paste, batch / "gone.txt"]
    there = read_here(inputs)
    assert in_workers, "the batch was not read in worker processes"
    monkeypatch.setattr(jobs, "worker_count", lambda count: 0)
    here = read_here(inputs)
    assert len(in_workers) == 1
    assert there == here
    statuses = {Path(f.name).name: f.status for f in there.files}
    assert statuses["30 same bytes.txt"] == statuses["31 same text.txt"] == statuses["33 wire again.rss"] == DUPLICATE
    assert statuses["34 photo.png"] == statuses["35 empty.txt"] == statuses["gone.txt"] == REFUSED
    assert "binary" in there.files[[Path(f.name).name for f in there.files].index("34 photo.png")].reasons[0]
    assert there.files[-2].name == "<clipboard>" and there.files[-2].status == DUPLICATE
    assert len(there.articles) == len(SEEDS) + 40 + 2 and len(there.fingerprints) == len(there.articles)
    assert {t.article_id for t in there.tags} <= set(there.fingerprints) and there.tags


def test_known_articles_are_duplicates_in_workers_too(batch: Path, in_workers, tmp_path: Path):
    project = Project.new(tmp_path / "p.briefpack")
    first, added, _ = run_to_end(import_into(project, [batch / "03 dump.txt", SEEDS[0]], default_taxonomy(), imported_at=WHEN))
    assert not in_workers and len(added) == 2  # two files: read here
    second, added, _ = run_to_end(import_into(project, [batch], default_taxonomy(), imported_at=WHEN, batch=7))
    assert in_workers
    statuses = {Path(f.name).name: f.status for f in second.files}
    assert statuses["03 dump.txt"] == statuses[f"00 {SEEDS[0].name}"] == statuses["30 same bytes.txt"] == DUPLICATE
    assert len(added) == len(second.articles) == len(SEEDS) - 1 + 39 + 2
    assert len(project.articles) == len(SEEDS) + 40 + 2
    assert all(project.tags_for(a.id) == [t for t in project.tags_for(a.id)] for a in added)
    assert sum(len(project.tags_for(a.id)) for a in added) > 0


def test_cancel_stops_the_workers_between_files(tmp_path: Path, in_workers):
    for n in range(300):
        (tmp_path / f"{n:03d}.txt").write_text(dump(n), encoding="utf-8")
    cancel = CancelToken()
    job = import_files([tmp_path], default_taxonomy(), cancel=cancel)
    for progress in job:
        if progress.label.startswith("Reading") and progress.done == 5:
            cancel.cancel()  # asked while the sixth file is taken in: it is finished, the seventh is not
            break
    [pool] = in_workers
    processes = list(pool._processes.values())
    started = time.perf_counter()
    result = run_to_end(job)
    assert time.perf_counter() - started < 5
    assert result.cancelled and len(result.files) == 6 and len(result.articles) == 6
    assert_stopped(processes)


def assert_stopped(processes) -> None:
    assert processes
    for process in processes:
        process.join(timeout=5)
    assert not any(p.is_alive() for p in processes)


def test_cancel_while_waiting_for_a_worker(tmp_path: Path, in_workers, monkeypatch):
    for n in range(20):
        (tmp_path / f"{n:03d}.txt").write_text(dump(n), encoding="utf-8")
    monkeypatch.setattr(import_pool, "read_chunk", slow_chunk_in_worker)
    cancel = CancelToken()
    processes = []

    def cancel_later() -> None:  # while the job waits for the first task, which takes a minute
        processes.extend(in_workers[0]._processes.values())
        cancel.cancel()

    timer = threading.Timer(2.0, cancel_later)
    timer.start()
    started = time.perf_counter()
    result = run_to_end(import_files([tmp_path], default_taxonomy(), cancel=cancel))
    timer.join()
    assert time.perf_counter() - started < 10
    assert result.cancelled and result.files == []
    assert_stopped(processes)


def test_a_reader_crash_in_a_worker_refuses_only_that_file(batch: Path, in_workers, monkeypatch):
    (batch / "17 crash.txt").write_text(dump(99), encoding="utf-8")
    (batch / "18 buggy.rss").write_bytes(b'<rss version="2.0"><channel><item><title>x</title></item></channel></rss>')
    monkeypatch.setattr(import_pool, "read_chunk", crashing_chunk_in_worker)
    there = read_here([batch])
    assert len(in_workers) >= 2  # the pool the crash broke, and a fresh one
    by_name = {Path(f.name).name: f for f in there.files}
    crashed, buggy = by_name["17 crash.txt"], by_name["18 buggy.rss"]
    assert crashed.status == REFUSED and crashed.name.endswith("17 crash.txt") and "stopped abruptly" in crashed.reasons[0]
    assert buggy.status == REFUSED and "internal error" in buggy.reasons[0]
    monkeypatch.setattr(jobs, "worker_count", lambda count: 0)
    (batch / "17 crash.txt").unlink()
    (batch / "18 buggy.rss").unlink()
    here = read_here([batch])
    assert [f for f in there.files if f not in (crashed, buggy)] == here.files
    assert there.tags == here.tags and there.fingerprints == here.fingerprints


def test_workers_that_cannot_start_leave_the_batch_to_this_process(batch: Path, in_workers, monkeypatch):
    monkeypatch.setattr(import_pool, "_start_worker", failing_start_in_worker)
    there = read_here([batch])
    assert len(in_workers) == import_pool.BARREN_POOLS
    monkeypatch.setattr(jobs, "worker_count", lambda count: 0)
    assert there == read_here([batch])


def test_small_batches_read_here_and_bundled_programs_use_workers_too(monkeypatch):
    many = import_pool.MIN_FILES_FOR_WORKERS
    assert import_pool.worker_count(many - 1) == 0
    expected = import_pool.worker_count(many)
    assert expected in (0, *range(2, 1025))  # 0 only on a one-core machine
    # The bundle's launcher calls multiprocessing.freeze_support(); packaging/check_bundle.py sees its workers run.
    monkeypatch.setattr(import_pool.sys, "frozen", True, raising=False)
    assert import_pool.worker_count(many) == expected


def test_tasks_are_large_for_a_large_import_and_many_enough_for_a_small_one():
    ip = import_pool
    assert ip.chunk_size(10_000, 2) == ip.MAX_CHUNK
    assert ip.chunk_size(ip.MIN_FILES_FOR_WORKERS, 2) == ip.MIN_CHUNK
    for inputs in (400, 600, 900):  # between the bounds: each worker gets TASKS_PER_WORKER tasks or more
        size = ip.chunk_size(inputs, 2)
        assert ip.MIN_CHUNK < size < ip.MAX_CHUNK
        assert -(-inputs // size) >= 2 * ip.TASKS_PER_WORKER


def test_the_fork_server_loads_no_more_of_the_store_than_the_workers_use():
    # The fork server imports import_pool before any worker starts, one core idle meanwhile: the project,
    # search and upgrade modules are no part of reading and would only lengthen that wait.
    code = "import sys, briefpack.import_pool; print(sorted(m for m in sys.modules if m.startswith('briefpack.store')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "'briefpack.store.rows'" in loaded
    assert "briefpack.store.project" not in loaded and "briefpack.store.search" not in loaded


# ------------------------------------------------------------------ run inside the workers


def failing_start_in_worker(*args):
    raise ImportError("a module the readers need is missing")



def slow_chunk_in_worker(packed_inputs):
    time.sleep(60)
    return _REAL_READ_CHUNK(packed_inputs)


def crashing_chunk_in_worker(packed_inputs):
    """``read_chunk``, but the worker dies outright while reading ``… crash.txt``, and the feed reader raises on ``… buggy.rss``."""
    import briefpack.ingest.registry as registry

    if import_pool.read_one is _REAL_READ_ONE:  # first task of this worker: break its readers
        def read_or_die(item, imported_at=None):
            if item.name.endswith("crash.txt"):
                os._exit(70)
            return _REAL_READ_ONE(item, imported_at)

        def feed_reader(entry):
            def read(data, file_name, imported_at, options):
                if file_name is not None and file_name.endswith("buggy.rss"):
                    raise KeyError("reader bug")
                return entry.read(data, file_name, imported_at, options)

            return type(entry)(entry.name, entry.sniff, read, entry.options)

        registry.READERS = tuple(e if e.name != "feed" else feed_reader(e) for e in registry.READERS)
        import_pool.read_one = read_or_die
    return _REAL_READ_CHUNK(packed_inputs)
