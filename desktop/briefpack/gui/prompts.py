"""Every question the window asks the analyst through a standard dialog, in one place.

File pickers and yes/no questions are module-level functions so that tests
can replace them (``monkeypatch.setattr(prompts, "ask_save_path", ...)``)
and drive the window without a human. Callers must look them up through the
module (``prompts.ask_save_path``), not import the names. The file pickers
start in the folder last used for that kind of file (projects, imported
articles, exports), remembered in ``QSettings`` across runs, and fall back to
the folder the caller suggests.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefpack.gui.preferences import app_settings

PROJECT_FILTER = "briefpack projects (*.briefpack);;All files (*)"
ARTICLE_FILTER = "Articles (*.txt *.html *.htm *.xhtml *.mht *.mhtml *.xml *.rss *.atom *.eml *.md *.gz);;All files (*)"


FOLDER_KINDS = {PROJECT_FILTER: "projects", ARTICLE_FILTER: "import"}
EXPORT_KIND = "export"  # any other filter: the export formats


def folder_kind(filter: str) -> str:
    """Which remembered folder a file picker with this filter uses: ``projects``, ``import`` or ``export``."""
    return FOLDER_KINDS.get(filter, EXPORT_KIND)


def last_folder(kind: str) -> Path | None:
    """The folder last used for ``kind`` of file, or ``None`` when none was (or it is gone)."""
    raw = app_settings().value(f"folders/{kind}")
    if isinstance(raw, str) and raw and Path(raw).is_dir():
        return Path(raw)
    return None


def remember_folder(kind: str, folder: Path) -> None:
    app_settings().setValue(f"folders/{kind}", str(folder))


def start_folder(filter: str, start: Path) -> Path:
    """Where a picker opens: the folder last used for this kind of file, else ``start``."""
    return last_folder(folder_kind(filter)) or start


def start_file(filter: str, suggested: Path) -> Path:
    """``suggested``'s file name in the folder last used for this kind of file (``suggested`` itself when none)."""
    folder = last_folder(folder_kind(filter))
    return folder / suggested.name if folder is not None and suggested.name else suggested


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_open_path(parent: QWidget, title: str, start: Path, filter: str) -> Path | None:
    """A file to open, or ``None`` when the analyst cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(filter, start)), filter)
    if not name:
        return None
    remember_folder(folder_kind(filter), Path(name).parent)
    return Path(name)


def ask_open_paths(parent: QWidget, title: str, start: Path, filter: str) -> list[Path]:
    """Files to open; empty when the analyst cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(filter, start)), filter)
    if names:
        remember_folder(folder_kind(filter), Path(names[0]).parent)
    return [Path(n) for n in names]


def ask_save_path(parent: QWidget, title: str, suggested: Path, filter: str) -> Path | None:
    """Where to write a file, or ``None`` when the analyst cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start_file(filter, suggested)), filter)
    if not name:
        return None
    remember_folder(folder_kind(filter), Path(name).parent)
    return Path(name)


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    """Save, discard or cancel, for a project with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}” before closing it?")
    box.setInformativeText("Your choices of themes, sources and passages will be lost if you don't save them.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def ask_restore(parent: QWidget, project: Path, saved: dt.datetime) -> bool | None:
    """After a crash: restore the recovery copy of ``project`` written at ``saved``?

    ``True``: restore; ``False``: discard the copy; ``None``: decide later (the copy is kept).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover unsaved work")
    box.setText(f"briefpack did not close normally while “{project.stem}” had unsaved changes.")
    box.setInformativeText(
        f"A recovery copy saved at {saved:%H:%M} on {saved:%d %B %Y} holds those changes.\n\n"
        f"Restore opens it as {project} with the changes not yet saved; "
        "Discard deletes the copy and keeps the project as last saved."
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return True
    if clicked is discard:
        return False
    return None


def tell_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)
