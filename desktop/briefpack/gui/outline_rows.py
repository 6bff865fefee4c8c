"""The rows of the brief's outline and what they show: written sections, theme-section items, hints, and the template.

``gui.outline.OutlinePanel`` builds its tree from these and restyles rows in
place with them when only a treatment or a section's text changed, so a row
is written the same way whether it is new or restyled. The template is read
again only when its file changed, since the outline refreshes on every edit.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from briefpack.assembly import available_templates, load_template
from briefpack.assembly.templates import Template
from briefpack.gui import edits
from briefpack.gui.outline_tree import GENERATED, ITEM, KEY_ROLE, ROW_ROLE, THEME
from briefpack.gui.passages import first_words, source_label
from briefpack.model.selection import NOT_JUDGED, PickedPassage


def dress_written(row: QTreeWidgetItem, s, key: str, placeholder) -> None:
    """Mark a written section's row "written" or "to write" (in the ``placeholder`` brush)."""
    written = bool(edits.section_text(s.settings, key).strip())
    row.setText(1, "written" if written else "to write")
    row.setData(1, Qt.ItemDataRole.ForegroundRole, None if written else placeholder)


def item_row(s, picked: PickedPassage) -> QTreeWidgetItem:
    """A new row for one theme-section item, showing its source and treatment."""
    article = s.article(picked.passage.article_id)
    row = QTreeWidgetItem(["", source_label(article) if article else picked.passage.article_id, ""])
    row.setData(0, ROW_ROLE, ITEM)
    row.setData(0, KEY_ROLE, picked.key)
    row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
    row.setToolTip(1, article.display_title if article else "")
    dress_item(row, s, picked)
    return row


def dress_item(row: QTreeWidgetItem, s, picked: PickedPassage) -> None:
    """Write an item's treatment into its row: quote or paraphrase, grade and note marks, tooltips."""
    treatment = s.selection.treatment(picked.key)
    if treatment.paraphrased:
        text = first_words(treatment.paraphrase)
    else:
        text = f"“{first_words(picked.passage.text)}”"
    marks = [str(treatment.grade)] if treatment.grade != NOT_JUDGED else []
    if treatment.note.strip():
        marks.append("note")
    row.setText(0, text)
    row.setText(2, ", ".join(marks))
    used = "Paraphrased" if treatment.paraphrased else "Quoted"
    row.setToolTip(0, f"{used}: {treatment.paraphrase if treatment.paraphrased else picked.passage.text}")
    row.setToolTip(2, f"Analyst's note: {treatment.note}" if treatment.note.strip() else "")
    font = row.font(0)
    font.setItalic(treatment.paraphrased)
    row.setFont(0, font)


def plain_row(kind: str, text: str, placeholder) -> QTreeWidgetItem:
    """A row of text only (a generated section, a hint), in the ``placeholder`` brush."""
    row = QTreeWidgetItem([text, "", ""])
    row.setData(0, ROW_ROLE, kind)
    row.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsSelectable if kind == GENERATED else Qt.ItemFlag.NoItemFlags))
    row.setForeground(0, placeholder)
    row.setFirstColumnSpanned(True)
    return row


def info_text(kind: str | None, row: QTreeWidgetItem | None) -> str:
    """What the editor area says when the current row has nothing to edit."""
    if kind == GENERATED:
        return f"{row.text(0)}: made from the sources and the analysis when the brief is composed; nothing to write here."
    if kind == THEME:
        return "A theme section. Select one of its items to choose quote or paraphrase, add a note or grade it."
    return "Select an item to choose quote or paraphrase, add a note or grade it; select a written section to write it."


@functools.lru_cache(maxsize=16)
def _template_at(name: str, _stamp: float) -> Template:
    return load_template(name)


def template(name: str) -> Template:
    """The template by name or path, read again only when its file changed (the outline refreshes on every edit)."""
    path = Path(name) if name.endswith(".toml") else available_templates().get(name)
    try:
        stamp = path.stat().st_mtime if path is not None else 0.0
    except OSError:
        stamp = 0.0
    return _template_at(name, stamp)
