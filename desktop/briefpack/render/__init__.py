"""The table of renderers: one module per output format, each reading only a cited ``Brief``.

A renderer is a function ``render(brief, path, options) -> list[Notice]``
that writes one file and returns the warnings it has for the analyst (a
glyph no shipped font can draw, say). The brief it gets has already been
through the citations pass: it holds ``Note`` inlines and a bibliography,
never a ``Cite``. Look renderers up by format name in ``RENDERERS``. The
text rules all four share (characters to drop, which links go live, how a
date reads, column widths) live once in ``_text``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefpack.model.brief import Brief
from briefpack.model.notice import Notice


@dataclass(frozen=True, slots=True)
class Renderer:
    """A registry entry: the format's file extension and where its ``render`` function lives."""

    name: str
    extension: str
    module: str
    description: str

    def load(self) -> Callable[..., list[Notice]]:
        # Imported on first use so that, say, the CLI exporting Markdown never loads reportlab.
        return importlib.import_module(self.module).render


RENDERERS: dict[str, Renderer] = {
    r.name: r
    for r in (
        Renderer("pdf", ".pdf", "briefpack.render.pdf", "PDF (reportlab)"),
        Renderer("docx", ".docx", "briefpack.render.docx", "Word document (python-docx)"),
        Renderer("html", ".html", "briefpack.render.html", "HTML page"),
        Renderer("markdown", ".md", "briefpack.render.markdown", "Markdown"),
    )
}


def render(brief: Brief, fmt: str, path: Path, options=None) -> list[Notice]:
    """Write ``brief`` in format ``fmt`` to ``path``; ``options`` ``None`` means the renderer's defaults."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(RENDERERS)}") from None
    return renderer.load()(brief, Path(path), options)
