"""The window on the sample project: sources, themes, picked passages and the preview follow every click."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from briefpack.jobs import default_taxonomy
from briefpack.sample import SAMPLE_THEMES
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


def preview_text(window) -> str:
    window.previewer.refresh_now()  # skip the debounce; the synchronous pool composes at once
    return window.preview.text()


def group_ids(window) -> list[str]:
    tree = window.passages.tree
    return [tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) for n in range(tree.topLevelItemCount())]


def passage_keys(window, theme_id: str) -> list[str]:
    tree = window.passages.tree
    for n in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(n)
        if group.data(0, Qt.ItemDataRole.UserRole) == theme_id:
            return [group.child(m).data(0, Qt.ItemDataRole.UserRole) for m in range(group.childCount())
                    if group.child(m).data(0, Qt.ItemDataRole.UserRole)]
    return []


def test_window_opens_on_the_sample_project(window, seed_paths):
    session = window.session
    assert len(session.articles) == len(seed_paths)
    assert window.sources.row_count() == len(seed_paths)
    assert all(window.sources.is_checked(a.id) for a in session.articles)
    assert window.sources.summary.text() == f"All {len(seed_paths)} sources"

    taxonomy = default_taxonomy()
    rows = [window.themes.list.item(n) for n in range(window.themes.list.count())]
    assert [r.data(Qt.ItemDataRole.UserRole) for r in rows] == taxonomy.ids
    first = taxonomy.themes[0]
    per_source = " · ".join([r"\d+"] * len(seed_paths))
    assert re.fullmatch(rf"{re.escape(first.label)} — \d+ \({per_source}\)", rows[0].text())
    assert window.themes.checked_ids() == list(SAMPLE_THEMES)

    assert group_ids(window) == list(SAMPLE_THEMES)
    assert all(passage_keys(window, t) for t in SAMPLE_THEMES), "every sample theme picks passages"
    text = preview_text(window)
    assert session.settings.title in text
    assert taxonomy.get(SAMPLE_THEMES[0]).label in text
    assert not window.isWindowModified()


def test_checking_a_theme_adds_its_section_in_taxonomy_order(window):
    taxonomy = default_taxonomy()
    counts = {t: int(re.search(r"— (\d+)", window.themes.item(t).text()).group(1)) for t in taxonomy.ids}
    extra = next(t for t in taxonomy.ids if t not in SAMPLE_THEMES and counts[t] > 0)
    label = taxonomy.get(extra).label
    assert label not in preview_text(window)

    window.themes.item(extra).setCheckState(Qt.CheckState.Checked)
    chosen = window.session.selection.theme_ids
    assert set(chosen) == {*SAMPLE_THEMES, extra}
    assert list(chosen) == [t for t in taxonomy.ids if t in chosen]
    assert extra in group_ids(window) and len(passage_keys(window, extra)) == counts[extra]
    assert label in preview_text(window)
    assert window.isWindowModified() and window.session.dirty

    window.themes.item(extra).setCheckState(Qt.CheckState.Unchecked)
    assert extra not in window.session.selection.theme_ids
    assert extra not in group_ids(window)
    assert label not in preview_text(window)


def test_passage_groups_and_hints_read_across_the_columns(window):
    taxonomy = default_taxonomy()
    counts = {t: int(re.search(r"— (\d+)", window.themes.item(t).text()).group(1)) for t in taxonomy.ids}
    silent = next(t for t in taxonomy.ids if counts[t] == 0)
    window.themes.item(silent).setCheckState(Qt.CheckState.Checked)
    tree = window.passages.tree
    groups = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    assert groups and all(g.isFirstColumnSpanned() for g in groups)
    hint = next(g for g in groups if g.text(0).startswith(taxonomy.get(silent).label)).child(0)
    assert hint.text(0).startswith("No paragraph") and hint.isFirstColumnSpanned()


def test_unchecking_a_passage_drops_it_and_checking_restores_it(window):
    theme = SAMPLE_THEMES[0]
    key = passage_keys(window, theme)[0]
    item = window.passages.passage_item(key)
    words = item.toolTip(0)[:60]
    before = preview_text(window).count(words)
    assert before >= 1

    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert key in window.session.selection.dropped
    assert preview_text(window).count(words) == before - 1
    assert window.passages.passage_item(key) is not None, "a dropped passage stays listed so it can come back"
    assert "dropped" in window.counts_label.text()

    window.passages.passage_item(key).setCheckState(0, Qt.CheckState.Checked)
    assert key not in window.session.selection.dropped
    assert preview_text(window).count(words) == before


def test_unchecking_a_source_narrows_the_selection_but_never_to_nothing(window):
    first, second = window.session.articles[:2]
    window.sources.set_checked(first.id, False)
    assert window.session.selection.source_ids == tuple(a.id for a in window.session.articles if a.id != first.id)
    assert "of" in window.sources.summary.text()
    shown = {key.split("/", 1)[1].split(":")[0] for t in SAMPLE_THEMES for key in passage_keys(window, t)}
    assert first.id not in shown

    if len(window.session.articles) == 2:
        window.sources.set_checked(second.id, False)
        assert window.session.selection.source_ids == (second.id,), "the last source stays chosen"
        assert "At least one source" in window.statusBar().currentMessage()

    window.sources.set_checked(first.id, True)
    assert window.session.selection.source_ids == (), "all checked is written as the empty choice"


def test_editing_the_brief_properties_updates_the_preview(window):
    window.properties.title.setText("Weekly situation: Korean peninsula")
    window.properties.title.textEdited.emit("Weekly situation: Korean peninsula")
    window.properties.style.setCurrentIndex(window.properties.style.findData("apa"))
    window.properties.summary.setPlainText("Ties keep widening.")
    settings = window.session.settings
    assert (settings.title, settings.style, settings.summary) == ("Weekly situation: Korean peninsula", "apa", "Ties keep widening.")
    text = preview_text(window)
    assert "Weekly situation: Korean peninsula" in text and "Ties keep widening." in text
    assert window.session.dirty


def test_preview_follows_changes_on_the_real_thread_pool(qtbot, sample_path, answers):
    from briefpack.gui.worker import JobRunner

    window = make_window(qtbot, sample_path, pool=JobRunner().pool)
    qtbot.waitUntil(lambda: "Up to date" in window.preview.state.text(), timeout=30_000)
    label = default_taxonomy().get("transport_tourism").label
    assert label not in window.preview.text()
    window.themes.item("transport_tourism").setCheckState(Qt.CheckState.Checked)
    window.properties.summary.setPlainText("Flights and tourism grow.")  # a second change inside the debounce
    qtbot.waitUntil(lambda: "Flights and tourism grow." in window.preview.text(), timeout=30_000)
    assert label in window.preview.text()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)


def test_opening_reads_the_tags_of_the_article_shown_not_every_tag(qtbot, sample_path, answers):
    """The panels count from the packed tags; only the reader's article and the picked passages' sources are decoded."""
    class IdlePool:  # jobs (the preview's snapshot) never start: what the window itself reads on opening is left
        def start(self, work) -> None:
            pass

        def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - the ThreadPool protocol's name
            return True

    window = make_window(qtbot, sample_path, pool=IdlePool())
    content = window.session.content
    assert "tags" not in content.__dict__, "opening built every tag"
    shown = window.reader.article
    assert shown is not None and window.reader._tags == [t for t in window.session.project.tags_for(shown.id)]
    picked = window.session.picked_tags()
    assert {t.article_id for t in picked} <= set(window.session.selection.source_ids or [a.id for a in content.articles])
    assert window.passages.tree.topLevelItemCount() == len(window.session.selection.theme_ids)
