"""The notes parts of a DOCX: ``/word/footnotes.xml`` and ``/word/endnotes.xml``, and the marks that point into them.

python-docx has no API for footnotes or endnotes, so this module builds the
parts and their ``w:`` elements itself: a story part per kind with the two
separator notes Word requires, the ``settings.xml`` declaration some Word
versions need to draw them, the in-text reference mark and the number at the
start of a note's own text. ``render.docx.notes`` fills them; nothing here
knows the Brief model.
"""

from __future__ import annotations

from typing import Literal

from lxml.etree import SubElement

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart
from docx.parts.story import StoryPart
from docx.text.paragraph import Paragraph
from docx.text.run import Run

NoteKind = Literal["footnote", "endnote"]

_P, _ID = qn("w:p"), qn("w:id")

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
