"""Word styles for a brief: find the ones the template has, create the ones it lacks, restyle the default.

Everything the renderer writes carries a named style (Title, Heading 1–3,
Quote, List Bullet, Caption, Footnote Text, Bibliography …) so Word's
navigation pane works and an editor can restyle the whole brief in one place.
The styles to create are data (``_MISSING``), using Word's own built-in names
and ids so Word treats them as its built-ins. A reference .docx keeps its
look; only python-docx's default template is restyled from ``BriefMeta``
(font family, base size, language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Inches, Pt, RGBColor
from docx.styles.style import BaseStyle

from briefpack.model.brief import BriefMeta
from briefpack.render.docx import _oxml, _style_xml
from briefpack.render.docx.context import DocxOptions

P, C = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER

# (Word name, style id, type, based on, custom?) for styles python-docx's template lacks.
_MISSING = (
    ("footnote text", "FootnoteText", P, "Normal", False),
    ("footnote reference", "FootnoteReference", C, None, False),
    ("endnote text", "EndnoteText", P, "Normal", False),
    ("endnote reference", "EndnoteReference", C, None, False),
    ("Hyperlink", "Hyperlink", C, None, False),
    ("Bibliography", "Bibliography", P, "Normal", False),
    ("Date", "Date", P, "Normal", False),
    ("toc 1", "TOC1", P, "Normal", False),
    ("toc 2", "TOC2", P, "Normal", False),
    ("toc 3", "TOC3", P, "Normal", False),
    # Custom styles; "Author" is the name pandoc reads back as document metadata.
    ("Author", "Author", P, "Normal", True),
    ("Placeholder", "Placeholder", P, "Normal", True),
    ("Marking", "Marking", P, "Normal", True),
)

# Built-in styles every export uses. A reference .docx saved by Word defines only the
# styles it has used, so missing ones are copied from python-docx's default template.
_REQUIRED = ("Title", "Subtitle", *(f"heading {n}" for n in range(1, 10)), "Quote", "caption",
             "List Bullet", "header", "footer", "Table Grid", "TOC Heading")

# Bare language codes to the region Word's proofing tools expect.
_WORD_LANG = {"en": "en-US", "ko": "ko-KR", "ru": "ru-RU", "pl": "pl-PL", "vi": "vi-VN", "fr": "fr-FR",
              "de": "de-DE", "es": "es-ES", "uk": "uk-UA", "zh": "zh-CN", "ja": "ja-JP"}


@dataclass(frozen=True, slots=True)
class StyleSet:
    """The styles one export uses, resolved once (style look-up by name scans styles.xml)."""

    by_name: dict[str, BaseStyle]
    note_kind: str  # "footnote" or "endnote"

    def get(self, name: str) -> BaseStyle | None:
        """The style called ``name`` (case-insensitive, as Word compares them); ``None`` if absent."""
        return self.by_name.get(name.lower())

    def __getitem__(self, name: str) -> BaseStyle:
        return self.by_name[name.lower()]

    def heading(self, level: int) -> BaseStyle:
        return self[f"heading {min(max(level, 1), 9)}"]

    @property
    def note_text(self) -> BaseStyle:
        return self[f"{self.note_kind} text"]

    @property
    def note_reference(self) -> BaseStyle:
        return self[f"{self.note_kind} reference"]


def prepare_styles(document: Document, meta: BriefMeta, options: DocxOptions, restyle: bool) -> StyleSet:
    """Create missing styles, restyle the default template if ``restyle``, and return the resolved set."""
    styles = document.styles
    _import_builtins(document)
    by_name = {s.name.lower(): s for s in styles}
    for name, style_id, kind, based_on, custom in _MISSING:
        if name.lower() not in by_name:
            style = _style_xml.add_style(styles, name, kind, builtin=not custom)
            style.element.styleId = style_id
            _style_xml.set_style_name(style, name)
            if based_on and based_on.lower() in by_name:
                style.base_style = by_name[based_on.lower()]
            _shape_new_style(style, name, meta.base_size)
            by_name[name.lower()] = style
    if restyle:
        _restyle(document, by_name, meta, options)
    _set_language(document, meta.language)
    return StyleSet(by_name, "endnote" if meta.notes == "endnotes" else "footnote")


def _import_builtins(document: Document) -> None:
    present = {s.name.lower() for s in document.styles}
    missing = [name for name in _REQUIRED if name.lower() not in present]
    if not missing:
        return
    template = docx.Document()
    for name in missing:
        _style_xml.copy_style(template.styles.element, document.styles.element, name)
    if "List Bullet" in missing:
        # The copied style points at the template's bullet list; bring that list along.
        source_id = _style_xml.style_num_id(template.styles["List Bullet"])
        if source_id is not None:
            new_id = _style_xml.copy_list_definition(template.part, document.part, source_id)
            _style_xml.set_style_num_id(document.styles["List Bullet"], new_id)


def _shape_new_style(style: BaseStyle, name: str, base: float) -> None:
    # Looks for styles we create, in any template: close to Word's own defaults.
    font = style.font
    if name in ("footnote reference", "endnote reference"):
        font.superscript = True
    elif name == "Hyperlink":
        font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        font.underline = True
    elif name in ("footnote text", "endnote text"):
        font.size = Pt(max(base - 1.5, 7))
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.line_spacing = 1.0
    elif name == "Bibliography":
        # Hanging indent: the first line starts at the margin, the rest are indented.
        style.paragraph_format.left_indent = Inches(0.5)
        style.paragraph_format.first_line_indent = Inches(-0.5)
    elif name == "Placeholder":
        font.italic = True
        font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    elif name == "Marking":
        font.bold = True
        font.all_caps = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif name.startswith("toc "):
        level = int(name[-1])
        fmt = style.paragraph_format
        fmt.left_indent = Inches(0.25 * (level - 1))
        fmt.space_before = Pt(4 if level == 1 else 0)
        fmt.space_after = Pt(1)
        if level == 1:
            font.bold = True
        # The page number sits at the right margin (A4 with 2.5 cm margins: 16 cm, less a hair so LibreOffice does not wrap), after a dot leader.
        fmt.tab_stops.add_tab_stop(Cm(15.9), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    elif name in ("Author", "Date"):
        style.paragraph_format.space_after = Pt(2)
    if style.type == P:
        style.quick_style = True


def _restyle(document: Document, by_name: dict[str, BaseStyle], meta: BriefMeta, options: DocxOptions) -> None:
    body_font = options.sans_font if meta.font_family.lower().startswith("sans") else options.serif_font
    base = meta.base_size
    # Fonts on the document defaults reach every style, table and note.
    rPr = _style_xml.doc_defaults_rPr(document.styles.element)
    _oxml.set_fonts(rPr, body_font, options.east_asia_font)
    normal = by_name["normal"]
    normal.font.size = Pt(base)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    sizes = {"title": base * 2.2, "subtitle": base * 1.3, "heading 1": base * 1.5,
             "heading 2": base * 1.25, "heading 3": base * 1.1, "caption": base - 1}
    for name, size in sizes.items():
        style = by_name.get(name)
        if style is None:
            continue
        # The template names theme fonts on these styles; drop them so the house font applies.
        _oxml.set_fonts(style.element.get_or_add_rPr(), body_font, None)
        style.font.size = Pt(round(size * 2) / 2)
    for name in ("heading 1", "heading 2", "heading 3"):
        by_name[name].paragraph_format.space_before = Pt(base * 1.2)
        by_name[name].paragraph_format.space_after = Pt(base * 0.4)
    quote = by_name["quote"]
    quote.paragraph_format.left_indent = Inches(0.4)
    quote.paragraph_format.right_indent = Inches(0.4)
    caption = by_name.get("caption")
    if caption is not None:
        caption.font.italic = True
        caption.font.bold = False
        caption.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    _apply_template_style(by_name, meta, options)


# BriefMeta.sizes / colours roles -> the Word styles they set.
_SIZE_STYLES = {"title": ("title",), "heading1": ("heading 1", "toc heading"), "heading2": ("heading 2",),
                "heading3": ("heading 3",), "note": ("footnote text", "endnote text")}
_COLOUR_STYLES = {"heading": ("title", "heading 1", "heading 2", "heading 3", "toc heading"),
                  "marking": ("marking",), "text": ("normal",)}


def _apply_template_style(by_name: dict[str, BaseStyle], meta: BriefMeta, options: DocxOptions) -> None:
    """A template's heading font, sizes and colours (read with defaults: older briefs have none).

    Malformed values are skipped, leaving the house style; the PDF renderer
    reports them, so the analyst hears about a bad template once.
    """
    heading_font = getattr(meta, "heading_font", None)
    if heading_font in ("serif", "sans"):
        font = options.serif_font if heading_font == "serif" else options.sans_font
        for name in ("title", "subtitle", "heading 1", "heading 2", "heading 3", "toc heading"):
            if name in by_name:
                _oxml.set_fonts(by_name[name].element.get_or_add_rPr(), font, None)
    for role, size in (getattr(meta, "sizes", None) or {}).items():
        if isinstance(size, (int, float)) and 4 <= size <= 72:
            for name in _SIZE_STYLES.get(role, ()):
                if name in by_name:
                    by_name[name].font.size = Pt(round(size * 2) / 2)
    for role, colour in (getattr(meta, "colours", None) or {}).items():
        if isinstance(colour, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
            for name in _COLOUR_STYLES.get(role, ()):
                if name in by_name:
                    by_name[name].font.color.rgb = RGBColor.from_string(colour[1:].upper())


def _set_language(document: Document, language: str) -> None:
    # Proofing language for the whole document; Hangul runs add their own eastAsia language.
    rPr = _style_xml.doc_defaults_rPr(document.styles.element)
    current_val = _oxml.lang_of(rPr)
    primary = (language or "en").split("-")[0].lower()
    if current_val and current_val.split("-")[0].lower() == primary and "-" not in language:
        return  # the template's "en-GB" is a better guess than our "en-US" for a bare "en"
    _oxml.set_lang(rPr, val=_WORD_LANG.get(language.lower(), language) if language else "en-US", east_asia="ko-KR")
