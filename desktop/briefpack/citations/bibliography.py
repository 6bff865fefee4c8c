"""Put the formatted bibliography into a brief.

Templates mark where the list of sources goes with a heading whose role is
``"bibliography"``; the entries go right after the first such heading, one
``Para`` with role ``"bibliography"`` each, in the order the style sorted
them. A brief without that heading gets one at the end, titled the way the
two families of styles usually title the list: "Sources" under notes
(Chicago's notes-bibliography system), "References" for author-date and
other in-text styles (APA).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefpack.model.brief import Block, Heading, Inline, Para, Text

ROLE = "bibliography"
NOTE_STYLE_HEADING = "Sources"
IN_TEXT_STYLE_HEADING = "References"


def place_bibliography(
    blocks: tuple[Block, ...], entries: Sequence[tuple[Inline, ...]], *, note_style: bool
) -> tuple[Block, ...]:
    """``blocks`` with ``entries`` after the bibliography heading (added at the end when missing).

    ``blocks`` come back unchanged when ``entries`` is empty.
    """
    if not entries:
        return blocks
    paras = tuple(Para(tuple(entry), role=ROLE) for entry in entries)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.role == ROLE:
            return blocks[: index + 1] + paras + blocks[index + 1 :]
    title = NOTE_STYLE_HEADING if note_style else IN_TEXT_STYLE_HEADING
    return blocks + (Heading(1, (Text(title),), role=ROLE),) + paras
