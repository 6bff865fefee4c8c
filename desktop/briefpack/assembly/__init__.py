"""Assembly: the analyst's selection plus a template become a ``Brief``.

``pick_passages`` turns chosen themes and sources into the passages their
tags pick (minus what the analyst dropped, plus what they added);
``build_brief`` lays those out in the template's sections with a ``Cite`` on
every passage. The citations pass and the renderers run after this.
"""

from briefpack.assembly.build import build_brief
from briefpack.assembly.pick import pick_passages
from briefpack.assembly.templates import Template, TemplateError, available_templates, load_template

__all__ = [
    "Template",
    "TemplateError",
    "available_templates",
    "build_brief",
    "load_template",
    "pick_passages",
]
