"""The themes list: every theme of the taxonomy, in its order, checked when it is a section of the brief.

Each row reads "Diplomacy — 9 (3 · 6)": the label, how many paragraphs of
the project speak to the theme, and how many of those each source holds, in
source order (with many sources the breakdown moves to the tooltip, which
names the sources with the most, ``TOOLTIP_SOURCES`` of them, so it stays
readable). The counts are the session's ``DeskContent`` counts, the same
rule the brief picks passages by, and depend on the taxonomy, articles and
tags only, not on the selection, so they are kept while those stay the same
objects (the session replaces, never mutates, them) and a change of the
selection only re-checks the rows. Themes no paragraph speaks to are greyed, not hidden, so
the list does not jump about as sources come and go. The "Edit themes…"
button under the list asks the window to open the theme editor.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from briefpack.model.article import Article
from briefpack.model.selection import Selection
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.checklist import CheckListPanel, CheckRow
from briefpack.gui.content import DeskContent

# Beyond this many sources a per-source breakdown would not fit on a row.
MAX_INLINE_SOURCES = 4
# The sources a theme's tooltip names, those with the most paragraphs first.
TOOLTIP_SOURCES = 12


class ThemeListPanel(CheckListPanel):
    """The themes list; ``editRequested`` fires when the analyst asks to edit the themes (the window opens the editor)."""

    editRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__("Themes", parent)
        self.edit_button = QPushButton("Edit themes…")
        self.edit_button.setToolTip("Add, rename, merge or delete themes and change their terms")
        self.edit_button.clicked.connect(self.editRequested)
        self.layout().addWidget(self.edit_button)
        # The inputs the cached rows were built from (compared by identity: they are immutable) and those rows.
        self._counted: tuple[Taxonomy, DeskContent] | None = None
        self._described: list[tuple[str, str, str, bool]] = []

    def show_themes(
        self, taxonomy: Taxonomy, articles: Sequence[Article], tags: Sequence[ThemeTag], selection: Selection,
        content: DeskContent | None = None,
    ) -> None:
        """Show the themes with their counts; ``content`` is the session's ``DeskContent`` of ``articles`` and ``tags`` (``None``: counted here)."""
        chosen = set(selection.theme_ids)
        counted = self._counted
        if content is None:
            same = counted is not None and counted[1].articles == tuple(articles) and counted[1].tags == tuple(tags)
            content = counted[1] if same else DeskContent(articles, tags)
        if counted is None or counted[0] is not taxonomy or counted[1] is not content:
            self._described = describe_themes(taxonomy, content)
            self._counted = (taxonomy, content)
        rows = [
            CheckRow(theme_id, text, theme_id in chosen, tooltip, dimmed=dimmed)
            for theme_id, text, tooltip, dimmed in self._described
        ]
        summary = f"{len(chosen)} chosen, in section order" if chosen else "Check a theme to give it a section"
        self.set_rows(rows, summary)


def describe_themes(taxonomy: Taxonomy, content: DeskContent) -> list[tuple[str, str, str, bool]]:
    """For each theme in order: its id, row text, tooltip, and whether no paragraph speaks to it (dimmed)."""
    articles = content.articles
    order = {a.id: n for n, a in enumerate(articles)} if len(articles) > TOOLTIP_SOURCES else None
    described = []
    for theme in taxonomy.themes:
        per_source = content.theme_sources(theme.id)
        total = sum(per_source.values())
        text = f"{theme.label} — {total}"
        if 1 < len(articles) <= MAX_INLINE_SOURCES:
            text += " (" + " · ".join(str(per_source.get(a.id, 0)) for a in articles) + ")"
        if order is None:
            named = [(a.id, per_source[a.id]) for a in articles if per_source.get(a.id)]
        else:  # the sources with the most paragraphs, ties in project order
            named = heapq.nsmallest(TOOLTIP_SOURCES, per_source.items(), key=lambda item: (-item[1], order[item[0]]))
        lines = [theme.description or theme.label] + [f"{n}  {content.by_id[a].display_title}" for a, n in named]
        if len(per_source) > len(named):
            lines.append(f"… and {len(per_source) - len(named)} more sources")
        described.append((theme.id, text, "\n".join(lines), total == 0))
    return described
