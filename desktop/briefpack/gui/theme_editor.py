"""The theme editor: the analyst's own themes (add, rename, merge, delete; terms, phrases, context, negatives) and suggested ones.

``ThemeEditorDialog`` edits a copy of the project's taxonomy with the pure
functions of ``analysis.theme_edits``, so every rule (a phrase has several
words, ids are unique, the last theme stays) is the core's, and a refused
edit is explained in the dialog rather than lost. The form on the right
edits the current theme, one entry per line; it is committed when another
theme is chosen or the dialog is accepted. "Suggest" mines key phrases from
the project's articles (``analysis.suggest``) and offers each as a new theme
or as a term of the theme it occurs with. ``gui.theme_apply`` runs the dialog
for the window and stores its result. Everything here runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefpack.analysis import theme_edits as te
from briefpack.analysis.suggest import Suggestion, suggest
from briefpack.analysis.taxonomy import LIST_FIELDS, load_taxonomy
from briefpack.model.article import Article
from briefpack.model.theme import Taxonomy, Theme

from briefpack.gui.worker import JobRunner

ID_ROLE = Qt.ItemDataRole.UserRole
FIELD_TITLES = {"terms": "Terms", "phrases": "Phrases", "context": "Context", "negative": "Not this theme"}
FIELD_TIPS = {
    "terms": "Single words that on their own make a paragraph about the theme; word forms match (troop, troops).",
    "phrases": "Several words in a row; weighted above terms.",
    "context": "Words that support the theme but never tag a paragraph alone.",
    "negative": "Words or phrases that look like the theme but are not (\"price war\" for military).",
}


class ThemeEditorDialog(QDialog):
    """Edits ``taxonomy``; after ``accept`` the edited taxonomy is ``taxonomy`` (``changed`` says whether it differs)."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        articles: Sequence[Article] = (),
        defaults: Taxonomy | None = None,
        parent: QWidget | None = None,
        runner: JobRunner | None = None,
    ) -> None:
        """``runner`` ``None`` mines suggestions on the UI thread (fine for a few articles); the window passes its runner."""
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle("Edit themes")
        self.original = taxonomy
        self.taxonomy = taxonomy
        self.defaults = defaults if defaults is not None else load_taxonomy(None)
        self.articles = tuple(articles)
        self.suggestions: list[Suggestion] = []
        self._shown_id: str | None = None
        self._build()
        self._fill_themes(taxonomy.ids[0] if taxonomy.themes else None)

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.theme_list = QListWidget()
        self.theme_list.currentItemChanged.connect(self._on_current_changed)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add…")
        self.rename_button = QPushButton("Rename…")
        self.merge_button = QPushButton("Merge into…")
        self.delete_button = QPushButton("Delete")
        self.reset_button = QPushButton("Defaults")
        self.reset_button.setToolTip("Go back to the shipped themes, dropping every edit")
        for button, slot in ((self.add_button, self._ask_add), (self.rename_button, self._ask_rename),
                             (self.merge_button, self._ask_merge), (self.delete_button, self.delete_current),
                             (self.reset_button, self.reset_to_defaults)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Themes</b> (in section order)"))
        left_layout.addWidget(self.theme_list, 1)
        left_layout.addLayout(buttons)

        form = QFormLayout()
        self.label_edit = QLineEdit()
        self.description_edit = QLineEdit()
        form.addRow("Label", self.label_edit)
        form.addRow("Description", self.description_edit)
        self.field_edits: dict[str, QPlainTextEdit] = {}
        for field in LIST_FIELDS:
            edit = QPlainTextEdit()
            edit.setToolTip(FIELD_TIPS[field] + " One entry per line.")
            edit.setTabChangesFocus(True)
            self.field_edits[field] = edit
            form.addRow(FIELD_TITLES[field], edit)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(form)

        self.suggest_button = QPushButton("Suggest from articles")
        self.suggest_button.setEnabled(bool(self.articles))
        self.suggest_button.clicked.connect(self.find_suggestions)
        self.suggestion_list = QListWidget()
        self.add_suggestion_theme = QPushButton("New theme")
        self.add_suggestion_term = QPushButton("Add to theme")
        self.add_suggestion_theme.clicked.connect(lambda: self.adopt_suggestion(as_theme=True))
        self.add_suggestion_term.clicked.connect(lambda: self.adopt_suggestion(as_theme=False))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Suggested</b>"))
        right_layout.addWidget(self.suggest_button)
        right_layout.addWidget(self.suggestion_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_suggestion_theme)
        row.addWidget(self.add_suggestion_term)
        right_layout.addLayout(row)

        splitter = QSplitter()
        for widget in (left, middle, right):
            splitter.addWidget(widget)
        splitter.setSizes([260, 420, 260])
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(box)
        self.resize(1000, 600)

    # ------------------------------------------------------------ state

    @property
    def changed(self) -> bool:
        return self.taxonomy != self.original

    def current_id(self) -> str | None:
        """The id of the theme shown in the form; ``None`` when the list is empty."""
        return self._shown_id

    def select(self, theme_id: str) -> bool:
        """Show ``theme_id`` in the form (committing the form first); ``False`` when the form had an error or there is no such theme."""
        for n in range(self.theme_list.count()):
            if self.theme_list.item(n).data(ID_ROLE) == theme_id:
                self.theme_list.setCurrentRow(n)
                return self._shown_id == theme_id
        return False

    def commit_form(self) -> bool:
        """Apply the form to the current theme; ``False`` (with the reason shown) when an entry is refused."""
        theme_id = self._shown_id
        if theme_id is None:
            return True
        try:
            taxonomy = te.rename_theme(self.taxonomy, theme_id, self.label_edit.text(), self.description_edit.text())
            for field, edit in self.field_edits.items():
                wanted = [" ".join(line.split()) for line in edit.toPlainText().splitlines() if line.strip()]
                current = getattr(taxonomy.get(theme_id), field)
                taxonomy = te.remove_entries(taxonomy, theme_id, field, current)
                taxonomy = te.add_entries(taxonomy, theme_id, field, wanted)
        except te.ThemeEditError as exc:
            self._show_error(str(exc))
            return False
        self.taxonomy = taxonomy
        item = self._item(theme_id)
        if item is not None:
            item.setText(taxonomy.get(theme_id).label)
        self._show_error("")
        return True

    # ------------------------------------------------------------ edits (buttons call these after asking)

    def add_theme(self, label: str) -> str | None:
        """Add a theme labelled ``label`` and show it; its id is returned, ``None`` when refused."""
        if not self.commit_form():
            return None
        taxonomy = self._edit(lambda t: te.add_theme(t, te.new_theme_id(t, label), label), select_last=True)
        return taxonomy.ids[-1] if taxonomy is not None else None

    def rename_current(self, label: str) -> bool:
        if self._shown_id is None:
            return False
        self.label_edit.setText(label)
        return self.commit_form()

    def merge_current_into(self, into_id: str) -> bool:
        """Fold the current theme into ``into_id`` and show that one."""
        source = self._shown_id
        if source is None or not self.commit_form():
            return False
        return self._edit(lambda t: te.merge_themes(t, [source], into_id), select=into_id) is not None

    def delete_current(self) -> bool:
        theme_id = self._shown_id
        if theme_id is None:
            return False
        index = self.taxonomy.ids.index(theme_id)
        after = self._edit(lambda t: te.delete_theme(t, theme_id), commit=False)
        if after is None:
            return False
        self._fill_themes(self.taxonomy.ids[min(index, len(self.taxonomy.ids) - 1)])
        return True

    def reset_to_defaults(self) -> None:
        self.taxonomy = self.defaults
        self._fill_themes(self.defaults.ids[0])

    def find_suggestions(self) -> list[Suggestion]:
        """Mine the articles for suggestions and list them (strongest first); with a runner, on a pool thread.

        Returns the suggestions when they are ready at once (no runner, or a
        synchronous pool in tests), else an empty list: the list fills when the job ends.
        """
        if not self.commit_form():
            return []
        articles, taxonomy = self.articles, self.taxonomy
        self.suggest_button.setEnabled(False)
        self.suggest_button.setText("Looking for themes…")
        self.suggestions = []
        if self.runner is None:
            self._show_suggestions(suggest(articles, taxonomy))
        else:
            # The worker gets immutable inputs only: a tuple of frozen articles and a frozen taxonomy.
            self.runner.submit(lambda cancel: suggest(articles, taxonomy), "Suggest themes",
                               on_result=self._show_suggestions, on_error=self._suggest_failed)
        return self.suggestions

    def _suggest_failed(self, error: BaseException) -> None:
        self._reset_suggest_button()
        self._show_error(f"Suggestions could not be found: {error}")

    def _reset_suggest_button(self) -> None:
        self.suggest_button.setText("Suggest from articles")
        self.suggest_button.setEnabled(bool(self.articles))

    def _show_suggestions(self, found: list[Suggestion]) -> None:
        self._reset_suggest_button()
        self.suggestions = list(found)
        self.suggestion_list.clear()
        for s in self.suggestions:
            theme = self.taxonomy.get(s.existing_theme_id) if s.existing_theme_id else None
            where = f"→ {theme.label}" if theme else "new theme?"
            item = QListWidgetItem(f"{s.phrase}  ({s.articles} source{'s' if s.articles != 1 else ''}, {where})")
            item.setToolTip("\n\n".join(self._example_text(p) for p in s.examples))
            self.suggestion_list.addItem(item)
        if self.suggestions:
            self.suggestion_list.setCurrentRow(0)

    def adopt_suggestion(self, *, as_theme: bool) -> bool:
        """Add the chosen suggestion as a new theme, or as an entry of its theme (else of the current theme)."""
        row = self.suggestion_list.currentRow()
        if not 0 <= row < len(self.suggestions) or not self.commit_form():
            return False
        chosen = self.suggestions[row]
        field = "phrases" if len(chosen.phrase.split()) > 1 else "terms"
        if as_theme:
            label = chosen.phrase[:1].upper() + chosen.phrase[1:]
            done = self._edit(lambda t: te.add_theme(t, te.new_theme_id(t, label), label, **{field: [chosen.phrase]}), select_last=True)
        else:
            target = chosen.existing_theme_id if chosen.existing_theme_id in self.taxonomy.ids else self._shown_id
            if target is None:
                return False
            done = self._edit(lambda t: te.add_entries(t, target, field, [chosen.phrase]), select=target)
        if done is not None:
            self.suggestion_list.takeItem(row)
            del self.suggestions[row]
        return done is not None

    def accept(self) -> None:
        if self.commit_form():
            super().accept()

    # ------------------------------------------------------------ private

    def _ask_add(self) -> None:
        label, ok = QInputDialog.getText(self, "Add a theme", "Label:")
        if ok and label.strip():
            self.add_theme(label)

    def _ask_rename(self) -> None:
        theme = self.taxonomy.get(self._shown_id) if self._shown_id else None
        if theme is not None:
            label, ok = QInputDialog.getText(self, "Rename the theme", "Label:", text=theme.label)
            if ok:
                self.rename_current(label)

    def _ask_merge(self) -> None:
        others = [t for t in self.taxonomy.themes if t.id != self._shown_id]
        if self._shown_id is None or not others:
            return
        label, ok = QInputDialog.getItem(self, "Merge themes", "Merge into:", [t.label for t in others], 0, False)
        if ok:
            self.merge_current_into(next(t.id for t in others if t.label == label))

    def _edit(self, change, *, select: str | None = None, select_last: bool = False, commit: bool = True):
        """Apply ``change`` to the taxonomy and refill; the new taxonomy, or ``None`` when refused (reason shown)."""
        if commit and not self.commit_form():
            return None
        try:
            taxonomy = change(self.taxonomy)
        except te.ThemeEditError as exc:
            self._show_error(str(exc))
            return None
        self.taxonomy = taxonomy
        self._shown_id = None  # the form was committed; do not commit it again over the new taxonomy
        self._fill_themes(taxonomy.ids[-1] if select_last else select or (taxonomy.ids[0] if taxonomy.ids else None))
        self._show_error("")
        return taxonomy

    def _fill_themes(self, current: str | None) -> None:
        self.theme_list.blockSignals(True)
        self.theme_list.clear()
        for theme in self.taxonomy.themes:
            item = QListWidgetItem(theme.label)
            item.setData(ID_ROLE, theme.id)
            item.setToolTip(f"{theme.id}: {theme.description}" if theme.description else theme.id)
            self.theme_list.addItem(item)
        self.theme_list.blockSignals(False)
        self._shown_id = None
        target = self._item(current) if current else None
        if target is not None:
            self.theme_list.setCurrentItem(target)  # shows it in the form via _on_current_changed
        self._show_theme(self.taxonomy.get(current) if current else None)

    def _on_current_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if not self.commit_form():
            # Stay on the theme with the refused entry so the analyst can fix it.
            self.theme_list.blockSignals(True)
            self.theme_list.setCurrentItem(previous)
            self.theme_list.blockSignals(False)
            return
        self._show_theme(self.taxonomy.get(current.data(ID_ROLE)) if current is not None else None)

    def _show_theme(self, theme: Theme | None) -> None:
        self._shown_id = theme.id if theme else None
        self.label_edit.setText(theme.label if theme else "")
        self.description_edit.setText(theme.description if theme else "")
        for field, edit in self.field_edits.items():
            edit.setPlainText("\n".join(getattr(theme, field)) if theme else "")
        for widget in (self.label_edit, self.description_edit, *self.field_edits.values(),
                       self.rename_button, self.merge_button, self.delete_button):
            widget.setEnabled(theme is not None)

    def _item(self, theme_id: str) -> QListWidgetItem | None:
        for n in range(self.theme_list.count()):
            if self.theme_list.item(n).data(ID_ROLE) == theme_id:
                return self.theme_list.item(n)
        return None

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def _example_text(self, passage) -> str:
        article = next((a for a in self.articles if a.id == passage.article_id), None)
        if article is None:
            return passage.text
        text = article.blocks[passage.block_index].text
        start, end = max(0, passage.start - 80), min(len(text), passage.end + 80)
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "") + f"\n— {article.display_title}"
