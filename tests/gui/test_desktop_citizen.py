"""Recent projects, recovery copies after a crash, preferences, window layout, last folders and shortcuts.

Every test runs with ``BRIEFPACK_HOME`` in a temporary folder (the ``home``
fixture), so ``QSettings`` is an ini file there and never the user's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QSplitter

from briefpack.gui import autosave, edits, preferences, prompts
from briefpack.gui.recent import LIMIT, RecentProjects
from briefpack.gui.worker import JobRunner
from briefpack.store import Project
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


def copy_of(sample_path, tmp_path, name: str):
    target = tmp_path / f"{name}.briefpack"
    shutil.copy(sample_path, target)
    return target


def choose(window, theme_id: str) -> None:
    s = window.session
    s.set_selection(edits.with_theme(s.selection, s.taxonomy, theme_id, True))


# ------------------------------------------------------------------ settings


def test_settings_live_in_the_home_folder(home):
    settings = preferences.app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert os.path.dirname(settings.fileName()) == str(home)
    assert preferences.autosave_seconds() == preferences.DEFAULT_AUTOSAVE_SECONDS
    preferences.set_autosave_seconds(5)
    assert preferences.autosave_seconds() == 5


def test_the_preferences_dialog_stores_the_interval_and_the_timer_follows(qtbot, window, monkeypatch):
    def fake_exec(self):
        self.autosave.setValue(30)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preferences.PreferencesDialog, "exec", fake_exec)
    window.preferences_action.trigger()
    assert preferences.autosave_seconds() == 30
    assert window.autosave.timer.isActive() and window.autosave.timer.interval() == 30_000
    preferences.set_autosave_seconds(0)
    window.autosave.restart()
    assert not window.autosave.timer.isActive()


def test_window_layout_is_kept_between_runs(qtbot, home, sample_path, answers):
    # The offscreen screen is 800 px square and the window's minimum is wider, so widths are clamped
    # there; heights and the vertical splitter show what was kept.
    first = make_window(qtbot, sample_path)
    first.show()
    first.resize(1100, 650)
    left = first.findChild(QSplitter, "sourcesAndThemes")
    left.setSizes([100, 400])
    wanted_left = left.sizes()
    assert first.close()
    second = make_window(qtbot, None)
    assert preferences.restore_layout(second)
    second.show()
    assert second.height() == 650
    kept = second.findChild(QSplitter, "sourcesAndThemes").sizes()
    assert kept[0] == wanted_left[0] and abs(kept[1] - wanted_left[1]) <= 1  # an empty status bar is a pixel shorter
    third = make_window(qtbot, None)
    QSettings(preferences.app_settings().fileName(), QSettings.Format.IniFormat).clear()
    assert not preferences.restore_layout(third)  # nothing kept: the window as built
    third.resize(1100, 650)
    third.show()
    assert third.findChild(QSplitter, "sourcesAndThemes").sizes()[0] != wanted_left[0]


def test_pickers_start_in_the_folder_last_used_for_that_kind(qtbot, home, tmp_path, monkeypatch):
    chosen = tmp_path / "articles"
    chosen.mkdir()
    seen = []

    def fake_open(parent, title, start, filter):
        seen.append(start)
        return [str(chosen / "a.txt")], filter

    monkeypatch.setattr(prompts.QFileDialog, "getOpenFileNames", fake_open)
    prompts.ask_open_paths(None, "Import", tmp_path, prompts.ARTICLE_FILTER)
    prompts.ask_open_paths(None, "Import", tmp_path / "elsewhere", prompts.ARTICLE_FILTER)
    assert seen == [str(tmp_path), str(chosen)]
    # Projects and exports keep their own folders.
    assert prompts.start_folder(prompts.PROJECT_FILTER, tmp_path) == tmp_path
    assert prompts.start_file("PDF (*.pdf)", tmp_path / "brief.pdf") == tmp_path / "brief.pdf"
    prompts.remember_folder("export", chosen)
    assert prompts.start_file("PDF (*.pdf)", tmp_path / "brief.pdf") == chosen / "brief.pdf"


# ------------------------------------------------------------------ recent projects


def test_opened_projects_are_listed_newest_first_and_open_from_the_menu(qtbot, window, sample_path, tmp_path, answers):
    first = copy_of(sample_path, tmp_path, "first")
    second = copy_of(sample_path, tmp_path, "second")
    assert window.open_path(first) and window.open_path(second)
    assert RecentProjects().paths()[:3] == [second, first, sample_path]
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.statusTip()]
    assert [a.statusTip() for a in entries[:2]] == [str(second), str(first)]
    entries[1].trigger()
    assert window.session.path == first
    assert RecentProjects().paths()[0] == first


def test_a_recent_project_that_is_gone_is_dropped_with_a_message(qtbot, window, sample_path, tmp_path, answers):
    gone = copy_of(sample_path, tmp_path, "gone")
    assert window.open_path(gone) and window.open_path(sample_path)
    gone.unlink()
    assert not window.files.open_recent(gone)
    assert answers["errors"][-1][0] == "Project not found"
    assert gone not in RecentProjects().paths()
    assert window.session.path == sample_path


def test_the_recent_list_keeps_ten(home, tmp_path):
    recent = RecentProjects()
    for n in range(LIMIT + 3):
        recent.add(tmp_path / f"p{n}.briefpack")
    paths = recent.paths()
    assert len(paths) == LIMIT and paths[0] == tmp_path / f"p{LIMIT + 2}.briefpack"
    recent.add(tmp_path / "p5.briefpack")
    assert recent.paths()[0] == tmp_path / "p5.briefpack" and len(recent.paths()) == LIMIT


def test_new_open_recent_and_quit_all_ask_about_unsaved_work(qtbot, window, sample_path, tmp_path, answers):
    other = copy_of(sample_path, tmp_path, "other")
    RecentProjects().add(other)
    choose(window, "health")
    answers["unsaved"] = prompts.Unsaved.CANCEL
    answers["open_path"] = other
    answers["save_path"] = tmp_path / "new.briefpack"
    window.new_action.trigger()
    window.open_action.trigger()
    window.files.open_recent(other)
    window.show()
    window.quit_action.trigger()
    assert [kind for kind, *_ in answers["asked"]] == ["unsaved"] * 4
    assert window.session.path == sample_path and window.isVisible()


# ------------------------------------------------------------------ recovery copies


# A real crash: another process opens the project, chooses a theme, writes its recovery copy and dies.
CRASH = """
import os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefpack.gui import edits
from briefpack.gui.main_window import MainWindow
from briefpack.gui.worker import ImmediateThreadPool, JobRunner
window = MainWindow(JobRunner(ImmediateThreadPool()))
assert window.open_path(sys.argv[1])
s = window.session
s.set_selection(edits.with_theme(s.selection, s.taxonomy, "health", True))
assert window.autosave.write_now()
os._exit(3)  # no close, no clean-up
"""


def crash_while_editing(project) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # BRIEFPACK_HOME is the test's home
    done = subprocess.run([sys.executable, "-c", CRASH, str(project)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr


def test_a_crash_leaves_a_recovery_copy_that_the_next_start_restores(qtbot, home, sample_path, tmp_path, answers, monkeypatch):
    project = copy_of(sample_path, tmp_path, "work")
    saved_bytes = project.read_bytes()
    crash_while_editing(project)
    copy = autosave.recovery_copy_path(project)
    assert copy.is_file() and copy.parent == autosave.recovery_dir()
    assert project.read_bytes() == saved_bytes  # the project file itself is untouched
    asked = []
    monkeypatch.setattr(prompts, "ask_restore", lambda parent, path, when: asked.append((path, when)) or True)
    fresh = make_window(qtbot, None)
    assert autosave.offer_recovery(fresh)
    assert asked and asked[0][0] == project.absolute()
    assert fresh.session.path == project.absolute()
    assert "health" in fresh.session.selection.theme_ids
    assert fresh.session.dirty and fresh.isWindowModified()
    fresh.save_action.trigger()
    assert not copy.exists()
    with Project.open(project) as reopened:
        assert "health" in reopened.selection.theme_ids
    assert autosave.find_recoveries() == []


def test_discarding_the_offer_deletes_the_copy(qtbot, home, sample_path, tmp_path, answers, monkeypatch):
    project = copy_of(sample_path, tmp_path, "work")
    crash_while_editing(project)
    monkeypatch.setattr(prompts, "ask_restore", lambda parent, path, when: False)
    fresh = make_window(qtbot, None)
    assert not autosave.offer_recovery(fresh)
    assert fresh.session is None and not autosave.recovery_copy_path(project).exists()


def test_several_copies_are_offered_newest_first_until_one_is_restored(qtbot, home, sample_path, tmp_path, answers, monkeypatch):
    older, newer = copy_of(sample_path, tmp_path, "older"), copy_of(sample_path, tmp_path, "newer")
    crash_while_editing(older)
    crash_while_editing(newer)
    stamp = time.time()
    for project in (older, newer):
        os.utime(project, (stamp - 120, stamp - 120))  # both saved before either copy
    os.utime(autosave.recovery_copy_path(older), (stamp - 60, stamp - 60))
    os.utime(autosave.recovery_copy_path(newer), (stamp, stamp))
    asked = []
    monkeypatch.setattr(prompts, "ask_restore", lambda parent, path, when: asked.append(path) or path.stem == "older")
    fresh = make_window(qtbot, None)
    assert autosave.offer_recovery(fresh)
    assert asked == [newer.absolute(), older.absolute()]
    assert fresh.session.path == older.absolute()
    assert not autosave.recovery_copy_path(newer).exists()  # "Discard" deleted it


def test_a_copy_older_than_its_project_is_not_offered(qtbot, home, sample_path, tmp_path, answers):
    project = copy_of(sample_path, tmp_path, "work")
    crash_while_editing(project)
    assert [r.project for r in autosave.find_recoveries()] == [project.absolute()]
    later = time.time() + 5
    os.utime(project, (later, later))  # saved elsewhere after the copy was written
    assert autosave.find_recoveries() == []


def test_the_copy_of_a_window_still_running_is_not_offered(qtbot, home, sample_path, tmp_path, answers):
    project = copy_of(sample_path, tmp_path, "work")
    running = make_window(qtbot, project)
    choose(running, "health")
    assert running.autosave.write_now()
    assert autosave.find_recoveries() == []  # its lock says it is alive, not crashed


def test_the_timer_writes_only_while_unsaved_and_a_clean_close_removes_the_copy(qtbot, home, sample_path, tmp_path, answers):
    preferences.set_autosave_seconds(1)
    project = copy_of(sample_path, tmp_path, "work")
    window = make_window(qtbot, project)
    copy = autosave.recovery_copy_path(project)
    assert not window.autosave.write_now()  # nothing unsaved, nothing written
    choose(window, "health")
    qtbot.waitUntil(copy.exists, timeout=4000)
    window.undo_action.trigger()  # back to the saved state: nothing left to recover
    assert not copy.exists()
    choose(window, "sanctions")
    window.autosave.write_now()
    assert copy.exists()
    answers["unsaved"] = prompts.Unsaved.DISCARD
    window.show()
    assert window.close()
    assert not copy.exists()


def test_save_as_moves_the_unsaved_work_and_drops_the_old_copy(qtbot, window, sample_path, tmp_path, answers):
    choose(window, "health")
    assert window.autosave.write_now()
    old_copy = autosave.recovery_copy_path(sample_path)
    assert old_copy.exists()
    answers["save_path"] = tmp_path / "renamed"
    window.save_as_action.trigger()
    assert window.session.path == tmp_path / "renamed.briefpack"
    assert not old_copy.exists()
    assert RecentProjects().paths()[0] == tmp_path / "renamed.briefpack"


def test_the_copy_is_written_on_a_worker_while_the_analyst_goes_on_editing(qtbot, home, sample_path, tmp_path, answers):
    project = copy_of(sample_path, tmp_path, "work")
    window = make_window(qtbot, project, pool=JobRunner().pool)
    choose(window, "health")
    assert window.autosave.write_now()
    for theme_id in ("sanctions", "humanitarian", "culture_sport"):  # edits while the copy may be running
        choose(window, theme_id)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert window.autosave.wait(0)
    with Project.open(autosave.recovery_copy_path(project)) as copy:
        assert "health" in copy.selection.theme_ids
        assert copy.selection.theme_ids == window.session.selection.theme_ids or "culture_sport" not in copy.selection.theme_ids
        assert copy.search("Pyongyang")  # the copy's index is rebuilt on opening
    window.save_action.trigger()
    assert not autosave.recovery_copy_path(project).exists()


# ------------------------------------------------------------------ shortcuts and accessibility


def test_every_main_action_has_a_shortcut_and_toolbar_buttons_are_named(window):
    actions = (window.new_action, window.open_action, window.save_action, window.save_as_action,
               window.import_action, window.paste_action, window.export_pdf_action, window.export_docx_action,
               window.undo_action, window.redo_action, window.preferences_action, window.quit_action)
    keys = [a.shortcut().toString() for a in actions]
    assert all(keys), dict(zip([a.text() for a in actions], keys))
    assert len(set(keys)) == len(keys)
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.paste_action.shortcut().toString() == "Ctrl+Shift+V"
    assert window.open_action.toolTip() == f"Open project ({window.open_action.shortcut().toString()})"
    toolbar = window.findChild(type(window.addToolBar("probe")), "mainToolbar")
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
    assert buttons and all(b.accessibleName() for b in buttons)
    assert toolbar.widgetForAction(window.export_pdf_action).accessibleName() == "Export PDF"
    assert toolbar.widgetForAction(window.export_pdf_action).accessibleDescription() == "Compose the brief and write a PDF"
