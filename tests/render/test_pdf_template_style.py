"""A template's house style on ``BriefMeta`` (heading font, sizes, colours, margins) reaches the PDF; bad values fall back."""

from __future__ import annotations

import dataclasses

from pypdf import PdfReader
from reportlab.lib.units import mm

from briefpack.render.pdf import PdfOptions, render
from briefpack.render.pdf.styles import DEFAULT_COLOURS, build_styles


def chunks(path):
    out = []
    for page in PdfReader(path).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                out.append((text.strip(), str(font.get("/BaseFont", "")) if font else "", size * tm[0],
                            round(tm[4] + cm[4], 1)))
        page.extract_text(visitor_text=visit)
    return out


def test_template_fonts_sizes_and_margins_are_used(cited_brief, tmp_path):
    meta = dataclasses.replace(cited_brief.meta, heading_font="serif", sizes={"title": 30, "heading1": 18},
                               margins_mm={"left": 40}, colours={"heading": "#7A1F5C", "marking": "#005A9C"})
    out = tmp_path / "styled.pdf"
    assert render(dataclasses.replace(cited_brief, meta=meta), out, PdfOptions(invariant=True)) == []
    found = chunks(out)
    summary = next(c for c in found if c[0] == "Summary")
    assert "NotoSerif-Bold" in summary[1] and abs(summary[2] - 18) < 0.01
    title = next(c for c in found if c[0].startswith("Russia–North Korea") and c[2] > 20)
    assert abs(title[2] - 30) < 0.01
    body = next(c for c in found if c[0].startswith("Paragraph 1:"))
    assert abs(body[3] - 40 * mm) < 1
    styles = build_styles(meta)
    assert styles.colours["heading"] == "#7A1F5C" and styles["h2"].textColor.hexval().lower() == "0x7a1f5c"


def test_malformed_template_values_fall_back_to_the_house_style(cited_brief, tmp_path):
    meta = dataclasses.replace(cited_brief.meta, sizes={"title": "huge", "heading1": 500}, colours={"heading": "red"},
                               margins_mm={"left": 1})
    styles = build_styles(meta)
    assert styles.colours == DEFAULT_COLOURS
    assert styles["title"].fontSize == build_styles(cited_brief.meta)["title"].fontSize
    notices = render(dataclasses.replace(cited_brief, meta=meta), tmp_path / "bad.pdf", PdfOptions(invariant=True))
    assert [n.code for n in notices] == ["style-ignored"]
