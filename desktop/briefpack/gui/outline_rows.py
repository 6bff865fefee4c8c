"""The rows of the brief's outline and what they show: written sections, theme-section items, hints, and the template.

``gui.outline.OutlinePanel`` builds its tree with ``fill_outline`` and restyles rows in
place with them when only a treatment or a section's text changed, so a row
is written the same way whether it is new or restyled. The template is read
again only when its file changed, since the outline refreshes on every edit.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefpack.assembly import TemplateError, available_templates, load_template
from briefpack.assembly.sections import SECTION_KINDS
from briefpack.assembly.sections.written import text_layout, title_and_hint
from briefpack.assembly.templates import Template
from briefpack.gui import edits
from briefpack.gui.outline_tree import EMPTY, GENERATED, ITEM, KEY_ROLE, ROW_ROLE, THEME, WRITTEN
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
    """A row of text only (a generated section, a hint), in the ``placeholder`` brush; span it once it is in the tree."""
    row = QTreeWidgetItem([text, "", ""])
    row.setData(0, ROW_ROLE, kind)
    row.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsSelectable if kind == GENERATED else Qt.ItemFlag.NoItemFlags))
    row.setForeground(0, placeholder)
    return row


def fill_outline(tree: QTreeWidget, s, picked_by_theme: dict, collapsed: set, placeholder) -> dict[str, tuple]:
    """Add the brief's rows to the empty ``tree`` in template order; returns each written section's
    ``(title, hint, text layout)`` by its text key, for the section editor.

    Theme sections in ``collapsed`` (theme ids) start collapsed. Hint and
    section rows read across all columns: Qt spans only a row that is already
    in a tree, so each is spanned after it is added.
    """
    sections: dict[str, tuple] = {}

    def add_top(row: QTreeWidgetItem, spanned: bool = True) -> QTreeWidgetItem:
        tree.addTopLevelItem(row)
        row.setFirstColumnSpanned(spanned)
        return row

    try:
        chosen = template(s.settings.template)
    except TemplateError as exc:
        add_top(plain_row(EMPTY, f"The template cannot be read: {exc}", placeholder))
        return sections
    for section in chosen.sections:
        kind = SECTION_KINDS.get(section.kind)
        if section.kind == "themes":
            _add_theme_sections(add_top, s, picked_by_theme, collapsed, placeholder)
        elif kind is not None and kind.analyst_text:
            title, hint = title_and_hint(section)
            key = section.text_key
            row = QTreeWidgetItem([title, "", ""])
            row.setData(0, ROW_ROLE, WRITTEN)
            row.setData(0, KEY_ROLE, key)
            row.setToolTip(0, f"{title}: written by the analyst. Select it to edit its text.")
            dress_written(row, s, key, placeholder)
            sections[key] = (title, hint, text_layout(section.kind))
            add_top(row, spanned=False)  # its second column says "written" or "to write"
        else:
            title = section.title or section.kind.replace("_", " ").capitalize()
            row = plain_row(GENERATED, f"{title} (generated)", placeholder)
            row.setData(0, KEY_ROLE, f"{section.kind}:{title}")
            row.setToolTip(0, f"{title}: {kind.description if kind else section.kind}, made from the sources.")
            add_top(row)
    return sections


def _add_theme_sections(add_top, s, picked_by_theme: dict, collapsed: set, placeholder) -> None:
    if not s.selection.theme_ids:
        add_top(plain_row(EMPTY, "Theme sections: check a theme on the left to add one.", placeholder))
        return
    for theme_id in s.selection.theme_ids:
        theme = s.taxonomy.get(theme_id)
        items = picked_by_theme.get(theme_id, [])
        label = theme.label if theme else theme_id
        section = QTreeWidgetItem([f"{label} — {len(items)} item{'s' if len(items) != 1 else ''}", "", ""])
        section.setData(0, ROW_ROLE, THEME)
        section.setData(0, KEY_ROLE, theme_id)
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled)
        add_top(section)
        section.addChildren([item_row(s, picked) for picked in items])
        if not items:
            hint = plain_row(EMPTY, "No passages: drag one here from the Passages tab.", placeholder)
            section.addChild(hint)
            hint.setFirstColumnSpanned(True)
        section.setExpanded(theme_id not in collapsed)


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
