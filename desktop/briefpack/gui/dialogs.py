"""The import results dialog: what became of each imported file, as a plain table.

``ImportResultsDialog`` shows one row per file with its status and reasons
(DESIGN rule 7: warnings are data, the GUI lists them). The project's
current warnings have their own tab, ``gui.warnings``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefpack.jobs import DUPLICATE, IMPORTED, IMPORTED_WITH_WARNINGS, REFUSED, FileResult, ImportResult
from briefpack.ingest.sources import display_name
from briefpack.model.notice import Notice

STATUS_TEXT = {
    IMPORTED: "Imported",
    IMPORTED_WITH_WARNINGS: "Imported, with warnings",
    DUPLICATE: "Already in the project",
    REFUSED: "Refused",
}


class _TableDialog(QDialog):
    def __init__(self, title: str, intro: str, headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 360)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Screen readers announce the table by what it lists and read the summary above it as its description.
        self.table.setAccessibleName(title)
        self.table.setAccessibleDescription(intro)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(len(headers) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class ImportResultsDialog(_TableDialog):
    """One row per file: name, what became of it, and why."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None, notices: Sequence[Notice] = ()) -> None:
        """``notices`` are what adding the articles to the project found (near duplicates), one extra row each."""
        counts = {s: sum(1 for f in result.files if f.status == s) for s in STATUS_TEXT}
        added = counts[IMPORTED] + counts[IMPORTED_WITH_WARNINGS]
        intro = f"{added} of {len(result.files)} files added to the project."
        if counts[REFUSED]:
            intro += f" {counts[REFUSED]} could not be read."
        if result.cancelled:
            intro += " The import was cancelled before the last files were read."
        rows = [(_shown_name(f), STATUS_TEXT.get(f.status, f.status), _details(f)) for f in result.files]
        rows += [("", "Near duplicate", n.message) for n in notices if n.code == "near-duplicate"]
        super().__init__("Import results", intro, ("File", "Result", "Details"), rows, parent)


def _shown_name(file: FileResult) -> str:
    """The file's own name (folders make full paths too long for the table), or the paste's label."""
    return display_name(file.path.name) if file.path is not None and file.path.name else file.name


def _details(file: FileResult) -> str:
    """The reasons, one per line; for a duplicate, which article it duplicates (the status says the rest)."""
    if file.status == DUPLICATE and file.article is not None:
        return f"Same text as “{file.article.display_title}”"
    return "\n".join(file.reasons) or (file.article.display_title if file.article else "")
