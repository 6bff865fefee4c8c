"""The analyst's whole afternoon in one test: open the sample, choose, reorder, annotate, undo, export, reopen.

Every step goes through the window's own widgets and actions (check boxes,
the outline's keyboard move, the item editor, the Edit menu's actions, the
File menu's exports and Save), and the end state is checked in the files a
reader would get: the PDF's text (pypdf), the Word file (python-docx and
pandoc), and the project reopened in a new window.
"""

from __future__ import annotations

import subprocess

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from briefpack.citations.pandoc_run import pandoc_path
from briefpack.sample import SAMPLE_THEMES
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures

NOTE = "Single source for the port figures; treat with care."


@pytest.fixture
def no_viewer(monkeypatch):
    """Export offers to open the file; say yes, but open nothing."""
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))


def passage_text(window, key: str) -> str:
    return window.outline._picked[key].passage.text


def flat(text: str) -> str:
    return " ".join(text.split())


def test_from_sample_to_exported_brief_and_back(qtbot, window, answers, sample_path, tmp_path, no_viewer):
    session = window.session
    taxonomy = session.taxonomy

    # Choose themes: one more theme than the sample's, by its check box.
    extra = next(t for t in taxonomy.ids if t not in SAMPLE_THEMES and window.themes.item(t) is not None
                 and "— 0" not in window.themes.item(t).text())
    window.themes.item(extra).setCheckState(Qt.CheckState.Checked)
    assert extra in session.selection.theme_ids

    # Choose sources: leave the second source out, then take it back.
    first, second = session.articles[0], session.articles[1]
    window.sources.set_checked(second.id, False)
    assert session.selection.source_ids == (first.id,)
    window.sources.set_checked(second.id, True)
    assert session.selection.source_ids == ()

    # Reorder: move the first item of the first section down with Alt+Down, as the keyboard way.
    theme = SAMPLE_THEMES[0]
    outline = window.outline
    keys = outline.section_keys(theme)
    assert len(keys) >= 2
    window.middle_tabs.setCurrentWidget(outline)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    outline.select(keys[0])
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved = [keys[1], keys[0]] + keys[2:]
    assert outline.section_keys(theme) == moved

    # Edit a note on the moved item.
    outline.select(keys[0])
    qtbot.keyClicks(outline.item_editor.note, NOTE)
    outline.flush()
    assert session.selection.treatment(keys[0]).note == NOTE

    # Undo the note and the move from the Edit menu, then redo both.
    undo, redo = window.undo_action, window.redo_action
    assert undo.isEnabled() and "note" in undo.text().lower()
    undo.trigger()
    assert session.selection.treatment(keys[0]).note == ""
    undo.trigger()
    assert outline.section_keys(theme) == keys
    redo.trigger()
    redo.trigger()
    assert outline.section_keys(theme) == moved
    assert session.selection.treatment(keys[0]).note == NOTE

    # Export both formats through the File menu's actions.
    answers["yes_no"] = True
    written = {}
    for fmt, action in (("pdf", window.export_pdf_action), ("docx", window.export_docx_action)):
        answers["save_path"] = tmp_path / f"brief.{fmt}"
        action.trigger()
        qtbot.waitUntil(lambda: not window.exporter.running, timeout=60_000)
        written[fmt] = tmp_path / f"brief.{fmt}"
        assert written[fmt].exists(), answers["errors"]
    assert answers["errors"] == []

    second_text, first_text = passage_text(window, keys[1]), passage_text(window, keys[0])
    head = lambda text: flat(text)[:60]  # noqa: E731 - a short probe that survives line breaks

    pdf_text = flat(" ".join(page.extract_text() or "" for page in PdfReader(written["pdf"]).pages))
    assert head(second_text) in pdf_text and head(first_text) in pdf_text
    assert pdf_text.index(head(second_text)) < pdf_text.index(head(first_text)), "the PDF follows the new order"
    assert flat("Analyst's note: " + NOTE) in pdf_text
    assert taxonomy.get(extra).label in pdf_text

    paragraphs = [flat(p.text) for p in docx.Document(written["docx"]).paragraphs]
    body = " ".join(paragraphs)
    assert body.index(head(second_text)) < body.index(head(first_text)), "the Word file follows the new order"
    assert any(p == flat("Analyst's note: " + NOTE) for p in paragraphs)
    markdown = subprocess.run([pandoc_path(), str(written["docx"]), "-t", "markdown"], capture_output=True,
                              text=True, check=True).stdout
    assert "[^1]" in markdown, "pandoc reads the footnotes"

    # Save, close, reopen in a new window: everything is as it was.
    assert window.save_action.isEnabled()
    window.save_action.trigger()
    assert not session.dirty
    selection = session.selection
    settings = session.settings
    window.close()

    reopened = make_window(qtbot, sample_path)
    again = reopened.session
    assert again.selection == selection
    assert again.settings == settings
    assert extra in again.selection.theme_ids
    assert reopened.outline.section_keys(theme) == moved
    assert again.selection.treatment(keys[0]).note == NOTE
    assert not again.dirty
