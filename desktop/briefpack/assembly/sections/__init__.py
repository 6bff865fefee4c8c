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


SECTION_KINDS: dict[str, Kind] = {
    "summary": Kind(written.summary, (), "the analyst's summary"),
    "bluf": Kind(written.summary, (), "bottom line up front (the analyst's)"),
    "key_judgments": Kind(written.key_judgments, (), "the analyst's judgments, ICD 203 scale offered"),
    "lines_to_take": Kind(written.lines_to_take, (), "lines to take, with “If asked” lines apart"),
    "background": Kind(written.text, (), "the analyst's background text"),
    "text": Kind(written.text, (), "any analyst-written section"),
    "themes": Kind(passages.themes, ("quotes", "digest"), "one section per chosen theme"),
    "timeline": Kind(findings.timeline, (), "dated events table", uses_findings=True),
    "key_figures": Kind(findings.key_figures, ("table", "list"), "figures table or list", uses_findings=True),
    "people": Kind(findings.people, (), "pen portraits of people with roles", uses_findings=True),
    "corroboration": Kind(findings.corroboration, (), "statements reported by two or more sources", uses_findings=True),
    "coverage": Kind(coverage.coverage, (), "theme × source chart and table"),
    "source_summary": Kind(sources.source_summary, (), "ICD 206 source summary statement", uses_findings=True),
    "source_descriptors": Kind(sources.source_descriptors, (), "sources with descriptors and grades", uses_findings=True),
    "sources": Kind(sources.sources, (), "the bibliography"),
}



def uses_findings(template) -> bool:
    """True when any section of ``template`` shows analysis findings."""
    return any(SECTION_KINDS[s.kind].uses_findings for s in template.sections if s.kind in SECTION_KINDS)


__all__ = ["SECTION_KINDS", "Kind", "SectionContext", "uses_findings"]
