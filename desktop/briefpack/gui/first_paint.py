"""Run something once a widget has first painted: work the window defers until the analyst sees it.

``AfterFirstPaint`` calls a function from the event loop after a widget's
first paint (not inside it), or after ``latest_ms`` should the widget not
paint (hidden). The main window uses it to load the job modules and compile
the themes only once the sources table is on screen, so the first paint
waits for neither.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Should the sources table not paint (hidden), the job modules load this long after the window shows.
PRELOAD_LATEST_MS = 1000


class AfterFirstPaint(QObject):
    """Calls ``then`` once, from the event loop, after ``widget`` has first painted, or ``latest_ms`` after now if it has not."""

    def __init__(self, widget: QWidget, then: Callable[[], None], latest_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._widget, self._then, self._done = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._fire)  # after this paint, not inside it
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._widget.removeEventFilter(self)
            self._then()
