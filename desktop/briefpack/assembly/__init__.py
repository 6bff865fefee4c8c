"""Assembly: the analyst's selection plus a template become a ``Brief``.

``pick_passages`` turns chosen themes and sources into the passages their
tags pick (minus what the analyst dropped, plus what they added);
``build_brief`` lays those out in the template's sections, each built by its
kind's function from the registry ``SECTION_KINDS`` (analyst text, theme
quotations, findings tables, coverage chart, source lists), with a ``Cite``
on every quoted or reported item. The citations pass and the renderers run
after this.

The names are loaded on first use (module ``__getattr__``): a window that
needs only ``pick`` and ``templates`` when it opens does not pay for
loading ``build`` and every section kind.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefpack.assembly.build import build_brief
    from briefpack.assembly.pick import pick_passages
    from briefpack.assembly.sections import SECTION_KINDS, uses_findings
    from briefpack.assembly.templates import Section, Template, TemplateError, available_templates, load_template

# Each exported name and the submodule that defines it.
_HOMES = {
    "build_brief": "build",
    "pick_passages": "pick",
    "SECTION_KINDS": "sections",
    "uses_findings": "sections",
    "Section": "templates",
    "Template": "templates",
    "TemplateError": "templates",
    "available_templates": "templates",
    "load_template": "templates",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


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
