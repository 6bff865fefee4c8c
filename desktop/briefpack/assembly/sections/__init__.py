"""The section kinds a template may name: a registry of one small function per kind.

Each entry of ``SECTION_KINDS`` maps a kind name (what a template's
``[[sections]] kind = …`` says) to a ``Kind``: the function that turns a
``Section`` and the brief's ``SectionContext`` into blocks, and the layout
variants it accepts. Adding a kind is adding a function and a row here;
``build_brief`` and the template loader need no change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefpack.assembly.sections import coverage, findings, passages, sources, written
from briefpack.assembly.sections.context import SectionContext
from briefpack.model.brief import Block


@dataclass(frozen=True, slots=True)
class Kind:
    """A section kind: ``build(section, ctx) -> blocks``; ``variants`` are the layouts it accepts (empty: one layout)."""

    build: Callable[..., list[Block]]
    variants: tuple[str, ...] = ()
    description: str = ""
    # True when the section shows analysis findings, so composing runs the analysis first.
    uses_findings: bool = False
    # True when the section prints the analyst's text (``BriefSettings.sections[section.text_key]``), so the outline offers an editor.
    analyst_text: bool = False
    # True when the section prints source grades: a template that has one shows each quoted item's grade code too.
    shows_grades: bool = False


SECTION_KINDS: dict[str, Kind] = {
    "summary": Kind(written.summary, (), "the analyst's summary", analyst_text=True),
    "bluf": Kind(written.summary, (), "bottom line up front (the analyst's)", analyst_text=True),
    "key_judgments": Kind(written.key_judgments, (), "the analyst's judgments, ICD 203 scale offered", analyst_text=True),
    "lines_to_take": Kind(written.lines_to_take, (), "lines to take, with “If asked” lines apart", analyst_text=True),
    "background": Kind(written.text, (), "the analyst's background text", analyst_text=True),
    "text": Kind(written.text, (), "any analyst-written section", analyst_text=True),
    "themes": Kind(passages.themes, ("quotes", "digest"), "one section per chosen theme"),
    "timeline": Kind(findings.timeline, (), "dated events table", uses_findings=True),
    "key_figures": Kind(findings.key_figures, ("table", "list"), "figures table or list", uses_findings=True),
    "people": Kind(findings.people, (), "pen portraits of people with roles", uses_findings=True),
    "corroboration": Kind(findings.corroboration, (), "statements reported by two or more sources", uses_findings=True),
    "coverage": Kind(coverage.coverage, (), "theme × source chart and table"),
    "source_summary": Kind(sources.source_summary, (), "ICD 206 source summary statement", uses_findings=True, analyst_text=True),
    "source_descriptors": Kind(sources.source_descriptors, (), "sources with descriptors and grades", uses_findings=True, shows_grades=True),
    "sources": Kind(sources.sources, (), "the bibliography"),
}


def uses_findings(template) -> bool:
    """True when any section of ``template`` shows analysis findings."""
    return any(SECTION_KINDS[s.kind].uses_findings for s in template.sections if s.kind in SECTION_KINDS)


def shows_grades(template) -> bool:
    """True when any section of ``template`` prints source grades, so quoted items carry their grade code."""
    return any(SECTION_KINDS[s.kind].shows_grades for s in template.sections if s.kind in SECTION_KINDS)


def written_keys(template) -> list[str]:
    """The keys (``Section.text_key``) of the analyst-written sections of ``template``, in template order, each once."""
    keys: list[str] = []
    for s in template.sections:
        if s.kind in SECTION_KINDS and SECTION_KINDS[s.kind].analyst_text and s.text_key not in keys:
            keys.append(s.text_key)
    return keys


__all__ = ["SECTION_KINDS", "Kind", "SectionContext", "shows_grades", "uses_findings", "written_keys"]
