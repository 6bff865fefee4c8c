"""The project file: one SQLite database per project (``*.briefpack``), saved atomically.

``Project`` holds a project's articles, theme tags, selection, brief settings
and other features' metadata, with full-text search over paragraphs;
``StoreError`` reports a file that cannot be opened or saved, naming the file
and the reason. The file layout is in ``schema``, upgrades of older files in
``migrations``, the atomic save in ``atomic``.
"""

from briefpack.store.errors import StoreError
from briefpack.store.project import Project

__all__ = ["Project", "StoreError"]
