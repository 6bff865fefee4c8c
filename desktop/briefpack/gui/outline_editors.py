"""The editors beside the outline: one for the current item of a theme section, one for a written section.

``ItemEditor`` shows one picked passage (its source and text) and the
analyst's treatment of it: quote or paraphrase (with the paraphrase text),
the analyst's note and the credibility grade 1–6. ``SectionTextEditor``
holds the text of a written section (key judgments, lines to take …) with
the template's guidance above it. Neither writes anything: they emit the
edit with the key it belongs to, and the outline panel turns it into a new
``Selection`` or ``BriefSettings`` for the session. Typing is debounced
(``TYPING_PAUSE_MS``) so a sentence becomes one edit, not one per key;
``flush`` sends a pending edit at once (before the editor shows another
item). Filling an editor never emits, and a field with typing not yet sent
is not overwritten by a refresh.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from briefpack.analysis.grading import CREDIBILITY
from briefpack.model.selection import NOT_JUDGED, PARAPHRASE, QUOTE, ItemTreatment

TYPING_PAUSE_MS = 400


class DebouncedText(QObject):
    """A plain-text field whose edits reach ``send(key, text)`` after a pause in typing (or when it loses focus),
    for the key shown when typing began."""

    def __init__(self, edit: QPlainTextEdit, send: Callable[[str, str], None]) -> None:
        super().__init__(edit)
        self.edit = edit
        self._send = send
        self._key: str | None = None
        self._filling = False
        self._due = False
        self._timer = QTimer(edit)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        edit.textChanged.connect(self._typed)
        # Leaving the field sends what was typed, before a click elsewhere changes what the editor shows.
        edit.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """True while typing waits to be sent."""
        return self._due

    def show(self, key: str | None, text: str) -> None:
        """Show ``text`` for ``key``; typing for another key is sent first, typing for this one is kept."""
        if key != self._key:
            self.flush()
            self._key = key
        elif self.pending:
            return
        if self.edit.toPlainText() != text:
            self._filling = True
            try:
                self.edit.setPlainText(text)
            finally:
                self._filling = False

    def flush(self) -> None:
        """Send the typing not yet sent, if any."""
        if not self._due:
            return
        self._due = False
        self._timer.stop()
        if self._key is not None:
            self._send(self._key, self.edit.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def discard(self) -> None:
        """Forget typing not yet sent and the key it was for."""
        self._due = False
        self._timer.stop()
        self._key = None

    def _typed(self) -> None:
        if not self._filling and self._key is not None:
            self._due = True
            self._timer.start()


class ItemEditor(QWidget):
    """The current item's treatment. Signals carry the item's ``PickedPassage.key`` first."""

    modeChanged = Signal(str, str)
    paraphraseEdited = Signal(str, str)
    noteEdited = Signal(str, str)
    gradeChanged = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self._filling = False
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setAccessibleName("Source of the item")
        # Read-only and a few lines high, so a long passage scrolls instead of pushing the fields away.
        self.passage = QPlainTextEdit()
        self.passage.setReadOnly(True)
        self.passage.setFrameShape(QFrame.Shape.NoFrame)
        self.passage.setAccessibleName("The passage as the source gives it")
        self.passage.setTabChangesFocus(True)
        self.quote_button = QRadioButton("&Quote")
        self.quote_button.setAccessibleName("Quote the passage")
        self.paraphrase_button = QRadioButton("Pa&raphrase")
        self.paraphrase_button.setAccessibleName("Paraphrase the passage")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.quote_button)
        self.mode_group.addButton(self.paraphrase_button)
        self.paraphrase = QPlainTextEdit()
        self.paraphrase.setPlaceholderText("The passage in your own words; it keeps the citation. Until written, the passage is quoted.")
        self.paraphrase.setAccessibleName("Paraphrase")
        self.paraphrase.setTabChangesFocus(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Analyst's note, printed after the item (optional).")
        self.note.setAccessibleName("Analyst's note")
        self.note.setTabChangesFocus(True)
        self.grade = QComboBox()
        self.grade.setAccessibleName("Credibility grade")
        self.grade.setToolTip("Admiralty credibility of the passage; 6 means it has not been judged.")
        for number, meaning in CREDIBILITY.items():
            self.grade.addItem(f"{number} — {meaning}", number)
        lines = self.note.fontMetrics().lineSpacing()
        for box in (self.paraphrase, self.note):
            box.setMinimumHeight(lines * 3 + 12)
        margin = int(self.passage.document().documentMargin())
        self.passage.setFixedHeight(lines * 4 + 2 * margin + 6)
        self.passage.viewport().setAutoFillBackground(False)

        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        modes.addWidget(self.quote_button)
        modes.addWidget(self.paraphrase_button)
        modes.addStretch(1)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Use as", modes)
        form.addRow("Paraphrase", self.paraphrase)
        form.addRow("Note", self.note)
        form.addRow("Grade", self.grade)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source)
        layout.addWidget(self.passage)
        layout.addLayout(form, 1)

        self._paraphrase_text = DebouncedText(self.paraphrase, self.paraphraseEdited.emit)
        self._note_text = DebouncedText(self.note, self.noteEdited.emit)
        self.mode_group.buttonToggled.connect(self._on_mode)
        self.grade.currentIndexChanged.connect(self._on_grade)

    def show_item(self, key: str, source: str, text: str, treatment: ItemTreatment) -> None:
        """Show item ``key`` (its source line and passage text) with ``treatment``, without emitting."""
        if key != self.key:
            self.flush()
        self.key = key
        self.source.setText(f"<b>{html.escape(source)}</b>")
        self.passage.setPlainText(f"“{text}”")
        self._filling = True
        try:
            (self.paraphrase_button if treatment.mode == PARAPHRASE else self.quote_button).setChecked(True)
            self.paraphrase.setEnabled(treatment.mode == PARAPHRASE)
            self.grade.setCurrentIndex(max(0, self.grade.findData(treatment.grade)))
        finally:
            self._filling = False
        self._paraphrase_text.show(key, treatment.paraphrase)
        self._note_text.show(key, treatment.note)

    def flush(self) -> None:
        """Send typing not yet sent (before another item is shown, or the window closes)."""
        self._paraphrase_text.flush()
        self._note_text.flush()

    def discard(self) -> None:
        """Forget typing not yet sent (its project was closed)."""
        self._paraphrase_text.discard()
        self._note_text.discard()
        self.key = None

    def _on_mode(self, _button, checked: bool) -> None:
        if not checked:
            return
        mode = PARAPHRASE if self.paraphrase_button.isChecked() else QUOTE
        self.paraphrase.setEnabled(mode == PARAPHRASE)
        if self._filling or self.key is None:
            return
        self._paraphrase_text.flush()  # the text first, so the mode change shows it
        self.modeChanged.emit(self.key, mode)
        if mode == PARAPHRASE:
            self.paraphrase.setFocus()

    def _on_grade(self, _index: int) -> None:
        if not self._filling and self.key is not None:
            self.gradeChanged.emit(self.key, int(self.grade.currentData() or NOT_JUDGED))


class SectionTextEditor(QWidget):
    """The text of one written section; ``textEdited(key, text)`` after a pause in typing."""

    textEdited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setAccessibleName("Written section")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setAccessibleName("What belongs in this section")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Section text")
        self.text.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.text, 1)
        self._typed = DebouncedText(self.text, self.textEdited.emit)

    def show_section(self, key: str, title: str, hint: str, text: str, layout_hint: str) -> None:
        """Show written section ``key`` with its guidance; ``layout_hint`` says how the text is split (paragraphs, lines)."""
        self.key = key
        self.title.setText(f"<b>{html.escape(title)}</b>")
        self.hint.setText(f"<i>{html.escape(hint)}</i>" if hint else "")
        self.text.setPlaceholderText(layout_hint)
        self.text.setAccessibleDescription(f"The text of {title}. {layout_hint}")
        self._typed.show(key, text)

    def flush(self) -> None:
        """Send typing not yet sent."""
        self._typed.flush()

    def discard(self) -> None:
        """Forget typing not yet sent (its project was closed)."""
        self._typed.discard()
        self.key = None
