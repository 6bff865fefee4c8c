"""The outline of the brief: its sections in template order, the items of each theme section, and their editors.

``OutlinePanel`` lists what the template will lay out: written sections
(their text edited in ``SectionTextEditor``), one section per chosen theme
with its items in the order the brief gives them (the current item's
treatment, quote or paraphrase, note and grade, edited in ``ItemEditor``),
and the sections generated from the sources (timeline, key figures, the
source list …) as read-only rows. Items are reordered within their section
by dragging them or with Move up / Move down (Alt+Up, Alt+Down); Leave out
(Delete) drops one; passages dragged in from the passage picker are placed
in the theme section they are dropped on, at the drop position (the tree
and its drops are in ``gui.outline_tree``, what each row shows in
``gui.outline_rows``). Every change is computed by a
pure function of ``gui.edits`` from the session's current ``Selection`` or
``BriefSettings`` and handed to the session (``set_selection`` /
``set_settings``), the only writer; the tree is then rebuilt from the
session's state, so Qt never moves rows itself. Edits that change no row's
place (a note, a grade or a paraphrase typed, a section's text written)
only restyle the rows they touch instead of rebuilding the tree. While the
tab is hidden in a shown window, rebuilding waits until it is shown
(``gui.when_shown``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QSplitter, QStackedWidget, QToolButton, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from briefpack.assembly.pick import pick_passages
from briefpack.assembly.sections.context import paragraph_number
from briefpack.model.selection import PickedPassage

from briefpack.gui import edits, outline_rows
from briefpack.gui.outline_editors import ItemEditor, SectionTextEditor
from briefpack.gui.when_shown import RefreshWhenShown
from briefpack.gui.outline_tree import EMPTY, GENERATED, ITEM, KEY_ROLE, ROW_ROLE, THEME, WRITTEN, OutlineTreeWidget
from briefpack.gui.passages import source_label

# The row kinds and roles are the tree's; named here too so callers need one import.
__all__ = ["EMPTY", "GENERATED", "ITEM", "KEY_ROLE", "ROW_ROLE", "THEME", "WRITTEN", "OutlinePanel"]


# Source and grade columns at first (the analyst can widen them): at 1280 px the item column gets the rest.
SOURCE_WIDTH = 84
GRADE_WIDTH = 52


class OutlinePanel(QWidget):
    """The Outline tab. ``attach(session)`` shows a project and sends the analyst's edits to that session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = None
        self._filled: tuple | None = None  # (content, taxonomy, selection, settings) the tree shows
        self._showing = False  # inside _show_editor: a refresh it causes (sending typing) waits for it to end
        self._picked_by_theme: dict[str, list[PickedPassage]] = {}
        self._picked: dict[str, PickedPassage] = {}
        self._sections: dict[str, tuple[str, str, str]] = {}  # text key -> (title, hint, layout)
        self._when_shown = RefreshWhenShown(self, self.refresh)  # a hidden tab is rebuilt when shown, not per edit

        self.heading = QLabel("<b>Outline</b>")
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.summary.setWordWrap(True)
        self.tree = OutlineTreeWidget()
        self.tree.setAccessibleName("Outline of the brief")
        self.tree.setAccessibleDescription(
            "The brief's sections in order. Drag an item, or press Alt+Up or Alt+Down, to move it within its section."
        )
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Section / item", "Source", "Grade"])
        self.tree.headerItem().setToolTip(2, "The item's credibility grade (blank: not judged) and whether it has a note")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        # The items' words need the width more than the source's name (elided; its tooltip gives the article's title).
        header.resizeSection(1, SOURCE_WIDTH)
        header.resizeSection(2, GRADE_WIDTH)

        self.move_up_action = QAction("Move &up", self)
        self.move_up_action.setShortcut(QKeySequence("Alt+Up"))
        self.move_down_action = QAction("Move &down", self)
        self.move_down_action.setShortcut(QKeySequence("Alt+Down"))
        self.move_up_action.triggered.connect(lambda: self.move_current(-1))
        self.move_down_action.triggered.connect(lambda: self.move_current(+1))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for act, arrow, name in ((self.move_up_action, Qt.ArrowType.UpArrow, "Move the item up"),
                                 (self.move_down_action, Qt.ArrowType.DownArrow, "Move the item down")):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{name} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            self.addAction(act)
            button = QToolButton()
            button.setDefaultAction(act)
            button.setArrowType(arrow)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Delete on the tree only: in the note and paraphrase boxes the key deletes text.
        self.leave_out_action = QAction("&Leave out", self.tree)
        self.leave_out_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.leave_out_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.leave_out_action.setToolTip("Leave the item out of the brief (Delete); check it again in the Passages tab")
        self.leave_out_action.triggered.connect(self.leave_out_current)
        self.tree.addAction(self.leave_out_action)
        leave_out = QToolButton()
        leave_out.setDefaultAction(self.leave_out_action)
        leave_out.setAccessibleName("Leave the item out of the brief")
        buttons.addWidget(leave_out)

        self.item_editor = ItemEditor()
        self.section_editor = SectionTextEditor()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.info.setAccessibleName("About the current section")
        self.editors = QStackedWidget()
        self.editors.setAccessibleName("Editor of the current outline entry")
        for page in (self.info, self.item_editor, self.section_editor):
            self.editors.addWidget(page)

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.editors)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.tree.currentItemChanged.connect(lambda item, _old: self._show_editor(item))
        self.tree.itemMoved.connect(self.move_item)
        self.tree.passageDropped.connect(self.place_passage)
        self.item_editor.modeChanged.connect(lambda key, mode: self._edit(edits.with_mode, key, mode))
        self.item_editor.paraphraseEdited.connect(lambda key, text: self._edit(edits.with_paraphrase, key, text))
        self.item_editor.noteEdited.connect(lambda key, text: self._edit(edits.with_note, key, text))
        self.item_editor.gradeChanged.connect(lambda key, grade: self._edit(edits.with_grade, key, grade))
        self.section_editor.textEdited.connect(self._edit_section)
        self._show_editor(None)

    # ------------------------------------------------------------ session

    def attach(self, session) -> None:
        """Show ``session``'s brief and follow its changes; edits go to it from now on."""
        if self._session is not None:
            if self._session.closed:
                self.item_editor.discard()  # the project is gone; its typing cannot be stored
                self.section_editor.discard()
            else:
                self.flush()
            for signal in (self._session.selectionChanged, self._session.settingsChanged, self._session.contentChanged):
                signal.disconnect(self._when_shown.request)
        self._session = session
        for signal in (session.selectionChanged, session.settingsChanged, session.contentChanged):
            signal.connect(self._when_shown.request)
        self._filled = None
        self._when_shown.request()

    def flush(self) -> None:
        """Send typing in the editors that has not been sent yet."""
        self.item_editor.flush()
        self.section_editor.flush()

    # ------------------------------------------------------------- editing

    def move_item(self, theme_id: str, key: str, index: int) -> None:
        """Move item ``key`` to ``index`` of its theme section (counted without it)."""
        keys = self.section_keys(theme_id)
        if self._session is not None and key in keys:
            self._session.set_selection(edits.move_item(self._session.selection, theme_id, keys, key, index))

    def move_current(self, step: int) -> None:
        """Move the current item ``step`` places up (negative) or down within its section."""
        row = self.tree.currentItem()
        if row is None or row.data(0, ROW_ROLE) != ITEM:
            return
        theme_id, key = row.parent().data(0, KEY_ROLE), row.data(0, KEY_ROLE)
        index = self.section_keys(theme_id).index(key) + step
        if 0 <= index < len(self.section_keys(theme_id)):
            self.move_item(theme_id, key, index)

    def leave_out_current(self) -> None:
        """Drop the current item from the brief (it stays listed, unchecked, in the Passages tab); the next item becomes current."""
        row = self.tree.currentItem()
        if self._session is None or row is None or row.data(0, ROW_ROLE) != ITEM:
            return
        theme_id, key = row.parent().data(0, KEY_ROLE), row.data(0, KEY_ROLE)
        keys = self.section_keys(theme_id)
        following = keys[keys.index(key) + 1:] + keys[: keys.index(key)][::-1]
        self._session.set_selection(edits.with_passage(self._session.selection, key, False))
        if following:
            self.select(following[0])

    def place_passage(self, picked: PickedPassage, index: int) -> None:
        """Put a passage (dragged in from the picker) into its theme section at ``index``, and make it current."""
        if self._session is None:
            return
        selection = self._session.selection
        placed = edits.place_passage(selection, picked, self.section_keys(picked.theme_id), index)
        theme = self._session.taxonomy.get(picked.theme_id)
        self._session.set_selection(placed, text=f"Place passage in {theme.label if theme else picked.theme_id}")
        self.select(picked.key)

    def section_keys(self, theme_id: str) -> list[str]:
        """The ``PickedPassage.key`` of each item of a theme section, in the order the brief gives them."""
        self._when_shown.catch_up()
        return [p.key for p in self._picked_by_theme.get(theme_id, [])]

    def _edit(self, fn, key: str, value) -> None:
        if self._session is not None:
            self._session.set_selection(fn(self._session.selection, key, value))

    def _edit_section(self, key: str, text: str) -> None:
        if self._session is not None:
            self._session.set_settings(edits.with_section_text(self._session.settings, key, text))

    # ------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Show the session's brief, keeping the current entry, collapsed sections and scroll place.

        The tree is rebuilt unless only treatments (notes, grades,
        paraphrases) or section texts changed since it was built: those rows
        are restyled in place.
        """
        if self._showing:
            # Typing sent while the editor switches rows: the rows in hand must outlive this call, so rebuild after it.
            QTimer.singleShot(0, self.refresh)
            return
        s = self._session
        if s is not None and not s.replaying and self._restyle(s):
            return
        self._filled = (s.content, s.taxonomy, s.selection, s.settings) if s is not None else None
        current = self.tree.currentItem()
        current_id = (current.data(0, ROW_ROLE), current.data(0, KEY_ROLE)) if current is not None else None
        collapsed = {
            self.tree.topLevelItem(n).data(0, KEY_ROLE)
            for n in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(n).isExpanded()
        }
        scroll = self.tree.verticalScrollBar().value()
        # The session's candidates (computed once per change, shared with the passages list) stand for the tags.
        self._picked_by_theme = pick_passages(s.articles, (), s.selection, candidates=s.candidates()) if s is not None else {}
        self._picked = {p.key: p for items in self._picked_by_theme.values() for p in items}
        self._sections: dict[str, tuple] = {}
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            if s is not None:
                self._sections = outline_rows.fill_outline(
                    self.tree, s, self._picked_by_theme, collapsed, self.palette().placeholderText()
                )
            if current_id is not None:
                self._select_row(*current_id)
        finally:
            self.tree.blockSignals(False)
        self.tree.verticalScrollBar().setValue(scroll)
        self._show_editor(self.tree.currentItem())
        self._update_summary()

    def _restyle(self, s) -> bool:
        """Restyle the rows an in-place edit touched; ``False`` when the tree must be rebuilt instead."""
        if self._filled is None:
            return False
        content, taxonomy, selection, settings = self._filled
        if content is not s.content or taxonomy is not s.taxonomy or settings.template != s.settings.template:
            return False
        if replace(selection, treatments=s.selection.treatments) != s.selection:
            return False  # items came, went or moved
        self._filled = (content, taxonomy, s.selection, s.settings)
        changed = {k for k in set(selection.treatments) | set(s.selection.treatments)
                   if selection.treatments.get(k) != s.selection.treatments.get(k)}
        for key in changed:
            row = self.row(ITEM, key)
            picked = self._picked.get(key)
            if row is not None and picked is not None:
                outline_rows.dress_item(row, s, picked)
        if settings.sections != s.settings.sections:
            for key in self._sections:
                row = self.row(WRITTEN, key)
                if row is not None:
                    outline_rows.dress_written(row, s, key, self.palette().placeholderText())
        self._show_editor(self.tree.currentItem())  # as a rebuild does: the editors follow edits made elsewhere
        self._update_summary()
        return True

    def select(self, key: str) -> bool:
        """Make the item with this ``PickedPassage.key`` (or the written section with this text key) current."""
        self._when_shown.catch_up()
        return self._select_row(ITEM, key) or self._select_row(WRITTEN, key)

    def row(self, kind: str, key: str) -> QTreeWidgetItem | None:
        """The row of this kind and key (``ITEM`` and a ``PickedPassage.key``, ``THEME`` and a theme id …), or ``None``."""
        self._when_shown.catch_up()
        rows = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        for row in rows + [r.child(m) for r in rows for m in range(r.childCount())]:
            if row.data(0, ROW_ROLE) == kind and row.data(0, KEY_ROLE) == key:
                return row
        return None

    def _select_row(self, kind: str, key: str) -> bool:
        row = self.row(kind, key)
        if row is not None:
            self.tree.setCurrentItem(row)
        return row is not None

    def _show_editor(self, row: QTreeWidgetItem | None) -> None:
        self._showing = True
        try:
            self._switch_editor(row)
        finally:
            self._showing = False

    def _switch_editor(self, row: QTreeWidgetItem | None) -> None:
        kind = row.data(0, ROW_ROLE) if row is not None else None
        key = row.data(0, KEY_ROLE) if row is not None else None
        is_item = kind == ITEM and key in self._picked
        self.move_up_action.setEnabled(is_item and row.parent().indexOfChild(row) > 0)
        self.move_down_action.setEnabled(is_item and row.parent().indexOfChild(row) < row.parent().childCount() - 1)
        self.leave_out_action.setEnabled(is_item)
        if is_item:
            self.section_editor.flush()
            self._show_item(key)
            self.editors.setCurrentWidget(self.item_editor)
        elif kind == WRITTEN and key in self._sections:
            self.item_editor.flush()
            title, hint, layout = self._sections[key]
            self.section_editor.show_section(key, title, hint, edits.section_text(self._session.settings, key), layout)
            self.editors.setCurrentWidget(self.section_editor)
        else:
            self.flush()
            self.info.setText(outline_rows.info_text(kind, row))
            self.editors.setCurrentWidget(self.info)

    def _show_item(self, key: str) -> None:
        s = self._session
        picked = self._picked[key]
        article = s.article(picked.passage.article_id)
        if article is not None and 0 <= picked.passage.block_index < len(article.blocks):
            where = f"{article.display_title} · {source_label(article)} · para. {paragraph_number(article, picked.passage.block_index)}"
        else:
            where = picked.passage.article_id
        self.item_editor.show_item(key, where, picked.passage.text, s.selection.treatment(key))

    def _update_summary(self) -> None:
        count = len(self._picked)
        self.summary.setText(
            f"{count} item{'s' if count != 1 else ''} in the theme sections · drag to reorder (Alt+Up, Alt+Down), "
            "or drag a passage in from the Passages tab"
            if self._session is not None else "No project open"
        )
