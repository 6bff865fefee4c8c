"""The recent projects: a list of up to ten project files kept in ``QSettings``, and the File ▸ Open Recent menu.

``RecentProjects`` reads and writes the list (newest first, no repeats);
``RecentMenu`` fills a ``QMenu`` from it each time the menu opens and hands
the chosen path to a callback. A file that no longer exists is dropped when
the analyst picks it (the window says so), not when the menu opens, so a
project on a network share that is briefly away is not forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from briefpack.gui.preferences import app_settings

RECENT_KEY = "recentProjects"
LIMIT = 10


class RecentProjects:
    """The recent project files, newest first (at most ``LIMIT``)."""

    def paths(self) -> list[Path]:
        raw = app_settings().value(RECENT_KEY, [])
        if isinstance(raw, str):  # QSettings gives a one-item list back as a plain string
            raw = [raw]
        return [Path(p) for p in (raw or []) if isinstance(p, str) and p][:LIMIT]

    def add(self, path: Path) -> None:
        """Put ``path`` first (moving it if listed already)."""
        path = _normal(path)
        self._store([path, *(p for p in self.paths() if _normal(p) != path)])

    def remove(self, path: Path) -> None:
        path = _normal(path)
        self._store([p for p in self.paths() if _normal(p) != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        app_settings().setValue(RECENT_KEY, [str(p) for p in paths[:LIMIT]])


def _normal(path: Path) -> Path:
    return Path(path).expanduser().absolute()


class RecentMenu(QObject):
    """Keeps ``menu`` listing ``recent``; choosing an entry calls ``open_path(path)``."""

    def __init__(self, menu: QMenu, recent: RecentProjects, open_path: Callable[[Path], object]) -> None:
        super().__init__(menu)
        self.menu = menu
        self._recent = recent
        self._open_path = open_path
        menu.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        self.menu.clear()
        paths = self._recent.paths()
        for n, path in enumerate(paths, start=1):
            # &1..&9 and &0 give keyboard access from the open menu.
            act = QAction(f"&{n % 10} {path.stem}", self.menu)
            act.setStatusTip(str(path))
            act.setToolTip(str(path))
            act.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
            self.menu.addAction(act)
        if not paths:
            empty = self.menu.addAction("No recent projects")
            empty.setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction("&Clear list")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear)

    def _clear(self) -> None:
        self._recent.clear()
        self.refill()
