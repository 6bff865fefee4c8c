"""The CPU and peak memory of an import's worker processes, read from /proc (Linux), for ``bench_import``.

The workers (``import_pool``) are children of a fork server, itself a
child of this process, and they end with the import, so reading only the
workers alive at one moment misses any that has already exited: a sample
taken while the pool was being shut down once counted one worker of two.
Here every worker counts for the whole import: a live (or not yet reaped)
worker's CPU is read from its own /proc entry, and once the fork server
has reaped one (it does so at once, to report the exit) its CPU is in the
server's ``cutime``/``cstime``. ``finish`` waits for the workers to be
gone, so its total is exact; peak memory can only be read from a live
process, so ``sample`` is called while the import runs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

# How long ``finish`` waits for the fork server to reap the stopped workers.
REAP_WAIT = 5.0


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (field 3, the state, first); ``None`` once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _ticks() -> int:
    return os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children(parent: int) -> dict[int, list[str]]:
    """The processes whose parent is ``parent``, with their stat fields."""
    found = {}
    for pid in _child_pids(parent):
        fields = _stat(pid)
        if fields is not None and int(fields[1]) == parent:
            found[pid] = fields
    return found


def _child_pids(parent: int) -> set[int]:
    """The pids that may be children of ``parent``: its threads' ``children`` lists, or every process without them.

    The lists cost a file per thread; scanning every process of the machine
    cost ~3 ms a call, taken from the import being measured (the bench
    samples dozens of times while it runs).
    """
    try:
        lists = [task / "children" for task in Path(f"/proc/{parent}/task").iterdir()]
        return {int(pid) for path in lists for pid in path.read_text().split()}
    except FileNotFoundError:  # a kernel without CONFIG_PROC_CHILDREN (or the parent is gone): scan them all
        return {int(entry.name) for entry in Path("/proc").glob("[0-9]*")}


def _own_cpu(fields: list[str]) -> int:
    return int(fields[11]) + int(fields[12])  # utime, stime (ticks)


def _reaped_cpu(fields: list[str]) -> int:
    return int(fields[13]) + int(fields[14])  # cutime, cstime: of the children it has waited for


def _peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1000
    except OSError:
        pass
    return 0.0


class WorkerWatch:
    """Made just before an import; ``sample`` during it, ``finish`` after it (the workers stopped) for the CPU total."""

    def __init__(self) -> None:
        self.me = os.getpid()
        self.tick = _ticks()
        # Children that exist already (a fork server kept from an earlier import): what they reaped before is not ours.
        # Keyed by (pid, start time), so a reused pid is never taken for the same process.
        self.before = {(pid, fields[19]): _reaped_cpu(fields) for pid, fields in _children(self.me).items()}
        self.servers: dict[tuple[int, str], int] = {}  # (pid, start time) of each child that had workers
        self.worker_peak_mb = 0.0
        self.server_peak_mb = 0.0
        self.worker_count = 0

    def sample(self) -> None:
        """Note which child is the fork server and the workers' peak memory (readable only while they run)."""
        for server, fields in _children(self.me).items():
            workers = _children(server)
            if not workers:
                continue
            self.servers.setdefault((server, fields[19]), server)
            peaks = [_peak_mb(pid) for pid in workers]
            self.worker_peak_mb = max(self.worker_peak_mb, *peaks)
            self.worker_count = max(self.worker_count, len(workers))
            self.server_peak_mb = max(self.server_peak_mb, _peak_mb(server))

    def finish(self) -> float:
        """CPU seconds of every worker of the import, from its start to its end; call once the import has returned."""
        deadline = time.monotonic() + REAP_WAIT
        while any(_children(pid) for pid in self.servers.values()) and time.monotonic() < deadline:
            time.sleep(0.02)  # the pool was told to stop: its workers exit and are reaped in a moment
        ticks = 0
        for (pid, started), _ in self.servers.items():
            fields = _stat(pid)
            if fields is None or fields[19] != started:
                continue  # the server itself is gone (never the case while this process runs)
            ticks += _reaped_cpu(fields) - self.before.get((pid, started), 0)
            ticks += sum(_own_cpu(worker) for worker in _children(pid).values())  # any not reaped yet
        return ticks / self.tick
