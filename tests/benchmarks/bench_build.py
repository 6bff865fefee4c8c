"""Issue 2's bar: `briefpack build` on the two seeds writes PDF and DOCX in under 3 s (whole command, cold process)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5


def main() -> None:
    briefpack = Path(sys.executable).with_name("briefpack")
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as out:
        command = [str(briefpack), "build", *seeds, "--themes", "military,economy_trade,diplomacy", "--format", "pdf,docx", "-o", out]
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    shown = " ".join(["briefpack", "build", "seeds/*.txt", "--themes", "military,economy_trade,diplomacy", "--format", "pdf,docx", "-o", "OUT"])
    print(f"command: {shown}")
    print(f"build seeds to PDF+DOCX: median {statistics.median(times):.2f} s over {RUNS} runs (min {min(times):.2f}, max {max(times):.2f}); bar < 3 s")
