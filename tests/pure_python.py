"""Run Python with briefpack's compiled modules ignored, every briefpack module loaded from its .py source.

usage: python tests/pure_python.py SCRIPT [ARGS...]
       python tests/pure_python.py -c CODE [ARGS...]

For checking that the compiled build behaves as its sources do
(tests/test_compiled_modules.py) and for profiling, since cProfile sees
no function inside a compiled module. Only this process is affected:
worker processes started from a fork server import the compiled modules.
"""

from __future__ import annotations

import importlib.machinery as machinery
import importlib.util
import os
import runpy
import sys


def ignore_compiled() -> None:
    """From now on, import briefpack's modules from their sources even where a compiled file sits beside them."""
    package = os.path.realpath(importlib.util.find_spec("briefpack").submodule_search_locations[0])

    def sources_only(path: str) -> machinery.FileFinder:
        real = os.path.realpath(path)
        if real == package or real.startswith(package + os.sep):
            return machinery.FileFinder(path, (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES))
        raise ImportError  # any other folder: the usual finders
    sys.path_hooks.insert(0, sources_only)
    sys.path_importer_cache.clear()


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    ignore_compiled()
    if argv[0] == "-c":
        sys.argv = ["-c", *argv[2:]]
        exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})
    else:
        sys.argv = argv
        runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
