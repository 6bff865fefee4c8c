"""Correcting a source's metadata and grading its publisher in the source details dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from briefpack.gui.source_details import SourceDetailsDialog
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


def open_details(window, article_id: str) -> SourceDetailsDialog:
    window.sources.table.doubleClicked.emit(window.sources.index_of(article_id))
    dialogs = [d for d in window.findChildren(SourceDetailsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def preview_text(window) -> str:
    window.previewer.refresh_now()
    return window.preview.text()


def test_double_click_opens_the_parsed_and_effective_values(window):
    article = window.session.articles[0]
    dialog = open_details(window, article.id)
    assert dialog.article_id == article.id
    assert dialog.edits["publisher"].text() == (article.publisher or "")
    assert dialog.edits["title"].text() == (article.title or "")
    assert dialog.changes() == ({}, list(dialog.edits)), "nothing edited: every field stays as parsed"
    dialog.reject()
    assert not window.session.corrections(article.id)


def test_corrections_reach_the_sources_list_and_the_preview(window):
    article = window.session.articles[0]
    before = preview_text(window)
    assert "Example Desk Weekly" not in before
    dialog = open_details(window, article.id)
    dialog.edits["title"].setText("Corrected headline for the pact")
    dialog.edits["publisher"].setText("Example Desk Weekly")
    dialog.edits["authors"].setText("Ann Analyst; Bo Writer")
    dialog.edits["published"].setText("2024-11-02")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    session = window.session
    assert session.corrections(article.id)["publisher"] == "Example Desk Weekly"
    effective = session.article(article.id)
    assert effective.title == "Corrected headline for the pact"
    assert effective.authors == ("Ann Analyst", "Bo Writer")
    assert effective.published.isoformat() == "2024-11-02"
    assert session.parsed_article(article.id).publisher == article.publisher, "the parsed value is kept apart"
    row = " ".join(window.sources.row_texts(article.id))
    assert "Corrected headline for the pact" in row and "Example Desk Weekly" in row and "2024-11-02" in row
    assert "Example Desk Weekly" in preview_text(window), "citations use the corrected publisher"
    assert session.dirty and window.isWindowModified()


def test_use_parsed_clears_a_correction(window):
    article = window.session.articles[0]
    window.session.correct_article(article.id, {"publisher": "Someone Else"})
    dialog = open_details(window, article.id)
    assert dialog.edits["publisher"].text() == "Someone Else"
    resets = [b for b in dialog.findChildren(QPushButton) if b.text() == "Use parsed"]
    resets[2].click()  # the third field is the publisher
    assert dialog.edits["publisher"].text() == (article.publisher or "")
    dialog.accept()
    assert "publisher" not in window.session.corrections(article.id)
    assert window.session.article(article.id).publisher == article.publisher


def test_an_emptied_field_is_corrected_to_empty(window):
    article = next(a for a in window.session.articles if a.authors)
    dialog = open_details(window, article.id)
    dialog.edits["authors"].setText("")
    dialog.accept()
    assert window.session.corrections(article.id) == {"authors": ()}
    assert window.session.article(article.id).authors == ()
    assert window.session.parsed_article(article.id).authors == article.authors


def test_publisher_grade_defaults_to_f_and_is_stored_when_changed(window):
    article = next(a for a in window.session.articles if a.publisher)
    dialog = open_details(window, article.id)
    assert dialog.grade.currentData() == "F"
    assert "Reliability of" in dialog.grade_label.text()
    dialog.accept()
    assert window.session.reliability() == {}, "an ungraded publisher stays ungraded (F)"

    dialog = open_details(window, article.id)
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    dialog.accept()
    assert window.session.reliability() == {article.publisher: "B"}
    assert window.session.project.reliability() == {article.publisher: "B"}
    assert window.session.dirty
    assert open_details(window, article.id).grade.currentData() == "B"


def test_a_bad_date_disables_ok(window):
    dialog = open_details(window, window.session.articles[0].id)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.edits["published"].setText("2nd of June")
    assert not ok.isEnabled() and "YYYY-MM-DD" in dialog.problem.text()
    dialog.edits["published"].setText("")
    assert ok.isEnabled()
    dialog.reject()


def test_the_context_action_asks_for_the_current_source(window, qtbot):
    article = window.session.articles[-1]
    window.sources.select_source(article.id)
    with qtbot.waitSignal(window.sources.detailsRequested) as signal:
        window.sources.details_action.trigger()
    assert signal.args == [article.id]
    for dialog in window.findChildren(SourceDetailsDialog):
        dialog.reject()
