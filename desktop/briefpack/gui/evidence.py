"""Evidence highlighting for the passage detail view: which words of a passage made it speak to a chosen theme.

``highlight_evidence`` asks ``analysis.themes.evidence_spans`` where the
evidence of each tagged theme lies in a passage, keeps the themes the
analyst chose, and returns the passage as HTML with those terms on a
background colour (one colour per theme, the same for the same theme in
every passage), each span carrying its theme and term as a tooltip, plus a
one-line legend ("Diplomacy: protocol, cooperation") to show beneath.
Overlapping spans of two themes are split so every character is marked
once, with both themes named. Pure functions (no widgets); cheap enough
to call on the UI thread for one passage.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from briefpack.analysis.themes import EvidenceSpan, evidence_spans
from briefpack.model.theme import Taxonomy

# Light backgrounds that keep dark text readable, in theme order of the taxonomy.
COLOURS = ("#fff2a8", "#c8ecff", "#d5f5c8", "#ffd6e0", "#e6dcff", "#ffe2c2", "#d0f0ec", "#f0e0c8")


@dataclass(frozen=True, slots=True)
class Highlighted:
    """A passage as HTML with its evidence marked; ``legend`` is HTML for the line beneath, empty when nothing was marked."""

    html: str
    legend: str
    spans: tuple[EvidenceSpan, ...]


def theme_colour(taxonomy: Taxonomy, theme_id: str) -> str:
    """The background colour of ``theme_id``: fixed by its place in the taxonomy (an unknown theme gets the first)."""
    ids = taxonomy.ids
    return COLOURS[ids.index(theme_id) % len(COLOURS)] if theme_id in ids else COLOURS[0]


def highlight_evidence(text: str, taxonomy: Taxonomy, theme_ids: Iterable[str]) -> Highlighted:
    """``text`` as escaped HTML with the evidence of the themes in ``theme_ids`` on a coloured background."""
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
        colour = theme_colour(taxonomy, covering[0].theme_id)
        parts.append(f"<span style='background-color:{colour}' title=\"{tip}\">{piece}</span>")
    terms: dict[str, list[str]] = {}
    for s in spans:
        if s.entry not in terms.setdefault(s.theme_id, []):
            terms[s.theme_id].append(s.entry)
    legend = " · ".join(
        f"<span style='background-color:{theme_colour(taxonomy, t)}'>&nbsp;{html.escape(label[t])}&nbsp;</span> "
        + html.escape(", ".join(entries))
        for t, entries in sorted(terms.items(), key=lambda kv: taxonomy.ids.index(kv[0]) if kv[0] in taxonomy.ids else 0)
    )
    return Highlighted("".join(parts), legend, spans)
