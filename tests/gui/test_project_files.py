"""Saving, reopening, importing and closing: the project file keeps what the analyst chose."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefpack.gui import dialogs, prompts
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


def test_save_and_reopen_keeps_the_selection_and_settings(qtbot, window, answers, tmp_path):
    window.themes.item("transport_tourism").setCheckState(Qt.CheckState.Checked)
    tree = window.passages.tree
    first = tree.topLevelItem(0).child(0)
    first.setCheckState(0, Qt.CheckState.Unchecked)
    window.properties.author.setText("Desk Officer")
    window.properties.author.textEdited.emit("Desk Officer")
    chosen = window.session.selection
    assert window.isWindowModified()

    window.save_action.trigger()
    assert answers["errors"] == [] and not window.session.dirty and not window.isWindowModified()
    again = make_window(qtbot, window.session.path)
    assert again.session.selection == chosen
    assert again.session.settings.author == "Desk Officer"
    assert again.passages.passage_item(first.data(0, Qt.ItemDataRole.UserRole)).checkState(0) == Qt.CheckState.Unchecked

    answers["save_path"] = tmp_path / "copy"
    window.save_as_action.trigger()
    copy = tmp_path / "copy.briefpack"
    assert window.session.path == copy and "copy" in window.windowTitle()
    assert make_window(qtbot, copy).session.selection == chosen


def test_closing_with_unsaved_changes_asks(window, answers):
    window.show()
    window.themes.item("health").setCheckState(Qt.CheckState.Checked)
    answers["unsaved"] = prompts.Unsaved.CANCEL
    assert not window.close()
    assert answers["asked"][-1][0] == "unsaved"
    answers["unsaved"] = prompts.Unsaved.SAVE
    assert window.close()
    assert not window.session.dirty


def test_import_adds_articles_and_lists_each_file(qtbot, home, answers, seed_paths, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs.ImportResultsDialog, "exec", lambda self: shown.append(self) or 0)
    answers["save_path"] = tmp_path / "fresh.briefpack"
    window = make_window(qtbot, None)
    window.files.new_project()
    assert window.session is not None and window.session.articles == ()
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    answers["open_paths"] = [*seed_paths, bad]
    window.import_action.trigger()
    assert len(window.session.articles) == len(seed_paths)
    assert window.sources.row_count() == len(seed_paths)
    assert window.session.dirty
    table = shown[0].table
    assert table.rowCount() == len(seed_paths) + 1
    assert table.item(len(seed_paths), 1).text() == "Refused"

    answers["open_paths"] = seed_paths[:1]
    window.import_action.trigger()
    assert len(window.session.articles) == len(seed_paths)
    assert shown[1].table.item(0, 1).text() == "Already in the project"
