"""The private XML layer of the DOCX renderer: everything python-docx has no public API for.

python-docx offers thin objects over WordprocessingML but nothing for notes,
hyperlinks, East Asian fonts or repeating table headers (fields, bookmarks
and the table of contents are in ``_fields``). This module
is the one place that builds raw ``w:`` elements for those, so the rest of the
renderer works with python-docx objects and names, never with tags. The
elements written most often (paragraphs, runs, their styles and note marks)
are built here directly with lxml in schema order: python-docx's generic
setters search the schema's successor lists on every call, which made a long
brief's export several times slower than the XML it writes needs. Strings
reach it already cleaned (``render._text.clean_text``, via ``Context.clean``),
since XML 1.0 forbids most control characters and lxml raises on them.
Nothing here knows the Brief model.
"""

from __future__ import annotations

import copy
from typing import Literal

from lxml.etree import SubElement

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from docx.parts.story import StoryPart
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph
from docx.text.run import Run

NoteKind = Literal["footnote", "endnote"]

# Clark names of the elements built on the fast paths, computed once.
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE = (qn(f"w:{t}") for t in ("p", "pPr", "pStyle", "r", "rPr", "rStyle"))
_RFONTS, _B, _I, _LANG, _T, _SECTPR = (qn(f"w:{t}") for t in ("rFonts", "b", "i", "lang", "t", "sectPr"))
_VAL, _ID, _EAST_ASIA, _SPACE = qn("w:val"), qn("w:id"), qn("w:eastAsia"), qn("xml:space")
_HYPERLINK, _RID, _HISTORY = qn("w:hyperlink"), qn("r:id"), qn("w:history")
_STYLE_ID, _DEFAULT = qn("w:styleId"), qn("w:default")

# ------------------------------------------------------------------ notes parts

_NOTES = {
    "footnote": (CT.WML_FOOTNOTES, RT.FOOTNOTES, "/word/footnotes.xml"),
    "endnote": (CT.WML_ENDNOTES, RT.ENDNOTES, "/word/endnotes.xml"),
}


class NotesPart(StoryPart):
    """``/word/footnotes.xml`` or ``/word/endnotes.xml``: a story part holding ``w:footnote``/``w:endnote``.

    Subclassing ``StoryPart`` lets python-docx ``Paragraph`` objects live inside
    a note: style look-ups go to the main document, and hyperlinks and images
    get relationships from this part, where Word expects them.
    """

    kind: NoteKind

    @classmethod
    def new(cls, document_part: DocumentPart, kind: NoteKind) -> "NotesPart":
        """A fresh notes part related from ``document_part``, replacing any the template had."""
        content_type, reltype, partname = _NOTES[kind]
        for rId, rel in list(document_part.rels.items()):
            # A reference .docx may bring its own notes; its body is gone, so they are orphans.
            if rel.reltype == reltype:
                document_part.drop_rel(rId)
        tag = f"w:{kind}"
        # Word requires the two separator notes (ids -1 and 0) that draw the rule above notes.
        element = parse_xml(
            f"<w:{kind}s {nsdecls('w', 'r')}>"
            f'<{tag} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:r><w:separator/></w:r></w:p></{tag}>"
            f'<{tag} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:r><w:continuationSeparator/></w:r></w:p></{tag}>"
            f"</w:{kind}s>"
        )
        part = cls(PackURI(partname), content_type, element, document_part.package)
        part.kind = kind
        document_part.relate_to(part, reltype)
        _declare_separators(document_part, kind)
        return part

    def add_note(self, note_id: int) -> Paragraph:
        """Append an empty note ``note_id`` and return its first paragraph (no style yet)."""
        note = SubElement(self.element, qn(f"w:{self.kind}"), {_ID: str(note_id)})
        return self.add_paragraph_to(note)

    def add_paragraph_to(self, note) -> Paragraph:
        """Append a paragraph to the ``w:footnote``/``w:endnote`` element ``note``."""
        return Paragraph(SubElement(note, _P), self)


def _declare_separators(document_part: DocumentPart, kind: NoteKind) -> None:
    # Word writes <w:footnotePr> with the separator ids into settings.xml; some
    # versions redraw the separators wrongly without it.
    settings = document_part._settings_part.element
    tag = f"w:{kind}Pr"
    if settings.find(qn(tag)) is not None:
        settings.remove(settings.find(qn(tag)))
    props = parse_xml(f'<{tag} {nsdecls("w")}><w:{kind} w:id="-1"/><w:{kind} w:id="0"/></{tag}>')
    successors = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                  "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                  "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                  "w:smartTagType", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                  "w:listSeparator")
    settings.insert_element_before(props, *(successors[1:] if kind == "endnote" else successors))


def add_note_reference(run: Run, kind: NoteKind, note_id: int) -> None:
    """Make ``run`` the in-text mark of note ``note_id`` (a ``w:footnoteReference``)."""
    SubElement(run._r, qn(f"w:{kind}Reference"), {_ID: str(note_id)})


def add_note_ref_mark(run: Run, kind: NoteKind) -> None:
    """Make ``run`` the number at the start of a note's own text (``w:footnoteRef``)."""
    SubElement(run._r, qn(f"w:{kind}Ref"))


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


def doc_defaults_rPr(styles_element):
    """The ``w:docDefaults/w:rPrDefault/w:rPr`` of ``styles.xml``, created if the template lacks it."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rPr = rpr_default.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        rpr_default.append(rPr)
    return rPr


def add_style(styles, name: str, kind, builtin: bool):
    """A new style called ``name`` in python-docx ``styles``, which the caller knows lacks it.

    ``Styles.add_style`` first compares the name with every style the
    document has, a scan of styles.xml per style added.
    """
    return StyleFactory(styles.element.add_style_of_type(name, kind, builtin))


def set_style_name(style, name: str) -> None:
    """Give a style Word's own (often lower-case) built-in name, e.g. ``footnote text``."""
    style.element.name_val = name


def copy_style(source_styles, target_styles, name: str) -> bool:
    """Copy the style called ``name`` from one ``w:styles`` element to another; false if the source lacks it.

    The copy's ``w:link`` to a paired character style is dropped, since the
    target may not have that style.
    """
    for style in source_styles.iterchildren(qn("w:style")):
        style_name = style.find(qn("w:name"))
        if style_name is not None and style_name.get(qn("w:val")).lower() == name.lower():
            clone = copy.deepcopy(style)
            for link in clone.findall(qn("w:link")):
                clone.remove(link)
            target_styles.append(clone)
            return True
    return False


def style_num_id(style) -> int | None:
    """The list (``w:numPr/w:numId``) a paragraph style is tied to; ``None`` if none."""
    ids = style.element.xpath("w:pPr/w:numPr/w:numId/@w:val")
    return int(ids[0]) if ids else None


def set_style_num_id(style, num_id: int) -> None:
    """Tie a paragraph style that already names a list to list ``num_id`` instead."""
    for num in style.element.xpath("w:pPr/w:numPr/w:numId"):
        num.set(qn("w:val"), str(num_id))


def copy_list_definition(source: DocumentPart, target: DocumentPart, num_id: int) -> int:
    """Copy list ``num_id`` (its ``w:num`` and ``w:abstractNum``) between documents; returns its new id.

    Creates the target's numbering part if it has none (python-docx cannot).
    """
    src = source.numbering_part.element
    abstract_id = src.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0]
    abstract = copy.deepcopy(src.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_id}"]')[0])
    try:
        numbering = target.part_related_by(RT.NUMBERING).element
    except KeyError:
        numbering = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, numbering, target.package)
        target.relate_to(part, RT.NUMBERING)
    new_abstract_id = max((int(v) for v in numbering.xpath("w:abstractNum/@w:abstractNumId")), default=-1) + 1
    abstract.set(qn("w:abstractNumId"), str(new_abstract_id))
    for nsid in abstract.findall(qn("w:nsid")):
        abstract.remove(nsid)  # a list's identity; a copy must not claim the template's
    first_num = numbering.find(qn("w:num"))
    # Schema order: every w:abstractNum before the first w:num.
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.insert(0, abstract)
    return int(numbering.add_num(new_abstract_id).numId)


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
