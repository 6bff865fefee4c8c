"""The search box and filters above the sources table, and the value they describe.

``SourceFilter`` is what the analyst narrowed the table to: full-text words
and ``"phrases"`` (as ``store.search`` reads them), a theme, a publisher, a
date range, a language and a grade; ``query_args`` turns it into the
keyword arguments of ``ProjectSession.search`` (``Project.query``), which
answers through SQLite's FTS5 index. ``SourceFilterBar`` edits one: a search
box (typing waits ``SEARCH_DELAY_MS`` for a pause before searching) over a
row of drop-downs and date fields, and emits ``changed`` with the new value.
Filtering only narrows the rows shown: it never changes the brief's selection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLineEdit, QSizePolicy, QToolButton, QWidget

from briefpack.model.article import Article
from briefpack.model.theme import Taxonomy

GRADES = ("A", "B", "C", "D", "E", "F")
SEARCH_DELAY_MS = 250
# The earliest date a date field shows; it reads "any" and does not filter.
NO_DATE = QDate(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class SourceFilter:
    """What the table shows; every field at its default does not filter. ``text`` blank: no text condition."""

    text: str = ""
    theme: str | None = None
    publisher: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str | None = None
    grade: str | None = None

    @property
    def is_empty(self) -> bool:
        return self == SourceFilter()

    def query_args(self) -> dict:
        """The keyword arguments of ``Project.query`` (and ``ProjectSession.search``) for this filter."""
        return {
            "text": self.text if self.text.strip() else None,
            "themes": (self.theme,) if self.theme else (),
            "publisher": self.publisher,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "language": self.language,
            "grades": (self.grade,) if self.grade else (),
        }


class SourceFilterBar(QWidget):
    """The search box and filter fields; ``changed(SourceFilter)`` fires when the analyst changes any of them."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Search and filters")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the text (Ctrl+F): words, \"a phrase\", prefix*")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search sources")
        self.search.setToolTip("Full-text search: a source is shown when one paragraph holds all the words")
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._delay.start())
        self.search.returnPressed.connect(self._emit)

        self.theme = self._combo("Filter by theme", "Any theme")
        self.publisher = self._combo("Filter by publisher", "Any publisher")
        self.language = self._combo("Filter by language", "Any language")
        self.grade = self._combo("Filter by publisher grade", "Any grade")
        for letter in GRADES:
            self.grade.addItem(f"Grade {letter}", letter)
        self.date_from = self._date("Published from", "from: any")
        self.date_to = self._date("Published until", "until: any")
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Show every source again")
        self.clear_button.setAccessibleName("Clear search and filters")
        self.clear_button.clicked.connect(self.clear)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        search_row = QHBoxLayout()
        search_row.setSpacing(4)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        grid.addLayout(search_row, 0, 0, 1, 3)
        # Three equal columns under the search box (their own size hints ignored): theme, publisher,
        # language over from, until, grade.
        for row, widgets in enumerate(((self.theme, self.publisher, self.language), (self.date_from, self.date_to, self.grade)), start=1):
            for column, widget in enumerate(widgets):
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                grid.addWidget(widget, row, column)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self._filling = False

    # ------------------------------------------------------------ building

    def _combo(self, name: str, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(any_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.currentIndexChanged.connect(self._emit_unless_filling)
        return combo

    def _date(self, name: str, any_text: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(f"{name} (the earliest date, shown as “any”, does not filter)")
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(any_text)  # shown at the minimum date
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self._emit_unless_filling)
        return edit

    # ------------------------------------------------------------ filling

    def set_choices(self, taxonomy: Taxonomy, articles: Sequence[Article]) -> None:
        """Offer the project's themes, publishers and languages, keeping what is chosen when it is still offered."""
        self._filling = True
        try:
            _refill(self.theme, [(t.label, t.id) for t in taxonomy.themes])
            publishers = sorted({a.publisher for a in articles if a.publisher}, key=str.casefold)
            _refill(self.publisher, [(p, p) for p in publishers])
            languages = sorted({a.language for a in articles if a.language})
            _refill(self.language, [(lang, lang) for lang in languages])
        finally:
            self._filling = False

    def value(self) -> SourceFilter:
        return SourceFilter(
            text=self.search.text().strip(),
            theme=self.theme.currentData(),
            publisher=self.publisher.currentData(),
            date_from=_date_of(self.date_from),
            date_to=_date_of(self.date_to),
            language=self.language.currentData(),
            grade=self.grade.currentData(),
        )

    def clear(self) -> None:
        """Back to every source: no text, every field at "any"."""
        self._filling = True
        try:
            self.search.clear()
            for combo in (self.theme, self.publisher, self.language, self.grade):
                combo.setCurrentIndex(0)
            for edit in (self.date_from, self.date_to):
                edit.setDate(NO_DATE)
        finally:
            self._filling = False
        self._emit()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A search still waiting for the typing pause is dropped: the window may be closing its project.
        self._delay.stop()
        super().hideEvent(event)

    def search_now(self) -> None:
        """Emit ``changed`` at once rather than after the typing pause."""
        self._emit()

    def _emit_unless_filling(self, *_args) -> None:
        if not self._filling:
            self._emit()

    def _emit(self) -> None:
        self._delay.stop()
        self.changed.emit(self.value())


def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a combo's items after its "any" entry, keeping the current choice when it is still there."""
    current = combo.currentData()
    if [(combo.itemText(n), combo.itemData(n)) for n in range(1, combo.count())] == items:
        return
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)


def _date_of(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
