"""The "How to build your first brief" guide: shown on the first start over the sample, remembered once dismissed, always in Help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from briefpack.gui import app as gui_app
from briefpack.gui import first_run
from briefpack.gui.first_run import FirstBriefGuide, guide_seen, show_on_first_run
from briefpack.gui.main_window import MainWindow

from gui_support import answers, home, sample_path, window  # noqa: F401 - fixtures


def open_guides() -> list[FirstBriefGuide]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstBriefGuide) and w.isVisible()]


def test_the_guide_shows_until_it_is_dismissed_once(qtbot, home):
    assert not guide_seen()
    guide = show_on_first_run(None)
    assert guide is not None and guide.isVisible()
    assert not guide_seen()  # shown is not dismissed: a crash now shows it again next time
    qtbot.mouseClick(guide.got_it, Qt.MouseButton.LeftButton)
    assert not guide.isVisible()
    assert guide_seen()
    assert show_on_first_run(None) is None


def test_closing_the_window_counts_as_dismissing(qtbot, home):
    guide = show_on_first_run(None)
    guide.close()
    assert guide_seen()


def test_the_steps_name_the_windows_own_panels_and_actions(qtbot, window):
    html = first_run.guide_html()
    assert html.count("<li>") == len(first_run.STEPS) == 5
    tabs = [window.middle_tabs.tabText(i) for i in range(window.middle_tabs.count())]
    assert "Passages" in tabs and "Outline" in tabs and "Passages" in html and "Outline" in html
    assert window.export_pdf_action.shortcut().toString() in html  # Ctrl+E
    assert window.import_action.shortcut().toString() in html  # Ctrl+I


def test_help_menu_opens_the_guide_even_after_it_was_dismissed(qtbot, window):
    first_run.mark_seen()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.first_brief_action in help_menu.actions()
    window.first_brief_action.trigger()
    guides = open_guides()
    assert len(guides) == 1 and guides[0].parent() is window
    guides[0].close()


def test_starting_on_the_sample_shows_the_guide_but_a_named_project_does_not(qtbot, home, sample_path, monkeypatch):
    shown = []
    monkeypatch.setattr(gui_app, "show_on_first_run", lambda window: shown.append(window))
    monkeypatch.setattr(gui_app, "offer_recovery", lambda window: False)
    monkeypatch.setattr(gui_app, "open_initial_project", lambda window, project: True)
    monkeypatch.setattr(gui_app.QApplication, "exec", lambda self: 0)
    assert gui_app.run_gui(project=str(sample_path)) == 0
    assert shown == []
    assert gui_app.run_gui() == 0
    assert len(shown) == 1 and isinstance(shown[0], MainWindow)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and isValid(widget):  # a window of an earlier test may be mid-deletion
            widget.close()
