"""A titled list of checkable rows, the shape both the sources and the themes lists share.

``CheckListPanel`` shows a bold heading, a one-line summary under it and a
``QListWidget`` of checkable rows, each carrying an id. A row's text may have
a second line (after ``\n``), drawn smaller and grey by ``TwoLineItemDelegate``;
both lines elide to the width. Refilling keeps the scroll position and the
current row, and never echoes the refill back as clicks: only the analyst's
own checking emits ``toggled(id, checked)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class CheckRow:
    """One row: ``tooltip`` empty means none; ``dimmed`` greys a row that has nothing to offer yet."""

    id: str
    text: str
    checked: bool
    tooltip: str = ""
    dimmed: bool = False


class TwoLineItemDelegate(QStyledItemDelegate):
    """Draws "first line\nsecond line" as a normal line over a smaller grey one, each elided to fit."""

    PADDING = 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if "\n" not in text:
            super().paint(painter, option, index)
            return
        first, second = text.split("\n", 1)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(2, self.PADDING, -2, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Enabled else QPalette.ColorGroup.Disabled
        main_colour = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        metrics = opt.fontMetrics
        painter.setPen(main_colour)
        painter.setFont(opt.font)
        line = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(first, Qt.TextElideMode.ElideRight, rect.width()))
        small = opt.font
        small.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.9))
        painter.setFont(small)
        if not selected:
            painter.setPen(opt.palette.color(group, QPalette.ColorRole.PlaceholderText))
        small_metrics = painter.fontMetrics()
        line = QRect(rect.left(), line.bottom() + 1, rect.width(), small_metrics.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         small_metrics.elidedText(second, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if "\n" in text:
            size.setHeight(option.fontMetrics.height() * 2 + 2 * self.PADDING + 2)
        return size


class CheckListPanel(QWidget):
    toggled = Signal(str, bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(f"<b>{title}</b>")
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        # No word wrap: QListWidget sizes wrapped rows unreliably; long lines elide and the tooltip has them whole.
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(TwoLineItemDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.list.itemChanged.connect(self._on_item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def set_rows(self, rows: Sequence[CheckRow], summary: str) -> None:
        """Replace the rows (same ids keep their scroll place and current row)."""
        current = self.list.currentItem()
        current_id = current.data(ID_ROLE) if current is not None else None
        scroll = self.list.verticalScrollBar().value()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for row in rows:
                item = QListWidgetItem(row.text)
                item.setData(ID_ROLE, row.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked)
                if row.tooltip:
                    item.setToolTip(row.tooltip)
                if row.dimmed:
                    item.setForeground(self.palette().placeholderText())
                self.list.addItem(item)
                if row.id == current_id:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        self.list.verticalScrollBar().setValue(scroll)
        self.summary.setText(summary)

    def item(self, row_id: str) -> QListWidgetItem | None:
        """The row with this id, or ``None`` (tests and the window use it to check rows)."""
        for n in range(self.list.count()):
            if self.list.item(n).data(ID_ROLE) == row_id:
                return self.list.item(n)
        return None

    def checked_ids(self) -> list[str]:
        return [
            self.list.item(n).data(ID_ROLE)
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        self.toggled.emit(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)
