"""A template's Word reference document reaches the export: the ministerial pack in the UK house style.

The pack is composed from the seeds and exported the way the window and
``briefpack build`` export (``jobs.export_brief``), then read back with
python-docx (the reference styles are the document's styles), pandoc (the
footnotes are still real footnotes) and, where installed, LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import docx
import pypandoc
import pytest
from docx.shared import Mm, Pt, RGBColor

from briefpack.cli import main
from briefpack.jobs import compose_brief, default_taxonomy, export_brief, import_files, run_to_end
from briefpack.model.selection import BriefSettings, Selection
from seeddata import SEEDS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOUSE = Path(__file__).resolve().parents[2] / "templates" / "briefs" / "uk-house-style.docx"


def export(name: str, out: Path, **kwargs) -> Path:
    taxonomy = default_taxonomy()
    imported = run_to_end(import_files(SEEDS, taxonomy))
    settings = BriefSettings(title="Russia–North Korea", template=name)
    brief, _ = compose_brief(imported.articles, imported.tags, taxonomy, Selection(theme_ids=("diplomacy", "economy_trade")),
                             settings, today=dt.date(2026, 11, 23))
    result = run_to_end(export_brief(brief, ["docx"], out, stem=name, **kwargs))
    assert [n.code for n in result.notices if n.code == "template-unreadable"] == []
    return result.paths[0]


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return export("ministerial-pack", tmp_path_factory.mktemp("pack"))


def font_of(style) -> str | None:
    fonts = style.element.rPr.find(f"{W}rFonts") if style.element.rPr is not None else None
    return fonts.get(f"{W}ascii") if fonts is not None else None


def test_the_export_carries_the_reference_styles(pack):
    document = docx.Document(str(pack))
    reference = docx.Document(str(HOUSE))
    styles = document.styles
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote", "footnote text",
                 "Caption", "Bibliography", "Marking"):
        ours, theirs = styles[name], reference.styles[name]
        assert (font_of(ours), ours.font.size, ours.font.bold) == (font_of(theirs), theirs.font.size, theirs.font.bold), name
        assert ours.font.color.rgb == theirs.font.color.rgb, name
    assert font_of(styles["Normal"]) == "Arial" and styles["Normal"].font.size == Pt(12)
    assert styles["Heading 1"].font.size == Pt(16) and styles["footnote text"].font.size == Pt(9)
    assert styles["Marking"].font.color.rgb == RGBColor(0xD4, 0x35, 0x1C)
    assert styles["Hyperlink"].font.color.rgb == RGBColor(0x1D, 0x70, 0xB8)
    # The house rule under Heading 1 and the inset-text rule beside quotations come from the reference.
    assert styles["Heading 1"].element.pPr.find(f"{W}pBdr/{W}bottom").get(f"{W}color") == "B1B4B6"
    assert styles["Quote"].element.pPr.find(f"{W}pBdr/{W}left") is not None
    # Its page setup and proofing language too (the template's own margins are the same on purpose).
    section = document.sections[0]
    assert abs(section.left_margin - Mm(25)) < Mm(0.1) and abs(section.right_margin - Mm(20)) < Mm(0.1)
    defaults = styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}lang").get(f"{W}val") == "en-GB"
    assert defaults.find(f"{W}rFonts").get(f"{W}ascii") == "Arial"
    # And the body uses them: headings, footnotes and the sources annex.
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Bibliography"} <= used


def test_without_a_reference_the_default_house_style_applies(tmp_path):
    document = docx.Document(str(export("situation-brief", tmp_path)))
    assert font_of(document.styles["Normal"]) is None  # restyled on the document defaults, not from a reference
    assert document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts").get(f"{W}ascii") == "Cambria"


def test_an_explicit_template_path_wins_over_the_briefs_template_name(tmp_path):
    mine = tmp_path / "mine.toml"
    shutil.copy(HOUSE, tmp_path / "house.docx")
    mine.write_text('[template]\n[style]\nreference_docx = "house.docx"\n[[sections]]\nkind = "themes"\n', encoding="utf-8")
    document = docx.Document(str(export("situation-brief", tmp_path / "out", template=mine)))
    assert font_of(document.styles["Normal"]) == "Arial"


def test_pandoc_still_reads_the_footnotes(pack):
    markdown = pypandoc.convert_file(str(pack), "markdown", extra_args=["--wrap=none"])
    notes = [line for line in markdown.splitlines() if line.startswith("[^")]
    assert len(notes) >= 2 and "[^1]:" in markdown
    assert "# Top lines" in markdown and "Annex A: Sources" in markdown


def test_briefpack_build_uses_the_templates_reference(tmp_path, capsys):
    code = main(["build", *map(str, SEEDS), "--themes", "diplomacy", "--template", "ministerial-pack",
                 "--format", "docx", "-o", str(tmp_path)])
    capsys.readouterr()
    assert code == 0
    document = docx.Document(str(tmp_path / "brief.docx"))
    assert font_of(document.styles["Heading 1"]) == "Arial"
    assert document.styles["Heading 1"].element.pPr.find(f"{W}pBdr/{W}bottom") is not None


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_libreoffice_converts_the_house_styled_pack(pack, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(pack)],
                          capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "ministerial-pack.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Top lines" in text and "Annex A: Sources" in text and "Page 1 of" in text


def test_a_reference_gone_since_composing_is_a_notice_not_a_failure(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFPACK_HOME", str(tmp_path))
    (tmp_path / "templates").mkdir()
    shutil.copy(HOUSE, tmp_path / "templates" / "house.docx")
    (tmp_path / "templates" / "weekly.toml").write_text(
        '[template]\n[style]\nreference_docx = "house.docx"\n[[sections]]\nkind = "themes"\n', encoding="utf-8")
    taxonomy = default_taxonomy()
    imported = run_to_end(import_files(SEEDS, taxonomy))
    brief, _ = compose_brief(imported.articles, imported.tags, taxonomy, Selection(theme_ids=("diplomacy",)),
                             BriefSettings(template="weekly"), today=dt.date(2026, 11, 23))
    (tmp_path / "templates" / "house.docx").unlink()
    result = run_to_end(export_brief(brief, ["docx"], tmp_path / "out"))
    gone = [n for n in result.notices if n.code == "template-unreadable"]
    assert len(gone) == 1 and "weekly.toml, line 3: reference_docx" in gone[0].message
    assert font_of(docx.Document(str(result.paths[0])).styles["Normal"]) is None  # written in the default style


def test_the_windows_word_export_uses_the_templates_reference(tmp_path):
    from briefpack.gui.tasks import BriefInputs, export_job  # the window's export job; it imports no Qt
    from briefpack.jobs import CancelToken

    taxonomy = default_taxonomy()
    imported = run_to_end(import_files(SEEDS, taxonomy))
    inputs = BriefInputs(tuple(imported.articles), tuple(imported.tags), taxonomy, Selection(theme_ids=("diplomacy",)),
                         BriefSettings(template="ministerial-pack"))
    outcome = run_to_end(export_job(inputs, "docx", tmp_path / "Pack for the minister.docx", CancelToken()))
    assert outcome.export.paths == (tmp_path / "Pack for the minister.docx",)
    styles = docx.Document(str(outcome.export.paths[0])).styles
    assert font_of(styles["Normal"]) == "Arial"
    assert styles["Quote"].element.pPr.find(f"{W}pBdr/{W}left") is not None
