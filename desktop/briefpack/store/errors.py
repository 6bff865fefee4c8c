"""The one error the store raises for anything wrong with a project file.

``StoreError`` covers a missing file, a file that is not a briefpack project,
a project from a newer briefpack, a damaged project and a save that could not
complete. Its message always names the file and the reason, so the GUI and
the CLI can show it to the analyst as it is; the underlying ``OSError`` or
``sqlite3.Error`` is kept as ``__cause__`` for logs.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A project file could not be opened or saved. ``path`` is the file concerned, ``None`` for an untitled project."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path if path is not None else 'untitled project'}: {reason}")
