"""The benchmark's worker CPU figure (``worker_cpu.WorkerWatch``) counts every worker for the whole run, also those gone before the end."""

from __future__ import annotations

import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from worker_cpu import WorkerWatch  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def burn(seconds: float) -> float:
    """Spend ``seconds`` of CPU; the CPU this worker process has spent in all."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return time.process_time()


def test_every_worker_counts_even_after_it_exited():
    watch = WorkerWatch()
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver"))
    try:
        first = [pool.submit(burn, 0.3) for _ in range(2)]
        spent = [f.result() for f in first]
        watch.sample()  # both workers alive
    finally:
        pool.shutdown(wait=True)
    # Both workers have exited now: what a sample of the live workers alone would see is nothing.
    assert watch.worker_count == 2
    total = watch.finish()
    assert sum(spent) - 0.05 <= total <= sum(spent) + 0.5  # plus each worker's start and exit, not in its own figure


def test_a_second_pool_of_the_same_server_counts_once():
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        pool.submit(burn, 0.05).result()  # the fork server now exists, and its reaped child's CPU is not the watch's
    watch = WorkerWatch()
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        spent = pool.submit(burn, 0.2).result()
        watch.sample()
    total = watch.finish()
    assert spent - 0.05 <= total <= spent + 0.3
