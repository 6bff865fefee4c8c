"""Recovery copies of unsaved work, and the offer to restore one after a crash.

``AutosaveController`` writes, every minute or so (``preferences.autosave_seconds``)
while the open project has unsaved changes, a copy of it to the user data
folder (``paths.user_data_dir()/recovery``), never over the project file:
the analyst's file changes only when they save. The copy is written on the
window's job runner (``Project.write_recovery_copy`` may run beside the UI
thread's edits), so a large project does not stall the window. Beside each
copy a small JSON file names the project it belongs to. A clean end of a session (saved,
closed, or the analyst chose to discard) removes the copy, so a copy that is
still there at start, and newer than its project file, means briefpack did
not end cleanly: ``offer_recovery`` asks whether to restore it, and a
restored copy opens as that project with unsaved changes. While a window
works on a project it holds a ``QLockFile`` beside the copy, so a second
briefpack running at the same time does not take a live copy for a crashed
one; a crashed process leaves a stale lock, which ``QLockFile`` recognises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer

from briefpack.paths import user_data_dir
from briefpack.store import Project, StoreError

from briefpack.gui import preferences, prompts
from briefpack.gui.session import ProjectSession

if TYPE_CHECKING:
    from briefpack.gui.main_window import MainWindow

COPY_SUFFIX = ".briefpack"
NOTE_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"


def recovery_dir() -> Path:
    """The folder of recovery copies (created when the first copy is written)."""
    return user_data_dir() / "recovery"


def recovery_copy_path(project_path: Path) -> Path:
    """Where the recovery copy of the project at ``project_path`` goes: one per project file."""
    key = hashlib.sha256(str(Path(project_path).absolute()).encode("utf-8")).hexdigest()[:20]
    return recovery_dir() / f"{key}{COPY_SUFFIX}"


@dataclass(frozen=True, slots=True)
class Recovery:
    """A recovery copy left by a session that did not end cleanly."""

    project: Path
    copy: Path
    saved: dt.datetime  # when the copy was written (local time)


def find_recoveries() -> list[Recovery]:
    """Recovery copies newer than their project file (or whose file is gone), newest first."""
    found = []
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    for note in folder.glob(f"*{NOTE_SUFFIX}"):
        copy = note.with_suffix(COPY_SUFFIX)
        if _in_use(copy):
            continue  # another briefpack is working on this project right now
        try:
            project = Path(json.loads(note.read_text(encoding="utf-8"))["project"])
            copied = copy.stat().st_mtime
        except (OSError, ValueError, KeyError, TypeError):
            continue  # half-written or foreign: not something to offer
        try:
            stale = project.stat().st_mtime >= copied
        except OSError:
            stale = False  # the project file is gone: the copy is all that is left
        if not stale:
            found.append(Recovery(project, copy, dt.datetime.fromtimestamp(copied)))
    return sorted(found, key=lambda r: r.saved, reverse=True)


def _in_use(copy: Path) -> bool:
    lock = QLockFile(str(copy.with_suffix(LOCK_SUFFIX)))
    # Stale only when its process is gone: a window may hold the lock for days.
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        return True
    lock.unlock()
    return False


def remove_recovery(project_path: Path) -> None:
    """Delete the recovery copy of ``project_path`` and its note, if there are any."""
    copy = recovery_copy_path(project_path)
    for path in (copy.with_suffix(NOTE_SUFFIX), copy):
        with contextlib.suppress(OSError):
            path.unlink()


def write_recovery(project: Project, project_path: Path) -> Path:
    """Copy ``project`` (whose file is ``project_path``) to its recovery file; raises ``StoreError``/``OSError``.

    Any thread may call it while the project's own thread goes on editing (see ``Project.write_recovery_copy``).
    """
    copy = recovery_copy_path(project_path)
    copy.parent.mkdir(parents=True, exist_ok=True)
    project.write_recovery_copy(copy)
    note = copy.with_suffix(NOTE_SUFFIX)
    note.write_text(json.dumps({"project": str(Path(project_path).absolute())}), encoding="utf-8")
    return copy


def restore_session(recovery: Recovery) -> ProjectSession:
    """Open a recovery copy as its project: same path, unsaved changes. Raises ``StoreError`` when it cannot be read."""
    project = Project.open(recovery.copy)
    project.assign_path(recovery.project)
    return ProjectSession(project, recovery.project)


def offer_recovery(window: MainWindow) -> bool:
    """At start: offer each recovery copy, newest first, until one is restored into ``window`` (then ``True``).

    Restore opens it (after the prompt before unsaved work is closed) and
    stops: one window shows one project, and the others are offered at the
    next start. Discard deletes a copy; closing the question keeps it.
    """
    for recovery in find_recoveries():
        answer = prompts.ask_restore(window, recovery.project, recovery.saved)
        if answer is None:
            continue
        if not answer:
            remove_recovery(recovery.project)
            continue
        if not window.files.may_discard():
            return False
        try:
            session = restore_session(recovery)
        except (StoreError, OSError) as exc:
            prompts.tell_error(window, "Cannot restore the recovery copy", f"{recovery.copy}\n\n{exc}")
            continue
        window.set_session(session)
        window.statusBar().showMessage(f"Restored unsaved changes to {recovery.project.name}; save to keep them.", 10_000)
        return True
    return False


class AutosaveController(QObject):
    """Writes the window's recovery copy on a timer while its project has unsaved changes. UI thread only."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._session: ProjectSession | None = None
        self._lock: QLockFile | None = None
        self._locked_path: Path | None = None
        self._idle = threading.Event()  # cleared while a copy is being written on a worker
        self._idle.set()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.write_now)
        self.last_error: str | None = None
        self.restart()

    def restart(self) -> None:
        """Read the interval preference again and start (or stop) the timer."""
        seconds = preferences.autosave_seconds()
        self.timer.stop()
        if seconds > 0:
            self.timer.start(seconds * 1000)

    def watch(self, session: ProjectSession) -> None:
        """Follow ``session``; the previous session ended cleanly (the window asked first), so its copy goes.

        Call it before closing the previous session: it waits for a copy of that one still being written.
        """
        self.wait()
        if self._session is not None and self._session is not session:
            remove_recovery(self._session.path)
        self._session = session
        self._follow_path()
        session.dirtyChanged.connect(lambda dirty, s=session: self._on_dirty(s, dirty))

    def stop(self) -> None:
        """The window closes cleanly: stop and remove the recovery copy (after one being written, if any)."""
        self.timer.stop()
        self.wait()
        if self._session is not None:
            remove_recovery(self._session.path)
        self._release()

    def write_now(self) -> bool:
        """Start writing the recovery copy if the project has unsaved changes; ``False`` when there is nothing to write.

        The copy is written on the window's job runner; a copy still being
        written when this is called is left to finish instead.
        """
        session = self._session
        if session is None or session.closed or not session.dirty or not self._idle.is_set():
            return False
        self._follow_path()
        project, path = session.project, session.path
        self._idle.clear()

        def work(_cancel) -> Path:
            try:
                return write_recovery(project, path)
            finally:
                self._idle.set()  # the project may be closed from here on

        self._window.runner.submit(
            work, "Recovery copy", on_result=lambda copy: self._written(session, path), on_error=self._failed
        )
        return True

    def wait(self, seconds: float = 60.0) -> bool:
        """Block until no recovery copy is being written; ``False`` when one still is after ``seconds``."""
        return self._idle.wait(seconds)

    def _written(self, session: ProjectSession, path: Path) -> None:
        self.last_error = None
        if session is not self._session or not session.dirty or session.path != path:
            remove_recovery(path)  # saved or replaced while the copy was written: nothing to recover from it

    def _failed(self, error: BaseException) -> None:
        # Said once in the status bar; the analyst's own saves are unaffected.
        message = f"Could not write the recovery copy: {error}"
        if message != self.last_error:
            self._window.statusBar().showMessage(message, 10_000)
        self.last_error = message

    def _on_dirty(self, session: ProjectSession, dirty: bool) -> None:
        if not dirty and session is self._session:
            self._follow_path()  # Save As gives the project a new path
            remove_recovery(session.path)  # saved (or undone back to the saved state): nothing to recover

    def _follow_path(self) -> None:
        """Hold the lock of the current project's recovery copy (and only that one)."""
        path = Path(self._session.path).absolute() if self._session is not None else None
        if path == self._locked_path:
            return
        self._release()
        if path is None:
            return
        folder = recovery_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # no data folder: the copy cannot be written either, and write_now says so
        lock = QLockFile(str(recovery_copy_path(path).with_suffix(LOCK_SUFFIX)))
        lock.setStaleLockTime(0)  # a lock held by a running briefpack is never taken over, however old
        if lock.tryLock(0):
            self._lock = lock
        self._locked_path = path

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
        self._lock, self._locked_path = None, None
