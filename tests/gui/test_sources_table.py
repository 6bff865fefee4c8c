"""The sources table: full-text search and filters narrow the rows (never the selection), sorting, checking, Ctrl+F."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence

from briefpack.gui.source_table import DATE, GRADE, PUBLISHER, THEMES, TITLE, source_rows
from desk_data import GRADES, SOURCES, UNIQUE, desk_articles, desk_path  # noqa: F401 - fixture
from gui_support import answers, home, make_window  # noqa: F401 - fixtures


def ids_of(window, predicate) -> set[str]:
    return {a.id for a in window.session.articles if predicate(a)}


def shown(window) -> set[str]:
    return set(window.sources.visible_ids())


def test_the_table_lists_every_source_with_its_columns(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    session = window.session
    assert window.sources.row_count() == len(SOURCES)
    assert window.sources.summary.text() == f"All {len(SOURCES)} sources"
    first = session.articles[0]
    texts = window.sources.row_texts(first.id)
    assert texts[TITLE] == first.display_title
    assert texts[PUBLISHER] == "alpha.example" and texts[DATE] == "2024-03-01" and texts[GRADE] == "A"
    assert "Diplomacy" in texts[THEMES]
    no_publisher = session.articles[-1]
    assert window.sources.row_texts(no_publisher.id)[GRADE] == "F", "no publisher reads as ungraded"
    delta = next(a for a in session.articles if a.publisher == "delta.example")
    assert window.sources.row_texts(delta.id)[GRADE] == "F", "an ungraded publisher is F"
    chips = window.sources.index_of(first.id, THEMES).data(Qt.ItemDataRole.UserRole + 2)
    assert {label for label, _bg, _fg in chips} == set(texts[THEMES].split(", "))


def test_search_narrows_the_rows_through_full_text_search(qtbot, desk_path, answers, monkeypatch):
    window = make_window(qtbot, desk_path)
    session = window.session
    selection = session.selection
    asked = []
    real = session.project.query
    monkeypatch.setattr(session.project, "query", lambda *a, **k: asked.append((a, k)) or real(*a, **k))
    for n, word in enumerate(UNIQUE):
        window.sources.set_filter_text(word)
        assert shown(window) == {session.articles[n].id}, word
    assert asked and asked[-1][0] == (UNIQUE[-1],), "the search is answered by the store's query"
    window.sources.set_filter_text("exports")
    assert shown(window) == ids_of(window, lambda a: any("xports" in b.text for b in a.blocks))
    assert "3 shown" in window.sources.summary.text()
    window.sources.set_filter_text("nothingmatchesthis")
    assert window.sources.row_count() == 0 and "none matches" in window.sources.summary.text()
    window.sources.filters.clear()
    assert window.sources.row_count() == len(SOURCES)
    assert session.selection == selection, "searching never changes the brief's selection"
    assert not session.dirty


def test_typing_searches_after_a_pause(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    qtbot.keyClicks(window.sources.filters.search, UNIQUE[2])
    with qtbot.waitSignal(window.sources.filtered, timeout=3000):
        pass
    assert shown(window) == {window.session.articles[2].id}


def test_each_filter_narrows_the_rows(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    bar = window.sources.filters
    combo_cases = [
        (bar.theme, "health", lambda a: a.publisher == "delta.example"),
        (bar.publisher, "beta.example", lambda a: a.publisher == "beta.example"),
        (bar.language, "en", lambda a: a.language == "en"),
        (bar.grade, "A", lambda a: GRADES.get(a.publisher) == "A"),
        (bar.grade, "F", lambda a: a.publisher not in GRADES),
    ]
    for combo, value, expected in combo_cases:
        bar.clear()
        index = combo.findData(value)
        assert index > 0, value
        combo.setCurrentIndex(index)
        assert shown(window) == ids_of(window, expected), value
    bar.clear()
    bar.date_from.setDate(QDate(2024, 3, 1))
    assert shown(window) == ids_of(window, lambda a: a.published is not None and a.published >= dt.date(2024, 3, 1))
    bar.date_to.setDate(QDate(2024, 6, 30))
    assert shown(window) == ids_of(window, lambda a: a.published is not None and dt.date(2024, 3, 1) <= a.published <= dt.date(2024, 6, 30))
    bar.clear()
    bar.language.setCurrentIndex(bar.language.findData("en"))
    window.sources.set_filter_text("ministry")
    assert shown(window) == ids_of(window, lambda a: a.language == "en" and any("ministry" in b.text for b in a.blocks))
    assert not window.session.dirty


def test_sorting_by_a_column(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    by_id = {a.id: a for a in window.session.articles}
    assert window.sources.visible_ids() == [a.id for a in window.session.articles], "project order at first"
    current = window.session.articles[1].id
    window.sources.select_source(current)
    window.sources.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    assert window.sources.current_id() == current, "the current source stays current through a sort"
    dates = [by_id[i].published for i in window.sources.visible_ids()]
    assert dates == sorted(d for d in dates if d) + [None], "undated sources last"
    window.sources.table.sortByColumn(PUBLISHER, Qt.SortOrder.DescendingOrder)
    publishers = [by_id[i].publisher for i in window.sources.visible_ids()]
    assert publishers[1:] == sorted((p for p in publishers if p), reverse=True) and publishers[0] is None
    window.sources.table.sortByColumn(GRADE, Qt.SortOrder.AscendingOrder)
    grades = [window.sources.row_texts(i)[GRADE] for i in window.sources.visible_ids()]
    assert grades == sorted(grades)
    window.sources.set_filter_text("exports")
    grades = [window.sources.row_texts(i)[GRADE] for i in window.sources.visible_ids()]
    assert len(grades) == 3 and grades == sorted(grades), "a filtered table stays sorted"


def test_checking_a_row_changes_the_selection(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    session = window.session
    first = session.articles[0]
    index = window.sources.index_of(first.id)
    # As a click on the check box does: the view sets the check state through the model.
    window.sources.proxy.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert session.selection.source_ids == tuple(a.id for a in session.articles[1:])
    assert not window.sources.is_checked(first.id)
    assert window.sources.summary.text() == f"{len(SOURCES) - 1} of {len(SOURCES)} sources chosen"
    assert session.dirty
    window.sources.set_checked(first.id, True)
    assert session.selection.source_ids == () and window.sources.is_checked(first.id)


def test_the_last_chosen_source_cannot_be_unchecked(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    session = window.session
    for article in session.articles[1:]:
        window.sources.set_checked(article.id, False)
    only = session.articles[0].id
    assert session.selection.source_ids == (only,)
    window.sources.set_checked(only, False)
    assert session.selection.source_ids == (only,) and window.sources.is_checked(only)
    assert "At least one source" in window.statusBar().currentMessage()


def test_ctrl_f_focuses_the_search_box(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.sources.table.setFocus()
    assert not window.sources.filters.search.hasFocus()
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    qtbot.keyClick(window.sources.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sources.filters.search.hasFocus()


def test_every_added_widget_has_an_accessible_name(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    bar = window.sources.filters
    widgets = [bar.search, bar.theme, bar.publisher, bar.language, bar.grade, bar.date_from, bar.date_to,
               bar.clear_button, bar, window.sources, window.sources.table, window.sources.summary,
               window.coverage, window.coverage.table, window.coverage.summary, window.reader, window.reader.browser,
               window.reader.focus]
    assert all(w.accessibleName() for w in widgets)


def test_rows_for_ten_thousand_sources_build_quickly_enough_to_open():
    # A correctness check on a large input; the timing figure is in tests/benchmarks/bench_desk.py.
    base = desk_articles()
    articles = [a.with_changes(id=f"{a.id}-{n}") for n in range(2000) for a in base]
    rows = source_rows(articles, (), {"alpha.example": "A"})
    assert len(rows) == 10_000 and rows[0].grade == "A" and rows[-1].grade == "F"


def test_the_filter_survives_a_content_change_and_a_grade_shows_at_once(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    session = window.session
    delta = next(a for a in session.articles if a.publisher == "delta.example")
    window.sources.set_filter_text("ministry")
    before = shown(window)
    assert delta.id in before and len(before) < len(SOURCES)
    session.set_reliability("delta.example", "B")
    assert shown(window) == before, "a refill keeps the analyst's search"
    assert window.sources.row_texts(delta.id)[GRADE] == "B"
    bar = window.sources.filters
    bar.grade.setCurrentIndex(bar.grade.findData("B"))
    assert shown(window) == {delta.id}


def test_showing_a_hidden_source_clears_the_filter(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    first, second = window.session.articles[:2]
    window.sources.set_filter_text(UNIQUE[0])
    assert shown(window) == {first.id}
    assert window.sources.select_source(second.id, reveal=False) is False
    assert window.sources.select_source(second.id)
    assert window.sources.row_count() == len(SOURCES) and window.sources.current_id() == second.id
    assert window.sources.filters.search.text() == ""


def test_space_checks_and_unchecks_the_current_row(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    second = window.session.articles[1]
    window.sources.select_source(second.id)
    window.sources.table.setFocus()
    qtbot.keyClick(window.sources.table, Qt.Key.Key_Space)
    assert second.id not in window.session.selection.source_ids and window.session.selection.source_ids
    qtbot.keyClick(window.sources.table, Qt.Key.Key_Space)
    assert window.session.selection.source_ids == ()


def test_theme_chips_are_drawn_in_the_theme_colours(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    with qtbot.waitExposed(window):
        window.show()
    first = window.session.articles[0]
    chips = window.sources.index_of(first.id, THEMES).data(Qt.ItemDataRole.UserRole + 2)
    table = window.sources.table
    table.horizontalHeader().resizeSection(THEMES, 400)  # room for every chip
    table.scrollTo(window.sources.index_of(first.id, THEMES))
    rect = table.visualRect(window.sources.index_of(first.id, THEMES))
    image = table.viewport().grab(rect).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert {background for _label, background, _text in chips} <= colours


def test_the_title_gets_the_spare_width_at_1280_pixels(qtbot, desk_path, answers):
    window = make_window(qtbot, desk_path)
    window.show()
    qtbot.waitExposed(window)
    table = window.sources.table
    header = table.horizontalHeader()
    widths = {c: header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)}
    assert widths[TITLE] == table.viewport().width() - sum(w for c, w in widths.items() if c != TITLE), "the title takes what is left"
    assert widths[TITLE] > max(w for c, w in widths.items() if c != TITLE), "the title is the widest column"
    assert widths[TITLE] >= 140, "wide enough to read the start of a headline"
