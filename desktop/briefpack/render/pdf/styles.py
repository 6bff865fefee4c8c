"""The PDF house style as data: one table of named paragraph styles, scaled from the brief's base size.

Handlers refer to styles only by name (``"body"``, ``"h2"``, ``"footnote"``
…); ``SHEET`` says what each looks like, in multiples of ``BriefMeta.base_size``
so that a template asking for 11 pt body text gets every other size in
proportion. ``"body"`` and ``"heading"`` in a spec name a font role, resolved
from ``BriefMeta.font_family``: a serif brief sets text in Noto Serif and
headings in Noto Sans, a sans brief sets both in Noto Sans. Colours and rule
weights for the page furniture live here too, so restyling is one edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from briefpack.model.brief import BriefMeta
from briefpack.render.pdf.fonts import SANS, SERIF, face_name

ACCENT = "#1F3A5F"  # headings, title rule
MARKING = "#9B1C1C"  # handling marking: the convention is a strong red
MUTED = "#5B6470"  # bylines, captions, page furniture
RULE = "#9AA3AE"  # header/footer and footnote rules
TABLE_HEAD_BG = "#E8EDF3"
TABLE_GRID = "#A7B0BC"

# Colour roles a template may set (BriefMeta.colours), with the house defaults. SHEET names a
# role where it means "whatever this brief's heading colour is"; a literal "#RRGGBB" stays fixed.
DEFAULT_COLOURS = {"text": "#111111", "heading": ACCENT, "accent": ACCENT, "marking": MARKING, "muted": MUTED,
                   "rule": RULE, "table_header": TABLE_HEAD_BG, "table_grid": TABLE_GRID}
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
# BriefMeta.sizes roles (points) -> the styles they set.
_SIZE_ROLES = {"title": ("title", "cover_title"), "heading1": ("h1", "toc_title"), "heading2": ("h2",),
               "heading3": ("h3",), "note": ("footnote",)}

# Keys: parent, font ("body"|"heading"), bold, italic, size (× base), leading
# (× own size), before/after (× base), indent/right/first/bullet_indent (× base),
# align, color, keep (keep with next).
SHEET: dict[str, dict[str, Any]] = {
    # Ragged right: reportlab has no hyphenation here, and justified briefs then show rivers.
    "body": dict(font="body", size=1.0, leading=1.45, after=0.65, align="left"),
    "placeholder": dict(parent="body", italic=True, color="#6B7280", align="left"),
    "quote": dict(parent="body", size=0.96, indent=2.2, right=2.2, color="#2F3A46", before=0.15, after=0.85),
    "bullet": dict(parent="body", indent=1.7, bullet_indent=0.55, after=0.3, align="left"),
    "bibliography": dict(parent="body", indent=2.2, first=-2.2, after=0.45, align="left"),
    "h1": dict(font="heading", bold=True, size=1.42, leading=1.25, before=1.25, after=0.5, color="heading", keep=True),
    "h2": dict(font="heading", bold=True, size=1.18, leading=1.25, before=0.95, after=0.4, color="heading", keep=True),
    "h3": dict(font="heading", bold=True, size=1.03, leading=1.3, before=0.8, after=0.3, color="#2F3A46", keep=True),
    "marking": dict(font="heading", bold=True, size=0.88, leading=1.2, after=0.9, color="marking"),
    "title": dict(font="heading", bold=True, size=2.1, leading=1.18, after=0.35, color="heading"),
    "subtitle": dict(font="heading", size=1.25, leading=1.3, after=0.3, color="#374151"),
    "byline": dict(font="heading", size=0.92, leading=1.3, after=0.3, color="muted"),
    "cell": dict(parent="body", size=0.9, leading=1.3, after=0, align="left"),
    "cell_head": dict(parent="cell", font="heading", bold=True, color="heading"),
    "caption": dict(parent="body", font="heading", size=0.85, leading=1.35, before=0.35, after=0.9, color="muted"),
    "table_caption": dict(parent="caption", before=0.4, after=0.35, keep=True),
    "figure_caption": dict(parent="caption", align="center"),
    "footnote": dict(font="body", size=0.78, leading=1.32, indent=1.7, bullet_indent=0, after=0.18, align="left"),
    "endnote": dict(parent="footnote", size=0.9, indent=2.0, after=0.4),
    # The cover page and the table of contents (front.py).
    "cover_marking": dict(font="heading", bold=True, size=1.0, leading=1.3, after=0, color="marking", align="center"),
    "cover_kicker": dict(font="heading", bold=True, size=0.9, leading=1.3, after=0.6, color="muted"),
    "cover_title": dict(font="heading", bold=True, size=2.7, leading=1.15, after=0.7, color="heading"),
    "cover_subtitle": dict(font="heading", size=1.4, leading=1.3, after=0.4, color="#374151"),
    "cover_byline": dict(font="heading", size=1.05, leading=1.45, after=0.1, color="#374151"),
    "toc_title": dict(font="heading", bold=True, size=1.42, leading=1.25, before=0.4, after=0.9, color="heading"),
    "toc1": dict(font="heading", bold=True, size=1.0, leading=1.35, before=0.45, after=0.1, color="#1F2937",
                 right=2.4),
    "toc2": dict(font="body", size=0.96, leading=1.35, indent=1.5, after=0.05, color="#374151", right=2.4),
    "toc3": dict(font="body", size=0.92, leading=1.35, indent=3.0, after=0.05, color="muted", right=2.4),
}

# Page furniture (drawn on the canvas, not flowed).
CHROME = dict(size=0.76, rule_width=0.4, footnote_rule_width=0.5, footnote_rule_fraction=0.3)

_ALIGN = {"left": TA_LEFT, "justify": TA_JUSTIFY, "center": TA_CENTER}


@dataclass(frozen=True, slots=True)
class StyleSet:
    """The resolved styles for one brief: reportlab ``ParagraphStyle`` by name, plus the fonts chosen."""

    para: dict[str, ParagraphStyle]
    base: float
    body_family: str
    heading_family: str
    colours: dict[str, str]  # role -> "#RRGGBB", every role of DEFAULT_COLOURS present

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.para[name]


def _resolve(name: str) -> dict[str, Any]:
    spec = dict(SHEET[name])
    parent = spec.pop("parent", None)
    return {**_resolve(parent), **spec} if parent else spec


def build_styles(meta: BriefMeta) -> StyleSet:
    """Resolve ``SHEET`` for ``meta``'s fonts, base size and a template's colours and sizes.

    A base size ≤ 0 falls back to 10.5 pt. The template fields (``heading_font``,
    ``colours``, ``sizes``) are read with defaults, so a ``BriefMeta`` without
    them, or with a malformed colour or size, gets the house style.
    """
    base = meta.base_size if meta.base_size and meta.base_size > 0 else 10.5
    body = SANS if meta.font_family == "sans" else SERIF
    heading_font = getattr(meta, "heading_font", None)
    heading = SERIF if heading_font == "serif" else SANS
    families = {"body": body, "heading": heading}
    colours = dict(DEFAULT_COLOURS)
    for role, value in (getattr(meta, "colours", None) or {}).items():
        if role in colours and isinstance(value, str) and _HEX.match(value):
            colours[role] = value
    sizes: dict[str, float] = {}
    for role, value in (getattr(meta, "sizes", None) or {}).items():
        if role in _SIZE_ROLES and isinstance(value, (int, float)) and 4 <= value <= 72:
            sizes.update({name: float(value) for name in _SIZE_ROLES[role]})
    para: dict[str, ParagraphStyle] = {}
    for name in SHEET:
        spec = _resolve(name)
        family = families[spec.get("font", "body")]
        size = sizes.get(name, base * spec.get("size", 1.0))
        para[name] = ParagraphStyle(
            name,
            fontName=face_name(family, spec.get("bold", False), spec.get("italic", False)),
            fontSize=size,
            leading=size * spec.get("leading", 1.45),
            spaceBefore=base * spec.get("before", 0),
            spaceAfter=base * spec.get("after", 0),
            leftIndent=base * spec.get("indent", 0),
            rightIndent=base * spec.get("right", 0),
            firstLineIndent=base * spec.get("first", 0),
            bulletIndent=base * spec.get("bullet_indent", 0),
            # Never let reportlab fall back to Helvetica for bullets: it would be a
            # non-embedded standard-14 font in the file.
            bulletFontName=face_name(family),
            bulletFontSize=size,
            alignment=_ALIGN[spec.get("align", "left")],
            textColor=HexColor(colours.get(spec.get("color", "text"), spec.get("color", "#111111"))),
            keepWithNext=int(spec.get("keep", False)),
            allowWidows=0,
        )
    return StyleSet(para, base, body, heading, colours)
