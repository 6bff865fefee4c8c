"""The brief's own properties: title, author, handling marking, template, citation style and the summary.

``BriefPropertiesPanel`` is a compact form above the preview. It shows a
``BriefSettings`` and emits ``edited(BriefSettings)`` with the changed value
after every edit the analyst makes (never when the window fills it in), so
the session can store it and the preview can follow. An empty author or
marking is stored as ``None`` ("none"), as ``BriefSettings`` defines. The
window refills it after every settings change (the outline writes section
texts, Undo puts values back), so an edit here never stores an old copy of
what it does not show.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from briefpack.assembly import TemplateError, available_templates, load_template
from briefpack.model.selection import BriefSettings

MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET")
STYLES = (("chicago", "Chicago (notes)"), ("apa", "APA"), ("harvard", "Harvard"))


class BriefPropertiesPanel(QWidget):
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = BriefSettings()
        self._filling = False

        self.title = QLineEdit()
        self.title.setPlaceholderText("Title of the brief")
        self.author = QLineEdit()
        self.author.setPlaceholderText("Author (optional)")
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(["", *MARKINGS])
        self.marking.lineEdit().setPlaceholderText("No marking")
        self.marking.setMinimumContentsLength(16)
        self.style = QComboBox()
        for value, label in STYLES:
            self.style.addItem(label, value)
        self.template = QComboBox()
        for name, path in sorted(available_templates().items()):
            try:
                label = load_template(path).label
            except TemplateError as exc:
                # A broken user template is listed, so picking it shows the reason in the warnings, not nothing.
                label = f"{name} (broken: {exc})"
            self.template.addItem(label, name)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("Summary: a few sentences for the reader in a hurry (blank line between paragraphs).")
        self.summary.setTabChangesFocus(True)
        line = self.summary.fontMetrics().lineSpacing()
        self.summary.setFixedHeight(line * 4 + 12)

        for widget, name in ((self.title, "Title of the brief"), (self.author, "Author"), (self.marking, "Handling marking"),
                             (self.style, "Citation style"), (self.template, "Template"), (self.summary, "Summary")):
            widget.setAccessibleName(name)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel("Title"), 0, 0)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(QLabel("Marking"), 0, 2)
        grid.addWidget(self.marking, 0, 3)
        grid.addWidget(QLabel("Author"), 1, 0)
        grid.addWidget(self.author, 1, 1)
        grid.addWidget(QLabel("Citations"), 1, 2)
        grid.addWidget(self.style, 1, 3)
        grid.addWidget(QLabel("Template"), 2, 0)
        grid.addWidget(self.template, 2, 1, 1, 3)
        summary_label = QLabel("Summary")
        summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(summary_label, 3, 0)
        grid.addWidget(self.summary, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)

        self.title.textEdited.connect(self._on_edit)
        self.author.textEdited.connect(self._on_edit)
        self.marking.currentTextChanged.connect(self._on_edit)
        self.style.currentIndexChanged.connect(self._on_edit)
        self.template.currentIndexChanged.connect(self._on_edit)
        self.summary.textChanged.connect(self._on_edit)

    def show_settings(self, settings: BriefSettings) -> None:
        """Fill the form from ``settings`` without emitting ``edited``; fields being typed in keep their cursor."""
        self._settings = settings
        self._filling = True
        try:
            if self.title.text() != settings.title:
                self.title.setText(settings.title)
                self.title.setCursorPosition(0)  # show the start of a long title, not its end
            if self.author.text() != (settings.author or ""):
                self.author.setText(settings.author or "")
                self.author.setCursorPosition(0)
            if self.marking.currentText() != (settings.marking or ""):
                self.marking.setCurrentText(settings.marking or "")
            index = self.style.findData(settings.style)
            if index < 0:
                # A style this form does not list (a .csl path): show it rather than silently switch.
                self.style.addItem(settings.style, settings.style)
                index = self.style.count() - 1
            self.style.setCurrentIndex(index)
            index = self.template.findData(settings.template)
            if index < 0:
                self.template.addItem(settings.template, settings.template)
                index = self.template.count() - 1
            self.template.setCurrentIndex(index)
            if self.summary.toPlainText() != settings.summary:
                self.summary.setPlainText(settings.summary)
        finally:
            self._filling = False

    def current_settings(self) -> BriefSettings:
        """The settings the form shows, over whatever it does not (date, the analyst's section texts)."""
        return replace(
            self._settings,
            title=self.title.text().strip() or BriefSettings().title,
            author=self.author.text().strip() or None,
            marking=self.marking.currentText().strip() or None,
            style=self.style.currentData() or self._settings.style,
            template=self.template.currentData() or self._settings.template,
            summary=self.summary.toPlainText(),
        )

    def _on_edit(self, *_args) -> None:
        if self._filling:
            return
        settings = self.current_settings()
        if settings != self._settings:
            self._settings = settings
            self.edited.emit(settings)
