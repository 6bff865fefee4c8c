"""Projects macOS hands the running app (QFileOpenEvent) open in the window; the sample never replaces one."""

from __future__ import annotations

import shutil
from dataclasses import replace

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from briefpack.gui import prompts
from briefpack.gui.app import open_initial_project
from briefpack.gui.file_open import accept_file_open_events

from gui_support import answers, home, make_window, sample_path  # noqa: F401 - fixtures


def other_project(sample_path, tmp_path):
    path = tmp_path / "desk.briefpack"
    shutil.copyfile(sample_path, path)
    return path


def test_a_file_open_event_opens_the_project(qtbot, qapp, sample_path, answers, tmp_path):
    window = make_window(qtbot, sample_path)
    handler = accept_file_open_events(qapp, window)
    try:
        desk = other_project(sample_path, tmp_path)
        QApplication.sendEvent(qapp, QFileOpenEvent(str(desk)))
        assert window.session.path == desk
        assert handler.opened == [desk]
    finally:
        qapp.removeEventFilter(handler)


def test_unsaved_work_is_asked_about_first_and_cancel_keeps_it(qtbot, qapp, sample_path, answers, tmp_path):
    window = make_window(qtbot, sample_path)
    handler = accept_file_open_events(qapp, window)
    try:
        window.session.set_settings(replace(window.session.settings, title="Changed"))
        answers["unsaved"] = prompts.Unsaved.CANCEL
        QApplication.sendEvent(qapp, QFileOpenEvent(str(other_project(sample_path, tmp_path))))
        assert window.session.path == sample_path and window.session.dirty
        assert [kind for kind, *_ in answers["asked"]] == ["unsaved"]
        assert handler.opened == []
    finally:
        qapp.removeEventFilter(handler)


def test_the_sample_does_not_replace_a_project_opened_meanwhile(qtbot, sample_path, answers, tmp_path):
    desk = other_project(sample_path, tmp_path)
    window = make_window(qtbot, desk)  # jobs run synchronously: the sample "arrives" after desk is open
    assert open_initial_project(window, None)
    assert window.session.path == desk


def test_the_sample_opens_into_an_empty_window(qtbot, sample_path, answers):
    window = make_window(qtbot, None)
    assert open_initial_project(window, None)
    assert window.session is not None and window.session.path == sample_path
