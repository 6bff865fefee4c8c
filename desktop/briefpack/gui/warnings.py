"""The Warnings tab: everything the analyst should check before sending the brief, grouped by kind.

``collect_warnings`` reads the project's current state — not what the
readers said at import time, which corrections may have settled — and the
warnings of the last preview and export (DESIGN rule 7: warnings are data):
sources without a publication date, titles the reader derived from the text,
passages added by hand whose text is no longer in their source (after a
correction or a re-import), characters no shipped font can draw, the
readers' other warnings, and what composing or writing the brief reported.
``WarningsPanel`` lists them in a sortable tree, one group per kind; clicking
a warning about a source emits ``sourceRequested(article_id)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefpack.model.article import Article
from briefpack.model.notice import Notice
from briefpack.model.selection import Selection

NO_DATE, TITLE_DERIVED, PASSAGE_MISMATCH, GLYPH_MISSING, READER, BRIEF = (
    "no-date", "title-derived", "passage-mismatch", "glyph-missing", "reader", "brief",
)
# Group titles, in the order the groups are listed.
KINDS = {
    NO_DATE: "Sources missing dates",
    TITLE_DERIVED: "Titles derived from the text",
    PASSAGE_MISMATCH: "Passages that no longer match their source",
    GLYPH_MISSING: "Characters the fonts cannot draw",
    READER: "Readers' warnings",
    BRIEF: "Composing and writing the brief",
}
# Reader warnings that ``collect_warnings`` checks against the current state instead.
RECHECKED_CODES = frozenset({NO_DATE, TITLE_DERIVED})
# Rows listed per group at most: the tree stays quick to fill with a 10,000-source project.
MAX_ROWS = 500
ARTICLE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class ProjectWarning:
    """One row of the tab: its group (a key of ``KINDS``), the sentence, what it is about, and the source (``None``: not one source)."""

    kind: str
    message: str
    about: str
    article_id: str | None = None


def collect_warnings(
    articles: Sequence[Article], selection: Selection, brief_notices: Sequence[Notice] = ()
) -> list[ProjectWarning]:
    """The warnings of the project's ``articles`` and ``selection`` and of the last preview's and export's ``brief_notices``."""
    found: list[ProjectWarning] = []
    by_id = {a.id: a for a in articles}
    for article in articles:
        title = article.display_title
        if article.published is None:
            found.append(ProjectWarning(NO_DATE, "No publication date: citations show “n.d.”.", title, article.id))
        if article.title_derived:
            found.append(ProjectWarning(TITLE_DERIVED, "The reader made the title from the text; check it.", title, article.id))
        for notice in article.warnings:
            if notice.code not in RECHECKED_CODES:
                found.append(ProjectWarning(READER, notice.message, title, article.id))
    for picked in selection.added:
        passage = picked.passage
        article = by_id.get(passage.article_id)
        quoted = f"“{_shorten(passage.text)}”"
        if article is None:
            found.append(ProjectWarning(PASSAGE_MISMATCH, f"{quoted}: its source is no longer in the project.", passage.article_id))
        elif not passage.matches(article):
            moved = any(passage.text in block.text for block in article.blocks)
            why = "moved within its source" if moved else "no longer found in its source"
            found.append(ProjectWarning(PASSAGE_MISMATCH, f"{quoted}: {why}; it is left out of the brief.", article.display_title, article.id))
    seen: set[tuple[str, str]] = set()
    for notice in brief_notices:
        if notice.code == PASSAGE_MISMATCH or (notice.code, notice.message) in seen:
            continue  # mismatches are checked above, for every added passage; the same warning from preview and export once
        seen.add((notice.code, notice.message))
        article = by_id.get(notice.subject or "")
        kind = GLYPH_MISSING if notice.code == GLYPH_MISSING else BRIEF
        found.append(ProjectWarning(kind, notice.message, article.display_title if article else "The brief", article.id if article else None))
    return found


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class WarningsPanel(QWidget):
    """The warnings as a tree of groups; call from the UI thread. ``sourceRequested(article_id)`` on a click on a source's warning."""

    sourceRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Warnings</b>")
        self.state = QLabel("No project open")
        self.state.setObjectName("panelSummary")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Warnings")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Warning", "About"])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(1, 150)
        # Listed in the order of ``KINDS`` until the analyst clicks a heading to sort (within each group).
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.tree, 1)
        self.warnings: tuple[ProjectWarning, ...] = ()
        self._key: tuple | None = None

    @property
    def count(self) -> int:
        return len(self.warnings)

    def update_from(self, articles: Sequence[Article], selection: Selection, brief_notices: Sequence[Notice]) -> None:
        """Collect and show the warnings, unless the same ``articles`` object, selection and notices are shown already."""
        key = (id(articles), len(articles), selection.added, tuple(brief_notices))
        if key == self._key:
            return
        self._key = key
        self.show_warnings(collect_warnings(articles, selection, brief_notices))

    def clear(self) -> None:
        self._key = None
        self.warnings = ()
        self.tree.clear()
        self.state.setText("No project open")

    def show_warnings(self, warnings: Sequence[ProjectWarning]) -> None:
        self.warnings = tuple(warnings)
        groups: dict[str, list[ProjectWarning]] = {kind: [] for kind in KINDS}
        for warning in self.warnings:
            groups.setdefault(warning.kind, []).append(warning)
        self.tree.setUpdatesEnabled(False)
        self.tree.setSortingEnabled(False)  # one sort at the end, not one per inserted row
        self.tree.clear()
        for kind, rows in groups.items():
            if not rows:
                continue
            title = f"{KINDS.get(kind, kind)} ({len(rows)}" + (f"; the first {MAX_ROWS} listed)" if len(rows) > MAX_ROWS else ")")
            group = QTreeWidgetItem([title, ""])
            group.setData(0, ARTICLE_ROLE, None)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.addChildren([self._row(w) for w in rows[:MAX_ROWS]])
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)  # the group's title reads across the narrow tab
            group.setExpanded(True)
        self.tree.setSortingEnabled(True)
        self.tree.setUpdatesEnabled(True)
        n = len(self.warnings)
        self.state.setText(
            "Nothing to check." if not n else f"{n} warning{'s' if n != 1 else ''} · click one about a source to select it"
        )

    def group_titles(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    @staticmethod
    def _row(warning: ProjectWarning) -> QTreeWidgetItem:
        item = QTreeWidgetItem([warning.message, warning.about])
        item.setToolTip(0, warning.message)
        item.setToolTip(1, warning.about)
        item.setData(0, ARTICLE_ROLE, warning.article_id)
        return item

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        article_id = item.data(0, ARTICLE_ROLE)
        if article_id:
            self.sourceRequested.emit(article_id)
