"""The sources table: every article of the project, searchable, filterable, sortable, checked when the brief draws on it.

``SourceTablePanel`` shows a heading, a summary, the search box and filters
(``gui.source_filters``) and a ``QTableView`` over ``SourceTableModel``
(``gui.source_table``) through a filtering proxy (sorting is the model's,
by header click). The summary
spells out the selection's convention — "All 12 sources" for an empty
choice, "3 of 12 sources chosen" otherwise — and how many rows a filter
shows. Searching asks the function given to ``show_sources`` (the session's
``search``, answered by SQLite FTS5), so a filter over 10,000 articles never
walks them in Python; filtering only narrows the rows shown. Checking a row
emits ``toggled(id, checked)``; double-clicking it, or its "Correct
details…" context action, emits ``detailsRequested(id)``; moving to a row
emits ``currentSourceChanged(id)`` (the window shows it in the reader).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTableView, QVBoxLayout, QWidget

from briefpack.model.article import Article
from briefpack.model.selection import Selection
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.content import DeskContent
from briefpack.gui.edits import chosen_source_ids
from briefpack.gui.source_filters import SourceFilter, SourceFilterBar
from briefpack.gui.source_table import (
    COLUMNS, DATE, GRADE, ID_ROLE, LANGUAGE, PUBLISHER, THEMES, TITLE, SourceFilterProxy, SourceTableModel, ThemeChipsDelegate,
    content_rows, palette_is_dark,
)

# A search: ``Project.query`` keyword arguments in, matching article ids out.
Search = Callable[..., list[str]]
# Starting widths of the narrow columns (a date, a grade letter, the first theme chip and "+N"); the title
# takes the rest of the width, never less than TITLE_MIN_WIDTH.
COLUMN_WIDTHS = {PUBLISHER: 68, DATE: 72, GRADE: 40, LANGUAGE: 40, THEMES: 80}
TITLE_MIN_WIDTH = 100
# Below this the filters clip their text and the title column has no room left.
MINIMUM_WIDTH = 400
# Shown from the header's context menu: the language is in every row's tooltip and has its filter.
HIDDEN_AT_START = (LANGUAGE,)


class SourceTablePanel(QWidget):
    toggled = Signal(str, bool)
    detailsRequested = Signal(str)
    currentSourceChanged = Signal(str)
    # The ids the table shows after a search or filter change (``None``: every source).
    filtered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Sources</b>")
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.summary.setAccessibleName("Sources summary")
        self.summary.setWordWrap(True)
        self.setAccessibleName("Sources")
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.filters = SourceFilterBar()
        self.filters.changed.connect(self._apply_filter)
        self.model = SourceTableModel(self)
        self.model.toggled.connect(self.toggled)
        self.proxy = SourceFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName("Sources table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # project order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no per-row size hints over 10,000 rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(28)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        for column in HIDDEN_AT_START:
            header.hideSection(column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionResized.connect(lambda column, _old, _new: column != TITLE and self._fit_title())
        self.table.viewport().installEventFilter(self)
        self.table.setItemDelegateForColumn(THEMES, ThemeChipsDelegate(self.table))
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.details_action = QAction("Correct details…", self.table)
        self.details_action.setStatusTip("Correct the title, authors, publisher or date, and grade the publisher")
        self.details_action.triggered.connect(self._request_current)
        self.table.addAction(self.details_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        self._search: Search | None = None
        self._shown_ids: list[str] | None = None
        self._content: tuple = ()
        self._selection = Selection()

    # ------------------------------------------------------------ filling

    def show_sources(
        self,
        articles: Sequence[Article],
        selection: Selection,
        *,
        tags: Sequence[ThemeTag] = (),
        taxonomy: Taxonomy | None = None,
        reliability: Mapping[str, str] | None = None,
        search: Search | None = None,
        content: DeskContent | None = None,
    ) -> None:
        """Show ``articles`` with the ``selection``'s sources checked.

        ``content`` is the session's ``DeskContent`` of these articles and
        ``tags`` (``None``: counted here). The rows are rebuilt only when the
        articles, tags, grades or themes changed, and after an import only
        the new rows are added; a selection change just moves check marks.
        ``search`` (the session's) answers the search box and filters;
        ``None`` leaves them without effect. The current row and the filter stay.
        """
        taxonomy = taxonomy if taxonomy is not None else Taxonomy(())
        reliability = dict(reliability or {})
        old = self._content
        if content is None:
            same = old and old[0].articles == tuple(articles) and old[0].tags == tuple(tags)
            content = old[0] if same else DeskContent(articles, tags)
        chosen = chosen_source_ids(selection, [a.id for a in content.articles])
        shown = (content, taxonomy, reliability, palette_is_dark(self.palette()))
        self._search, self._selection = search, selection
        if old and shown[0] is old[0] and shown[1:] == old[1:]:
            self.model.set_chosen(chosen)
        else:
            current = self.current_id()
            self._content = shown
            if old and content.extends(old[0]) and shown[1:] == old[1:]:
                self.model.append_rows(content_rows(content, content.added, reliability), chosen)
            else:
                self.model.set_rows(content_rows(content, content.articles, reliability), chosen, taxonomy, dark=shown[-1])
            self.filters.set_choices(taxonomy, content.articles)
            self._apply_filter(self.filters.value())  # new or changed sources may match
            if current is not None:
                self.select_source(current, announce=False, reveal=False)
        self._update_summary()

    # ------------------------------------------------------------ reading

    def current_id(self) -> str | None:
        """The id of the row the analyst is on, ``None`` when none."""
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def visible_ids(self) -> list[str]:
        """The ids of the rows shown, top to bottom (filtered and sorted)."""
        return [self.proxy.index(n, TITLE).data(ID_ROLE) for n in range(self.proxy.rowCount())]

    def row_count(self) -> int:
        return self.proxy.rowCount()

    def is_checked(self, article_id: str) -> bool:
        return self.model.is_chosen(article_id)

    def index_of(self, article_id: str, column: int = TITLE) -> QModelIndex:
        """The view's index of a source's cell; invalid when the filter hides it or there is no such source."""
        row = self.model.row_of(article_id)
        return self.proxy.mapFromSource(self.model.index(row, column)) if row is not None else QModelIndex()

    def row_texts(self, article_id: str) -> list[str]:
        """What a source's row shows, column by column (empty when there is no such source)."""
        row = self.model.row_of(article_id)
        if row is None:
            return []
        return [self.model.index(row, c).data() for c in range(self.model.columnCount())]

    # ------------------------------------------------------------ acting

    def set_checked(self, article_id: str, checked: bool) -> None:
        """Check or uncheck a row as the analyst's click does (through the model, so ``toggled`` fires)."""
        row = self.model.row_of(article_id)
        if row is None:
            raise KeyError(article_id)
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.model.setData(self.model.index(row, TITLE), state, Qt.ItemDataRole.CheckStateRole)

    def select_source(self, article_id: str, announce: bool = True, reveal: bool = True) -> bool:
        """Make a source's row current and scroll to it; ``False`` when there is no such source.

        A source the filter hides is shown by clearing the filter when
        ``reveal``, else left unselected (``False``). ``announce`` ``False``
        keeps ``currentSourceChanged`` quiet.
        """
        index = self.index_of(article_id)
        if not index.isValid() and reveal and self.model.row_of(article_id) is not None:
            self.filters.clear()
            index = self.index_of(article_id)
        if not index.isValid():
            return False
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        if not announce:
            selection.blockSignals(True)
        try:
            selection.setCurrentIndex(index, flags)
        finally:
            selection.blockSignals(False)
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def set_filter_text(self, text: str) -> None:
        """Search at once for ``text`` (what typing does after a pause)."""
        self.filters.search.setText(text)
        self.filters.search_now()

    # ------------------------------------------------------------ columns

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        """Give the title what the other columns leave, but never so little it cannot be read (then the table scrolls)."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != TITLE and not header.isSectionHidden(c))
        header.resizeSection(TITLE, max(TITLE_MIN_WIDTH, self.table.viewport().width() - others))

    def _column_menu(self, position) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column, name in enumerate(COLUMNS):
            if column == TITLE:
                continue
            act = menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(column))
            act.toggled.connect(lambda shown, c=column: (header.setSectionHidden(c, not shown), self._fit_title()))
        menu.exec(header.mapToGlobal(position))

    # ------------------------------------------------------------ private

    def _apply_filter(self, value: SourceFilter) -> None:
        if value.is_empty or self._search is None:
            ids = None
        else:
            ids = self._search(**value.query_args())
        self._shown_ids = ids
        self.proxy.set_allowed(ids)
        self._update_summary()
        self.filtered.emit(None if ids is None else list(ids))

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        if not total:
            self.summary.setText("No sources yet: use File ▸ Import files…")
            return
        chosen = len(chosen_source_ids(self._selection, self.model.ids()))
        if not self._selection.source_ids:
            text = f"All {total} sources" if total != 1 else "The one source"
        else:
            text = f"{chosen} of {total} sources chosen"
        if self._shown_ids is not None:
            shown = self.proxy.rowCount()
            text += f" · {shown} shown" if shown else " · none matches the search"
        self.summary.setText(text)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.currentSourceChanged.emit(current.data(ID_ROLE))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.detailsRequested.emit(index.data(ID_ROLE))

    def _request_current(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.detailsRequested.emit(article_id)

