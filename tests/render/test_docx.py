"""The DOCX renderer, read back three ways: python-docx, the raw package parts, and pandoc.

Golden checks compare extracted text and structure, never bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import pypandoc
import pytest
from lxml import etree

from briefpack.model.brief import (
    Brief, BriefMeta, Emph, Figure, Heading, Link, Note, PageBreak, Para, Strong, Text, block_inlines,
    inline_children,
)
from briefpack.render import render as render_any
from briefpack.render.docx import DocxOptions, render

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MULTISCRIPT = "ł ś ệ ữ Пхеньян 김정은"
MARKUP = "AT&T <b>bold</b> 5 < 10 <script>"
HANGUL = re.compile("[\uac00-\ud7af]")
FIXED = DocxOptions(created=dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc))


def count_notes(brief: Brief) -> int:
    def walk(nodes) -> int:
        return sum((1 if isinstance(n, Note) else 0) + walk(inline_children(n)) for n in nodes)

    return sum(walk(seq) for block in brief.blocks for seq in block_inlines(block))


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def tiny_png(width: int = 40, height: int = 30) -> bytes:
    raw = b"".join(b"\x00" + b"\x20\x60\xa0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture
def docx_path(cited_brief, tmp_path) -> Path:
    path = tmp_path / "brief.docx"
    assert render(cited_brief, path, FIXED) == []
    return path


def test_registry_finds_the_renderer(cited_brief, tmp_path):
    render_any(cited_brief, "docx", tmp_path / "via-registry.docx")
    assert docx.Document(str(tmp_path / "via-registry.docx")).paragraphs


def test_python_docx_reads_styles_back(docx_path, cited_brief):
    document = docx.Document(str(docx_path))
    by_style: dict[str, list[str]] = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Title"] == [cited_brief.meta.title]
    assert by_style["Heading 1"] == ["Summary", "Diplomacy", "Sources"]
    assert by_style["Heading 2"] == ["Military"]
    assert by_style["Quote"] == ["Polish ł ś, Vietnamese ệ ữ, Russian Пхеньян, Korean 김정은"]
    assert by_style["List Bullet"][0] == "first point"
    assert by_style["Placeholder"] == ["[Summary to be written by the analyst]"]
    assert len(by_style["Bibliography"]) == 2
    assert by_style["Author"] == ["Desk Officer"] and by_style["Date"] == ["23 November 2026"]
    assert by_style["Marking"] == ["OFFICIAL-SENSITIVE"]
    assert MARKUP in by_style["Normal"]
    assert by_style["Caption"] == ["Table 1. Timeline"]

    table = document.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == ["Date", "Event"]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)
    assert table.rows[0]._tr.trPr.find(f"{{{W}}}tblHeader") is not None

    placeholder = document.styles["Placeholder"]
    assert placeholder.font.italic and str(placeholder.font.color.rgb) == "808080"
    bibliography = document.styles["Bibliography"].paragraph_format
    assert bibliography.first_line_indent < 0 < bibliography.left_indent


def test_one_footnote_per_note_referenced_in_order(docx_path, cited_brief):
    n = count_notes(cited_brief)
    notes = part_xml(docx_path, "word/footnotes.xml")
    real = notes.xpath("w:footnote[not(@w:type)]", namespaces=NS)
    separators = notes.xpath("w:footnote/@w:type", namespaces=NS)
    assert len(real) == n == 14
    assert sorted(separators) == ["continuationSeparator", "separator"]
    for note in real:
        assert note.xpath("w:p[1]/w:pPr/w:pStyle/@w:val", namespaces=NS) == ["FootnoteText"]
        assert note.xpath(".//w:footnoteRef", namespaces=NS)

    body = part_xml(docx_path, "word/document.xml")
    refs = body.xpath("//w:footnoteReference", namespaces=NS)
    assert [int(r.get(f"{{{W}}}id")) for r in refs] == list(range(1, n + 1))
    assert [int(x.get(f"{{{W}}}id")) for x in real] == list(range(1, n + 1))
    for ref in refs:
        assert ref.xpath("../w:rPr/w:rStyle/@w:val", namespaces=NS) == ["FootnoteReference"]

    styles = part_xml(docx_path, "word/styles.xml")
    superscript = styles.xpath("//w:style[@w:styleId='FootnoteReference']/w:rPr/w:vertAlign/@w:val", namespaces=NS)
    assert superscript == ["superscript"]
    assert styles.xpath("//w:style[@w:styleId='FootnoteText']/w:name/@w:val", namespaces=NS) == ["footnote text"]

    settings = part_xml(docx_path, "word/settings.xml")
    assert settings.xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["-1", "0"]


def test_package_parts_are_wired(docx_path):
    with zipfile.ZipFile(docx_path) as z:
        names = z.namelist()
        assert z.testzip() is None
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))  # every part is well-formed XML
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "word/footnotes.xml" in names and "word/header1.xml" in names and "word/footer1.xml" in names
    assert 'PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"' in types
    assert 'relationships/footnotes" Target="footnotes.xml"' in rels
    assert "docProps/thumbnail.jpeg" not in names


def test_hyperlinks_are_real(docx_path):
    body = part_xml(docx_path, "word/document.xml")
    links = body.xpath("//w:hyperlink", namespaces=NS)
    assert len(links) == 2
    for link in links:
        assert link.xpath("w:r/w:rPr/w:rStyle/@w:val", namespaces=NS)[0] == "Hyperlink"
    document = docx.Document(str(docx_path))
    targets = {r.target_ref for r in document.part.rels.values() if r.is_external}
    assert targets == {"https://example.org/a?b=1&c=2", "https://baoquocte.vn/x-307604.html"}


def test_pandoc_reads_it_back(docx_path, cited_brief):
    markdown = pypandoc.convert_file(str(docx_path), "markdown", extra_args=["--wrap=none", "--standalone"])
    n = count_notes(cited_brief)
    for k in range(1, n + 1):
        assert f"[^{k}]:" in markdown
    assert f"[^{n + 1}]" not in markdown
    assert "# Summary" in markdown and "## Military" in markdown and "# Sources" in markdown
    assert "[a link](https://example.org/a?b=1&c=2)" in markdown
    assert "title: \"Russia--North Korea: situation brief\"" in markdown and "author: Desk Officer" in markdown
    assert "> Polish" in markdown  # the Quote style is read as a block quote
    assert "\\<script\\>" in markdown  # literal text, escaped as text by pandoc
    plain = pypandoc.convert_file(str(docx_path), "plain", extra_args=["--wrap=none"])
    assert "Polish ł ś, Vietnamese ệ ữ, Russian Пхеньян, Korean 김정은" in plain
    assert "second point ł ệ Пхеньян 김정은" in plain
    assert MARKUP in plain and f"{MARKUP}." in plain  # in the body and in note 2


def test_hangul_runs_name_the_east_asian_font(docx_path):
    checked = 0
    for part in ("word/document.xml", "word/header1.xml"):
        for run in part_xml(docx_path, part).iter(f"{{{W}}}r"):
            text = "".join(t.text or "" for t in run.iter(f"{{{W}}}t"))
            if HANGUL.search(text):
                assert run.xpath("w:rPr/w:rFonts/@w:eastAsia", namespaces=NS) == ["Malgun Gothic"]
                assert run.xpath("w:rPr/w:lang/@w:eastAsia", namespaces=NS) == ["ko-KR"]
                checked += 1
    assert checked == 2
    styles = part_xml(docx_path, "word/styles.xml")
    assert styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:eastAsia", namespaces=NS) == ["Malgun Gothic"]


def test_header_and_footer_carry_marking_and_page_fields(docx_path):
    header = part_xml(docx_path, "word/header1.xml")
    footer = part_xml(docx_path, "word/footer1.xml")
    assert "OFFICIAL-SENSITIVE" in "".join(header.itertext())
    assert "OFFICIAL-SENSITIVE" in "".join(footer.itertext())
    instructions = [i.text.strip() for i in footer.iter(f"{{{W}}}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [f.get(f"{{{W}}}fldCharType") for f in footer.iter(f"{{{W}}}fldChar")]
    assert kinds == ["begin", "separate", "end"] * 2
    shown = "".join(t.text for t in footer.iter(f"{{{W}}}t"))
    assert shown == "OFFICIAL-SENSITIVEPage 1 of 1"


def test_core_properties(docx_path, cited_brief):
    props = docx.Document(str(docx_path)).core_properties
    assert props.title == cited_brief.meta.title
    assert props.author == "Desk Officer"
    assert props.keywords == "diplomacy, military"
    assert props.language == "en"
    assert props.category == "OFFICIAL-SENSITIVE"
    assert props.created == dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    assert props.comments == ""


def test_control_characters_are_removed_not_fatal(tmp_path):
    dirty = "bad\x00\x01\x02\x03\x04\x05\x06\x07\x08 text\x0b\x0c\x1f end"
    brief = Brief(
        BriefMeta(title=f"Title {dirty}", author="A\x00uthor", marking="MARK\x07", subtitle="sub\x01"),
        (
            Heading(1, (Text(dirty),)),
            Para((Text(dirty), Note((Text(dirty),)), Link("https://example.org/\x00x", (Text(dirty),)))),
        ),
    )
    path = tmp_path / "dirty.docx"
    notices = render(brief, path)
    assert [n.code for n in notices] == ["text-cleaned"]
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "bad text end" in texts
    assert document.core_properties.title == "Title bad text end"
    assert "bad text end" in "".join(part_xml(path, "word/footnotes.xml").itertext())


def test_endnotes(cited_brief, tmp_path):
    brief = replace(cited_brief, meta=replace(cited_brief.meta, notes="endnotes"))
    path = tmp_path / "endnotes.docx"
    render(brief, path, FIXED)
    with zipfile.ZipFile(path) as z:
        assert "word/footnotes.xml" not in z.namelist()
    notes = part_xml(path, "word/endnotes.xml").xpath("w:endnote[not(@w:type)]", namespaces=NS)
    assert len(notes) == count_notes(brief)
    assert notes[0].xpath("w:p/w:pPr/w:pStyle/@w:val", namespaces=NS) == ["EndnoteText"]
    refs = part_xml(path, "word/document.xml").xpath("//w:endnoteReference/@w:id", namespaces=NS)
    assert refs == [str(k) for k in range(1, len(notes) + 1)]
    markdown = pypandoc.convert_file(str(path), "markdown")
    assert f"[^{len(notes)}]:" in markdown


def test_figure_page_break_and_unsafe_link(tmp_path):
    brief = Brief(
        BriefMeta(title="Figures"),
        (
            Figure(tiny_png(), (Text("Trade volume"),), alt="Bar chart of trade"),
            PageBreak(),
            Figure(b"not an image", (Text("Broken"),), alt="missing chart"),
            Para((Link("javascript:alert(1)", (Text("click"),)),)),
        ),
    )
    path = tmp_path / "fig.docx"
    notices = render(brief, path)
    assert {n.code for n in notices} == {"figure-unreadable", "link-dropped"}
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 1
    body = part_xml(path, "word/document.xml")
    assert body.xpath("//wp:docPr/@descr", namespaces={"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}) == ["Bar chart of trade"]
    assert body.xpath("//w:br/@w:type", namespaces=NS) == ["page"]
    assert not body.xpath("//w:hyperlink", namespaces=NS)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ["Figure 1. Trade volume", "Figure 2. Broken"]
    assert "[missing chart]" in [p.text for p in document.paragraphs]


def test_reference_docx_keeps_its_styles_and_replaces_its_notes(docx_path, cited_brief, tmp_path):
    reference = docx.Document(str(docx_path))
    reference.styles["Heading 1"].font.size = docx.shared.Pt(30)
    ref_path = tmp_path / "house.docx"
    reference.save(str(ref_path))

    out = tmp_path / "styled.docx"
    render(cited_brief, out, DocxOptions(reference_docx=ref_path))
    document = docx.Document(str(out))
    assert document.styles["Heading 1"].font.size == docx.shared.Pt(30)
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [cited_brief.meta.title]
    notes = part_xml(out, "word/footnotes.xml").xpath("w:footnote[not(@w:type)]", namespaces=NS)
    assert len(notes) == count_notes(cited_brief)
    with zipfile.ZipFile(out) as z:
        assert sum(n.startswith("word/footnotes") and n.endswith(".xml") for n in z.namelist()) == 1


def test_a_failed_export_leaves_the_old_file(cited_brief, tmp_path):
    path = tmp_path / "brief.docx"
    path.write_bytes(b"previous export")
    with pytest.raises(Exception):
        render(cited_brief, path, DocxOptions(reference_docx=tmp_path / "missing.docx"))
    assert path.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_libreoffice_converts_it(docx_path, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(docx_path)],
                   check=True, capture_output=True, timeout=120)
    text = (tmp_path / "brief.txt").read_text(encoding="utf-8", errors="replace")
    assert "Summary" in text and "김정은" in text


def test_sparse_reference_docx_gets_the_builtin_styles_it_lacks(cited_brief, tmp_path):
    # Word saves only the styles a document used; simulate that, without any numbering part.
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    sparse = docx.Document()
    keep = {"Normal", "Default Paragraph Font", "Normal Table", "No List"}
    for style in list(sparse.styles.element.iterchildren(qn("w:style"))):
        if style.find(qn("w:name")).get(qn("w:val")) not in keep:
            sparse.styles.element.remove(style)
    for rId, rel in list(sparse.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            del sparse.part.rels[rId]
    ref_path = tmp_path / "sparse.docx"
    sparse.save(str(ref_path))

    out = tmp_path / "out.docx"
    assert render(cited_brief, out, DocxOptions(reference_docx=ref_path)) == []
    document = docx.Document(str(out))
    names = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Quote", "List Bullet", "Caption", "Bibliography"} <= names
    markdown = pypandoc.convert_file(str(out), "markdown")
    assert "- first point" in markdown and "# Summary" in markdown  # the bullet list definition came along
    assert f"[^{count_notes(cited_brief)}]:" in markdown


def test_tables_size_columns_by_content_shade_the_header_and_keep_rows_whole(docx_path):
    document = docx.Document(str(docx_path))
    table = document.tables[0]
    date_width, event_width = (column.width for column in table.columns)
    assert date_width < event_width  # "2024-06" needs less room than "Putin visits Pyongyang"
    body = part_xml(docx_path, "word/document.xml")
    rows = body.findall(".//w:tbl/w:tr", NS)
    assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    fills = [shd.get(f"{{{W}}}fill") for shd in rows[0].iterfind(".//w:tcPr/w:shd", NS)]
    assert fills == ["E8EDF3", "E8EDF3"]
    assert not rows[1].findall(".//w:tcPr/w:shd", NS)
    instructions = [t.text.strip() for t in body.iterfind(".//w:instrText", NS)]
    assert "SEQ Table \\* ARABIC" in instructions


def test_links_around_a_picture_get_their_own_relationships_and_runs_keep_schema_order(tmp_path):
    # Hyperlink ids are numbered by the renderer, pictures by python-docx: none may collide.
    link = lambda n: Link(f"https://news.example/{n}", (Text(f"story {n}"),))  # noqa: E731
    styled = Para((Strong((Emph((Link("https://news.example/0", (Text("평양 bold italic link"),)),)),)),))
    brief = Brief(
        BriefMeta(title="Links"),
        (Para((link(1), link(2), link(1))), Figure(tiny_png(), (Text("Chart"),)), Para((link(3), Note((link(4),)))), styled),
    )
    path = tmp_path / "links.docx"
    render(brief, path, FIXED)
    rels = part_xml(path, "word/_rels/document.xml.rels")
    ids = rels.xpath("//*[local-name()='Relationship']/@Id")
    assert len(ids) == len(set(ids))
    targets = {r.get("Target"): r.get("Id") for r in rels.xpath("//*[local-name()='Relationship']")}
    assert {f"https://news.example/{n}" for n in (0, 1, 2, 3)} <= set(targets)
    body = part_xml(path, "word/document.xml")
    used = body.xpath("//w:hyperlink/@r:id", namespaces={**NS, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"})
    assert used[:3] == [targets["https://news.example/1"], targets["https://news.example/2"], targets["https://news.example/1"]]
    image = body.xpath("//*[local-name()='blip']/@*[local-name()='embed']")
    assert image and image[0] not in used and image[0] in ids
    notes_rels = part_xml(path, "word/_rels/footnotes.xml.rels")
    assert notes_rels.xpath("//*[local-name()='Relationship']/@Target") == ["https://news.example/4"]
    # rPr children in the schema's order: rStyle, rFonts, b, i, lang.
    rpr = body.xpath("//w:hyperlink[.//w:t[contains(., 'bold italic')]]/w:r/w:rPr", namespaces=NS)[0]
    assert [etree.QName(c).localname for c in rpr] == ["rStyle", "rFonts", "b", "i", "lang"]
    assert docx.Document(str(path)).paragraphs  # python-docx opens it again
