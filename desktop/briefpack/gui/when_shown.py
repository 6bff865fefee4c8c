"""Refresh a panel of a shown window only when the analyst can see it: a hidden tab catches up when it is shown.

The window's tab stacks hold panels the analyst is not looking at, and
rebuilding one after every edit costs the UI thread as much as rebuilding a
visible one (the outline of a few hundred items: tens of milliseconds).
``RefreshWhenShown`` wraps a panel's refresh: ``request()`` runs it at once
when the panel is visible, or when its window is not shown at all (tests,
a window still being built), and otherwise only notes that the panel is
stale; the panel's next show, or a ``catch_up()`` from code about to read
what the panel shows, runs it then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    """``refresh`` of ``panel``, deferred while the panel is hidden in a shown window; call from the UI thread."""

    def __init__(self, panel: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(panel)
        self._panel, self._refresh = panel, refresh
        self.stale = False
        panel.installEventFilter(self)

    def request(self) -> None:
        """Refresh now, or when the panel is next shown if it is hidden in a shown window."""
        if self._panel.window().isVisible() and not self._panel.isVisible():
            self.stale = True
            return
        self.stale = False
        self._refresh()

    def catch_up(self) -> None:
        """Refresh now if a refresh was deferred (before reading what the panel shows)."""
        if self.stale:
            self.stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._panel and event.type() == QEvent.Type.Show:
            self.catch_up()
        return False
