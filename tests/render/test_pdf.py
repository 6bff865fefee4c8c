"""The PDF renderer, read back with pypdf: text, scripts, escaping, fonts, outline, metadata, links, notes, options.

Golden checks compare extracted text and structure, never bytes, except
the invariant-mode test, whose point is identical bytes.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from briefpack.model.brief import Brief, Figure, Heading, Link, Para, Strong, Text
from briefpack.render import RENDERERS
from briefpack.render import render as render_any
from briefpack.render.pdf import PdfOptions, render

MARKUP = "AT&T <b>bold</b> 5 < 10 <script>"
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


@pytest.fixture
def pdf(cited_brief, tmp_path) -> Path:
    out = tmp_path / "brief.pdf"
    assert render(cited_brief, out, PdfOptions(invariant=True)) == []
    return out


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def chunks_of(path: Path) -> list[tuple[str, str, float, float]]:
    """(text, font name, x, y) of every text chunk, all pages."""
    out = []
    for page in PdfReader(path).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                name = str(font.get("/BaseFont", "")) if font else ""
                out.append((text, name, round(tm[4] + cm[4], 1), round(tm[5] + cm[5], 1)))
        page.extract_text(visitor_text=visit)
    return out


def with_meta(brief: Brief, **changes) -> Brief:
    return dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, **changes))


def test_registry_loads_this_renderer(cited_brief, tmp_path):
    assert RENDERERS["pdf"].load() is render
    assert render_any(cited_brief, "pdf", tmp_path / "via-registry.pdf") == []
    assert (tmp_path / "via-registry.pdf").read_bytes().startswith(b"%PDF-")


def test_text_holds_title_blocks_note_numbers_and_note_text(pdf):
    text = text_of(pdf)
    assert "Russia–North Korea: situation brief" in text
    assert "Desk Officer · 23 November 2026" in text
    assert "Paragraph 12: North Korea and Russia" in text
    assert "[Summary to be written by the analyst]" in text
    assert "Putin visits Pyongyang" in text and "Table 1. Timeline" in text
    for k in range(1, 13):
        assert f"“North Korea and Russia Bolster Ties {k},” conflictwatcher.com, accessed November 23, 2026." in text
        assert f"charter flights.{k + 2}" in text  # the superscript reference follows its sentence
    assert "Bao Quoc te, “Room to Grow,” baoquocte.vn." in text


def test_every_script_survives_extraction(pdf):
    text = text_of(pdf)
    for word in ("ł", "ś", "ệ", "ữ", "Пхеньян", "김정은"):
        assert word in text
    assert "Polish ł ś, Vietnamese ệ ữ, Russian Пхеньян, Korean 김정은" in text
    hangul_fonts = {font for chunk, font, *_ in chunks_of(pdf) if "김정은" in chunk}
    assert hangul_fonts and all("NanumGothic" in f for f in hangul_fonts)


def test_hangul_keeps_bold_and_the_title_block_draws_it(cited_brief, tmp_path):
    brief = with_meta(cited_brief, title="평양 brief", subtitle="부제목")
    brief = brief.with_blocks(brief.blocks + (Para((Strong((Text("굵은 한글"),)), Text(" 보통")),),))
    out = tmp_path / "bold.pdf"
    assert render(brief, out, PdfOptions(invariant=True)) == []
    fonts: dict[str, set[str]] = {}
    for chunk, font, *_ in chunks_of(out):
        fonts.setdefault(chunk.strip(), set()).add(font.split("+")[-1])
    assert fonts["굵은 한글"] == {"NanumGothicBold"}
    assert fonts["보통"] == {"NanumGothic"}
    assert fonts["평양"] == {"NanumGothicBold", "NanumGothic"}  # bold title; regular running header
    assert fonts["부제목"] == {"NanumGothic"}


def test_markup_in_text_is_printed_not_obeyed(pdf):
    text = text_of(pdf)
    assert MARKUP in text  # in the body
    assert f"Source with markup {MARKUP}." in text  # and in a footnote
    fonts = {font for chunk, font, *_ in chunks_of(pdf) if "<b>bold</b>" in chunk}
    assert fonts and not any("Bold" in f for f in fonts)


def test_fonts_are_shipped_embedded_subsets_and_no_standard_14(pdf):
    reader = PdfReader(pdf)
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object() if isinstance(ref, IndirectObject) else ref
            base = str(font["/BaseFont"]).lstrip("/")
            names.add(base)
            assert base.split("+")[-1] not in STANDARD_14
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{base} is not embedded"
            assert "+" in base, f"{base} is not a subset"
    stems = {n.split("+")[-1] for n in names}
    assert {"NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSans-Bold", "NanumGothic"} <= stems


def outline_of(reader: PdfReader) -> list[tuple[int, str]]:
    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield level, item.title

    return list(walk(reader.outline, 0))


def test_headings_become_the_outline_with_levels(pdf):
    reader = PdfReader(pdf)
    assert outline_of(reader) == [(0, "Summary"), (0, "Diplomacy"), (1, "Military"), (0, "Sources")]
    # Each bookmark points at the page its heading is on.
    pages = [p.extract_text() for p in reader.pages]
    for item in reader.outline:
        if not isinstance(item, list):
            assert item.title in pages[reader.get_destination_page_number(item)]


def test_document_properties(pdf):
    meta = PdfReader(pdf).metadata
    assert meta.title == "Russia–North Korea: situation brief"
    assert meta.author == "Desk Officer"
    assert meta.subject == "Situation brief"
    assert meta["/Keywords"] == "diplomacy, military"
    assert meta.creator == "briefpack"


def test_links_are_live_and_note_numbers_jump_to_their_notes(pdf):
    reader = PdfReader(pdf)
    uris, internal = [], 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
            elif "/Dest" in annot or (action is not None and "/D" in action):
                internal += 1
    assert "https://example.org/a?b=1&c=2" in uris
    assert "https://baoquocte.vn/x-307604.html" in uris
    assert internal >= 14  # one per note reference


def test_running_marking_and_page_x_of_y_on_every_page(pdf):
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert text.count("OFFICIAL-SENSITIVE") >= 2
        assert f"Page {number} of {len(pages)}" in text


def test_placeholder_is_italic_and_bibliography_hangs(pdf):
    chunks = chunks_of(pdf)
    [placeholder] = [c for c in chunks if c[0].startswith("[Summary to be written")]
    assert "Italic" in placeholder[1]
    first = next(c for c in chunks if c[0].startswith("Kalus, Katarzyna"))
    later = next(c for c in chunks if "conflictwatcher.com. Accessed" in c[0] or c[0].startswith("conflictwatcher.com"))
    assert later[2] > first[2] + 10  # continuation lines are indented under the first


def test_endnotes_mode_collects_notes_under_a_notes_heading(cited_brief, tmp_path):
    out = tmp_path / "endnotes.pdf"
    assert render(with_meta(cited_brief, notes="endnotes"), out, PdfOptions(invariant=True)) == []
    reader = PdfReader(out)
    text = text_of(out)
    notes_at = text.index("\nNotes\n")
    assert notes_at > text.index("Paragraph 12:")
    assert notes_at < text.index("Sources")  # before the bibliography
    assert text.index("Bolster Ties 12") > notes_at
    assert "1. Bao Quoc te" in text[notes_at:]
    assert (0, "Notes") in outline_of(reader)
    first_page = reader.pages[0].extract_text()
    assert "Bolster Ties" not in first_page


def test_a_character_no_shipped_font_has_gives_a_notice_and_renders_anyway(cited_brief, tmp_path):
    brief = cited_brief.with_blocks(cited_brief.blocks + (Para((Text("Ethiopic ሀ and an emoji 😀 end."),)),))
    out = tmp_path / "missing.pdf"
    notices = render(brief, out, PdfOptions(invariant=True))
    [notice] = notices
    assert notice.code == "glyph-missing"
    assert "ሀ" in notice.message and "U+1200" in notice.message and "U+1F600" in notice.message
    assert "Ethiopic" in text_of(out) and "end." in text_of(out)


def test_invariant_mode_gives_identical_bytes(cited_brief, tmp_path):
    render(cited_brief, tmp_path / "a.pdf", PdfOptions(invariant=True))
    render(cited_brief, tmp_path / "b.pdf", PdfOptions(invariant=True))
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_letter_size_sans_family_and_no_leftover_temp_file(cited_brief, tmp_path):
    out = tmp_path / "letter.pdf"
    render(with_meta(cited_brief, font_family="sans"), out, PdfOptions(page_size="Letter", invariant=True))
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    body_fonts = {font for chunk, font, *_ in chunks_of(out) if chunk.startswith("Paragraph 1:")}
    assert body_fonts and all("NotoSans" in f for f in body_fonts)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_empty_brief_and_page_breaks(tmp_path):
    from briefpack.model.brief import BriefMeta, PageBreak

    out = tmp_path / "empty.pdf"
    assert render(Brief(BriefMeta(title="Nothing yet")), out, PdfOptions(invariant=True)) == []
    assert len(PdfReader(out).pages) == 1 and "Nothing yet" in text_of(out)
    brief = Brief(BriefMeta(title="Breaks"), (Para((Text("one"),)), PageBreak(), Para((Text("two"),))))
    render(brief, out, PdfOptions(invariant=True))
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert len(pages) == 2 and "one" in pages[0] and "two" in pages[1]


def test_options_are_checked():
    with pytest.raises(ValueError):
        PdfOptions(page_size="A5")
    with pytest.raises(ValueError):
        PdfOptions(margins_mm=(10, 10, 10))


def png_bytes(width: int = 320, height: int = 160) -> bytes:
    from PIL import Image  # Pillow comes with reportlab

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (31, 58, 95)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_figures_show_with_caption_and_bad_images_become_a_notice(tmp_path):
    from briefpack.model.brief import BriefMeta

    brief = Brief(BriefMeta(title="Figures"), (
        Heading(1, (Text("Pictures"),)),
        Figure(png_bytes(), (Text("Rail link at Tumangang"),), alt="Map"),
        Figure(b"not a png", (Text("Broken"),), alt="A broken picture"),
        Para((Link('javascript:alert("x")', (Text("not a live link"),)), Text(" and "),
              Link('https://example.org/q?a="b"&c', (Text("quoted"),)))),
    ))
    out = tmp_path / "figures.pdf"
    notices = render(brief, out, PdfOptions(invariant=True))
    assert [n.code for n in notices] == ["figure-unreadable"]
    reader = PdfReader(out)
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    text = text_of(out)
    assert "Figure 1. Rail link at Tumangang" in text and "[A broken picture]" in text
    uris = [str(a.get_object()["/A"]["/URI"]) for a in reader.pages[0].get("/Annots") or []
            if "/URI" in a.get_object().get("/A", {})]
    assert uris == ['https://example.org/q?a="b"&c']
