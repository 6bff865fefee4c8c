"""Evidence highlighting: the terms that tag a passage with a chosen theme are marked in the detail view."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from briefpack.gui.evidence import highlight_evidence, theme_colour
from briefpack.jobs import default_taxonomy
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures

TEXT = ("North Korean state media reported on Thursday that representatives of the North Korean and Russian "
        "governments have signed a protocol to expand economic cooperation. This marks another indication of "
        "strengthening ties between the two regimes <& \"allies\">.")


def plain(html_text: str, qtbot) -> str:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html_text)
    return browser.toPlainText()


def test_only_chosen_themes_are_marked_with_their_term(qtbot):
    taxonomy = default_taxonomy()
    marked = highlight_evidence(TEXT, taxonomy, ["diplomacy"])
    assert marked.spans and {s.theme_id for s in marked.spans} == {"diplomacy"}
    assert f"background-color:{theme_colour(taxonomy, 'diplomacy')}" in marked.html
    assert 'title="Diplomacy: protocol"' in marked.html
    assert "Diplomacy" in marked.legend and "protocol" in marked.legend
    assert plain(marked.html, qtbot) == TEXT, "marking keeps the text (and escapes it)"
    assert highlight_evidence(TEXT, taxonomy, []).spans == ()


def test_overlapping_evidence_is_split_and_names_both_themes(qtbot):
    taxonomy = default_taxonomy()
    marked = highlight_evidence(TEXT, taxonomy, ["diplomacy", "economy_trade"])
    assert {s.theme_id for s in marked.spans} == {"diplomacy", "economy_trade"}
    assert plain(marked.html, qtbot) == TEXT
    economy = taxonomy.get("economy_trade").label
    assert f"{economy}: economic cooperation; Diplomacy: cooperation" in marked.html.replace("&amp;", "&")


def test_the_detail_view_highlights_the_current_passage(window):
    detail = window.passages.detail
    html_text = detail.toHtml()
    assert "background-color" in html_text
    assert "Evidence —" in detail.toPlainText()
    document = detail.document()
    tips = set()
    cursor = QTextCursor(document)
    for position in range(document.characterCount() - 1):
        cursor.setPosition(position + 1)
        tip = cursor.charFormat().toolTip()
        if tip:
            tips.add(tip)
    labels = {default_taxonomy().get(t).label for t in window.session.selection.theme_ids}
    assert tips and all(any(tip.startswith(label + ":") for label in labels) for tip in tips)
