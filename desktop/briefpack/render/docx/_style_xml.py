"""Style and list definitions copied or created in a DOCX's raw XML, where python-docx has no API.

A reference .docx brings its own styles and numbering; the renderer adds the
styles the brief needs that the template lacks, gives them Word's built-in
names, copies a style and the list it is tied to from another document, and
sets the document-wide default run properties. ``render.docx.styles`` decides
what to copy or add; this module only knows the ``w:`` elements.
"""

from __future__ import annotations

import copy

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from docx.styles.style import StyleFactory


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
