"""Export PDF… and Export Word… run through the window's actions and write real files."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from briefpack.gui.worker import JobRunner
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures


@pytest.fixture
def opened_urls(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


@pytest.mark.parametrize("fmt, magic", [("pdf", b"%PDF"), ("docx", b"PK")])
def test_export_writes_the_file_and_offers_to_open_it(window, answers, opened_urls, tmp_path, fmt, magic):
    target = tmp_path / "out" / "Korea brief"
    (tmp_path / "out").mkdir()
    answers["save_path"] = target
    answers["yes_no"] = True
    action = window.export_pdf_action if fmt == "pdf" else window.export_docx_action
    action.trigger()
    written = target.with_name(f"Korea brief.{fmt}")
    assert answers["errors"] == []
    assert written.exists() and written.stat().st_size > 1000
    assert written.read_bytes()[:4].startswith(magic)
    assert [a[0] for a in answers["asked"]] == ["save", "yes-no"]
    assert [u.toLocalFile() for u in opened_urls] == [str(written)]


def test_export_on_the_real_thread_pool(qtbot, sample_path, answers, opened_urls, tmp_path):
    window = make_window(qtbot, sample_path, pool=JobRunner().pool)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    answers["save_path"] = tmp_path / "brief.pdf"
    window.export_pdf_action.trigger()
    assert window.exporter.running
    qtbot.waitUntil(lambda: not window.exporter.running, timeout=60_000)
    assert answers["errors"] == []
    assert (tmp_path / "brief.pdf").stat().st_size > 1000
    assert opened_urls == [], "the analyst said no to opening it"


def test_cancelled_file_dialog_exports_nothing(window, answers, tmp_path):
    answers["save_path"] = None
    window.export_docx_action.trigger()
    assert not list(tmp_path.glob("*.docx"))
    assert [a[0] for a in answers["asked"]] == ["save"]
