"""The project file: one SQLite database per project (``*.briefpack``), saved atomically.

``Project`` holds a project's articles, theme tags, selection, brief settings
and other features' metadata, with full-text search over paragraphs, library
queries with filters, duplicate groups and the analyst's metadata corrections;
``StoreError`` reports a file that cannot be opened or saved, naming the file
and the reason. The file layout is in ``schema``, upgrades of older files in
``migrations``, the atomic save in ``atomic``. The names below load on
first use: an import's worker processes need only ``store.rows``, and the
rest of the package (project, search, upgrades) took each ~25 ms to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefpack.store.adding import ADDED, SAME_FILE, SAME_TEXT, Added
    from briefpack.store.errors import StoreError
    from briefpack.store.project import Project

__all__ = ["ADDED", "SAME_FILE", "SAME_TEXT", "Added", "Project", "StoreError"]

# Each public name and the module that defines it.
_HOMES = {"ADDED": "adding", "SAME_FILE": "adding", "SAME_TEXT": "adding", "Added": "adding",
          "StoreError": "errors", "Project": "project"}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # looked up once
    return value
