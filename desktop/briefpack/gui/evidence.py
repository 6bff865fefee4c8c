"""Evidence highlighting for the passage view and the reader: which words of a passage made it speak to a theme.

``highlight_evidence`` asks ``analysis.themes.evidence_spans`` where the
evidence of each tagged theme lies in a passage, keeps the themes the
analyst chose, and returns the passage as HTML with those terms on a
background colour (one colour per theme, the same for the same theme in
every passage, with its own text colour so it reads on a dark palette
too: ``dark`` picks deep tones under light text), each span carrying its
theme and term as a tooltip, plus a one-line legend ("Diplomacy:
protocol, cooperation") to show beneath. Overlapping spans of two themes
are split so every character is marked once, with both themes named. The
reader and the sources table's theme chips use the same colours. Pure
functions (no widgets); cheap enough to call on the UI thread for one passage.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from briefpack.analysis.themes import EvidenceSpan, evidence_spans
from briefpack.model.theme import Taxonomy

# Light backgrounds that keep dark text readable, in theme order of the taxonomy.
COLOURS = ("#fff2a8", "#c8ecff", "#d5f5c8", "#ffd6e0", "#e6dcff", "#ffe2c2", "#d0f0ec", "#f0e0c8")
# The same hues, deep enough to keep light text readable on a dark palette.
DARK_COLOURS = ("#6b5a00", "#1d5673", "#2f5e22", "#7a2f45", "#4d3d80", "#7a4a14", "#1f5e57", "#5e4a2a")
TEXT_ON_LIGHT, TEXT_ON_DARK = "#1a1a1a", "#f2f2f2"


@dataclass(frozen=True, slots=True)
class Highlighted:
    """A passage as HTML with its evidence marked; ``legend`` is HTML for the line beneath, empty when nothing was marked."""

    html: str
    legend: str
    spans: tuple[EvidenceSpan, ...]


def theme_colour(taxonomy: Taxonomy, theme_id: str, dark: bool = False) -> str:
    """The background colour of ``theme_id``: fixed by its place in the taxonomy (an unknown theme gets the first)."""
    ids = taxonomy.ids
    colours = DARK_COLOURS if dark else COLOURS
    return colours[ids.index(theme_id) % len(colours)] if theme_id in ids else colours[0]


def text_colour(dark: bool = False) -> str:
    """The text colour that reads on every ``theme_colour`` of the same ``dark``."""
    return TEXT_ON_DARK if dark else TEXT_ON_LIGHT


def theme_style(taxonomy: Taxonomy, theme_id: str, dark: bool = False) -> str:
    """The CSS (background and text colour) that marks ``theme_id``."""
    return f"background-color:{theme_colour(taxonomy, theme_id, dark)}; color:{text_colour(dark)}"


def highlight_evidence(text: str, taxonomy: Taxonomy, theme_ids: Iterable[str], dark: bool = False) -> Highlighted:
    """``text`` as escaped HTML with the evidence of the themes in ``theme_ids`` marked (``dark``: colours for a dark palette)."""
    wanted = set(theme_ids)
    if not wanted:
        return Highlighted(html.escape(text), "", ())
    spans = tuple(s for s in evidence_spans(text, taxonomy) if s.theme_id in wanted and 0 <= s.start < s.end <= len(text))
    if not spans:
        return Highlighted(html.escape(text), "", ())
    label = {t: (taxonomy.get(t).label if taxonomy.get(t) else t) for t in wanted}
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = html.escape(text[start:end])
        covering = [s for s in spans if s.start <= start and end <= s.end]
        if not covering:
            parts.append(piece)
            continue
        # Qt reads the title attribute as it stands (no entities), so only the quote that would close it is changed.
        tip = "; ".join(f"{label[s.theme_id]}: {s.entry}" for s in covering).replace('"', "”")
        style = theme_style(taxonomy, covering[0].theme_id, dark)
        parts.append(f"<span style='{style}' title=\"{tip}\">{piece}</span>")
    terms: dict[str, list[str]] = {}
    for s in spans:
        if s.entry not in terms.setdefault(s.theme_id, []):
            terms[s.theme_id].append(s.entry)
    legend = " · ".join(
        f"<span style='{theme_style(taxonomy, t, dark)}'>&nbsp;{html.escape(label[t])}&nbsp;</span> "
        + html.escape(", ".join(entries))
        for t, entries in sorted(terms.items(), key=lambda kv: taxonomy.ids.index(kv[0]) if kv[0] in taxonomy.ids else 0)
    )
    return Highlighted("".join(parts), legend, spans)
