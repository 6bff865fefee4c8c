"""The passages the selection picks, grouped under their theme, each checkable to keep or drop it.

Top-level rows are the chosen themes in section order ("Diplomacy — 8 of 9
kept"); under each, every candidate passage with its first words and its
source. Unchecking a passage emits ``toggled(key, False)`` with its
``PickedPassage.key``, which the window adds to ``selection.dropped``;
checking it again restores it. Dropped passages stay listed (greyed) so they
can come back. Below the tree, the current passage is shown in full with
its source and paragraph, so the analyst can read before deciding; the
evidence terms of the chosen themes are highlighted there (``gui.evidence``)
with the theme and term in a tooltip and a legend beneath. ``show_source``
opens a paragraph a finding points at: its passage row when it has one.
Passage rows are also a drag source: dragging one carries the
``PickedPassage`` as ``PASSAGE_MIME`` (JSON), which the outline
(``gui.outline``) accepts to place the passage in a theme section;
``show_dropped`` follows drops made elsewhere (the outline, Undo) without
a refill.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefpack.assembly.sections.context import paragraph_number
from briefpack.assembly.pick import candidate_passages
from briefpack.model.article import Article
from briefpack.model.passage import Passage
from briefpack.model.selection import PickedPassage, Selection
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.evidence_browser import EvidenceBrowser
from briefpack.gui.evidence import highlight_evidence

KEY_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1
FIRST_WORDS = 14
# Only this format, never text/plain: the window imports dropped text as an article (gui.intake).
PASSAGE_MIME = "application/x-briefpack-passage"


def passage_mime_data(picked: PickedPassage) -> QMimeData:
    """A drag payload carrying one picked passage (``PASSAGE_MIME``)."""
    mime = QMimeData()
    payload = {"theme_id": picked.theme_id, "passage": picked.passage.to_json()}
    mime.setData(PASSAGE_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def picked_from_mime(mime: QMimeData | None) -> PickedPassage | None:
    """The passage a ``passage_mime_data`` payload carries; ``None`` when ``mime`` holds none (or a damaged one)."""
    if mime is None or not mime.hasFormat(PASSAGE_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(PASSAGE_MIME)).decode("utf-8"))
        return PickedPassage(str(data["theme_id"]), Passage.from_json(data["passage"]))
    except (ValueError, KeyError, TypeError):
        return None


# Combined once: combining Qt flags runs Python code each time, and a refill makes hundreds of rows.
PASSAGE_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
)

class PassagePickerTree(QTreeWidget):
    """The passage tree as a drag source: a passage row drags as ``PASSAGE_MIME``; ``lookup`` maps a row's key to its passage."""

    def __init__(self, lookup: Callable[[str], PickedPassage | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self.setDragEnabled(True)
        self.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [PASSAGE_MIME]

    def mimeData(self, items) -> QMimeData | None:  # noqa: N802 - Qt override
        picked = next((p for item in items if (p := self._lookup(item.data(0, KEY_ROLE))) is not None), None)
        return passage_mime_data(picked) if picked is not None else None

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction


class PassageTreePanel(QWidget):
    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Passages</b>")
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.summary.setWordWrap(True)  # unwrapped, its long hint would hold the middle column wide
        self.tree = PassagePickerTree(lambda key: self._picked.get(key))
        self.tree.setAccessibleName("Passages picked for the brief")
        self.tree.setAccessibleDescription("Check a passage to keep it, uncheck to drop it; drag it into the outline to place it.")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Passage", "Source"])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_detail(item))
        self.detail = EvidenceBrowser()
        self.detail.setOpenExternalLinks(True)
        self.detail.setPlaceholderText("Select a passage to read it in full.")
        self.detail.setAccessibleName("The current passage in full")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._articles: dict[str, Article] = {}
        self._picked: dict[str, PickedPassage] = {}
        # Each passage's row by key, filled with the tree, so finding a row or counting the kept ones never walks the tree.
        self._items: dict[str, QTreeWidgetItem] = {}
        self._taxonomy = Taxonomy(())
        self._theme_ids: tuple[str, ...] = ()
        self._counts: tuple[int, int] | None = None  # (kept, listed), counted once per change of the check marks

    # ------------------------------------------------------------ filling

    def show_passages(
        self, taxonomy: Taxonomy, articles: Sequence[Article], tags: Sequence[ThemeTag], selection: Selection,
        *, candidates: dict[str, list[PickedPassage]] | None = None,
    ) -> None:
        """Refill from the selection, keeping expanded themes, scroll place and the current passage.

        ``candidates``: ``candidate_passages`` of these arguments when the caller has them already (not changed here).
        """
        self._articles = {a.id: a for a in articles}
        self._taxonomy, self._theme_ids = taxonomy, selection.theme_ids
        if candidates is None:
            candidates = candidate_passages(articles, tags, selection)
        groups = {theme_id: list(items) for theme_id, items in candidates.items()}  # copies: additions are appended below
        listed = {p.key for members in groups.values() for p in members}
        for added in selection.added:
            if added.theme_id in groups and added.key not in listed:
                groups[added.theme_id].append(added)
                listed.add(added.key)
        collapsed = {
            self.tree.topLevelItem(n).data(0, KEY_ROLE)
            for n in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(n).isExpanded()
        }
        current = self.tree.currentItem()
        current_key = current.data(0, KEY_ROLE) if current is not None else None
        scroll = self.tree.verticalScrollBar().value()
        self._picked = {}
        self._items = {}
        self._counts = None
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            for theme_id, items in groups.items():
                theme = taxonomy.get(theme_id)
                group = QTreeWidgetItem([theme.label if theme else theme_id, ""])
                group.setData(0, KEY_ROLE, theme_id)
                group.setData(0, LABEL_ROLE, theme.label if theme else theme_id)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)  # Qt spans only a row already in the tree
                for picked in items:
                    group.addChild(self._passage_item(picked, picked.key not in selection.dropped))
                self._label_group(group)
                group.setExpanded(theme_id not in collapsed)
                if not items:
                    hint = self._placeholder("No paragraph of the chosen sources speaks to this theme.")
                    group.addChild(hint)
                    hint.setFirstColumnSpanned(True)
            if not groups:
                hint = self._placeholder("Check a theme on the left to pick its passages.")
                self.tree.addTopLevelItem(hint)
                hint.setFirstColumnSpanned(True)
            if current_key is not None:
                self._select_key(current_key)
            if self.tree.currentItem() is None and self._picked:
                # Start with the first passage open below, so the detail pane is never idle.
                self._select_key(next(iter(self._picked)))
        finally:
            self.tree.blockSignals(False)
        self.tree.verticalScrollBar().setValue(scroll)
        self._update_summary()
        self._show_detail(self.tree.currentItem())

    def _passage_item(self, picked: PickedPassage, kept: bool) -> QTreeWidgetItem:
        article = self._articles.get(picked.passage.article_id)
        source = source_label(article) if article else picked.passage.article_id
        item = QTreeWidgetItem([first_words(picked.passage.text), source])
        item.setData(0, KEY_ROLE, picked.key)
        item.setFlags(PASSAGE_FLAGS)
        item.setCheckState(0, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
        item.setToolTip(0, picked.passage.text)
        item.setToolTip(1, article.display_title if article else "")
        self._picked[picked.key] = picked
        self._items.setdefault(picked.key, item)
        self._style_kept(item, kept)
        return item

    def _placeholder(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setForeground(0, self.palette().placeholderText())
        return item  # spanned across the columns once it is in the tree

    # ---------------------------------------------------------- querying

    def passage_item(self, key: str) -> QTreeWidgetItem | None:
        """The row of the passage with this ``PickedPassage.key``, or ``None``."""
        return self._items.get(key)

    def show_dropped(self, dropped: frozenset[str] | set[str]) -> None:
        """Check every listed passage not in ``dropped`` and uncheck those in it, without refilling the tree or emitting.

        For a change of the drops made elsewhere (the outline, Undo), where a
        refill would lose nothing but still cost a rebuild.
        """
        self.tree.blockSignals(True)
        try:
            for n in range(self.tree.topLevelItemCount()):
                group = self.tree.topLevelItem(n)
                for m in range(group.childCount()):
                    item = group.child(m)
                    if item.data(0, KEY_ROLE) in self._picked:
                        kept = item.data(0, KEY_ROLE) not in dropped
                        if (item.checkState(0) == Qt.CheckState.Checked) != kept:
                            item.setCheckState(0, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
                            self._style_kept(item, kept)
                            self._counts = None
                self._label_group(group)
        finally:
            self.tree.blockSignals(False)
        self._update_summary()

    def kept_keys(self) -> list[str]:
        return [k for k, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def show_source(self, article_id: str, block_index: int) -> bool:
        """Select the first passage row quoting this paragraph (``True``); else show the paragraph below the tree (``False``)."""
        for key, picked in self._picked.items():
            if (picked.passage.article_id, picked.passage.block_index) == (article_id, block_index):
                self._select_key(key)
                self.tree.scrollToItem(self.tree.currentItem())
                return True
        article = self._articles.get(article_id)
        if article is None or not 0 <= block_index < len(article.blocks):
            return False
        self.tree.setCurrentItem(None)
        self._render_detail(article, block_index, article.blocks[block_index].text, "Not among the picked passages.")
        return False

    def counts(self) -> tuple[int, int]:
        """(kept, listed) passages over all themes."""
        if self._counts is None:
            self._counts = (len(self.kept_keys()), len(self._picked))
        return self._counts

    # ------------------------------------------------------------ private

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if column != 0 or key not in self._picked:
            return
        kept = item.checkState(0) == Qt.CheckState.Checked
        self._counts = None
        self.tree.blockSignals(True)
        self._style_kept(item, kept)
        if item.parent() is not None:
            self._label_group(item.parent())
        self.tree.blockSignals(False)
        self._update_summary()
        self.toggled.emit(key, kept)

    def _style_kept(self, item: QTreeWidgetItem, kept: bool) -> None:
        # Kept rows use the view's own text colour (None), so they follow the palette and the enabled state.
        for column in (0, 1):
            item.setData(column, Qt.ItemDataRole.ForegroundRole, None if kept else self.palette().placeholderText())

    def _label_group(self, group: QTreeWidgetItem) -> None:
        theme_label = group.data(0, LABEL_ROLE)
        children = [group.child(m) for m in range(group.childCount()) if group.child(m).data(0, KEY_ROLE)]
        kept = sum(1 for c in children if c.checkState(0) == Qt.CheckState.Checked)
        group.setText(0, f"{theme_label} — {kept} of {len(children)} kept" if children else f"{theme_label} — none")

    def _update_summary(self) -> None:
        kept, listed = self.counts()
        dropped = listed - kept
        text = f"{kept} passages in the brief" + (f", {dropped} dropped" if dropped else "")
        self.summary.setText(text + " · uncheck a passage to drop it, drag it into the outline to place it")

    def _select_key(self, key: str) -> None:
        item = self.passage_item(key)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        picked = self._picked.get(item.data(0, KEY_ROLE)) if item is not None else None
        if picked is None:
            self.detail.clear()
            return
        passage = picked.passage
        self._render_detail(self._articles.get(passage.article_id), passage.block_index, passage.text)

    def _render_detail(self, article: Article | None, block_index: int, text: str, note: str = "") -> None:
        where = ""
        if article is not None:
            where = f"{html.escape(article.display_title)} · {html.escape(article.publisher or '')}"
            where += f" · para. {paragraph_number(article, block_index)}"
        if note:
            where += f" · <i>{html.escape(note)}</i>"
        marked = highlight_evidence(text, self._taxonomy, self._theme_ids)
        legend = f"<p style='color:#555'>Evidence — {marked.legend}</p>" if marked.legend else ""
        self.detail.setHtml(f"<p style='color:#555'>{where}</p><p>{marked.html}</p>{legend}")

def first_words(text: str, n: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def source_label(article: Article) -> str:
    """A short name for a source column: the publisher, else the title."""
    return article.publisher or article.display_title
