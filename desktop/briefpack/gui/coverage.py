"""The coverage map: themes × sources, each cell the number of the source's paragraphs tagged with the theme, as a heat-map.

``CoverageModel`` holds the counts (rows: the taxonomy's themes in order;
columns: the sources the sources table shows, in project order) and
``HeatCellDelegate`` paints each cell between the palette's base and
highlight colours by its share of the largest count, so it reads in light
and dark themes alike. Source titles run up the column headers
(``RotatedHeaderView``); chosen themes are marked ✓ in the row headers.
Clicking a cell emits ``cellActivated(article_id, theme_id)`` (the window
opens that source in the reader with the theme's passages marked);
clicking a theme's header emits ``themeToggled(theme_id, chosen)`` to give
or take away its section. Counts are the session's ``DeskContent`` counts,
the numbers the sources table's chips and the themes panel show, counted once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget,
)

from briefpack.model.article import Article
from briefpack.model.selection import Selection
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.content import DeskContent

SHARE_ROLE = Qt.ItemDataRole.UserRole  # a cell's count over the largest count, 0..1
CELL_WIDTH = 34
HEADER_HEIGHT = 130


def mix(low: QColor, high: QColor, share: float) -> QColor:
    """The colour ``share`` (0..1) of the way from ``low`` to ``high``."""
    share = min(1.0, max(0.0, share))
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in zip(low.getRgbF()[:3], high.getRgbF()[:3])))


class CoverageModel(QAbstractTableModel):
    """Rows are themes, columns sources; the display value is the count (empty for none)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._themes: list[tuple[str, str]] = []  # (id, label)
        self._sources: list[Article] = []
        self._content = DeskContent((), ())
        self._chosen: frozenset[str] = frozenset()
        self._largest = 1

    def set_coverage(self, taxonomy: Taxonomy, sources: Sequence[Article], content: DeskContent, chosen: Iterable[str]) -> None:
        """Show ``sources`` (some or all of ``content``'s articles) with ``content``'s counts; ``chosen`` themes are marked."""
        self.beginResetModel()
        self._themes = [(t.id, t.label) for t in taxonomy.themes]
        self._sources = list(sources)
        self._content = content
        self._chosen = frozenset(chosen)
        every = len(self._sources) == len(content.articles)
        self._largest = content.largest(None if every else [a.id for a in self._sources]) or 1
        self.endResetModel()

    def set_chosen(self, chosen: Iterable[str]) -> None:
        """Mark other themes as chosen (the row headers' ✓); the counts stay."""
        chosen = frozenset(chosen)
        if chosen != self._chosen:
            self._chosen = chosen
            if self._themes:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._themes) - 1)

    def theme_id(self, row: int) -> str:
        return self._themes[row][0]

    def source_id(self, column: int) -> str:
        return self._sources[column].id

    def count(self, theme_id: str, article_id: str) -> int:
        return self._content.count(theme_id, article_id)

    def is_chosen(self, theme_id: str) -> bool:
        return theme_id in self._chosen

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._themes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._sources)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        theme_id, label = self._themes[index.row()]
        article = self._sources[index.column()]
        n = self._content.count(theme_id, article.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else ""
        if role == SHARE_ROLE:
            return n / self._largest
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label} in {article.display_title}: {n} paragraph{'s' if n != 1 else ''}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{label}, {article.display_title}: {n}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            theme_id, label = self._themes[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return ("✓ " if theme_id in self._chosen else "    ") + label
            if role == Qt.ItemDataRole.ToolTipRole:
                total = sum(self._content.count(theme_id, a.id) for a in self._sources)
                action = "take it out of" if theme_id in self._chosen else "give it a section in"
                return f"{label}: {total} paragraphs in the sources shown. Click to {action} the brief."
            return None
        article = self._sources[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return article.display_title  # people know sources by title; several may share a publisher
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{article.display_title}\n{article.publisher or 'publisher unknown'}"
        return None


class HeatCellDelegate(QStyledItemDelegate):
    """Fills a cell from the palette's base (none) to its highlight (the largest count), the count on top."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        share = index.data(SHARE_ROLE) or 0.0
        palette = option.palette
        base = palette.color(QPalette.ColorRole.Base)
        fill = mix(base, palette.color(QPalette.ColorRole.Highlight), 0.15 + 0.85 * share ** 0.5) if share else base
        painter.save()
        painter.fillRect(option.rect.adjusted(1, 1, -1, -1), fill)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            strong = share ** 0.5 > 0.55
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if strong else QPalette.ColorRole.Text))
            painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class RotatedHeaderView(QHeaderView):
    """A horizontal header whose labels run upwards, so narrow columns can still name their source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setDefaultSectionSize(CELL_WIDTH)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), HEADER_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802
        if not rect.isValid() or self.model() is None:
            return
        painter.save()
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Button))
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        text = str(self.model().headerData(logical_index, Qt.Orientation.Horizontal) or "")
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.translate(rect.left() + rect.width() / 2, rect.bottom() - 4)
        painter.rotate(-90)
        metrics = painter.fontMetrics()
        length = rect.height() - 8
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, length)
        painter.drawText(QRect(0, -metrics.height() // 2, length, metrics.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class CoveragePanel(QWidget):
    """The coverage map. ``cellActivated(article_id, theme_id)`` and ``themeToggled(theme_id, chosen)`` are the analyst's clicks."""

    cellActivated = Signal(str, str)
    themeToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.summary.setAccessibleName("Coverage summary")
        self.summary.setWordWrap(True)
        self.setAccessibleName("Coverage")
        self.model = CoverageModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Coverage map: themes by sources")
        self.table.setHorizontalHeader(RotatedHeaderView(self.table))
        self.table.setModel(self.model)
        self.table.setItemDelegate(HeatCellDelegate(self.table))
        self.table.setShowGrid(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setSectionsClickable(True)
        rows.sectionClicked.connect(self._on_theme_clicked)
        self.table.clicked.connect(self._on_cell_clicked)
        self.table.activated.connect(self._on_cell_clicked)  # Enter on a cell, for the keyboard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._articles: Sequence[Article] = ()
        self._content: DeskContent | None = None
        self._taxonomy = Taxonomy(())
        self._shown: set[str] | None = None
        self._selection = Selection()

    def show_coverage(
        self, taxonomy: Taxonomy, articles: Sequence[Article], tags: Sequence[ThemeTag], selection: Selection,
        content: DeskContent | None = None,
    ) -> None:
        """Show the counts of ``content`` (the session's ``DeskContent`` of ``articles`` and ``tags``; ``None``: counted here)."""
        if content is None:
            old = self._content
            same = old is not None and old.articles == tuple(articles) and old.tags == tuple(tags)
            content = old if same else DeskContent(articles, tags)
        if content is self._content and taxonomy is self._taxonomy:
            self._selection = selection  # only the chosen themes' marks change: no new columns
            self.model.set_chosen(selection.theme_ids)
            return
        self._content = content
        self._articles, self._taxonomy, self._selection = content.articles, taxonomy, selection
        self._fill()

    def show_only(self, ids: Iterable[str] | None) -> None:
        """Show only these sources' columns (``None``: every source), as the sources table's filter does."""
        self._shown = None if ids is None else set(ids)
        self._fill()

    def _fill(self) -> None:
        content = self._content if self._content is not None else DeskContent((), ())
        sources = [a for a in self._articles if self._shown is None or a.id in self._shown]
        self.model.set_coverage(self._taxonomy, sources, content, self._selection.theme_ids)
        hidden = len(self._articles) - len(sources)
        text = f"{len(self._taxonomy.themes)} themes × {len(sources)} sources: paragraphs tagged per source."
        if hidden:
            text += f" {hidden} sources hidden by the search."
        self.summary.setText(text + " Click a cell to read the source; click a theme to give it a section or take it away.")

    def _on_cell_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cellActivated.emit(self.model.source_id(index.column()), self.model.theme_id(index.row()))

    def _on_theme_clicked(self, row: int) -> None:
        theme_id = self.model.theme_id(row)
        self.themeToggled.emit(theme_id, not self.model.is_chosen(theme_id))
