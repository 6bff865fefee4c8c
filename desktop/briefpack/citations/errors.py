"""The one exception the citations pass raises.

``CitationError`` means the pass could not run at all (an unknown style name, a
missing or broken CSL file, pandoc missing or failing). Problems with single
citations, such as a source id that is not in the project, are not errors:
they come back as ``Notice`` values and the pass goes on.
"""

from __future__ import annotations


class CitationError(Exception):
    """The citations pass cannot run; the message says why in words an analyst can act on."""
