"""The outline's tree widget: its rows, and drags that report where they land instead of moving rows.

Rows carry what they are in ``ROW_ROLE`` (a written section, a theme
section, an item of one, a generated section, or an empty-state line) and
their key in ``KEY_ROLE``. An item drags as ``ITEM_MIME`` (its theme and
``PickedPassage.key``); a passage from the picker arrives as
``gui.passages.PASSAGE_MIME``. ``drop_target`` says which theme section and
position a point falls on (upper half of a row: before it; lower half:
after it; a section's own row: its end), so a test can drop at a row the
way a mouse release would. The tree never rearranges itself: the panel
turns the reported move into a new ``Selection`` and rebuilds.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from briefpack.model.selection import PickedPassage

from briefpack.gui.passages import PASSAGE_MIME, picked_from_mime

ROW_ROLE = Qt.ItemDataRole.UserRole  # what a row is: one of the row kinds below
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # written: the text key; theme: the theme id; item: PickedPassage.key
WRITTEN, THEME, ITEM, GENERATED, EMPTY = "written", "theme", "item", "generated", "empty"
ITEM_MIME = "application/x-briefpack-outline-item"


class OutlineTreeWidget(QTreeWidget):
    """The outline's tree. Drops never move rows here: they are reported, and the tree is rebuilt from the new state.

    ``itemMoved(theme_id, key, index)``: an item of a theme section was
    dropped at ``index`` of the section's list without it.
    ``passageDropped(picked, index)``: a passage from the picker was dropped
    at ``index`` of the section of ``picked.theme_id`` (re-themed to the
    section it was dropped on).
    """

    itemMoved = Signal(str, str, int)
    passageDropped = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QTreeWidget.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    # -------------------------------------------------------------- dragging out

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [ITEM_MIME, PASSAGE_MIME]

    def mimeData(self, items) -> QMimeData | None:  # noqa: N802 - Qt override
        item = next((i for i in items if i.data(0, ROW_ROLE) == ITEM), None)
        if item is None:
            return None
        mime = QMimeData()
        payload = {"theme_id": item.parent().data(0, KEY_ROLE), "key": item.data(0, KEY_ROLE)}
        mime.setData(ITEM_MIME, json.dumps(payload).encode("utf-8"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    # --------------------------------------------------------------- dropping in

    def drop_target(self, pos: QPoint) -> tuple[str, int] | None:
        """The theme section and the position in it (counting its items as shown) a drop at ``pos`` lands on; ``None``: nowhere."""
        row = self.itemAt(pos)
        if row is None:
            return None
        kind = row.data(0, ROW_ROLE)
        if kind == THEME:
            return row.data(0, KEY_ROLE), _item_count(row)  # on the section's own row: at its end
        if kind in (ITEM, EMPTY) and row.parent() is not None and row.parent().data(0, ROW_ROLE) == THEME:
            section = row.parent()
            if kind == EMPTY:
                return section.data(0, KEY_ROLE), 0
            index = section.indexOfChild(row)
            rect = self.visualItemRect(row)
            return section.data(0, KEY_ROLE), index + (1 if pos.y() >= rect.center().y() else 0)
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasFormat(ITEM_MIME) or event.mimeData().hasFormat(PASSAGE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        super().dragMoveEvent(event)  # auto-scroll and the drop indicator
        if self._resolve(event) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        resolved = self._resolve(event)
        if resolved is None:
            event.ignore()
            return
        # Reported as a copy, so the view does not remove the dragged row itself; the rebuild places it.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        kind, value, index = resolved
        if kind == ITEM:
            theme_id, key = value
            self.itemMoved.emit(theme_id, key, index)
        else:
            self.passageDropped.emit(value, index)

    def _resolve(self, event) -> tuple[str, object, int] | None:
        target = self.drop_target(event.position().toPoint())
        if target is None:
            return None
        theme_id, index = target
        mime = event.mimeData()
        if mime.hasFormat(ITEM_MIME):
            try:
                data = json.loads(bytes(mime.data(ITEM_MIME)).decode("utf-8"))
            except ValueError:
                return None
            if data.get("theme_id") != theme_id:
                return None  # items move within their own section
            section = self._section(theme_id)
            keys = [section.child(n).data(0, KEY_ROLE) for n in range(section.childCount())] if section else []
            if data.get("key") not in keys:
                return None
            if keys.index(data["key"]) < index:
                index -= 1  # the position counts the section without the moved item
            return ITEM, (theme_id, data["key"]), index
        picked = picked_from_mime(mime)
        if picked is None:
            return None
        return PASSAGE_MIME, PickedPassage(theme_id, picked.passage), index

    def _section(self, theme_id: str) -> QTreeWidgetItem | None:
        for n in range(self.topLevelItemCount()):
            row = self.topLevelItem(n)
            if row.data(0, ROW_ROLE) == THEME and row.data(0, KEY_ROLE) == theme_id:
                return row
        return None


def _item_count(section: QTreeWidgetItem) -> int:
    return sum(1 for n in range(section.childCount()) if section.child(n).data(0, ROW_ROLE) == ITEM)
