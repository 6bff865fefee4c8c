"""Write ``uk-house-style.docx``, the Word reference document of the ministerial briefing pack.

A reference document carries a house style as Word styles: the DOCX export
starts from it, keeps its styles, page setup and header layout, and only
adds what it lacks. This script makes it with python-docx from python-docx's
own default template, so every style keeps Word's built-in name and id:
Arial throughout in the GOV.UK palette (near-black text, blue links and
rules, red handling marking), A4 with the pack's margins, British English
proofing. Run it after changing the house style, then commit the .docx:

    .venv/bin/python templates/briefs/make_uk_house_style.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OUT = Path(__file__).resolve().with_name("uk-house-style.docx")
FONT = "Arial"
TEXT = RGBColor(0x0B, 0x0C, 0x0C)
SECONDARY = RGBColor(0x50, 0x5A, 0x5F)
BLUE = RGBColor(0x1D, 0x70, 0xB8)
RED = RGBColor(0xD4, 0x35, 0x1C)
GREY_RULE = "B1B4B6"

# (Word's name, style id, type, size pt, bold, colour, space before pt, space after pt)
P, C = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
STYLES = (
    ("Normal", "Normal", P, 12, None, TEXT, 0, 8),
    ("Title", "Title", P, 24, True, TEXT, 0, 12),
    ("Subtitle", "Subtitle", P, 16, False, SECONDARY, 0, 12),
    ("heading 1", "Heading1", P, 16, True, TEXT, 18, 6),
    ("heading 2", "Heading2", P, 14, True, TEXT, 14, 4),
    ("heading 3", "Heading3", P, 12, True, TEXT, 12, 4),
    ("Quote", "Quote", P, 12, False, TEXT, 6, 8),
    ("caption", "Caption", P, 10, True, SECONDARY, 4, 8),
    ("footnote text", "FootnoteText", P, 9, None, TEXT, 0, 2),
    ("footnote reference", "FootnoteReference", C, None, None, None, None, None),
    ("endnote text", "EndnoteText", P, 9, None, TEXT, 0, 2),
    ("endnote reference", "EndnoteReference", C, None, None, None, None, None),
    ("Hyperlink", "Hyperlink", C, None, None, BLUE, None, None),
    ("Bibliography", "Bibliography", P, 11, None, TEXT, 0, 6),
    ("header", "Header", P, 9, None, SECONDARY, 0, 0),
    ("footer", "Footer", P, 9, None, SECONDARY, 0, 0),
    ("TOC Heading", "TOCHeading", P, 16, True, TEXT, 18, 6),
    ("Marking", "Marking", P, 12, True, RED, 0, 6),
)


def style(document, name: str, style_id: str, kind):
    """The style called ``name``, created with Word's built-in id when the default template lacks it."""
    for existing in document.styles:
        if existing.name.lower() == name.lower():
            return existing
    made = document.styles.add_style(name, kind, builtin=name != "Marking")
    made.element.styleId = style_id
    made.element.name_val = name
    if kind == P and name != "Normal":
        made.base_style = document.styles["Normal"]
    return made


def set_arial(rPr) -> None:
    # Theme fonts win over named ones in Word, so they go.
    fonts = rPr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


def border(paragraph_format_element, side: str, size_eighths: int, colour: str, space: int) -> None:
    pPr = paragraph_format_element
    borders = pPr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        pPr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                                  "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                                  "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                                  "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                                  "w:rPr", "w:sectPr", "w:pPrChange")
    for old in borders.findall(qn(f"w:{side}")):
        borders.remove(old)
    borders.append(OxmlElement(f"w:{side}", {qn("w:val"): "single", qn("w:sz"): str(size_eighths),
                                               qn("w:space"): str(space), qn("w:color"): colour}))


def main() -> None:
    document = docx.Document()
    # Document defaults: every run, table and note is Arial, proofed as British English.
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_arial(defaults)
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), "en-GB")

    for name, style_id, kind, size, bold, colour, before, after in STYLES:
        made = style(document, name, style_id, kind)
        set_arial(made.element.get_or_add_rPr())
        font = made.font
        if size is not None:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold
        font.italic = False if kind == P else None
        if colour is not None:
            font.color.rgb = colour
            for attr in ("themeShade", "themeTint"):  # left over from the theme colour, they would darken ours
                made.element.rPr.find(qn("w:color")).attrib.pop(qn(f"w:{attr}"), None)
        if kind == P:
            fmt = made.paragraph_format
            fmt.space_before, fmt.space_after = Pt(before), Pt(after)
            made.quick_style = True

    styles = document.styles
    for other in styles:  # the linked character styles (Heading 1 Char …) and the rest: no theme fonts
        fonts = other.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and fonts.get(qn("w:asciiTheme")):
            set_arial(other.element.rPr)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    styles["Title"].paragraph_format.space_before = Pt(0)
    border(styles["Title"].element.get_or_add_pPr(), "bottom", 12, "1D70B8", 6)
    border(styles["Heading 1"].element.get_or_add_pPr(), "bottom", 6, GREY_RULE, 2)
    for level in (1, 2, 3):
        styles[f"Heading {level}"].paragraph_format.keep_with_next = True
    # GOV.UK "inset text": indented, a thick grey rule on the left, upright.
    quote = styles["Quote"]
    quote.paragraph_format.left_indent = Mm(8)
    quote.paragraph_format.right_indent = Mm(0)
    border(quote.element.get_or_add_pPr(), "left", 24, GREY_RULE, 8)
    styles["footnote reference"].font.superscript = True
    styles["endnote reference"].font.superscript = True
    styles["Hyperlink"].font.underline = True
    bibliography = styles["Bibliography"].paragraph_format
    bibliography.left_indent, bibliography.first_line_indent = Mm(10), Mm(-10)
    marking = styles["Marking"]
    marking.font.all_caps = True
    marking.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in ("footnote text", "endnote text"):
        styles[text].paragraph_format.line_spacing = 1.0

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)

    properties = document.core_properties
    properties.title = "UK house style"
    properties.subject = "Reference document for briefpack's ministerial briefing pack"
    properties.author = properties.last_modified_by = "briefpack"
    properties.created = properties.modified = dt.datetime(2026, 11, 24, tzinfo=dt.timezone.utc)
    properties.revision = 1
    document.save(str(OUT))
    print(OUT)


if __name__ == "__main__":
    main()
