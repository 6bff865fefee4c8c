"""The Findings tab: what analysis found in the chosen sources, as four read-only tables.

``FindingsPanel`` shows a ``Findings`` in four sub-tabs, each titled with
its row count: the timeline (date, event, sources), key figures (figure,
what it counts, source), people and organisations (name, kind, roles,
variants) and corroboration (statement, sources, differing figures). Sources
are named by publisher (else title) from the articles the findings were
computed on. Clicking a row emits ``sourceRequested(article_id, block_index)``
for the paragraph it comes from (its first source), so the window can show
that passage. A thousand sources give thousands of timeline rows, and
filling (and measuring) them all would hold the window for seconds, so each
table lists its first ``MAX_ROWS`` rows (the tab title gives the full count)
at a fixed height of ``ROW_LINES`` lines, the whole text in the tooltip.
While the tab is hidden in a shown window, the tables are filled when it is
next shown (``gui.when_shown``), not as each result arrives. The panel only
displays: ``gui.findings`` computes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget

from briefpack.model.article import Article
from briefpack.model.findings import Findings, SourceRef

from briefpack.gui.when_shown import RefreshWhenShown

REF_ROLE = Qt.ItemDataRole.UserRole
MAX_ROWS = 300
ROW_LINES = 2
KINDS = {"person": "Person", "organisation": "Organisation"}


class FindingsTableWidget(QTableWidget):
    """A read-only, row-selecting table whose first cell of each row carries the row's ``SourceRef`` (or ``None``)."""

    def __init__(self, headings: Sequence[str], stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headings), parent)
        self.setHorizontalHeaderLabels(list(headings))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        # A fixed height: measuring every wrapped row costs more than the analyst gains from it.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * ROW_LINES + 6)
        self.total = 0
        header = self.horizontalHeader()
        for column in range(len(headings)):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    def fill(self, rows: Sequence[tuple[Sequence[str], SourceRef | None]], total: int | None = None) -> None:
        """List the first ``MAX_ROWS`` of ``rows``; ``total`` (``None``: ``len(rows)``) is how many there are in all."""
        self.total = len(rows) if total is None else total
        rows = rows[:MAX_ROWS]
        self.setUpdatesEnabled(False)
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, (cells, ref) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(REF_ROLE, ref)
                self.setItem(r, c, item)
        self.setUpdatesEnabled(True)

    def ref(self, row: int) -> SourceRef | None:
        item = self.item(row, 0)
        return item.data(REF_ROLE) if item is not None else None


class FindingsPanel(QWidget):
    sourceRequested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Findings</b>")
        self.state = QLabel("Not analysed yet")
        self.state.setObjectName("panelSummary")
        self.timeline = FindingsTableWidget(("Date", "Event", "Sources"), 1)
        self.figures = FindingsTableWidget(("Figure", "What it counts", "Source"), 1)
        self.entities = FindingsTableWidget(("Name", "Kind", "Roles", "Variants"), 2)
        self.corroboration = FindingsTableWidget(("Statement", "Sources", "Differing figures"), 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._titles = ("Timeline", "Key figures", "People && organisations", "Corroboration")
        for table, title in zip(self.tables, self._titles):
            self.tabs.addTab(table, title)
            table.cellClicked.connect(lambda row, _column, t=table: self._request(t, row))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        self._shown: tuple[Findings, Mapping[str, Article]] | None = None  # what the tables show, or will when shown
        self._when_shown = RefreshWhenShown(self, self._fill)

    @property
    def tables(self) -> tuple[FindingsTableWidget, ...]:
        return (self.timeline, self.figures, self.entities, self.corroboration)

    def show_findings(self, findings: Findings, articles: Mapping[str, Article]) -> None:
        """Fill the tables from ``findings`` (now, or when the tab is next shown); ``articles`` (by id) name the sources."""
        self._shown = (findings, articles)
        self._when_shown.request()

    def _fill(self) -> None:
        if self._shown is None:
            return
        findings, articles = self._shown

        def names(refs: Sequence[SourceRef]) -> str:
            seen: list[str] = []
            for ref in refs:
                name = source_name(articles.get(ref.article_id), ref.article_id)
                if name not in seen:
                    seen.append(name)
            return ", ".join(seen)

        people = [e for e in findings.entities if e.kind in KINDS]
        # Rows are built only for what is listed: a thousand sources' timeline has thousands.
        self.timeline.fill(
            [((e.date, e.text, names(e.sources)), first(e.sources)) for e in findings.timeline[:MAX_ROWS]],
            len(findings.timeline),
        )
        self.figures.fill(
            [((f.value, f.counts, names([f.source])), f.source) for f in findings.figures[:MAX_ROWS]], len(findings.figures)
        )
        self.entities.fill([
            ((e.name, KINDS[e.kind], "; ".join(e.roles), ", ".join(e.variants)), first(e.mentions)) for e in people[:MAX_ROWS]
        ], len(people))
        self.corroboration.fill([
            ((c.statement, names(c.sources), "; ".join(f"{v.value} {v.counts} ({names([v.source])})" for v in c.variants)),
             first(c.sources))
            for c in findings.corroborations[:MAX_ROWS]
        ], len(findings.corroborations))
        for n, (table, title) in enumerate(zip(self.tables, self._titles)):
            listed = f"{table.total}; first {table.rowCount()} listed" if table.total > table.rowCount() else str(table.total)
            self.tabs.setTabText(n, f"{title} ({listed})")
        self.state.setText(f"From {len(articles)} source{'s' if len(articles) != 1 else ''} · click a row to read its passage")

    def show_error(self, message: str) -> None:
        self.state.setText(f"<span style='color:#a00'>The analysis failed: {message}</span>")

    def show_busy(self, busy: bool) -> None:
        if busy:
            self.state.setText("Analysing…")

    def _request(self, table: FindingsTableWidget, row: int) -> None:
        ref = table.ref(row)
        if ref is not None:
            self.sourceRequested.emit(ref.article_id, ref.block_index)


def first(refs: Sequence[SourceRef]) -> SourceRef | None:
    return refs[0] if refs else None


def source_name(article: Article | None, fallback: str) -> str:
    """A short name for a source: its publisher, else its title, else ``fallback`` (the id)."""
    if article is None:
        return fallback
    return article.publisher or article.display_title
