"""The sources list: every article in the project, checked when the brief draws on it.

Each row shows the title (marked when the parser derived it) over the
publisher and date; the tooltip adds authors, file and the reader's warnings.
The summary line spells out the selection's convention — "All 12 sources" for
an empty choice, "3 of 12 sources chosen" otherwise — so the analyst never
has to guess what an all-checked list means. Double-clicking a row, or its
"Correct details…" context action, emits ``detailsRequested(id)``; the
window opens the source details dialog for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction

from briefpack.model.article import Article
from briefpack.model.selection import Selection

from briefpack.gui.checklist import ID_ROLE, CheckListPanel, CheckRow
from briefpack.gui.edits import chosen_source_ids


class SourceListPanel(CheckListPanel):
    detailsRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__("Sources", parent)
        self.list.itemDoubleClicked.connect(lambda item: self.detailsRequested.emit(item.data(ID_ROLE)))
        self.details_action = QAction("Correct details…", self.list)
        self.details_action.setStatusTip("Correct the title, authors, publisher or date, and grade the publisher")
        self.details_action.triggered.connect(self._request_current)
        self.list.addAction(self.details_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _request_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.detailsRequested.emit(item.data(ID_ROLE))

    def show_sources(self, articles: Sequence[Article], selection: Selection) -> None:
        chosen = set(chosen_source_ids(selection, [a.id for a in articles]))
        rows = [CheckRow(a.id, source_text(a), a.id in chosen, source_tooltip(a)) for a in articles]
        if not articles:
            summary = "No sources yet: use File ▸ Import files…"
        elif not selection.source_ids:
            summary = f"All {len(articles)} sources" if len(articles) != 1 else "The one source"
        else:
            summary = f"{len(chosen)} of {len(articles)} sources chosen"
        self.set_rows(rows, summary)


def source_text(article: Article) -> str:
    """Two lines: the title, then publisher and date (what is known of them)."""
    title = article.display_title + (" (title derived)" if article.title_derived else "")
    if article.warnings:
        title = "⚠ " + title
    details = [article.publisher or "publisher unknown"]
    if article.published is not None:
        details.append(article.published.isoformat())
    return f"{title}\n{' · '.join(details)}"


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
