"""The project file: one SQLite database per project (``*.briefpack``), saved atomically.

``Project`` holds a project's articles, theme tags, selection, brief settings
and other features' metadata, with full-text search over paragraphs, library
queries with filters, duplicate groups and the analyst's metadata corrections;
``StoreError`` reports a file that cannot be opened or saved, naming the file
and the reason. The file layout is in ``schema``, upgrades of older files in
``migrations``, the atomic save in ``atomic``.
"""

from briefpack.store.adding import ADDED, SAME_FILE, SAME_TEXT, Added
from briefpack.store.errors import StoreError
from briefpack.store.project import Project

__all__ = ["ADDED", "SAME_FILE", "SAME_TEXT", "Added", "Project", "StoreError"]
