"""Projects the operating system hands the running app: macOS's "open this file" events.

On Windows and Linux a double-clicked ``.briefpack`` file starts the program
with its path as the argument (``briefpack PATH``, see the installers in
``packaging/``). macOS instead sends the running application a
``QFileOpenEvent`` (Finder double click, a drop on the Dock icon), also at
launch. ``FileOpenHandler`` filters those events on the ``QApplication`` and
opens the project in the window, asking about unsaved work first as
File > Open does. UI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class FileOpenHandler(QObject):
    """Opens each file of a ``QFileOpenEvent`` in ``window`` (a ``MainWindow``); it lives as long as the window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.opened: list[Path] = []  # the projects opened this way, in order

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        if self._window.files.may_discard() and self._window.open_path(path):
            self.opened.append(path)
        return True


def accept_file_open_events(app: QApplication, window: QMainWindow) -> FileOpenHandler:
    """Install a ``FileOpenHandler`` for ``window`` on ``app`` and return it."""
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    return handler
