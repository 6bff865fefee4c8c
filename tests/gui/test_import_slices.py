"""A big import is stored a slice at a time, with the event loop running in between, and lands as one step."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from briefpack.gui import importing
from gui_support import answers, home, make_window, sample_path  # noqa: F401 - fixtures


def write_dumps(folder, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"story {n:03d}.txt").write_text(
            f"Harbour {n} reopens to shipping\n\n12 March 2025\n\n"
            f"Port officials in town number {n} said on Tuesday that the harbour would reopen after {n + 3} weeks of repairs, "
            f"with ferries to the islands resuming first and freight berths {n % 7} and {n % 5 + 8} following later.\n",
            encoding="utf-8",
        )


def test_a_big_import_is_stored_in_slices_between_turns_of_the_event_loop(qtbot, sample_path, answers, tmp_path, monkeypatch):
    window = make_window(qtbot, sample_path)
    window.importer.show_results = False
    monkeypatch.setattr(importing, "STORE_SLICE", 10)
    folder = tmp_path / "dumps"
    write_dumps(folder, 35)
    before = len(window.session.articles)
    shown = window.session.content
    turns: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(len(window.session.project.articles)))
    timer.start(0)
    lists_refreshed: list[int] = []
    window.session.contentChanged.connect(lambda: lists_refreshed.append(len(window.session.articles)))

    window.import_inputs([folder])
    assert window.importer.running, "still storing: the rest comes on later turns of the event loop"
    qtbot.waitUntil(lambda: not window.importer.running, timeout=10_000)
    timer.stop()
    assert len(window.session.articles) == before + 35
    assert lists_refreshed == [before + 35], "the window refreshes once, when everything is stored"
    stored_between = {n for n in turns if before < n < before + 35}
    assert len(stored_between) >= 2, "the event loop ran while the slices were stored"
    assert window.sources.row_count() == before + 35
    assert window.session.content.extends(shown), "the import's articles were appended, not the project read again"
    window.session.undo_stack.undo()
    assert len(window.session.articles) == before, "one undo takes the whole import back"


def test_a_big_import_is_indexed_for_search_in_bounded_steps(qtbot, sample_path, answers, tmp_path, monkeypatch):
    from briefpack.store import search

    window = make_window(qtbot, sample_path)
    window.importer.show_results = False
    monkeypatch.setattr(importing, "STORE_SLICE", 10)
    monkeypatch.setattr(importing, "INDEX_STEP_BLOCKS", 12)
    window.session.project.search("harbour")  # index the sample project first, so only the import is counted
    indexed: list[int] = []
    real = search.index_articles

    def counting(conn, after, upto):
        indexed.append(
            conn.execute(
                "SELECT COALESCE(SUM(json_array_length(blocks)), 0) FROM contents WHERE position > ? AND position <= ?",
                (after, upto),
            ).fetchone()[0]
        )
        return real(conn, after, upto)

    monkeypatch.setattr(search, "index_articles", counting)
    folder = tmp_path / "dumps"
    write_dumps(folder, 35)
    window.import_inputs([folder])
    qtbot.waitUntil(lambda: not window.importer.running, timeout=10_000)
    most_per_article = max(len(a.blocks) for a in window.session.project.articles)
    assert len(indexed) >= 3 and all(0 < blocks <= max(12, most_per_article) for blocks in indexed)
    count = len(indexed)
    assert len(window.session.project.search("ferries")) == 35
    assert len(indexed) == count, "the import left nothing for the search to index"
