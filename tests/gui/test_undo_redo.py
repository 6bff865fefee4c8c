"""Undo and redo: every edit the session takes is one command on its stack, and saved means clean."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from briefpack.analysis import theme_edits as te
from briefpack.gui import dialogs, edits
from briefpack.gui.theme_apply import apply_themes
from briefpack.model.selection import ItemTreatment
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


def choose(window, theme_id: str) -> None:
    s = window.session
    s.set_selection(edits.with_theme(s.selection, s.taxonomy, theme_id, True))


def test_choosing_a_theme_undoes_and_redoes_from_the_edit_menu(window):
    before = window.session.selection
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    choose(window, "health")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().replace("&", "") == "Undo Choose theme Health"
    assert window.isWindowModified() and window.session.dirty

    window.undo_action.trigger()
    assert window.session.selection == before
    assert not window.session.dirty and not window.isWindowModified()
    assert window.redo_action.text().replace("&", "") == "Redo Choose theme Health"
    assert not window.undo_action.isEnabled()

    window.redo_action.trigger()
    assert "health" in window.session.selection.theme_ids
    assert window.session.dirty
    assert window.session.project.selection == window.session.selection  # the working copy follows too


def test_the_edit_menu_lists_undo_and_redo_with_their_shortcuts(window):
    assert window.edit_menu.actions()[:2] == [window.undo_action, window.redo_action]
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()
    assert {QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")} <= set(window.redo_action.shortcuts())


def test_saved_is_clean_and_undoing_past_a_save_is_unsaved_again(window):
    choose(window, "health")
    window.save_action.trigger()
    assert not window.session.dirty and window.session.undo_stack.isClean()
    window.undo_action.trigger()
    assert window.session.dirty and window.isWindowModified()
    window.redo_action.trigger()
    assert not window.session.dirty and not window.isWindowModified()


def test_typing_in_one_field_is_one_command(qtbot, window):
    stack = window.session.undo_stack
    title = window.properties.title
    original, author = window.session.settings.title, window.session.settings.author
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " draft")
    assert window.session.settings.title == f"{original} draft"
    assert stack.count() == 1 and stack.text(0) == "Edit title"
    window.properties.author.end(False)
    qtbot.keyClicks(window.properties.author, "Desk")
    assert stack.count() == 2 and stack.text(1) == "Edit author"

    window.undo_action.trigger()
    assert window.session.settings.author == author
    window.undo_action.trigger()
    assert window.session.settings.title == original
    assert title.text() == original  # the form shows the undone value
    window.redo_action.trigger()
    assert title.text() == f"{original} draft"


def test_typing_a_field_back_to_where_it_started_leaves_nothing_to_undo(window):
    s = window.session
    first = s.settings
    s.set_settings(replace(first, author="A"))
    s.set_settings(replace(first, author="AB"))
    s.set_settings(replace(first, author="A"))
    s.set_settings(first)
    assert s.undo_stack.count() == 0 and not s.dirty


def test_keystrokes_in_one_section_text_merge(window):
    s = window.session
    first = s.settings
    for text in ("O", "Ou", "Out"):
        s.set_settings(replace(s.settings, sections={**s.settings.sections, "outlook": text}))
    s.set_settings(replace(s.settings, sections={**s.settings.sections, "summary": "S"}))
    assert s.undo_stack.count() == 2 and s.undo_stack.text(0) == "Edit section text"
    s.undo_stack.undo()
    assert s.settings.sections == {"outlook": "Out"}
    s.undo_stack.undo()
    assert s.settings == first


def test_undoing_a_dropped_passage_ticks_it_again(window):
    tree = window.passages.tree
    item = tree.topLevelItem(0).child(0)
    key = item.data(0, Qt.ItemDataRole.UserRole)
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert key in window.session.selection.dropped
    assert window.undo_action.text().replace("&", "") == "Undo Leave out passage"
    window.undo_action.trigger()
    assert key not in window.session.selection.dropped
    assert window.passages.passage_item(key).checkState(0) == Qt.CheckState.Checked
    window.redo_action.trigger()
    assert window.passages.passage_item(key).checkState(0) == Qt.CheckState.Unchecked


def test_keystrokes_in_one_item_note_merge(window):
    s = window.session
    key = window.passages.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole)
    for note in ("C", "Ch", "Che", "Check"):
        s.set_selection(replace(s.selection, treatments={**s.selection.treatments, key: ItemTreatment(note=note)}))
    assert s.undo_stack.count() == 1 and s.undo_stack.text(0) == "Edit note"
    s.set_selection(replace(s.selection, treatments={key: ItemTreatment(note="Check", grade=2)}))
    assert s.undo_stack.count() == 2 and s.undo_stack.text(1) == "Grade item 2"
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert s.selection.treatment(key) == ItemTreatment()


def test_corrections_and_grades_undo(window):
    s = window.session
    article = s.articles[0]
    s.correct_article(article.id, {"title": "A corrected title"})
    assert s.article(article.id).title == "A corrected title"
    assert s.undo_stack.text(0).startswith("Correct details of ")
    publisher = article.publisher or "Some publisher"
    s.set_reliability(publisher, "B")
    assert s.undo_stack.text(1) == f"Grade {publisher} B"

    s.undo_stack.undo()
    assert publisher not in s.reliability()
    s.undo_stack.undo()
    assert s.corrections(article.id) == {} and s.article(article.id).title == article.title
    assert not s.dirty
    s.undo_stack.redo()
    s.undo_stack.redo()
    assert s.corrections(article.id) == {"title": "A corrected title"} and s.reliability()[publisher] == "B"


def test_theme_edits_undo_overrides_tags_and_selection(window):
    s = window.session
    choose(window, "sanctions")
    tags_before = s.tags
    taxonomy_before = s.taxonomy
    changed = apply_themes(s, te.delete_theme(s.taxonomy, "military"))
    assert changed > 0 and "military" not in s.selection.theme_ids
    assert s.undo_stack.text(s.undo_stack.index() - 1) == "Edit themes"

    window.undo_action.trigger()
    assert s.taxonomy == taxonomy_before and s.tags == tags_before
    assert "military" in s.selection.theme_ids
    assert te.project_taxonomy(s.project) == taxonomy_before
    window.redo_action.trigger()
    assert s.taxonomy.get("military") is None and not any(t.theme_id == "military" for t in s.tags)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert "sanctions" not in s.selection.theme_ids and not s.dirty


def test_imports_undo_by_removing_the_articles(qtbot, home, answers, seed_paths, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs.ImportResultsDialog, "exec", lambda self: 0)
    answers["save_path"] = tmp_path / "fresh.briefpack"
    window = make_window(qtbot, None)
    window.files.new_project()
    s = window.session
    answers["open_paths"] = list(seed_paths)
    window.import_action.trigger()
    assert len(s.articles) == len(seed_paths) and s.tags
    assert window.undo_action.text().replace("&", "") == f"Undo Import {len(seed_paths)} articles"

    window.undo_action.trigger()
    assert s.articles == () and s.tags == () and s.project.articles == ()
    assert not s.dirty
    window.redo_action.trigger()
    assert {a.id for a in s.articles} == {a.id for a in s.project.articles} and len(s.articles) == len(seed_paths)
    window.save_action.trigger()
    reopened = make_window(qtbot, tmp_path / "fresh.briefpack")
    assert len(reopened.session.articles) == len(seed_paths)


def test_a_new_project_starts_with_an_empty_stack(qtbot, window, answers, tmp_path):
    choose(window, "health")
    window.save_action.trigger()
    answers["save_path"] = tmp_path / "other.briefpack"
    window.new_action.trigger()
    assert window.session.path == tmp_path / "other.briefpack"
    assert not window.undo_action.isEnabled() and window.undo_group.activeStack() is window.session.undo_stack


def test_views_can_tell_undo_and_redo_from_the_edit_itself(window):
    s = window.session
    seen = []
    s.selectionChanged.connect(lambda: seen.append(s.replaying))
    choose(window, "health")
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert seen == [False, True, True]
    assert not s.replaying
