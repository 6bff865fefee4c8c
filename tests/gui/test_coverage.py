"""The coverage map: themes × sources counts, a click on a cell opens the reader, a click on a theme toggles it."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from briefpack.gui.content import DeskContent
from briefpack.gui.coverage import CoverageModel, HeatCellDelegate
from briefpack.jobs import default_taxonomy
from briefpack.model.article import BlockKind
from briefpack.model.theme import ThemeTag
from desk_data import UNIQUE, desk_articles, desk_path, marked_terms  # noqa: F401 - fixture
from gui_support import answers, home, make_window  # noqa: F401 - fixtures


def cell(window, theme_id: str, article_id: str):
    model = window.coverage.model
    row = next(r for r in range(model.rowCount()) if model.theme_id(r) == theme_id)
    column = next(c for c in range(model.columnCount()) if model.source_id(c) == article_id)
    return model.index(row, column)


def test_every_cell_counts_the_tagged_paragraphs(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    session = window.session
    expected = Counter()
    for tag in session.tags:
        if session.article(tag.article_id).blocks[tag.block_index].kind is BlockKind.PARAGRAPH:
            expected[tag.theme_id, tag.article_id] += 1
    model = window.coverage.model
    assert model.rowCount() == len(session.taxonomy.themes) and model.columnCount() == len(session.articles)
    for theme_id in session.taxonomy.ids:
        for article in session.articles:
            n = expected[theme_id, article.id]
            assert cell(window, theme_id, article.id).data() == (str(n) if n else "")
    assert max(expected.values()) >= 1


def test_clicking_a_cell_opens_the_source_in_the_reader_with_the_theme_framed(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    window.middle_tabs.setCurrentWidget(window.coverage)
    window.show()
    target = next(a for a in window.session.articles if a.publisher == "beta.example")
    index = cell(window, "military", target.id)
    assert index.data(), "the beta source speaks to the military"
    table = window.coverage.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert window.middle_tabs.currentWidget() is window.reader
    assert window.reader.article.id == target.id and window.reader.focused_theme() == "military"
    assert window.sources.current_id() == target.id, "the table follows to the source read"
    html_text = window.reader.browser.toHtml()
    assert "<table" in html_text and "artillery" in window.reader.browser.toPlainText()
    assert any(tip.startswith("Military:") for tip in marked_terms(window.reader.browser))


def test_clicking_a_theme_header_toggles_its_section(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    model = window.coverage.model
    row = next(r for r in range(model.rowCount()) if model.theme_id(r) == "health")
    assert "health" not in window.session.selection.theme_ids
    window.coverage.table.verticalHeader().sectionClicked.emit(row)
    assert "health" in window.session.selection.theme_ids
    assert window.coverage.model.headerData(row, Qt.Orientation.Vertical).startswith("✓")
    window.coverage.table.verticalHeader().sectionClicked.emit(row)
    assert "health" not in window.session.selection.theme_ids


def test_the_map_follows_the_sources_filter(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    window.sources.set_filter_text(UNIQUE[1])
    model = window.coverage.model
    assert [model.source_id(c) for c in range(model.columnCount())] == [window.session.articles[1].id]
    assert "4 sources hidden" in window.coverage.summary.text()
    window.sources.filters.clear()
    assert model.columnCount() == len(window.session.articles)


def test_cells_are_painted_in_the_palette_colours(qtbot):
    taxonomy = default_taxonomy()
    articles = desk_articles()[:2]
    paragraph = [next(n for n, b in enumerate(a.blocks) if b.kind is BlockKind.PARAGRAPH) for a in articles]
    tags = [ThemeTag(articles[0].id, paragraph[0], "diplomacy", ())] * 4 + [ThemeTag(articles[1].id, paragraph[1], "diplomacy", ())]
    model = CoverageModel()
    model.set_coverage(taxonomy, articles, DeskContent(articles, tags), ())
    assert [model.count("diplomacy", a.id) for a in articles] == [4, 1]
    delegate = HeatCellDelegate()

    def painted(column: int, highlight: str, base: str) -> QColor:
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        image = QImage(40, 24, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 40, 24)
        option.palette = palette
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(taxonomy.ids.index("diplomacy"), column))
        painter.end()
        return image.pixelColor(QPoint(3, 3))

    assert painted(0, "#ff0000", "#000000") == QColor("#ff0000"), "the largest count is the palette's highlight"
    weaker = painted(1, "#ff0000", "#000000")
    assert 0 < weaker.red() < 255 and weaker.green() == 0, "a smaller count lies between base and highlight"
    assert painted(0, "#0000ff", "#202020") == QColor("#0000ff")
