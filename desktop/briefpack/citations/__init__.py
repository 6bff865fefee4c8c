"""Citations: the pass that formats a brief's ``Cite`` inlines with a CSL style.

DESIGN rule 3: citations are a ``Brief`` → ``Brief`` pass that runs before any
renderer. ``cite_brief`` turns every ``Cite`` into a footnote (note styles such
as Chicago) or in-text citation (author-date styles such as APA) and fills in
the bibliography; the formatting itself comes from real CSL styles (Chicago
18 with access dates, APA 7, Harvard Cite Them Right, or any ``.csl`` file) run
by pandoc's citeproc, never from code here; only the translation provenance
sentence is briefpack's own. ``available_styles`` names the shipped
styles and ``article_to_csl`` is the CSL-JSON description of an article.
"""

from briefpack.citations.cite import cite_brief
from briefpack.citations.csl_json import article_to_csl
from briefpack.citations.errors import CitationError
from briefpack.citations.styles import available_styles

__all__ = ["CitationError", "article_to_csl", "available_styles", "cite_brief"]
