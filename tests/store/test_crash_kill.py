"""Crash safety: a process importing and saving in a loop, killed with SIGKILL at random moments, never loses a save.

Each round starts ``crash_child.py`` on the same project file, waits until
it has the project open, lets it import and save for a random time and
kills it with SIGKILL (no clean-up of any kind runs). The file must then
open, hold every article the child reported saved (and at most one batch
more: a save that finished just before its report), with their corrections,
tags and search index intact. Most of a child's time goes to saving, so most
kills land in the middle of a save; the test checks that some did.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from crash_child import BATCH, article
from store_data import make_tags

from briefpack.store import Project

ROUNDS = 20
HERE = Path(__file__).resolve().parent
SOURCE_ROOT = HERE.parents[1] / "desktop"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]


def run_and_kill(path: Path, rng: random.Random) -> tuple[int, str]:
    """Start the child, kill it at a random moment; returns (articles it reported saved, its last line)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SOURCE_ROOT), str(HERE)])}
    child = subprocess.Popen(
        [sys.executable, str(HERE / "crash_child.py"), str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(line.strip() for line in child.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while not any(line.startswith("ready") for line in lines):
        assert child.poll() is None, f"the child died before it was ready: {lines}"
        assert time.monotonic() < deadline, "the child never got ready"
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 0.6))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    assert child.returncode == -signal.SIGKILL
    counts = [int(line.split()[1]) for line in lines if line.startswith(("ready", "saved"))]
    return max(counts), lines[-1]


def test_kill_9_at_random_moments_never_loses_what_was_saved(tmp_path):
    path = tmp_path / "crash.briefpack"
    rng = random.Random(20261123)
    mid_save = 0
    started = time.monotonic()
    for round_ in range(ROUNDS):
        saved, last = run_and_kill(path, rng)
        mid_save += last == "saving"
        if not path.exists():  # killed before the first save ever finished
            assert saved == 0
            continue
        project = Project.open(path)  # readable, whatever the moment of the kill
        count = len(project.articles)
        assert count in (saved, saved + BATCH), f"round {round_}: {count} articles, {saved} reported saved"
        for n, effective in enumerate(project.articles):
            expected = article(n)
            assert effective.blocks == expected.blocks and effective.id == expected.id
            assert effective.publisher == (f"corrected {n}" if n % BATCH == 0 else expected.publisher)
            assert project.tags_for(effective.id) == make_tags(expected)
        assert len({article_id for article_id, _ in project.search("pyongyang")}) == count
        project.close()
    elapsed = time.monotonic() - started
    print(f"\n{ROUNDS} kills in {elapsed:.0f} s, {mid_save} of them in the middle of a save")
    assert mid_save >= 3  # the kills really hit saves, not only the imports between them
