"""``run_gui(screenshot=...)`` lays the window out on the sample project and writes a PNG."""

from __future__ import annotations

from PySide6.QtGui import QImage

from briefpack.gui.app import run_gui
from gui_support import home  # noqa: F401 - fixture


def test_screenshot_writes_a_png_of_the_window(qapp, home, tmp_path):
    target = tmp_path / "window.png"
    assert run_gui(project=None, screenshot=str(target)) == 0
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_of_a_project_that_cannot_be_read_fails_cleanly(qapp, home, tmp_path, capsys):
    missing = tmp_path / "missing.briefpack"
    assert run_gui(project=str(missing), screenshot=str(tmp_path / "window.png")) == 1
    assert "missing.briefpack" in capsys.readouterr().err
