"""The sources table's data: one row per article, a model over the rows, a proxy that filters and sorts them, theme chips.

``content_rows`` turns the session's articles (with their theme counts from
``gui.content``) and publisher grades into plain ``SourceRow`` values once per
content change, and only the new ones after an import (``append_rows``); ``SourceTableModel`` (a
``QAbstractTableModel``, so 10,000 rows cost no widgets) serves them to the
view: title (with the choose-source check box), publisher, date, grade,
language and themes. Checking a box does not change the model: it emits
``toggled(id, checked)`` and the window hands the new selection to the
session, whose refresh sets the check marks (``set_chosen``) — so a refused
uncheck (the last source) never shows as done. ``SourceFilterProxy`` keeps
the rows whose ids a search returned; sorting is passed on to the model,
which sorts its rows with one Python ``sorted`` on the column's keys, where
the proxy's own sort would call back into Python for each of some 140,000
comparisons (at 10,000 rows about 0.1 s of CPU against 1.5 s, measured by
tests/benchmarks/bench_desk.py). ``ThemeChipsDelegate`` draws the themes column
as small rounded labels in the theme colours of ``gui.evidence``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from briefpack.collector import gc_paused
from briefpack.model.article import Article
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.content import DeskContent
from briefpack.gui.evidence import text_colour, theme_colour

COLUMNS = ("Title", "Publisher", "Date", "Grade", "Language", "Themes")
TITLE, PUBLISHER, DATE, GRADE, LANGUAGE, THEMES = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 2  # ((label, background, text colour), ...) for the chips delegate
UNGRADED = "F"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One article as the table shows it, with the ``content`` its theme counts come from."""

    article: Article
    grade: str
    content: DeskContent

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def themes(self) -> tuple[tuple[str, int], ...]:
        """(theme id, tagged paragraphs), most paragraphs first; worked out when a row is first drawn or sorted."""
        return self.content.themes_of(self.article.id)


def source_rows(articles: Sequence[Article], tags: Sequence[ThemeTag], reliability: Mapping[str, str]) -> list[SourceRow]:
    """The rows of ``articles`` in project order; a publisher missing from ``reliability`` (or none) grades "F"."""
    return content_rows(DeskContent(articles, tags), articles, reliability)


def content_rows(content: DeskContent, articles: Iterable[Article], reliability: Mapping[str, str]) -> list[SourceRow]:
    """The rows of ``articles`` (some or all of ``content``'s), their themes as ``content`` counts them."""
    # Tens of thousands of small tuples: the cyclic collector rescanning the project's heap meanwhile cost more than building them.
    with gc_paused():
        return [
            SourceRow(a, reliability.get(a.publisher, UNGRADED) if a.publisher else UNGRADED, content)
            for a in articles
        ]


def title_text(article: Article) -> str:
    """The title as the table writes it: warned sources start with ⚠, derived titles say so."""
    title = article.display_title + (" (title derived)" if article.title_derived else "")
    return "⚠ " + title if article.warnings else title


def source_tooltip(article: Article) -> str:
    lines = [article.display_title]
    if article.authors:
        lines.append("By " + ", ".join(article.authors))
    if article.url:
        lines.append(article.url)
    if article.provenance.file_name:
        lines.append(f"File: {article.provenance.file_name}")
    lines.extend(f"⚠ {w.message}" for w in article.warnings)
    return "\n".join(lines)


class SourceTableModel(QAbstractTableModel):
    """The rows of the sources table. UI thread only; ``toggled(id, checked)`` is the analyst's click on a check box."""

    toggled = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SourceRow] = []  # in the order shown (sorted)
        self._project: list[SourceRow] = []  # in project order
        self._row_of: dict[str, int] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._chosen: frozenset[str] = frozenset()
        self._taxonomy = Taxonomy(())
        self._dark = False

    # ------------------------------------------------------------ filling

    def set_rows(self, rows: Sequence[SourceRow], chosen: Iterable[str], taxonomy: Taxonomy, dark: bool = False) -> None:
        """Replace every row (a model reset); ``chosen`` are the ids checked, ``dark`` picks chip colours for a dark palette."""
        self.beginResetModel()
        self._project = list(rows)
        self._rows = self._in_order(*self._sorted_by)
        self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        self._chosen = frozenset(chosen)
        self._taxonomy, self._dark = taxonomy, dark
        self.endResetModel()

    def append_rows(self, rows: Sequence[SourceRow], chosen: Iterable[str]) -> None:
        """Add rows after the last (new articles; a sorted table sorts again), with ``chosen`` the ids now checked."""
        if not rows:
            self.set_chosen(chosen)
            return
        if 0 <= self._sorted_by[0] < len(COLUMNS):  # the new rows fall anywhere: sort everything again
            self.set_rows(self._project + list(rows), chosen, self._taxonomy, self._dark)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._project.extend(rows)
        self._rows.extend(rows)
        self._row_of.update((r.id, first + n) for n, r in enumerate(rows))
        self.endInsertRows()
        self.set_chosen(chosen)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (-1: project order); missing values go last in ascending order."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old]
        self._sorted_by = (column, order)
        self._rows = self._in_order(column, order)
        self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(self._row_of[i], p.column()) for i, p in zip(old_ids, old)])
        self.layoutChanged.emit()

    def _in_order(self, column: int, order: Qt.SortOrder) -> list[SourceRow]:
        if not 0 <= column < len(COLUMNS):
            return list(self._project)
        # Keys are made per sort, for its column only: most tables are never sorted by most columns.
        ordered = sorted(self._project, key=lambda r: sort_key(r, column))
        return ordered[::-1] if order == Qt.SortOrder.DescendingOrder else ordered

    def set_chosen(self, chosen: Iterable[str]) -> None:
        """Change only the check marks (the rows stay), telling the view which changed."""
        chosen = frozenset(chosen)
        changed = sorted(self._row_of[i] for i in chosen ^ self._chosen if i in self._row_of)
        self._chosen = chosen
        if changed:
            self.dataChanged.emit(self.index(changed[0], TITLE), self.index(changed[-1], TITLE), [Qt.ItemDataRole.CheckStateRole])

    # ------------------------------------------------------------ reading

    def row_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, article_id: str) -> int | None:
        """The model row of an article, ``None`` when it has none."""
        return self._row_of.get(article_id)

    def ids(self) -> list[str]:
        """Every row's id in project order."""
        return [r.id for r in self._project]

    def is_chosen(self, article_id: str) -> bool:
        return article_id in self._chosen

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == GRADE:
            return "The publisher's reliability (Admiralty A–F; F when not graded)"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == TITLE else flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and column == TITLE:
            return Qt.CheckState.Checked if row.id in self._chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == CHIPS_ROLE and column == THEMES:
            return tuple(
                (self._label(t), theme_colour(self._taxonomy, t, self._dark), text_colour(self._dark)) for t, _ in row.themes
            )
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != TITLE or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        # The session decides; its refresh sets the check mark through set_chosen.
        self.toggled.emit(self._rows[index.row()].id, checked)
        return True

    # ------------------------------------------------------------ private

    def _label(self, theme_id: str) -> str:
        theme = self._taxonomy.get(theme_id)
        return theme.label if theme is not None else theme_id

    def _display(self, row: SourceRow, column: int) -> str:
        a = row.article
        if column == TITLE:
            return title_text(a)
        if column == PUBLISHER:
            return a.publisher or ""
        if column == DATE:
            return a.published.isoformat() if a.published else ""
        if column == GRADE:
            return row.grade
        if column == LANGUAGE:
            return a.language or ""
        return ", ".join(self._label(t) for t, _ in row.themes)  # what the chips show, for copy and accessibility

    def _tooltip(self, row: SourceRow, column: int) -> str | None:
        if column == THEMES:
            return "\n".join(f"{self._label(t)}: {n} paragraph{'s' if n != 1 else ''}" for t, n in row.themes) or "No theme tagged"
        return source_tooltip(row.article)


def sort_key(row: SourceRow, column: int) -> object:
    """The key of ``row`` in ``column``; missing values sort last in ascending order (hence the leading flag).

    Themes sort by how many tagged paragraphs the source has, most first.
    """
    a = row.article
    if column == TITLE:
        return a.display_title.casefold()
    if column == PUBLISHER:
        return (a.publisher is None, (a.publisher or "").casefold())
    if column == DATE:
        return (a.published is None, a.published.toordinal() if isinstance(a.published, dt.date) else 0)
    if column == GRADE:
        return row.grade
    if column == LANGUAGE:
        return (a.language is None, a.language or "")
    return (not row.themes, -sum(n for _, n in row.themes))


class SourceFilterProxy(QSortFilterProxyModel):
    """Shows the rows whose ids are allowed (``None``: every row); sorting is the source model's (``SourceTableModel.sort``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._allowed: frozenset[str] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The proxy itself stays unsorted, so it shows the source model's order.
        self.sourceModel().sort(column, order)

    def set_allowed(self, ids: Iterable[str] | None) -> None:
        allowed = None if ids is None else frozenset(ids)
        if allowed == self._allowed:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self._allowed = allowed
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._allowed = allowed
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return self._allowed is None or self.sourceModel().row_id(source_row) in self._allowed


class ThemeChipsDelegate(QStyledItemDelegate):
    """Draws ``CHIPS_ROLE`` as rounded labels side by side; the first is cut to fit, those after it that do not fit become "+N"."""

    GAP = 3
    PAD_X = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        chips = index.data(CHIPS_ROLE) or ()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(opt.font)
        font.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        rect = opt.rect.adjusted(self.GAP, 3, -self.GAP, -3)
        x = rect.left()
        for n, (label, background, text) in enumerate(chips):
            width = metrics.horizontalAdvance(label) + 2 * self.PAD_X
            rest = len(chips) - n
            more = f"+{rest - 1}" if rest > 1 else ""
            reserve = metrics.horizontalAdvance(more) + self.GAP if more else 0
            if n == 0 and x + width + reserve > rect.right():
                # The first chip always shows, cut to fit, so a narrow column still names the main theme.
                width = max(0, rect.right() - x - reserve)
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(0, width - 2 * self.PAD_X))
            elif x + width + reserve > rect.right():
                colour = opt.palette.color(QPalette.ColorRole.PlaceholderText)
                painter.setPen(colour)
                painter.drawText(QRectF(x, rect.top(), rect.right() - x, rect.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"+{rest}")
                break
            chip = QRectF(x, rect.top(), width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(QColor(text))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x += width + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(min(size.width(), 240), size.height())


def palette_is_dark(palette: QPalette) -> bool:
    """``True`` when the palette draws light text on a dark window (the platform's dark mode)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
