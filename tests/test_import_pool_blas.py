"""The fork server the import workers start from loads numpy with one BLAS thread: no extra thread spins as it loads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Run in a fresh interpreter: a process has one fork server, and another test (or the window's job
# runner) may have started it already, with the environment of that moment.
_PROBE = textwrap.dedent(
    """
    import datetime as dt, multiprocessing.forkserver, sys
    from pathlib import Path
    from briefpack import import_pool
    from briefpack.ingest import Input
    from briefpack.jobs import default_taxonomy

    if __name__ == "__main__":
        folder = Path(sys.argv[1])
        inputs = []
        for n in range(4):
            path = folder / f"{n}.txt"
            path.write_text(f"Report {n}\\n\\nThe ministry said grain exports resumed on day {n}.\\n", encoding="utf-8")
            inputs.append(Input(path.name, path, None, None))
        when = dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
        outcomes = list(import_pool.read_in_workers(inputs, default_taxonomy(), when, 2))
        assert len(outcomes) == 4 and all(isinstance(o, import_pool.Read) for _, o in outcomes)
        pid = multiprocessing.forkserver._forkserver._forkserver_pid
        # Read by OpenBLAS when the server preloads import_pool (and numpy with it); its threads are gone by the
        # time a worker is forked, so the environment is what shows it.
        print(b"OPENBLAS_NUM_THREADS=1" in Path(f"/proc/{pid}/environ").read_bytes().split(b"\\0"))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server and /proc are Linux's")
@pytest.mark.skipif(os.environ.get("OPENBLAS_NUM_THREADS", "1") != "1", reason="this environment asks for more BLAS threads")
def test_the_fork_server_loads_numpy_with_one_blas_thread(tmp_path: Path):
    probe = tmp_path / "probe.py"
    probe.write_text(_PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, str(probe), str(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
