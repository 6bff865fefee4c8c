"""The Outline tab on the sample project: sections in template order, reorder, item treatment, drops from the picker, written sections."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QDropEvent

from briefpack.model.brief import BulletList, Para, Quote, plain_text
from briefpack.sample import SAMPLE_THEMES
from briefpack.gui.outline import EMPTY, GENERATED, ITEM, ROW_ROLE, THEME, WRITTEN
from briefpack.gui.outline_editors import TYPING_PAUSE_MS
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures

FIRST = SAMPLE_THEMES[0]


def composed(window):
    """The cited brief the window would export now."""
    brief, _ = window.session.inputs().compose()
    return brief


def section_texts(brief, heading: str) -> list[str]:
    """The plain text of the quote and paragraph blocks under the heading ``heading``, up to the next heading."""
    out, inside = [], False
    for block in brief.blocks:
        if type(block).__name__ == "Heading":
            inside = plain_text(block.children) == heading
            continue
        if inside and isinstance(block, (Quote, Para)):
            out.append(plain_text(block.children))
    return out


def passage_text(window, key: str) -> str:
    return window.outline._picked[key].passage.text


def label(window, theme_id: str) -> str:
    return window.session.taxonomy.get(theme_id).label


def drop(tree, mime, row, upper: bool) -> None:
    """Drop ``mime`` on the upper or lower half of ``row``, as a mouse release over it would."""
    rect = tree.visualItemRect(row)
    point = QPoint(rect.center().x(), rect.top() + 2 if upper else rect.bottom() - 2)
    event = QDropEvent(point.toPointF(), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)
    assert event.isAccepted()


def test_outline_lists_the_template_sections_in_order_with_the_theme_items(window):
    tree = window.outline.tree
    rows = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    kinds = [(r.data(0, ROW_ROLE), r.text(0).split(" — ")[0]) for r in rows]
    themes = [(THEME, label(window, t)) for t in SAMPLE_THEMES]
    assert kinds == [(WRITTEN, "Bottom line up front"), (WRITTEN, "Key judgments"), *themes,
                     (GENERATED, "Timeline (generated)"), (GENERATED, "Key figures (generated)"), (GENERATED, "Sources (generated)")]
    # Section titles and generated rows read across the columns; a written section shows "to write" beside it.
    assert [r.isFirstColumnSpanned() for r in rows] == [False, False, *[True] * len(themes), True, True, True]
    first = rows[2]
    assert first.childCount() == len(window.outline.section_keys(FIRST)) > 2
    assert all(first.child(n).data(0, ROW_ROLE) == ITEM for n in range(first.childCount()))
    assert window.middle_tabs.tabText(window.middle_tabs.indexOf(window.outline)) == "Outline"
    for widget in (tree, window.outline.item_editor.note, window.outline.item_editor.grade,
                   window.outline.item_editor.paraphrase, window.outline.section_editor.text):
        assert widget.accessibleName()


def test_alt_down_and_a_drag_reorder_items_and_the_brief_follows(window, qtbot):
    outline = window.outline
    keys = outline.section_keys(FIRST)
    first_text = passage_text(window, keys[0])
    window.middle_tabs.setCurrentWidget(outline)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts reach only the active window
    outline.select(keys[0])
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert outline.section_keys(FIRST)[:2] == [keys[1], keys[0]]
    assert window.session.selection.order[FIRST][:2] == (keys[1], keys[0])
    assert section_texts(composed(window), label(window, FIRST))[1] == first_text
    assert outline.tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == keys[0], "the moved item stays current"

    # Drag the last item onto the upper half of the first row: it becomes the first item.
    section = outline.row(THEME, FIRST)
    last = section.child(section.childCount() - 1)
    mime = outline.tree.mimeData([last])
    drop(outline.tree, mime, section.child(0), upper=True)
    assert outline.section_keys(FIRST)[0] == keys[-1]
    assert section_texts(composed(window), label(window, FIRST))[0] == passage_text(window, keys[-1])

    window.session.undo_stack.undo()
    assert outline.section_keys(FIRST)[:2] == [keys[1], keys[0]], "Undo puts the order back"


def test_an_item_cannot_be_dragged_into_another_section(window):
    outline = window.outline
    source = outline.row(THEME, SAMPLE_THEMES[0]).child(0)
    target = outline.row(THEME, SAMPLE_THEMES[1]).child(0)
    before = window.session.selection
    rect = outline.tree.visualItemRect(target)
    mime = outline.tree.mimeData([source])  # held here: the event does not own it
    event = QDropEvent(rect.center().toPointF(), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    outline.tree.dropEvent(event)
    assert not event.isAccepted() and window.session.selection == before


def test_note_paraphrase_and_grade_reach_the_built_brief(window, qtbot):
    outline = window.outline
    editor = outline.item_editor
    key = outline.section_keys(FIRST)[0]
    original = passage_text(window, key)
    outline.select(key)
    assert outline.editors.currentWidget() is editor

    qtbot.keyClicks(editor.note, "Single source; treat with care.")
    qtbot.waitUntil(lambda: window.session.selection.treatment(key).note == "Single source; treat with care.",
                    timeout=TYPING_PAUSE_MS * 10)
    editor.paraphrase_button.click()
    assert editor.paraphrase.isEnabled()
    qtbot.keyClicks(editor.paraphrase, "Officials of both states signed an economic protocol.")
    editor.flush()
    editor.grade.setCurrentIndex(editor.grade.findData(2))
    treatment = window.session.selection.treatment(key)
    assert (treatment.mode, treatment.grade) == ("paraphrase", 2)

    texts = section_texts(composed(window), label(window, FIRST))
    assert texts[0] == "Officials of both states signed an economic protocol."
    assert texts[1] == "Analyst's note: Single source; treat with care."
    assert original not in texts
    row = outline.row(ITEM, key)
    assert row.text(0).startswith("Officials of both states") and row.text(2) == "2, note"

    # The grade code shows where the template prints grades.
    window.session.set_settings(replace(window.session.settings, template="intelligence-assessment"))
    editor.quote_button.click()
    quotes = [b for b in composed(window).blocks if isinstance(b, Quote)]
    graded = next(q for q in quotes if plain_text(q.children).startswith(original))
    assert plain_text(graded.children).endswith(" [F2]")


def test_a_passage_dragged_from_the_picker_is_added_at_the_drop_position(window):
    outline, picker = window.outline, window.passages
    target_theme, other = SAMPLE_THEMES[0], SAMPLE_THEMES[1]
    in_target = {window.outline._picked[k].passage.key for k in outline.section_keys(target_theme)}
    group = next(picker.tree.topLevelItem(n) for n in range(picker.tree.topLevelItemCount())
                 if picker.tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) == other)
    row = next(group.child(m) for m in range(group.childCount())
               if picker._picked[group.child(m).data(0, Qt.ItemDataRole.UserRole)].passage.key not in in_target)
    passage = picker._picked[row.data(0, Qt.ItemDataRole.UserRole)].passage
    assert row.flags() & Qt.ItemFlag.ItemIsDragEnabled

    mime = picker.tree.mimeData([row])
    assert mime.formats() == ["application/x-briefpack-passage"], "no text the window would import as an article"
    drop(outline.tree, mime, outline.row(THEME, target_theme).child(1), upper=False)

    new_key = f"{target_theme}/{passage.key}"
    assert outline.section_keys(target_theme)[2] == new_key
    assert any(a.key == new_key for a in window.session.selection.added)
    assert outline.tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == new_key
    assert section_texts(composed(window), label(window, target_theme))[2] == passage.text
    assert window.session.undo_stack.undoText() == f"Place passage in {label(window, target_theme)}"
    window.session.undo_stack.undo()
    assert new_key not in outline.section_keys(target_theme)


def test_a_theme_section_without_items_takes_a_drop(window):
    outline, s = window.outline, window.session
    empty_theme = next(t for t in s.taxonomy.ids if not any(tag.theme_id == t for tag in s.tags))
    s.set_selection(replace(s.selection, theme_ids=(*SAMPLE_THEMES, empty_theme)))
    section = outline.row(THEME, empty_theme)
    assert section.childCount() == 1 and section.child(0).data(0, ROW_ROLE) == EMPTY
    assert section.child(0).isFirstColumnSpanned()  # the hint is not cut off at the Source column
    key = outline.section_keys(SAMPLE_THEMES[0])[0]
    mime = window.passages.tree.mimeData([window.passages.passage_item(key)])
    drop(outline.tree, mime, section.child(0), upper=True)
    assert len(outline.section_keys(empty_theme)) == 1
    assert section_texts(composed(window), label(window, empty_theme)) == [passage_text(window, key.replace(SAMPLE_THEMES[0], empty_theme, 1))]


def test_written_sections_are_edited_in_the_outline_and_printed_in_the_brief(window, qtbot):
    outline = window.outline
    assert outline.select("key_judgments")
    editor = outline.section_editor
    assert outline.editors.currentWidget() is editor
    assert "ICD 203" in editor.hint.text()
    qtbot.keyClicks(editor.text, "We judge further talks likely.")
    editor.text.insertPlainText("\n\nSupply will decide it.")
    qtbot.waitUntil(lambda: "key_judgments" in window.session.settings.sections, timeout=TYPING_PAUSE_MS * 10)
    assert window.session.settings.sections["key_judgments"] == "We judge further talks likely.\n\nSupply will decide it."
    brief = composed(window)
    lists = [b for b in brief.blocks if isinstance(b, BulletList)]
    assert [plain_text(i) for i in lists[0].items] == ["We judge further talks likely.", "Supply will decide it."]
    assert outline.row(WRITTEN, "key_judgments").text(1) == "written"

    # The bottom line is the summary the properties form shows too: both stay in step.
    outline.select("summary")
    qtbot.keyClicks(editor.text, "Ties deepen.")
    editor.flush()
    assert window.session.settings.summary == "Ties deepen."
    assert window.properties.summary.toPlainText() == "Ties deepen."
    window.properties.title.setText("A new title")
    window.properties.title.textEdited.emit("A new title")
    assert window.session.settings.sections["key_judgments"].startswith("We judge"), "the form keeps the outline's text"


def test_typing_survives_a_refresh_and_is_sent_when_the_editor_moves_on(window, qtbot):
    outline = window.outline
    keys = outline.section_keys(FIRST)
    outline.select(keys[0])
    qtbot.keyClicks(outline.item_editor.note, "Half-typed")
    outline.refresh()  # e.g. another panel changed the selection meanwhile
    assert outline.item_editor.note.toPlainText() == "Half-typed"
    outline.select(keys[1])
    QApplication.processEvents()
    assert window.session.selection.treatment(keys[0]).note == "Half-typed"
    assert outline.item_editor.note.toPlainText() == ""


def test_order_and_treatments_are_there_after_saving_and_reopening(window, qtbot, sample_path):
    outline = window.outline
    keys = outline.section_keys(FIRST)
    outline.move_item(FIRST, keys[2], 0)
    outline.select(keys[2])
    outline.item_editor.grade.setCurrentIndex(outline.item_editor.grade.findData(4))
    qtbot.keyClicks(outline.item_editor.note, "Kept for the record.")
    outline.flush()
    window.files.save()
    assert not window.session.dirty

    reopened = make_window(qtbot, sample_path)
    again = reopened.outline
    assert again.section_keys(FIRST)[0] == keys[2]
    assert reopened.session.selection.treatment(keys[2]).note == "Kept for the record."
    again.select(keys[2])
    assert again.item_editor.note.toPlainText() == "Kept for the record."
    assert again.item_editor.grade.currentData() == 4


def test_leave_out_drops_the_current_item_and_moves_on_to_the_next(window, qtbot):
    outline = window.outline
    keys = outline.section_keys(FIRST)
    outline.select(keys[0])
    outline.leave_out_action.trigger()
    assert keys[0] in window.session.selection.dropped
    assert outline.section_keys(FIRST) == keys[1:]
    assert outline.tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == keys[1]
    assert passage_text(window, keys[1]) == section_texts(composed(window), label(window, FIRST))[0]
    assert window.passages.passage_item(keys[0]).checkState(0) == Qt.CheckState.Unchecked


def test_undo_of_a_typed_note_empties_the_editor_again(window, qtbot):
    outline = window.outline
    key = outline.section_keys(FIRST)[0]
    outline.select(key)
    qtbot.keyClicks(outline.item_editor.note, "One thought")
    outline.flush()
    assert window.session.selection.treatment(key).note == "One thought"
    window.session.undo_stack.undo()
    assert window.session.selection.treatment(key).note == ""
    assert outline.item_editor.note.toPlainText() == ""
    window.session.undo_stack.redo()
    assert outline.item_editor.note.toPlainText() == "One thought"
