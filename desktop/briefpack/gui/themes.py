"""The themes list: every theme of the taxonomy, in its order, checked when it is a section of the brief.

Each row reads "Diplomacy — 9 (3 · 6)": the label, how many paragraphs of
the project speak to the theme, and how many of those each source holds, in
source order (with many sources the breakdown moves to the tooltip, where
it stays readable). The counts depend on the taxonomy, articles and tags
only, not on the selection, so they are kept while those stay the same
objects (the session replaces, never mutates, them) and a change of the
selection only re-checks the rows. Themes no paragraph speaks to are greyed, not hidden, so
the list does not jump about as sources come and go. The "Edit themes…"
button under the list asks the window to open the theme editor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from briefpack.assembly.pick import candidate_counts
from briefpack.model.article import Article
from briefpack.model.selection import Selection
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.checklist import CheckListPanel, CheckRow

# Beyond this many sources a per-source breakdown would not fit on a row.
MAX_INLINE_SOURCES = 4


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
        self._counted: tuple[Taxonomy, Sequence[Article], Sequence[ThemeTag]] | None = None
        self._described: list[tuple[str, str, str, bool]] = []

    def show_themes(
        self, taxonomy: Taxonomy, articles: Sequence[Article], tags: Sequence[ThemeTag], selection: Selection
    ) -> None:
        chosen = set(selection.theme_ids)
        counted = self._counted
        if counted is None or any(old is not new for old, new in zip(counted, (taxonomy, articles, tags))):
            self._described = describe_themes(taxonomy, articles, tags)
            self._counted = (taxonomy, articles, tags)
        rows = [
            CheckRow(theme_id, text, theme_id in chosen, tooltip, dimmed=dimmed)
            for theme_id, text, tooltip, dimmed in self._described
        ]
        summary = f"{len(chosen)} chosen, in section order" if chosen else "Check a theme to give it a section"
        self.set_rows(rows, summary)


def describe_themes(
    taxonomy: Taxonomy, articles: Sequence[Article], tags: Sequence[ThemeTag]
) -> list[tuple[str, str, str, bool]]:
    """For each theme in order: its id, row text, tooltip, and whether no paragraph speaks to it (dimmed)."""
    counts = theme_counts(taxonomy, articles, tags)
    described = []
    for theme in taxonomy.themes:
        per_source = counts[theme.id]
        total = sum(per_source.values())
        breakdown = [per_source[a.id] for a in articles]
        text = f"{theme.label} — {total}"
        if 1 < len(articles) <= MAX_INLINE_SOURCES:
            text += " (" + " · ".join(str(n) for n in breakdown) + ")"
        tooltip = "\n".join(
            [theme.description or theme.label]
            + [f"{n}  {a.display_title}" for a, n in zip(articles, breakdown) if n]
        )
        described.append((theme.id, text, tooltip, total == 0))
    return described


def theme_counts(taxonomy: Taxonomy, articles: Sequence[Article], tags: Sequence[ThemeTag]) -> dict[str, Counter]:
    """For each theme id, how many paragraphs of each article (by id) it would pick.

    Counted with the same rule the brief uses (``candidate_counts`` over all
    sources), so the numbers match what checking the theme brings in.
    """
    return candidate_counts(articles, tags, Selection(theme_ids=tuple(taxonomy.ids)))
