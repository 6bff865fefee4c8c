"""The Findings tab: analysis of the chosen sources, off the UI thread, debounced, with rows that open their passage."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import Qt

import briefpack.analysis.findings as core_findings
from briefpack.gui import process_job
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


def counting_analyze(monkeypatch) -> list[str]:
    """Wrap ``analyze`` to record the thread of each call (in this process: a child process would not see the wrapper)."""
    monkeypatch.setattr(process_job, "in_child_processes", lambda: False)
    calls: list[str] = []
    real = core_findings.analyze

    def analyze(*args, **kwargs):
        calls.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(core_findings, "analyze", analyze)
    return calls


def test_findings_fill_four_tables(window):
    window.analyzer.refresh_now()
    panel = window.findings
    assert panel.timeline.rowCount() > 0 and panel.figures.rowCount() > 0
    assert panel.entities.rowCount() > 0 and panel.corroboration.rowCount() > 0
    assert panel.tabs.tabText(0) == f"Timeline ({panel.timeline.rowCount()})"
    assert [panel.timeline.horizontalHeaderItem(c).text() for c in range(3)] == ["Date", "Event", "Sources"]
    dates = [panel.timeline.item(r, 0).text() for r in range(panel.timeline.rowCount())]
    assert dates == sorted(dates)
    kinds = {panel.entities.item(r, 1).text() for r in range(panel.entities.rowCount())}
    assert kinds <= {"Person", "Organisation"} and "Person" in kinds
    publishers = {a.publisher for a in window.session.articles}
    corroborated = panel.corroboration.item(0, 1).text()
    assert all(p in corroborated for p in publishers), "a corroborated statement names both sources"
    assert "From 2 sources" in panel.state.text()


def test_clicking_a_row_opens_its_passage(window):
    window.analyzer.refresh_now()
    table = window.findings.corroboration
    ref = table.ref(0)
    table.cellClicked.emit(0, 1)
    current = window.passages.tree.currentItem()
    assert current is not None, "the corroborated statement is among the picked passages"
    assert f"/{ref.article_id}:{ref.block_index}:" in current.data(0, Qt.ItemDataRole.UserRole)
    block = window.session.article(ref.article_id).blocks[ref.block_index].text
    assert block[:40] in window.passages.detail.toPlainText()


def test_a_paragraph_outside_the_picked_passages_is_shown_below(window):
    article = window.session.articles[0]
    picked = {(p.passage.article_id, p.passage.block_index) for p in window.passages._picked.values()}
    block = next(i for i, _ in article.paragraphs if (article.id, i) not in picked)
    assert not window.passages.show_source(article.id, block)
    assert article.blocks[block].text[:40] in window.passages.detail.toPlainText()
    assert "Not among the picked passages" in window.passages.detail.toPlainText()


def test_findings_follow_the_chosen_sources_and_skip_unrelated_edits(window, monkeypatch):
    # The debounced first run may already have happened while the window opened, so each step changes the sources.
    calls = counting_analyze(monkeypatch)
    every = window.session.selection
    window.session.set_selection(replace(every, source_ids=(window.session.articles[0].id,)))
    window.analyzer.refresh_now()
    assert len(calls) == 1
    assert window.findings.corroboration.rowCount() == 0, "one source corroborates nothing"
    assert "From 1 source" in window.findings.state.text()
    window.session.set_selection(every)
    window.analyzer.refresh_now()
    assert len(calls) == 2
    assert "From 2 sources" in window.findings.state.text()
    window.properties.summary.setPlainText("An edit the findings do not read.")
    window.analyzer.refresh_now()
    assert len(calls) == 2


def test_a_correction_reruns_the_analysis_after_the_debounce(window, monkeypatch, qtbot):
    calls = counting_analyze(monkeypatch)
    article = window.session.articles[0]
    window.session.correct_article(article.id, {"publisher": "Renamed Desk"})
    window.session.set_reliability("Renamed Desk", "B")
    assert not calls, "debounced: nothing runs at once"
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5_000)
    qtbot.wait(700)
    assert len(calls) == 1, "two quick changes make one run"
    assert window.analyzer.latest.reliability == {"Renamed Desk": "B"}
    figures = window.findings.figures
    assert any("Renamed Desk" in figures.item(r, 2).text() for r in range(figures.rowCount())), "sources are named as corrected"


def test_analysis_runs_off_the_ui_thread(qtbot, sample_path, answers, monkeypatch):
    from briefpack.gui.worker import JobRunner

    calls = counting_analyze(monkeypatch)
    window = make_window(qtbot, sample_path, pool=JobRunner().pool)
    qtbot.waitUntil(lambda: window.analyzer.latest is not None, timeout=30_000)
    assert calls and threading.main_thread().name not in calls
    assert window.findings.timeline.rowCount() > 0
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)


def test_nothing_is_analysed_once_the_project_is_closed(window, monkeypatch):
    calls = counting_analyze(monkeypatch)
    window.analyzer.schedule()
    window.close()
    window.analyzer.refresh_now()
    assert window.session.closed and not calls


def test_a_long_timeline_lists_its_first_rows_and_says_how_many_there_are(qtbot):
    from briefpack.gui.findings_view import MAX_ROWS, FindingsPanel
    from briefpack.model.findings import Findings, SourceRef, TimelineEvent

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    events = tuple(TimelineEvent(f"2024-{1 + n % 12:02d}", "month", f"Event {n}", (SourceRef("a1", n),)) for n in range(MAX_ROWS + 50))
    panel.show_findings(Findings(timeline=events), {})
    assert panel.timeline.rowCount() == MAX_ROWS
    assert panel.tabs.tabText(0) == f"Timeline ({MAX_ROWS + 50}; first {MAX_ROWS} listed)"
    assert panel.timeline.item(MAX_ROWS - 1, 1).text() == f"Event {MAX_ROWS - 1}"
    assert panel.tabs.tabText(1) == "Key figures (0)"


def test_findings_arrive_from_a_child_process_pickled_and_follow_a_change(qtbot, sample_path, answers, monkeypatch):
    from briefpack.gui import tasks
    from briefpack.gui.worker import JobRunner

    analysed_here: list = []
    monkeypatch.setattr(core_findings, "analyze", lambda *args, **kwargs: analysed_here.append(args))
    answers_of: list = []
    real = tasks.run_in_process

    def recording(fn, args, cancel, **kwargs):
        answer = real(fn, args, cancel, **kwargs)
        answers_of.append(answer)
        return answer

    monkeypatch.setattr(tasks, "run_in_process", recording)
    window = make_window(qtbot, sample_path, pool=JobRunner().pool)
    every = window.session.selection
    window.analyzer.refresh_now()
    qtbot.waitUntil(lambda: window.analyzer._runs._job is not None, timeout=10_000)
    window.session.set_selection(replace(every, source_ids=(window.session.articles[0].id,)))
    window.analyzer.refresh_now()  # while the first analysis runs in its child process (or just after)
    qtbot.waitUntil(lambda: window.analyzer.latest is not None and not window.analyzer.busy, timeout=60_000)
    assert not analysed_here, "the analysis ran in a child process, not in the window's"
    assert isinstance(answers_of[-1], process_job.Pickled), "the findings came back pickled, unpacked on the UI thread"
    assert "From 1 source" in window.findings.state.text(), "the latest change wins"
    assert window.findings.timeline.rowCount() > 0
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)


def test_a_hidden_findings_tab_is_filled_when_it_is_shown(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.right_tabs.setCurrentWidget(window.preview)
    window.findings.timeline.setRowCount(0)
    window.analyzer._runs.forget()
    window.analyzer.refresh_now()
    assert window.analyzer.latest is not None
    assert window.findings.timeline.rowCount() == 0, "the hidden tab is not filled as the result arrives"
    window.right_tabs.setCurrentWidget(window.findings)
    assert window.findings.timeline.rowCount() > 0, "showing the tab fills it"
    assert "From 2 sources" in window.findings.state.text()
