"""Raw WordprocessingML for fields, bookmarks and the table of contents (python-docx has no API for them).

A complex field is ``begin`` / instruction / ``separate`` / shown result /
``end``, each a run. ``add_field`` writes one inside a paragraph (``PAGE``,
``NUMPAGES``, ``SEQ``); ``open_field`` and ``close_field`` let a field's
result span paragraphs, as a ``TOC`` field's does. The table of contents is
built from these: a ``TOC`` field marked dirty, links to ``_Toc`` bookmarks,
and ``w:updateFields`` in the settings so Word refreshes the table when the
file opens. Like ``_oxml``, nothing here knows the Brief model.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# What follows w:updateFields in the schema's order of settings.xml children.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def _run_with(paragraph: Paragraph, child, parent=None) -> Run:
    r = OxmlElement("w:r")
    r.append(child)
    (paragraph._p if parent is None else parent).append(r)
    return Run(r, paragraph)


def open_field(paragraph: Paragraph, instruction: str, *, dirty: bool = False, parent=None) -> None:
    """Append a field's ``begin``, instruction and ``separate``; the result runs come next.

    ``dirty`` asks Word to recompute the field when the document opens.
    ``parent`` is the element the runs go into (a ``w:hyperlink``); ``None``: the paragraph.
    """
    begin = OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"})
    if dirty:
        begin.set(qn("w:dirty"), "true")
    _run_with(paragraph, begin, parent)
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    _run_with(paragraph, instr, parent)
    _run_with(paragraph, OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}), parent)


def close_field(paragraph: Paragraph, parent=None) -> None:
    """Append the ``end`` of the field last opened (possibly in an earlier paragraph)."""
    _run_with(paragraph, OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}), parent)


def add_field(paragraph: Paragraph, instruction: str, shown: str, parent=None) -> Run:
    """Append a complex field (``PAGE``, ``NUMPAGES`` …) showing ``shown`` until Word updates it.

    Returns the run holding ``shown``, for formatting it.
    """
    open_field(paragraph, instruction, parent=parent)
    t = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    t.text = shown
    shown_run = _run_with(paragraph, t, parent)
    close_field(paragraph, parent)
    return shown_run


def add_bookmark(paragraph: Paragraph, bookmark_id: int, name: str) -> None:
    """Bookmark the whole of ``paragraph``'s content as ``name`` (ids must be unique in the document)."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)}))


def add_internal_link(paragraph: Paragraph, anchor: str):
    """Append an empty ``w:hyperlink`` to bookmark ``anchor`` and return it (runs go in with ``new_run_in``)."""
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): anchor, qn("w:history"): "1"})
    paragraph._p.append(link)
    return link


def request_field_update(document) -> None:
    """Set ``w:updateFields`` in settings.xml: Word then updates every field (the TOC's pages) on opening."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is not None:
        settings.remove(existing)
    element = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
    settings.insert_element_before(element, *_AFTER_UPDATE_FIELDS)
