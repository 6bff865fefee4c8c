"""New, Open, Open Recent, Save, Save As, and the unsaved-changes question, for the main window.

``ProjectFilesController`` asks for paths through ``gui.prompts``, opens and
saves through the session (the store's ``Project``), and reports failures
as messages rather than exceptions: a project that cannot be read or written
leaves the window as it was. Every way of leaving the open project (New,
Open, a recent project, closing the window) goes through ``may_discard``
first. Projects opened, created or saved under a new name join the recent
projects (``gui.recent``). Opening and saving run on the UI thread: they
are single SQLite transactions, quick even for large projects, and the
project's connection belongs to that thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from briefpack.store import StoreError

from briefpack.gui import prompts
from briefpack.gui.autosave import remove_recovery
from briefpack.gui.recent import RecentMenu, RecentProjects
from briefpack.gui.session import new_session, open_session

if TYPE_CHECKING:
    from briefpack.gui.main_window import MainWindow

SUFFIX = ".briefpack"


def with_suffix(path: Path) -> Path:
    """``path`` ending in ``.briefpack`` (added, never replacing a suffix the analyst typed)."""
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


class ProjectFilesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.recent = RecentProjects()
        self.recent_menu: RecentMenu | None = None

    def fill_recent_menu(self, menu: QMenu) -> RecentMenu:
        """Keep ``menu`` listing the recent projects; picking one opens it (asking about unsaved work first)."""
        self.recent_menu = RecentMenu(menu, self.recent, self.open_recent)
        return self.recent_menu

    def _start_dir(self) -> Path:
        session = self._window.session
        return session.path.parent if session is not None else Path.home()

    def open_path(self, path: Path) -> bool:
        """Open the project at ``path``; ``False`` (after telling the analyst) when it cannot be read."""
        try:
            session = open_session(path)
        except (StoreError, OSError) as exc:
            prompts.tell_error(self._window, "Cannot open project", f"{path}\n\n{exc}")
            return False
        self._window.set_session(session)
        self.recent.add(path)
        return True

    def open_recent(self, path: Path) -> bool:
        """Open a project from the recent list; one that no longer exists is dropped from the list, saying so."""
        if not Path(path).is_file():  # said before asking about unsaved work, which then stays open
            self.recent.remove(path)
            prompts.tell_error(
                self._window, "Project not found",
                f"{path}\n\nThis project is no longer there (moved, renamed or deleted), "
                "so it was removed from the recent projects.",
            )
            return False
        if not self.may_discard():
            return False
        return self.open_path(Path(path))

    def new_project(self) -> None:
        if not self.may_discard():
            return
        path = prompts.ask_save_path(self._window, "New project", self._start_dir() / f"Untitled{SUFFIX}", prompts.PROJECT_FILTER)
        if path is None:
            return
        path = with_suffix(path)
        try:
            self._window.set_session(new_session(path))
        except (StoreError, OSError) as exc:
            prompts.tell_error(self._window, "Cannot create project", f"{path}\n\n{exc}")
            return
        self.recent.add(path)

    def open_project(self) -> None:
        if not self.may_discard():
            return
        path = prompts.ask_open_path(self._window, "Open project", self._start_dir(), prompts.PROJECT_FILTER)
        if path is not None:
            self.open_path(path)

    def save(self) -> bool:
        """Save in place; ``False`` when there is nothing open or the write failed (the analyst was told)."""
        session = self._window.session
        if session is None:
            return False
        try:
            session.save()
        except (StoreError, OSError) as exc:
            prompts.tell_error(self._window, "Cannot save", f"{session.path}\n\n{exc}")
            return False
        self._window.statusBar().showMessage(f"Saved {session.path}", 4000)
        return True

    def save_as(self) -> bool:
        """Save to a new file and keep working on it; ``False`` when cancelled or the write failed."""
        session = self._window.session
        if session is None:
            return False
        path = prompts.ask_save_path(self._window, "Save project as", session.path, prompts.PROJECT_FILTER)
        if path is None:
            return False
        path = with_suffix(path)
        old = session.path
        try:
            session.save_as(path)
        except (StoreError, OSError) as exc:
            prompts.tell_error(self._window, "Cannot save", f"{path}\n\n{exc}")
            return False
        remove_recovery(old)  # the unsaved work now lives in the new file
        self.recent.add(path)
        self._window.show_title()
        self._window.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def may_discard(self) -> bool:
        """True when the open project may be closed: unchanged, saved now, or the analyst chose to discard."""
        session = self._window.session
        if session is None or not session.dirty:
            return True
        answer = prompts.ask_unsaved(self._window, session.name)
        if answer is prompts.Unsaved.SAVE:
            return self.save()
        return answer is prompts.Unsaved.DISCARD
