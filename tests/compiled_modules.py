"""The modules pyproject.toml has Cython compile, and whether the running checkout uses them as built.

In a development checkout the compiled file (``names.cpython-311-….so``)
sits beside its source and Python loads it in preference, so a source
edited after the last build would go untested: ``stale`` finds those, and
``tests/conftest.py`` stops the run on one. ``make`` rebuilds them.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop" / "briefpack"
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def compiled_sources() -> dict[str, Path]:
    """Module name -> source file, for every extension module pyproject.toml lists."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {ext["name"]: ROOT / ext["sources"][0] for ext in config["tool"]["setuptools"]["ext-modules"]}


def built_files() -> list[Path]:
    """The compiled module files under desktop/briefpack, whichever module they belong to."""
    return sorted(path for path in PACKAGE.rglob("*") if path.name.endswith(SUFFIXES))


def source_of(built: Path) -> Path:
    """The .py file a compiled module file shadows (``names.cpython-311-x86_64-linux-gnu.so`` -> ``names.py``)."""
    return built.with_name(built.name.split(".", 1)[0] + ".py")


def stale() -> list[Path]:
    """Sources changed since they were compiled: Python would run the old compiled code instead."""
    return [source_of(built) for built in built_files()
            if source_of(built).exists() and source_of(built).stat().st_mtime > built.stat().st_mtime]


def stale_message() -> str:
    """Why a run must not go on (naming the stale sources), or "" when every compiled module is current."""
    sources = stale()
    if not sources:
        return ""
    return "compiled modules older than their sources (run `make setup` to rebuild them): " + ", ".join(map(str, sources))


def summary() -> str:
    """One line for benchmark reports: how many of the listed modules run compiled here."""
    listed = compiled_sources()
    compiled = [name for name in listed if importlib.import_module(name).__file__.endswith(SUFFIXES)]
    return f"compiled by Cython: {len(compiled)} of the {len(listed)} modules pyproject.toml lists" + (
        "" if len(compiled) == len(listed) else " (the others run as plain Python: no C compiler at install?)"
    )
