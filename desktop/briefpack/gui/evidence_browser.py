"""``EvidenceBrowser``: a text browser that shows the tooltip of the text under the mouse.

The passage picker and the article reader mark evidence spans with a
tooltip naming the theme and the term (``gui.evidence``); a plain
``QTextBrowser`` shows only link tooltips, so both use this one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QTextBrowser, QToolTip


class EvidenceBrowser(QTextBrowser):
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
