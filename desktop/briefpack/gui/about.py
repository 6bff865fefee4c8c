"""Help > About: briefpack's version and licence, and every component it ships with theirs.

The components come from ``briefpack.components`` (the Python packages'
metadata, the fonts' licence files, pandoc, Python itself), so the list is
the same in a source checkout and in a bundle. Selecting a component shows
its licence texts below the table. UI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from briefpack import __version__
from briefpack.components import Component, shipped_components

COLUMNS = ("Component", "Version", "Licence", "Kind")


class AboutDialog(QDialog):
    """briefpack's name, version and licence over a table of the shipped components and a licence viewer.

    ``components`` ``None`` means ``shipped_components()``.
    """

    def __init__(self, parent: QWidget | None = None, components: Sequence[Component] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About briefpack")
        self.components = list(shipped_components() if components is None else components)
        heading = QLabel(
            f"<h2>briefpack {__version__}</h2>"
            "<p>Turn news articles into cited briefing documents, offline.<br>"
            "briefpack is free software under the MIT licence. It ships with these components:</p>"
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(len(self.components), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName("Shipped components")
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version or "—", component.licence, component.kind)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.licence_view = QPlainTextEdit()
        self.licence_view.setReadOnly(True)
        self.licence_view.setAccessibleName("Licence text")
        self.licence_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence_view.setPlaceholderText("Select a component to read its licence.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.licence_view, 2)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        self.resize(760, 620)

    def show_licence(self, row: int) -> None:
        """Show the licence texts of the component in ``row`` (its licence name alone when it ships none)."""
        if not 0 <= row < len(self.components):
            self.licence_view.clear()
            return
        component = self.components[row]
        text = component.licence_text()
        self.licence_view.setPlainText(
            f"{component.name}: {component.licence}\n{text}" if text
            else f"{component.name}: {component.licence}\n\n(No licence text ships with this component.)"
        )
        self.licence_view.moveCursor(self.licence_view.textCursor().MoveOperation.Start)


def show_about(parent: QWidget | None) -> AboutDialog:
    """Open the About dialog over ``parent`` without blocking, and return it; it deletes itself when closed."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
