"""``RefreshWhenShown``: a panel hidden in a shown window refreshes when shown (or when read), never per change."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from briefpack.gui.when_shown import RefreshWhenShown
from gui_support import answers, home, sample_path, window  # noqa: F401 - fixtures


def test_a_hidden_tab_refreshes_once_when_shown(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    front, back = QWidget(), QWidget()
    tabs.addTab(front, "Front")
    tabs.addTab(back, "Back")
    calls: list[int] = []
    refresher = RefreshWhenShown(back, lambda: calls.append(1))
    refresher.request()
    assert calls == [1], "a window not shown yet refreshes at once"
    tabs.show()
    qtbot.waitExposed(tabs)
    refresher.request()
    refresher.request()
    assert calls == [1] and refresher.stale, "hidden in a shown window: only noted"
    tabs.setCurrentWidget(back)
    assert calls == [1, 1] and not refresher.stale, "shown: one refresh for both changes"
    refresher.request()
    assert calls == [1, 1, 1], "visible: at once"


def test_the_hidden_outline_catches_up_when_read(window, qtbot):
    from dataclasses import replace

    window.show()
    qtbot.waitExposed(window)
    window.middle_tabs.setCurrentWidget(window.passages)
    s = window.session
    theme_id = s.selection.theme_ids[0]
    before = window.outline.section_keys(theme_id)
    assert len(before) > 1
    s.set_selection(replace(s.selection, dropped=frozenset(s.selection.dropped) | {before[0]}))
    assert window.outline.section_keys(theme_id) == before[1:], "reading the hidden outline brings it up to date"
