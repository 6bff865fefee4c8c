"""The article reader: the source in full, its themed paragraphs marked, the evidence listed, the text kept literal."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from briefpack.analysis.themes import tag_articles
from briefpack.gui.reader import ArticleReaderPanel, reader_html
from briefpack.jobs import default_taxonomy
from desk_data import desk_article, desk_path, marked_terms  # noqa: F401 - fixture
from gui_support import answers, home, make_window  # noqa: F401 - fixtures

MARKUP = "AT&T <b>bold</b> 5 < 10 <script>alert(1)</script> &amp;"


def plain(qtbot, html_text: str) -> str:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html_text)
    return browser.toPlainText()


def test_article_text_stays_literal(qtbot):
    taxonomy = default_taxonomy()
    article = desk_article(0, MARKUP, None, "en", [
        f"The embassy signed a diplomatic protocol with {MARKUP}.", "Caption-free paragraph."
    ], title=MARKUP)
    article = article.with_changes(captions=(MARKUP,), authors=(MARKUP,))
    tags = tag_articles([article], taxonomy)
    assert tags, "the first paragraph is tagged, so its evidence is marked around the markup"
    text = plain(qtbot, reader_html(article, tags, taxonomy))
    assert text.count(MARKUP) == 5, "title, byline author and publisher, paragraph and caption show the markup as text"
    assert "alert(1)" in text and "<script>" in text


def test_the_reader_shows_body_captions_apart_and_evidence(qtbot):
    taxonomy = default_taxonomy()
    article = desk_article(1, "alpha.example", None, "en", [
        "The two governments signed a protocol on diplomatic cooperation.",
        "The weather was mild.",
        "Troops and artillery were deployed near the border.",
    ])
    tags = tag_articles([article], taxonomy)
    by_theme = {t.theme_id: t for t in tags}
    assert {"diplomacy", "military"} <= set(by_theme)
    panel = ArticleReaderPanel()
    qtbot.addWidget(panel)
    panel.show_article(article, tags, taxonomy, {"alpha.example": "B"})
    text = panel.browser.toPlainText()
    assert text.index("¶1") < text.index("¶2") < text.index("¶3") < text.index("Captions") < text.index("Caption of source 1.")
    assert "alpha.example (grade B)" in text and "By Author 1" in text
    evidence = text[text.index("Evidence"):]
    for theme_id in ("diplomacy", "military"):
        label = taxonomy.get(theme_id).label
        assert label in evidence
        assert all(term in evidence for term in by_theme[theme_id].evidence)
    assert "(¶3)" in evidence and "(¶1)" in evidence, "each term names its paragraphs"
    tips = marked_terms(panel.browser)
    assert any(tip.startswith("Diplomacy:") for tip in tips) and any(tip.startswith("Military:") for tip in tips)
    assert not any("weather" in tip for tip in tips)


def test_focus_frames_the_theme_paragraphs(qtbot):
    taxonomy = default_taxonomy()
    article = desk_article(2, "beta.example", None, "en", [
        "The two governments signed a protocol on diplomatic cooperation.",
        "Troops and artillery were deployed near the border.",
    ])
    tags = tag_articles([article], taxonomy)
    framed = reader_html(article, tags, taxonomy, focus="military")
    assert framed.count("<table") == 1, "only the military paragraph is framed"
    assert framed.index("<table") > framed.index("¶2") - 200 and "artillery" in framed[framed.index("<table"):]
    assert reader_html(article, tags, taxonomy).count("<table") == 0
    dark = reader_html(article, tags, taxonomy, dark=True)
    assert "#f2f2f2" in dark and "#1a1a1a" not in dark, "a dark palette gets light text on deep colours"


def test_choosing_a_row_in_the_table_opens_it_in_the_reader(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    third = window.session.articles[2]
    window.sources.table.setCurrentIndex(window.sources.index_of(third.id))
    assert window.reader.article is not None and window.reader.article.id == third.id
    assert third.display_title in window.reader.browser.toPlainText()
