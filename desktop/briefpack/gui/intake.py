"""What the analyst drops on the window or pastes into it, as inputs for the import job.

Drag and drop and the clipboard both hand over a ``QMimeData``;
``DropImporter`` is the event filter that takes drops for the main window. Local files
and folders (``file:`` URLs) become paths, which the import job expands
(folders recursively); otherwise HTML (a selection copied from a browser)
or plain text becomes one ``Pasted`` input. Remote URLs are never fetched:
briefpack works offline, so a dragged web link is not something to import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDropEvent

if TYPE_CHECKING:  # the readers load with the first paste or drop, not with the window
    from briefpack.ingest import Pasted

PROJECT_SUFFIX = ".briefpack"


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders ``mime`` names, in order; remote URLs are left out."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def mime_inputs(mime: QMimeData | None, label: str | None = None) -> list[Path | Pasted]:
    """What to import from ``mime``: its local paths if it has any, else its HTML, else its text; [] for nothing usable.

    HTML goes to the HTML reader directly (a browser's fragment may not
    look like a page to the sniffers); text is sniffed like a file. A
    paste is labelled ``label`` (``None``: the clipboard's label).
    """
    paths = local_paths(mime)
    if paths:
        return list(paths)
    if mime is None:
        return []
    from briefpack.ingest import Pasted
    from briefpack.ingest.sources import CLIPBOARD_LABEL

    label = CLIPBOARD_LABEL if label is None else label
    if mime.hasHtml() and mime.html().strip():
        return [Pasted(mime.html().encode("utf-8"), label, reader="html")]
    if mime.hasUrls():
        return []  # a dragged web link: Qt offers its address as text, which is no article to import
    if mime.hasText() and mime.text().strip():
        return [Pasted(mime.text().encode("utf-8"), label)]
    return []


def project_to_open(mime: QMimeData | None) -> Path | None:
    """The project file when ``mime`` is exactly one ``.briefpack`` file (a drop then opens it), else ``None``."""
    paths = local_paths(mime)
    if len(paths) == 1 and paths[0].suffix.lower() == PROJECT_SUFFIX and paths[0].is_file():
        return paths[0]
    return None


def can_import(mime: QMimeData | None) -> bool:
    """True when ``mime`` holds something ``mime_inputs`` turns into inputs."""
    return bool(mime_inputs(mime))


class DropImporter(QObject):
    """Event filter for the main window: a dropped project file opens, dropped files, folders, HTML or text are imported.

    ``window`` is the ``MainWindow`` (its ``session``, ``files``,
    ``open_path`` and ``import_inputs``). Drops are refused while no project
    is open, except a project file. Runs on the UI thread.
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window

    def _takes(self, mime: QMimeData | None) -> bool:
        return project_to_open(mime) is not None or (self._window.session is not None and can_import(mime))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            event.acceptProposedAction() if self._takes(event.mimeData()) else event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            self._drop(event)
            return True
        return False

    def _drop(self, event: QDropEvent) -> None:
        # The work starts once the drop has returned: dialogs opened inside a
        # drop handler would block the application the files came from.
        mime = event.mimeData()
        window = self._window
        project = project_to_open(mime)
        inputs = mime_inputs(mime, label="<dropped text>")
        if project is None and (window.session is None or not inputs):
            event.ignore()
            return
        event.acceptProposedAction()
        if project is not None:
            QTimer.singleShot(0, lambda: window.files.may_discard() and window.open_path(project))
        else:
            QTimer.singleShot(0, lambda: window.import_inputs(inputs))
