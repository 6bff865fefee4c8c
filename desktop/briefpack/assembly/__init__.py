"""Assembly: the analyst's selection plus a template become a ``Brief``.

``pick_passages`` turns chosen themes and sources into the passages their
tags pick (minus what the analyst dropped, plus what they added);
``build_brief`` lays those out in the template's sections, each built by its
kind's function from the registry ``SECTION_KINDS`` (analyst text, theme
quotations, findings tables, coverage chart, source lists), with a ``Cite``
on every quoted or reported item. The citations pass and the renderers run
after this.
"""

from briefpack.assembly.build import build_brief
from briefpack.assembly.pick import pick_passages
from briefpack.assembly.sections import SECTION_KINDS, uses_findings
from briefpack.assembly.templates import Section, Template, TemplateError, available_templates, load_template

__all__ = [
    "SECTION_KINDS",
    "Section",
    "Template",
    "TemplateError",
    "available_templates",
    "build_brief",
    "load_template",
    "pick_passages",
    "uses_findings",
]
