"""What briefpack remembers between runs: preferences, window layout, through ``QSettings``, and the Preferences dialog.

``app_settings`` is the one place the settings store is chosen: the
platform's own (registry, plist, ``~/.config``) under the organisation and
application names ``gui.app`` sets, or an ini file in ``BRIEFPACK_HOME``
when that is set, which keeps tests and portable installs off the user's
settings. The preference itself (the autosave interval) is read through
small functions; ``save_layout``/``restore_layout`` keep the main window's
geometry, toolbar state and splitter sizes. ``PreferencesDialog`` edits the
preferences.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

ORGANISATION = "briefpack"
APPLICATION = "briefpack"
AUTOSAVE_KEY = "preferences/autosaveSeconds"
DEFAULT_AUTOSAVE_SECONDS = 60
MAX_AUTOSAVE_SECONDS = 3600


def app_settings() -> QSettings:
    """The settings store: ``$BRIEFPACK_HOME/settings.ini`` when that variable is set, else the platform's own."""
    home = os.environ.get("BRIEFPACK_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def autosave_seconds() -> int:
    """How often unsaved work is copied for recovery, in seconds; 0 means never."""
    raw = app_settings().value(AUTOSAVE_KEY, DEFAULT_AUTOSAVE_SECONDS)
    try:
        seconds = int(raw)
    except (TypeError, ValueError):  # a hand-edited settings file
        return DEFAULT_AUTOSAVE_SECONDS
    return min(max(seconds, 0), MAX_AUTOSAVE_SECONDS)


def set_autosave_seconds(seconds: int) -> None:
    app_settings().setValue(AUTOSAVE_KEY, int(min(max(seconds, 0), MAX_AUTOSAVE_SECONDS)))


# ------------------------------------------------------------------ window layout


def save_layout(window: QMainWindow) -> None:
    """Remember the window's geometry, toolbar and dock state, and the sizes of every splitter with an object name."""
    settings = app_settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for splitter in _named_splitters(window):
        settings.setValue(f"window/splitters/{splitter.objectName()}", splitter.saveState())


def restore_layout(window: QMainWindow) -> bool:
    """Put back what ``save_layout`` remembered; ``False`` (the window as built) when nothing was saved yet."""
    settings = app_settings()
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for splitter in _named_splitters(window):
        sizes = settings.value(f"window/splitters/{splitter.objectName()}")
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
    return True


def _named_splitters(window: QMainWindow) -> list[QSplitter]:
    return [s for s in window.findChildren(QSplitter) if s.objectName()]


# ------------------------------------------------------------------ the dialog


class PreferencesDialog(QDialog):
    """The analyst's preferences; ``accept`` stores them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.autosave = QSpinBox()
        self.autosave.setRange(0, MAX_AUTOSAVE_SECONDS)
        self.autosave.setSingleStep(15)
        self.autosave.setSuffix(" s")
        self.autosave.setSpecialValueText("Never")
        self.autosave.setValue(autosave_seconds())
        self.autosave.setAccessibleName("Recovery copy interval")
        self.autosave.setAccessibleDescription(
            "Seconds between recovery copies of unsaved work; zero turns recovery copies off"
        )
        note = QLabel(
            "While a project has unsaved changes, briefpack keeps a recovery copy of it in your "
            "data folder, so a crash loses at most this much work. The project file itself is "
            "only written when you save."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Recovery copy every", self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        set_autosave_seconds(self.autosave.value())
        super().accept()


def edit_preferences(window) -> bool:
    """Run the Preferences dialog over ``window``; ``True`` when the analyst stored new preferences (they then apply at once)."""
    dialog = PreferencesDialog(window)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    if accepted:
        autosave = getattr(window, "autosave", None)
        if autosave is not None:
            autosave.restart()
    return accepted
