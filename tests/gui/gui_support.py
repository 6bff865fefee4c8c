"""Fixtures for the window tests: a sample project built from the seeds in a temporary home, and a window on it.

Jobs run on ``ImmediateThreadPool`` unless a test asks for the real pool, so
clicking an action runs it to its end before the next line. Every question
the window could ask a person is answered here (and recorded), so no test
can hang on a modal dialog.

Test modules import these fixtures by name (``from gui_support import ...``).
They are deliberately not in a ``tests/gui/conftest.py``: without packages,
pytest imports every conftest as the module ``conftest``, so a second one
would hide ``tests/conftest.py`` from modules that ``from conftest import SEEDS``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefpack.gui import prompts
from briefpack.gui.main_window import MainWindow
from briefpack.gui.worker import ImmediateThreadPool, JobRunner


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("BRIEFPACK_HOME", str(folder))
    return folder


@pytest.fixture
def sample_path(home: Path) -> Path:
    from briefpack.sample import open_sample_project, sample_project_path

    project = open_sample_project()
    close = getattr(project, "close", None)
    if callable(close):
        close()
    return sample_project_path()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict:
    """What the window's questions get answered, and a log of what it asked; tests change the answers."""
    state: dict = {"save_path": None, "open_path": None, "open_paths": [], "yes_no": False,
                   "unsaved": prompts.Unsaved.DISCARD, "asked": [], "errors": []}

    def log(kind, *args):
        state["asked"].append((kind, *args))

    monkeypatch.setattr(prompts, "ask_save_path", lambda parent, title, suggested, f: log("save", title, suggested) or state["save_path"])
    monkeypatch.setattr(prompts, "ask_open_path", lambda parent, title, start, f: log("open", title) or state["open_path"])
    monkeypatch.setattr(prompts, "ask_open_paths", lambda parent, title, start, f: log("open-many", title) or list(state["open_paths"]))
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, title, question: log("yes-no", title, question) or state["yes_no"])
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: log("unsaved", name) or state["unsaved"])
    monkeypatch.setattr(prompts, "tell_error", lambda parent, title, message: state["errors"].append((title, message)))
    return state


def make_window(qtbot, path: Path | None, pool=None) -> MainWindow:
    """A 1280×800 window on ``path`` (``None``: no project); ``pool`` ``None`` runs jobs synchronously."""
    window = MainWindow(JobRunner(pool if pool is not None else ImmediateThreadPool()))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    if path is not None:
        assert window.open_path(path)
    return window


@pytest.fixture
def window(qtbot, sample_path: Path, answers: dict) -> MainWindow:
    return make_window(qtbot, sample_path)
