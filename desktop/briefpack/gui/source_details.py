"""The source details dialog: each metadata field as parsed beside the analyst's corrected value, and the publisher's grade.

``SourceDetailsDialog`` lists the correctable fields (``store.corrections.FIELDS``)
in a grid: the value the reader parsed (read-only), an editable value that
starts as the effective one, and a button that puts the parsed value back.
On OK a field whose text differs from the parsed value becomes a correction
(an emptied field is corrected to empty), one equal to it goes back to the
parsed value, and the publisher's Admiralty reliability grade (A–F, "F"
when never graded) is stored for the publisher the dialog ends with — all
through ``ProjectSession``, which reloads the articles and tells the views,
so the sources list, the preview and the citations show the corrections.
A date that does not read as ISO disables OK. ``show_source_details`` opens
it for the window without blocking (``open()``, deleted on close).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefpack.model.article import Article
from briefpack.store.corrections import FIELDS

LABELS = {
    "title": "Title", "authors": "Authors", "publisher": "Publisher", "published": "Published",
    "url": "URL", "language": "Language", "original_language": "Original language", "category": "Category",
}
HINTS = {"authors": "names separated by ;", "published": "YYYY-MM-DD", "language": "e.g. en", "original_language": "e.g. ko"}
GRADES = (
    ("A", "Completely reliable"), ("B", "Usually reliable"), ("C", "Fairly reliable"),
    ("D", "Not usually reliable"), ("E", "Unreliable"), ("F", "Reliability cannot be judged"),
)
DEFAULT_GRADE = "F"


def field_text(article: Article | None, name: str) -> str:
    """How the dialog writes a field of ``article`` (empty for no value or no article)."""
    value = getattr(article, name, None) if article is not None else None
    if name == "authors":
        return "; ".join(value or ())
    if isinstance(value, dt.date):
        return value.isoformat()
    return value or ""


def text_value(name: str, text: str) -> object:
    """The model value of a field's text (``None`` or no authors when empty); ``ValueError`` for a date that is not ISO."""
    text = text.strip()
    if name == "authors":
        return tuple(a.strip() for a in text.split(";") if a.strip())
    if name == "published":
        return dt.date.fromisoformat(text) if text else None
    return text or None


class SourceDetailsDialog(QDialog):
    """Corrects one source's metadata in ``session`` (a ``ProjectSession``) when accepted. UI thread only."""

    def __init__(self, session, article_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id = article_id
        self.parsed = session.parsed_article(article_id)
        effective = session.article(article_id)
        if self.parsed is None or effective is None:
            raise KeyError(article_id)
        self.setWindowTitle(f"Source details — {effective.display_title}")
        self.setMinimumWidth(720)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, heading in enumerate(("", "As parsed", "Corrected")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        corrected = session.corrections(article_id)
        self.edits: dict[str, QLineEdit] = {}
        for row, name in enumerate(FIELDS, start=1):
            parsed_text = field_text(self.parsed, name)
            if name == "title" and self.parsed.title_derived:
                parsed_text += " (derived from the text)"
            parsed = QLabel(parsed_text or "none")
            parsed.setTextFormat(Qt.TextFormat.PlainText)
            if not parsed_text:
                parsed.setEnabled(False)  # greyed: nothing was parsed
            parsed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            parsed.setWordWrap(True)
            edit = QLineEdit(field_text(effective, name))
            edit.setCursorPosition(0)  # long titles read from their start
            edit.setPlaceholderText(HINTS.get(name, "empty"))
            edit.setObjectName(f"correct_{name}")
            if name in corrected:
                edit.setToolTip("Corrected by the analyst; “Use parsed” puts the parsed value back")
            edit.textChanged.connect(self._validate)
            reset = QPushButton("Use parsed")
            reset.setToolTip("Put the parsed value back")
            reset.clicked.connect(lambda _=False, n=name: self.edits[n].setText(field_text(self.parsed, n)))
            # Fields the analyst has corrected are named in bold.
            grid.addWidget(QLabel(f"<b>{LABELS[name]}</b>" if name in corrected else LABELS[name]), row, 0)
            grid.addWidget(parsed, row, 1)
            grid.addWidget(edit, row, 2)
            grid.addWidget(reset, row, 3)
            self.edits[name] = edit
        self.grade = QComboBox()
        for letter, meaning in GRADES:
            self.grade.addItem(f"{letter} — {meaning}", letter)
        self.grade_label = QLabel()
        self.edits["publisher"].textChanged.connect(self._show_grade)
        grid.addWidget(self.grade_label, len(FIELDS) + 1, 0, 1, 2)
        grid.addWidget(self.grade, len(FIELDS) + 1, 2)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a00")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._show_grade()
        self._validate()

    # ------------------------------------------------------------ reading

    def publisher(self) -> str | None:
        """The publisher the dialog would leave the source with (``None``: none)."""
        return text_value("publisher", self.edits["publisher"].text())  # type: ignore[return-value]

    def changes(self) -> tuple[dict[str, object], list[str]]:
        """(fields to correct with their values, fields to put back to the parsed value); ``ValueError`` for a bad date."""
        corrected: dict[str, object] = {}
        cleared: list[str] = []
        for name, edit in self.edits.items():
            value = text_value(name, edit.text())
            if value == text_value(name, field_text(self.parsed, name)):
                cleared.append(name)
            else:
                corrected[name] = value
        return corrected, cleared

    # ------------------------------------------------------------ applying

    def accept(self) -> None:
        """Store the corrections and the grade in the session, then close."""
        try:
            corrected, cleared = self.changes()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.session.correct_article(self.article_id, corrected, cleared)
        publisher = self.publisher()
        if publisher:
            grade = self.grade.currentData()
            graded = self.session.reliability().get(publisher)
            if graded is not None or grade != DEFAULT_GRADE:
                self.session.set_reliability(publisher, grade)
        super().accept()

    def _show_grade(self) -> None:
        publisher = self.publisher()
        self.grade.setEnabled(bool(publisher))
        self.grade_label.setText(f"Reliability of {publisher}" if publisher else "Reliability (no publisher)")
        grade = self.session.reliability().get(publisher, DEFAULT_GRADE) if publisher else DEFAULT_GRADE
        self.grade.setCurrentIndex(max(0, self.grade.findData(grade)))

    def _validate(self) -> None:
        try:
            text_value("published", self.edits["published"].text())
        except ValueError:
            self.problem.setText("The published date must read YYYY-MM-DD (or be empty).")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.problem.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)


def show_source_details(window, article_id: str) -> SourceDetailsDialog | None:
    """Open the details of ``article_id`` over ``window`` without blocking; ``None`` when no project or no such source."""
    session = getattr(window, "session", None)
    if session is None or session.article(article_id) is None:
        return None
    dialog = SourceDetailsDialog(session, article_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
