"""The Word file's front matter: the cover page and a real table-of-contents field, read by python-docx, pandoc and LibreOffice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pypandoc
import pytest
from lxml import etree

from briefpack.model.brief import Brief
from briefpack.render.docx import DocxOptions, render

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FIXED = DocxOptions(created=dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc))


def with_meta(brief: Brief, **changes) -> Brief:
    return dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, **changes))


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


@pytest.fixture
def front_docx(cited_brief, tmp_path) -> Path:
    path = tmp_path / "front.docx"
    assert render(with_meta(cited_brief, cover=True, toc=True), path, FIXED) == []
    return path


def test_toc_field_is_dirty_and_word_is_asked_to_update_fields(front_docx):
    body = part_xml(front_docx, "word/document.xml")
    instructions = [t.text.strip() for t in body.iterfind(".//w:instrText", NS)]
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions
    begin = body.find(".//w:fldChar[@w:fldCharType='begin']", NS)
    assert begin.get(f"{{{W}}}dirty") == "true"
    # Every field that begins also ends (the TOC's result spans several paragraphs).
    types = [c.get(f"{{{W}}}fldCharType") for c in body.iterfind(".//w:fldChar", NS)]
    assert types.count("begin") == types.count("end") == types.count("separate")
    settings = part_xml(front_docx, "word/settings.xml")
    update = settings.find("w:updateFields", NS)
    assert update is not None and update.get(f"{{{W}}}val") == "true"


def test_toc_entries_link_to_bookmarked_headings(front_docx):
    document = docx.Document(str(front_docx))
    entries = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert entries == [("toc 1", "Summary"), ("toc 1", "Diplomacy"), ("toc 2", "Military"), ("toc 1", "Sources")]
    body = part_xml(front_docx, "word/document.xml")
    anchors = [h.get(f"{{{W}}}anchor") for h in body.iterfind(".//w:hyperlink[@w:anchor]", NS)]
    bookmarks = {}
    for start in body.iterfind(".//w:bookmarkStart", NS):
        paragraph = start.getparent()
        bookmarks[start.get(f"{{{W}}}name")] = "".join(t.text for t in paragraph.iterfind(".//w:t", NS))
    assert [bookmarks[a] for a in anchors] == ["Summary", "Diplomacy", "Military", "Sources"]
    assert all(a.startswith("_Toc") for a in anchors)  # Word's hidden-bookmark convention
    assert [p.text for p in document.paragraphs if p.style.name == "TOC Heading"] == ["Contents"]


def test_cover_ends_with_a_page_break_and_the_title_block_keeps_its_styles(front_docx, cited_brief):
    document = docx.Document(str(front_docx))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:4] == ["Title", "Author", "Date", "Marking"]
    marking = document.paragraphs[3]._p
    assert marking.find(".//w:br[@w:type='page']", NS) is not None
    contents_end = [p for p in document.paragraphs if p.style.name.startswith("toc ")][-1]._p
    assert contents_end.find(".//w:br[@w:type='page']", NS) is not None
    # Navigation pane and restyling: the body's headings are still Heading 1-3.
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == ["Summary", "Diplomacy", "Sources"]


def test_pandoc_still_reads_headings_notes_and_title(front_docx, cited_brief):
    markdown = pypandoc.convert_file(str(front_docx), "markdown", extra_args=["--wrap=none", "--standalone"])
    assert "# Summary" in markdown and "## Military" in markdown
    assert "[^14]:" in markdown
    assert 'title: "Russia--North Korea: situation brief"' in markdown


def test_no_toc_no_field(cited_brief, tmp_path):
    path = tmp_path / "plain.docx"
    render(cited_brief, path, FIXED)
    body = part_xml(path, "word/document.xml")
    assert not [t for t in body.iterfind(".//w:instrText", NS) if "TOC" in t.text]
    assert part_xml(path, "word/settings.xml").find("w:updateFields", NS) is None
    assert body.find(".//w:bookmarkStart", NS) is None


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_turns_it_into_a_pdf_with_the_contents(front_docx, tmp_path):
    from pypdf import PdfReader

    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(front_docx)],
                            capture_output=True, timeout=180)
    assert result.returncode == 0, result.stderr
    pages = [p.extract_text() for p in PdfReader(tmp_path / "front.pdf").pages]
    assert len(pages) >= 3
    assert "Russia–North Korea: situation brief" in pages[0] and "Paragraph 1" not in pages[0]
    assert "Contents" in pages[1] and "Military" in pages[1]
    assert all("OFFICIAL-SENSITIVE" in page for page in pages)


def test_template_style_fields_restyle_the_word_styles(cited_brief, tmp_path):
    path = tmp_path / "styled.docx"
    brief = with_meta(cited_brief, heading_font="sans", sizes={"title": 30, "heading1": 18, "note": "x"},
                      colours={"heading": "#7A1F5C", "marking": "bad"}, margins_mm={"left": 35, "top": 1})
    render(brief, path, FIXED)
    document = docx.Document(str(path))
    styles = document.styles
    assert styles["Title"].font.size.pt == 30 and styles["Heading 1"].font.size.pt == 18
    assert str(styles["Heading 2"].font.color.rgb) == "7A1F5C"
    assert styles["Heading 1"].element.rPr.rFonts.get(f"{{{W}}}ascii") == FIXED.sans_font
    section = document.sections[0]
    assert round(section.left_margin.mm) == 35 and round(section.top_margin.mm) == 22  # 1 mm is ignored
