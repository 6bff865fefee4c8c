"""The fork server the import workers start from loads numpy with one BLAS thread: no extra thread spins as it loads."""

from __future__ import annotations

import datetime as dt
import multiprocessing.forkserver
import os
import sys
from pathlib import Path

import pytest

from briefpack import import_pool
from briefpack.ingest import Input
from briefpack.jobs import default_taxonomy

WHEN = dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server and /proc are Linux's")
@pytest.mark.skipif(os.environ.get("OPENBLAS_NUM_THREADS", "1") != "1", reason="this environment asks for more BLAS threads")
def test_the_fork_server_loads_numpy_with_one_blas_thread(tmp_path: Path):
    paths = []
    for n in range(4):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Report {n}\n\nThe ministry said grain exports resumed on day {n}.\n", encoding="utf-8")
    inputs = [Input(p.name, p, None, None) for p in paths]
    outcomes = list(import_pool.read_in_workers(inputs, default_taxonomy(), WHEN, 2))
    assert len(outcomes) == 4 and all(isinstance(o, import_pool.Read) for _, o in outcomes)
    pid = multiprocessing.forkserver._forkserver._forkserver_pid
    assert pid is not None
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    # Read by OpenBLAS when the server preloads import_pool (and numpy with it); its threads are gone by the
    # time a worker is forked, so the environment is what shows it.
    assert b"OPENBLAS_NUM_THREADS=1" in environ
