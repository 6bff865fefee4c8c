"""The private XML layer of the DOCX renderer: everything python-docx has no public API for.

python-docx offers thin objects over WordprocessingML but nothing for
hyperlinks, East Asian fonts or repeating table headers (fields, bookmarks
and the table of contents are in ``_fields``, the notes parts in
``_notes_xml``, copied styles and lists in ``_style_xml``). This module
is the one place that builds raw ``w:`` elements for those, so the rest of the
renderer works with python-docx objects and names, never with tags. The
elements written most often (paragraphs, runs and their styles)
are built here directly with lxml in schema order: python-docx's generic
setters search the schema's successor lists on every call, which made a long
brief's export several times slower than the XML it writes needs. Strings
reach it already cleaned (``render._text.clean_text``, via ``Context.clean``),
since XML 1.0 forbids most control characters and lxml raises on them.
Nothing here knows the Brief model.
"""

from __future__ import annotations

from lxml.etree import SubElement

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Clark names of the elements built on the fast paths, computed once.
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE = (qn(f"w:{t}") for t in ("p", "pPr", "pStyle", "r", "rPr", "rStyle"))
_RFONTS, _B, _I, _LANG, _T, _SECTPR = (qn(f"w:{t}") for t in ("rFonts", "b", "i", "lang", "t", "sectPr"))
_VAL, _EAST_ASIA, _SPACE = qn("w:val"), qn("w:eastAsia"), qn("xml:space")
_HYPERLINK, _RID, _HISTORY = qn("w:hyperlink"), qn("r:id"), qn("w:history")
_STYLE_ID, _DEFAULT = qn("w:styleId"), qn("w:default")

# ------------------------------------------------------------------- styles


def apply_style(item: Paragraph | Run, style) -> None:
    """Give a paragraph or run the python-docx ``style`` object, by id.

    python-docx's ``.style = `` setter looks the style up again on every call
    (a scan of all styles for the default one), which was 70 % of a large
    export; the id is all the XML needs. The default paragraph style is
    left implicit, as Word does.
    """
    element = style.element
    style_id = element.get(_STYLE_ID)
    if isinstance(item, Paragraph):
        if element.get(_DEFAULT) in ("1", "true", "on"):
            style_id = None
        p = item._p
        if len(p) == 0:  # a new paragraph: its w:pPr, if any, goes first
            if style_id is not None:
                SubElement(SubElement(p, _PPR), _PSTYLE, {_VAL: style_id})
            return
        p.style = style_id
    else:
        r = item._r
        if len(r) == 0:  # a new run: w:rPr goes first, w:rStyle first in it
            SubElement(SubElement(r, _RPR), _RSTYLE, {_VAL: style_id})
            return
        r.style = style_id


def add_body_paragraph(document) -> Paragraph:
    """A new, empty paragraph at the end of the body, before its final section properties."""
    body = document.element.body
    p = body.makeelement(_P, {})
    # body[-1] is the w:sectPr; python-docx finds it by searching every child, which grows with the brief.
    last = body[-1] if len(body) else None
    if last is not None and last.tag == _SECTPR:
        last.addprevious(p)
    else:
        body.append(p)
    return Paragraph(p, document._body)


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    hyperlink=None,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
    east_asia: tuple[str, str] | None = None,
) -> Run:
    """Append a run holding ``text`` to ``hyperlink`` (from ``add_hyperlink``), or to ``paragraph`` when ``None``.

    ``style_id`` ``None`` means no character style; ``east_asia`` is an
    East Asian (font, proofing language) pair, ``None`` for none. The run
    properties are written in the schema's order (rStyle, rFonts, b, i, lang).
    """
    r = SubElement(paragraph._p if hyperlink is None else hyperlink, _R)
    if style_id is not None or bold or italic or east_asia is not None:
        rPr = SubElement(r, _RPR)
        if style_id is not None:
            SubElement(rPr, _RSTYLE, {_VAL: style_id})
        if east_asia is not None:
            SubElement(rPr, _RFONTS, {_EAST_ASIA: east_asia[0]})
        if bold:
            SubElement(rPr, _B)
        if italic:
            SubElement(rPr, _I)
        if east_asia is not None:
            SubElement(rPr, _LANG, {_EAST_ASIA: east_asia[1]})
    run = Run(r, paragraph)
    set_run_text(run, text)
    return run


# --------------------------------------------------------------- hyperlinks


class LinkTargets:
    """The external hyperlink relationships of one export, per part (document, notes).

    python-docx's ``relate_to`` compares a new target with every relationship
    the part has and then searches for a free id, which grows with the square
    of a long bibliography; this keeps a map and a counter instead. Ids
    python-docx hands out meanwhile (images) are skipped, never reused.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[int, str], str] = {}
        self._next: dict[int, int] = {}

    def rId(self, part, url: str) -> str:
        """The id of ``part``'s external hyperlink relationship to ``url``, created on first use."""
        key = (id(part), url)
        found = self._ids.get(key)
        if found is not None:
            return found
        rels = part.rels
        number = self._next.get(id(part))
        if number is None:
            number = 1 + max((int(r[3:]) for r in rels if r.startswith("rId") and r[3:].isdigit()), default=0)
        while f"rId{number}" in rels:
            number += 1
        rId = f"rId{number}"
        rels.add_relationship(RT.HYPERLINK, url, rId, is_external=True)
        self._next[id(part)] = number + 1
        self._ids[key] = rId
        return rId


def add_hyperlink(paragraph: Paragraph, url: str, targets: LinkTargets):
    """Append an empty ``w:hyperlink`` to ``url`` (an external relationship of the paragraph's part).

    Returns the element; callers add runs to it with ``add_run`` or ``new_run_in``.
    """
    rId = targets.rId(paragraph.part, url)
    return SubElement(paragraph._p, _HYPERLINK, {_RID: rId, _HISTORY: "1"})


def new_run_in(paragraph: Paragraph, hyperlink=None) -> Run:
    """A new run appended to ``hyperlink`` (from ``add_hyperlink``), or to ``paragraph`` when ``None``."""
    return Run(SubElement(paragraph._p if hyperlink is None else hyperlink, _R), paragraph)


def set_run_text(run: Run, text: str) -> None:
    """Put ``text`` in ``run``: one ``w:t`` (spaces kept) for plain text, python-docx's ``w:br``/``w:tab`` handling otherwise.

    python-docx walks the text a character at a time to find tabs and line
    breaks; most article text has neither, and one element is a third of a
    long brief's export time cheaper.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text
        return
    t = SubElement(run._r, _T)
    t.text = text
    if text != text.strip():
        t.set(_SPACE, "preserve")


# -------------------------------------------------------------- fonts, lang


def set_fonts(rPr, latin: str | None, east_asia: str | None) -> None:
    """Name the Latin (ascii/hAnsi/cs) and East Asian fonts on a ``w:rPr``; ``None`` leaves a slot alone.

    Theme font attributes are removed because Word lets them win over named fonts.
    """
    fonts = rPr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme") if latin else ("eastAsiaTheme",):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    if latin:
        for attr in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{attr}"), latin)
    if east_asia:
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        fonts.set(qn("w:eastAsia"), east_asia)


def set_run_east_asia(run: Run, font: str, lang: str) -> None:
    """Name the East Asian font and proofing language on one run."""
    rPr = run._r.get_or_add_rPr()
    set_fonts(rPr, None, font)
    set_lang(rPr, east_asia=lang)


def set_lang(rPr, val: str | None = None, east_asia: str | None = None) -> None:
    """Set ``w:lang`` (proofing language) on a ``w:rPr``; ``None`` leaves that attribute alone."""
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rPr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    if val:
        lang.set(qn("w:val"), val)
    if east_asia:
        lang.set(qn("w:eastAsia"), east_asia)


def lang_of(rPr) -> str | None:
    """The ``w:lang/@w:val`` of a ``w:rPr``; ``None`` if it names no language."""
    lang = rPr.find(qn("w:lang"))
    return lang.get(qn("w:val")) if lang is not None else None


# --------------------------------------------------------- tables, pictures


def repeat_as_header(row) -> None:
    """Mark a table row as a header row: Word repeats it on every page the table spans."""
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(qn("w:tblHeader")) is None:
        trPr.append(OxmlElement("w:tblHeader"))


def keep_row_whole(row) -> None:
    """Forbid a table row to break across pages (``w:cantSplit``): a timeline row reads as one item."""
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(qn("w:cantSplit")) is None:
        trPr.insert(0, OxmlElement("w:cantSplit"))


def shade_cell(cell, fill: str) -> None:
    """Give a table cell a solid background ``fill`` ("RRGGBB")."""
    tcPr = cell._tc.get_or_add_tcPr()
    for old in tcPr.findall(qn("w:shd")):
        tcPr.remove(old)
    shd = OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    # Schema order inside w:tcPr: shd comes after borders and before noWrap/margins/alignment.
    tcPr.insert_element_before(shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                               "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def set_picture_alt(inline_shape, alt: str) -> None:
    """Set the alternative text screen readers announce for an inline picture."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", alt)


# ------------------------------------------------------------------ package


def remove(block_item) -> None:
    """Take a python-docx paragraph or table out of its story."""
    element = block_item._element
    element.getparent().remove(element)


def drop_thumbnail(package) -> None:
    """Drop the template's preview image, which shows python-docx's sample page, not this brief."""
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]


def clear_body(document) -> None:
    """Remove a reference document's content, keeping its final section properties (page setup)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
