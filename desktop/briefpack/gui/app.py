"""Starting the window: ``briefpack-gui`` / ``briefpack gui``, with the sample project or a given one.

``run_gui`` creates the ``QApplication`` (whose organisation and
application names place the ``QSettings``; Qt 6 scales for high-DPI screens
by itself, and the Fusion style follows the platform's light or dark palette)
and the ``MainWindow``, laid out as the analyst left it. If the last session
did not end cleanly it first offers to restore its recovery copy
(``gui.autosave``). With no
project it opens the sample project, building it from the seeds on first
run on a worker thread (the window is already up and says so), with the
"How to build your first brief" guide over it until that is dismissed once
(``gui.first_run``; never in screenshots). With
``screenshot`` it lays the window out at 1280×800, waits for the preview to
be composed, saves ``QWidget.grab()`` as a PNG and returns, so it works
offscreen (``QT_QPA_PLATFORM=offscreen``) in CI and documentation builds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from briefpack import __version__
from briefpack.paths import FONTS_DIR, RESOURCES_DIR
from briefpack.store import StoreError

from briefpack.gui import preferences, prompts
from briefpack.gui.autosave import offer_recovery
from briefpack.gui.file_open import accept_file_open_events
from briefpack.gui.first_run import show_on_first_run
from briefpack.gui.main_window import MainWindow
from briefpack.gui.session import open_session

SCREENSHOT_SIZE = (1280, 800)
DESKTOP_FILE = "org.briefpack.Briefpack"  # packaging/linux/org.briefpack.Briefpack.desktop
SCREENSHOT_TIMEOUT_MS = 60_000


def application() -> QApplication:
    """The process's ``QApplication``, created on first call."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(preferences.APPLICATION)
        app.setOrganizationName(preferences.ORGANISATION)
        app.setApplicationVersion(__version__)
        app.setStyle("Fusion")  # one look on every platform, and sharp in screenshots
        app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "briefpack.svg")))
        app.setDesktopFileName(DESKTOP_FILE)  # Wayland matches the window to its menu entry and icon by this
        load_bundled_fonts()
    return app  # type: ignore[return-value]


def load_bundled_fonts() -> None:
    """Make the fonts the PDF renderer uses available to Qt too, so the preview reads like the export."""
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def open_initial_project(window: MainWindow, project: str | None, *, quiet: bool = False) -> bool:
    """Open ``project`` (a path), or the sample project when ``None``.

    The sample is built (first run) off the UI thread, and ``True`` means it
    is on its way. A named project opens at once; when it cannot be read the
    analyst is told — on standard error when ``quiet`` (screenshots) — and
    the result is ``False``.
    """
    if project is not None:
        try:
            session = open_session(Path(project))
        except (StoreError, OSError) as exc:
            if quiet:
                print(f"briefpack: cannot open {project}: {exc}", file=sys.stderr)
            else:
                prompts.tell_error(window, "Cannot open project", f"{project}\n\n{exc}")
            return False
        window.set_session(session)
        window.files.recent.add(Path(project))
        return True
    window.statusBar().showMessage("Opening the sample project…")

    def build(_cancel):
        # Built (first run) on a worker; its Project is closed there and the file reopened on
        # the UI thread, because a project's database connection belongs to the thread that made it.
        # Imported here, on the worker: building the sample needs the whole import pipeline.
        from briefpack.sample import open_sample_project, sample_project_path

        made = open_sample_project()
        close = getattr(made, "close", None)
        if callable(close):
            close()
        return sample_project_path()

    window.runner.submit(
        build,
        "Open sample",
        # Only into an empty window: a project macOS handed over meanwhile (gui.file_open) stays open.
        on_result=lambda path: window.session is None and window.open_path(path),
        on_error=lambda error: window.statusBar().showMessage(f"The sample project could not be built: {error}"),
    )
    return True


def wait_until_settled(window: MainWindow, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> bool:
    """Spin the event loop until no job is running and no preview is pending; ``False`` on timeout.

    That is the moment the project is open with its preview composed — or
    opening it failed, which the caller tells by ``window.session`` being ``None``.
    """
    loop = QEventLoop()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll = QTimer()
    poll.setInterval(50)

    def check() -> None:
        if not window.runner.busy and not window.previewer.busy:
            loop.quit()

    poll.timeout.connect(check)
    deadline.start(timeout_ms)
    poll.start()
    loop.exec()
    return deadline.isActive()


def run_gui(project: str | None = None, screenshot: str | None = None) -> int:
    """Show the window and run until it closes; returns the exit status.

    ``project`` ``None`` opens the sample project. ``screenshot`` ``None``
    runs interactively; otherwise the window is rendered to that PNG file and
    the function returns 0 (1 when the file could not be written).
    """
    app = application()
    window = MainWindow()
    if screenshot is None:
        preferences.restore_layout(window)  # screenshots keep the built layout, the same on every machine
    else:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    if screenshot is None:
        accept_file_open_events(app, window)  # macOS hands double-clicked projects over as events
        # After a crash, the recovery copy comes first; otherwise the project asked for, or the sample.
        if not offer_recovery(window):
            open_initial_project(window, project)
            if project is None:
                show_on_first_run(window)  # the guide over the sample project, until it is dismissed once
        return app.exec()
    opened = open_initial_project(window, project, quiet=True)
    if not opened:
        window.close()
        return 1
    settled = wait_until_settled(window)
    app.processEvents()
    ok = window.grab().save(str(screenshot), "PNG")
    if not settled:
        print("briefpack: the preview was not ready in time; the screenshot shows the window as it was", file=sys.stderr)
    if window.session is None:
        print(f"briefpack: no project could be opened: {window.statusBar().currentMessage()}", file=sys.stderr)
        ok = False
    elif not ok:
        print(f"briefpack: cannot write {screenshot}", file=sys.stderr)
    window.runner.cancel_all()
    window.runner.wait(10_000)
    window.close()
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    """The ``briefpack-gui`` entry point."""
    parser = argparse.ArgumentParser(prog="briefpack-gui", description="Open the briefpack window.")
    parser.add_argument("project", nargs="?", help="a .briefpack project; default: the sample project")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen to a PNG and exit")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_gui(project=args.project, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
