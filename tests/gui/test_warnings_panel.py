"""The Warnings tab: dates, derived titles, passages that no longer match, undrawable characters and readers' warnings, grouped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt

from briefpack.gui.warnings import (
    BRIEF, GLYPH_MISSING, KINDS, NO_DATE, PASSAGE_MISMATCH, READER, TITLE_DERIVED, MAX_ROWS, WarningsPanel, collect_warnings,
)
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.notice import Notice
from briefpack.model.passage import Passage
from briefpack.model.selection import PickedPassage, Selection
from gui_support import answers, home, sample_path, window  # noqa: F401 - fixtures

P = BlockKind.PARAGRAPH


def source(n: int, *, published=dt.date(2024, 5, 1), title_derived=False, warnings=()) -> Article:
    return Article(
        id=f"a{n}", title=f"Story {n}", title_derived=title_derived, authors=(), publisher="desk.example", url=None,
        published=published, language="en", category=None,
        blocks=(Block(P, f"First paragraph of story {n}."), Block(P, "Trade grew by ten percent in May.")),
        captions=(), image_credits=(), provenance=Provenance(f"{n}.txt", f"{n:064d}", dt.datetime(2026, 1, 1)),
        warnings=tuple(warnings),
    )


def added(article_id: str, block: int, text: str, start: int = 0) -> PickedPassage:
    return PickedPassage("economy_trade", Passage(article_id, block, start, start + len(text), text))


def test_each_kind_is_found_from_the_current_state():
    articles = [
        source(1, published=None, warnings=[Notice("no-date", "No date found.", "1.txt")]),
        source(2, title_derived=True, warnings=[Notice("encoding-guessed", "The encoding was guessed as cp1251.", "2.txt")]),
        source(3, warnings=[Notice("no-date", "No date found.", "3.txt")]),  # corrected since: no longer missing
    ]
    selection = Selection(added=(
        added("a1", 1, "Trade grew by ten percent in May."),  # intact
        added("a2", 1, "Trade grew by twelve percent in May."),  # the text changed under it
        added("a3", 0, "Trade grew by ten percent", start=3),  # still there, at another place
        added("gone", 0, "A source removed from the project."),
    ))
    glyph = Notice("glyph-missing", "No shipped font can draw ሀ (U+1200).", "preview.pdf")
    notices = [glyph, replace(glyph, subject="brief.pdf"), Notice("citation-unresolved", "1 citation reached the PDF unformatted."),
               Notice("passage-mismatch", "A passage no longer matches its source.", "a2")]
    found = collect_warnings(articles, selection, notices)
    by_kind: dict[str, list] = {}
    for w in found:
        by_kind.setdefault(w.kind, []).append(w)
    assert [(w.about, w.article_id) for w in by_kind[NO_DATE]] == [("Story 1", "a1")]
    assert [w.article_id for w in by_kind[TITLE_DERIVED]] == ["a2"]
    assert [(w.message, w.article_id) for w in by_kind[READER]] == [("The encoding was guessed as cp1251.", "a2")]
    mismatches = {w.article_id: w.message for w in by_kind[PASSAGE_MISMATCH]}
    assert set(mismatches) == {"a2", "a3", None}, "the intact passage is not listed"
    assert "no longer found in its source" in mismatches["a2"] and "twelve percent" in mismatches["a2"]
    assert "moved within its source" in mismatches["a3"]
    assert "no longer in the project" in mismatches[None]
    assert [(w.message, w.about) for w in by_kind[GLYPH_MISSING]] == [(glyph.message, "The brief")], "preview and export: once"
    assert [w.message for w in by_kind[BRIEF]] == ["1 citation reached the PDF unformatted."]


def test_the_panel_groups_caps_and_sorts(qtbot):
    panel = WarningsPanel()
    qtbot.addWidget(panel)
    many = [source(n, published=None) for n in range(MAX_ROWS + 20)]
    panel.update_from(many, Selection(), [Notice("glyph-missing", "No font for ሀ.")])
    assert panel.count == MAX_ROWS + 21
    assert panel.group_titles() == [f"{KINDS[NO_DATE]} ({MAX_ROWS + 20}; the first {MAX_ROWS} listed)", f"{KINDS[GLYPH_MISSING]} (1)"]
    assert panel.tree.topLevelItem(0).childCount() == MAX_ROWS
    panel.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    group = next(panel.tree.topLevelItem(i) for i in range(2) if panel.tree.topLevelItem(i).childCount() > 1)
    abouts = [group.child(i).text(1) for i in range(group.childCount())]
    assert abouts == sorted(abouts, reverse=True)


def test_the_window_lists_each_kind_and_a_click_selects_the_source(window, qtbot):
    s = window.session
    first, second = s.articles[0], s.articles[1]
    window.previewer.refresh_now()
    titles = window.warnings.group_titles()
    assert f"{KINDS[NO_DATE]} (2)" in titles and f"{KINDS[TITLE_DERIVED]} (1)" in titles
    assert window.warnings_button.text() == f"⚠ {window.warnings.count} warnings"

    s.correct_article(first.id, {"published": dt.date(2024, 11, 21)})
    block = first.paragraphs[0][0]
    stale = added(first.id, block, first.blocks[block].text[:30] + " (as first imported)")
    s.set_selection(replace(s.selection, added=(stale,)))
    s.set_settings(replace(s.settings, title="Ties widen ሀ"))
    window.previewer.refresh_now()
    titles = window.warnings.group_titles()
    assert f"{KINDS[NO_DATE]} (1)" in titles, "a corrected date settles its warning"
    assert f"{KINDS[PASSAGE_MISMATCH]} (1)" in titles
    assert f"{KINDS[GLYPH_MISSING]} (1)" in titles

    window.right_tabs.setCurrentIndex(0)
    window.warnings_button.click()
    assert window.right_tabs.currentWidget() is window.warnings

    group = next(window.warnings.tree.topLevelItem(i) for i in range(len(titles)) if titles[i].startswith(KINDS[NO_DATE]))
    row = group.child(0)
    assert row.text(1) == second.display_title
    window.warnings.tree.itemClicked.emit(row, 0)
    assert window.sources.current_id() == second.id
