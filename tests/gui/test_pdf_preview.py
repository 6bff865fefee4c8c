"""The live preview is the real PDF: its pages drawn in the panel, refreshed after a change, zoomable, kept when a refresh fails."""

from __future__ import annotations

import pypdfium2 as pdfium

from briefpack.gui import preview as preview_module
from gui_support import answers, home, sample_path, window  # noqa: F401 - fixtures


def refreshed(window):
    window.previewer.refresh_now()  # skip the debounce; the synchronous pool composes at once
    return window.previewer.latest


def inked(page) -> bool:
    """True when the drawn page holds dark pixels (text), not just white paper."""
    return min(page._pixels[: page._image.sizeInBytes()]) < 100


def test_the_sample_brief_shows_as_pdf_pages(window):
    result = refreshed(window)
    panel = window.preview
    assert result.pdf.startswith(b"%PDF")
    assert result.pages.page_count >= 2 and len(panel.pages) == result.pages.page_count
    assert panel.page_count.text() == f"{result.pages.page_count} pages"
    assert window.session.settings.title in panel.text()
    assert all(inked(page) for page in panel.pages)
    assert not panel.message.isVisible()
    assert panel.state.text().startswith("Up to date")


def test_the_preview_is_the_pdf_that_export_writes(window, answers, tmp_path):
    result = refreshed(window)
    answers["save_path"] = tmp_path / "brief.pdf"
    window.export("pdf")
    exported = pdfium.PdfDocument(str(tmp_path / "brief.pdf"))
    try:
        assert len(exported) == result.pages.page_count
        first = exported[0].get_textpage().get_text_range()
    finally:
        exported.close()
    assert " ".join(first.split()) in window.preview.text()


def test_a_change_refreshes_the_pages(window):
    before = refreshed(window)
    window.properties.title.setText("Weekly situation: Korean peninsula")
    window.properties.title.textEdited.emit("Weekly situation: Korean peninsula")
    assert window.previewer.busy and window.preview.state.text() == "Refreshing…"
    assert window.preview.pages, "the last pages stay up while the new ones are made"
    after = refreshed(window)
    assert after is not before and after.pdf != before.pdf
    assert "Weekly situation: Korean peninsula" in window.preview.text()
    assert window.preview.state.text().startswith("Up to date")


def test_a_failed_refresh_says_so_and_keeps_the_last_good_pages(window, monkeypatch):
    good = refreshed(window)
    shown = list(window.preview.pages)

    def broken(inputs, width_px, cancel):
        raise RuntimeError("the template is damaged")

    monkeypatch.setattr(preview_module, "preview_job", broken)
    window.session.set_settings(window.session.settings.__class__(title="Changed"))
    window.previewer.refresh_now()
    assert "The preview failed: RuntimeError: the template is damaged" in window.preview.state.text()
    assert window.preview.pages == shown and window.previewer.latest is good


def test_zoom_redraws_the_pages_at_the_new_size(window, qtbot):
    refreshed(window)
    panel = window.preview
    assert panel.fit_button.isChecked()
    fitted = panel.pages[0].width()
    assert abs(fitted - (panel.view.viewport().width() - 2 * preview_module.PAGE_GAP)) <= 1
    panel.zoom_in()
    assert not panel.fit_button.isChecked()
    zoomed = panel.pages[0].width()
    assert abs(zoomed - fitted * preview_module.ZOOM_STEP) <= 2
    assert window.previewer.width_px == zoomed
    # The redraw is debounced; the synchronous pool then draws at once.
    qtbot.waitUntil(lambda: window.previewer.latest.pages.width_px == zoomed, timeout=3000)
    assert panel.pages[0]._image.width() == zoomed
    assert "Weekly" not in panel.text() and window.session.settings.title in panel.text(), "a redraw keeps the text"
    panel.fit_width()
    assert panel.fit_button.isChecked() and abs(panel.pages[0].width() - fitted) <= 1
    for _ in range(20):
        panel.zoom_out()
    assert panel.zoom == preview_module.ZOOM_MIN and not panel.zoom_out_button.isEnabled()


def test_a_very_long_brief_is_previewed_up_to_the_budget_and_says_so():
    from briefpack.gui.tasks import PREVIEW_BUDGET, first_part
    from briefpack.model.brief import Brief, BriefMeta, Heading, Para, Table, Text

    row = ((Text("2024-05-01"),), (Text("An event"),))
    brief = Brief(BriefMeta(title="Long"), (
        Heading(1, (Text("Timeline"),)),
        Table(((Text("Date"),), (Text("Event"),)), tuple(row for _ in range(PREVIEW_BUDGET * 3))),
        Para((Text("Bibliography"),)),
    ))
    cut, was_cut = first_part(brief)
    assert was_cut
    heading, table, closing = cut.blocks
    assert len(table.rows) == PREVIEW_BUDGET - 1
    assert "Export PDF writes all of it" in closing.children[0].children[0].text
    short = brief.with_blocks(brief.blocks[:1] + brief.blocks[2:])
    assert first_part(short) == (short, False)


def test_a_cancelled_export_stops_its_process_and_writes_nothing(window, tmp_path):
    from briefpack.gui.tasks import export_job
    from briefpack.jobs import CancelToken, run_to_end

    out = tmp_path / "out"
    out.mkdir()
    token = CancelToken()
    token.cancel()
    outcome = run_to_end(export_job(window.session.inputs(), "pdf", out / "brief.pdf", token))
    assert outcome.cancelled and outcome.export.paths == ()
    assert list(out.iterdir()) == []
