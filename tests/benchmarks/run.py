"""`make bench`: run every ``bench_*.py`` here and print its figures with the machine they ran on.

Each benchmark module has a ``main()`` that prints its own lines (what was
measured, the command, the median). Machines are shared and noisy, so each
figure is a median of several runs.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for compiled_modules

from compiled_modules import stale_message, summary  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # The interpreter .venv/ was made from: builds of one Python version differ in speed (packaging/pick-python.sh).
    base = getattr(sys, "_base_executable", sys.executable)
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()} ({os.path.realpath(base)}), "
            f"{platform.system()} {platform.release()}")


def main() -> int:
    print(f"machine: {machine()}")
    if stale_message():
        print(stale_message())
        return 3
    print(summary())
    only = sys.argv[1:]
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem not in only and path.stem.removeprefix("bench_") not in only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"\n== {path.stem}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
