"""Every question the window asks the analyst through a standard dialog, in one place.

File pickers and yes/no questions are module-level functions so that tests
can replace them (``monkeypatch.setattr(prompts, "ask_save_path", ...)``)
and drive the window without a human. Callers must look them up through the
module (``prompts.ask_save_path``), not import the names.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

PROJECT_FILTER = "briefpack projects (*.briefpack);;All files (*)"
ARTICLE_FILTER = "Articles (*.txt *.html *.htm *.xhtml *.mht *.mhtml *.xml *.rss *.atom *.eml *.md *.gz);;All files (*)"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_open_path(parent: QWidget, title: str, start: Path, filter: str) -> Path | None:
    """A file to open, or ``None`` when the analyst cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), filter)
    return Path(name) if name else None


def ask_open_paths(parent: QWidget, title: str, start: Path, filter: str) -> list[Path]:
    """Files to open; empty when the analyst cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start), filter)
    return [Path(n) for n in names]


def ask_save_path(parent: QWidget, title: str, suggested: Path, filter: str) -> Path | None:
    """Where to write a file, or ``None`` when the analyst cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter)
    return Path(name) if name else None


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


def tell_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)
