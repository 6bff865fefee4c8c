"""A statement the text attributes to state media ("state media reported", "KCNA said", "according to Xinhua").

Analysis flags these so the analyst can weigh them: a government speaking
through its own press. Part of ``Findings.attributions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefpack.model.findings import SourceRef


@dataclass(frozen=True, slots=True)
class Attribution:
    """Sentence ``text`` of block ``source`` attributes a statement to ``outlet``.

    ``outlet`` is the name as written ("KCNA") or the generic phrase
    ("state media"); ``country`` is the state it speaks for, ``None`` when
    the text does not say. ``start``/``end`` span the outlet in the block's
    text, so the reader can highlight it.
    """

    source: SourceRef
    outlet: str
    country: str | None
    text: str
    start: int
    end: int
