"""Paste (Ctrl+Shift+V) and drag and drop of files and folders onto the window import into the open project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from briefpack.gui import dialogs, intake
from briefpack.ingest import Pasted
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures
from seeddata import SEEDS

# PySide marks the QPoint constructor of QDragEnterEvent deprecated, yet Qt 6 has no other.
pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")

ARTICLE = "Talks resume in Geneva\n\nNegotiators returned to Geneva on Monday for a new round of talks on the ceasefire.\n"


@pytest.fixture
def shown(monkeypatch) -> list:
    found: list = []
    monkeypatch.setattr(dialogs.ImportResultsDialog, "exec", lambda self: found.append(self) or 0)
    return found


@pytest.fixture
def empty_window(qtbot, home, answers, tmp_path):
    answers["save_path"] = tmp_path / "fresh.briefpack"
    window = make_window(qtbot, None)
    window.files.new_project()
    assert window.session is not None and window.session.articles == ()
    return window


def _file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(qtbot, window, mime: QMimeData, target=None) -> QDropEvent:
    """Drag ``mime`` over ``target`` (a child widget: the drop must reach the window through it) and drop it."""
    target = target if target is not None else window.preview.view.viewport()
    target.setAcceptDrops(True)  # Qt only hands drags to widgets that accept drops, then up their parents
    pos = QPointF(5, 5)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop


def test_dropping_a_folder_imports_every_file_under_it(qtbot, empty_window, shown, tmp_path):
    folder = tmp_path / "папка [1]"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "a b.txt")
    shutil.copy(SEEDS[1], folder / "sub" / "c.txt")
    (folder / ".hidden.txt").write_text("hidden")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 8)
    drop = _drop(qtbot, empty_window, _file_mime(folder))
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(empty_window.session.articles) == 2)
    table = shown[0].table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert set(rows) == {"a b.txt", "c.txt", "junk.bin"}
    assert rows["junk.bin"] == "Refused"
    assert empty_window.sources.row_count() == 2 and empty_window.session.dirty


def test_dropping_files_imports_them_and_duplicates_are_listed(qtbot, window, shown, tmp_path):
    before = len(window.session.articles)
    fresh = tmp_path / "fresh.txt"
    fresh.write_text(ARTICLE, encoding="utf-8")
    _drop(qtbot, window, _file_mime(fresh, SEEDS[0]))
    qtbot.waitUntil(lambda: bool(shown))
    assert len(window.session.articles) == before + 1
    table = shown[0].table
    assert [table.item(r, 1).text() for r in range(2)] == ["Imported, with warnings", "Already in the project"]


def test_a_drop_with_nothing_usable_is_refused(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/article")])  # remote: never fetched
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert intake.mime_inputs(mime) == []


def test_paste_html_from_the_clipboard(qtbot, window, shown):
    before = len(window.session.articles)
    mime = QMimeData()
    mime.setHtml("<meta charset='utf-8'><h1>Ports reopen</h1><p>Grain ports on the Black Sea reopened on Tuesday after talks.</p>")
    mime.setText("Ports reopen\nGrain ports on the Black Sea reopened on Tuesday after talks.")
    QGuiApplication.clipboard().setMimeData(mime)
    assert window.paste_action.shortcut() == QKeySequence("Ctrl+Shift+V")
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: len(window.session.articles) == before + 1)
    article = window.session.articles[-1]
    assert article.title == "Ports reopen" and article.provenance.file_name is None
    assert shown[0].table.item(0, 0).text() == "<clipboard>"


def test_paste_plain_text_and_an_empty_clipboard(qtbot, window, shown):
    before = len(window.session.articles)
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: len(window.session.articles) == before + 1)
    assert window.session.articles[-1].title == "Talks resume in Geneva"
    QGuiApplication.clipboard().clear()
    window.paste_action.trigger()
    assert "clipboard holds no" in window.statusBar().currentMessage()
    assert len(window.session.articles) == before + 1


def test_mime_inputs_prefers_files_then_html_then_text(tmp_path):
    mime = QMimeData()
    mime.setText("plain")
    assert intake.mime_inputs(mime) == [Pasted(b"plain", "<clipboard>")]
    mime.setHtml("<p>rich</p>")
    assert intake.mime_inputs(mime) == [Pasted(b"<p>rich</p>", "<clipboard>", reader="html")]
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    assert intake.mime_inputs(mime) == [tmp_path]


def test_dropping_a_project_file_opens_it(qtbot, empty_window, sample_path):
    _drop(qtbot, empty_window, _file_mime(sample_path))
    qtbot.waitUntil(lambda: empty_window.session.path == sample_path)
    assert len(empty_window.session.articles) == len(SEEDS)
