"""What a click means for the selection: small pure functions from one ``Selection`` to the next.

Like Anki's operations, the widgets do not change state themselves; they ask
one of these for the new value and hand it to the session. Keeping them free
of Qt makes the rules easy to test: sources where an empty choice means
"all", themes kept in taxonomy order, passages dropped by ``PickedPassage.key``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefpack.model.selection import Selection
from briefpack.model.theme import Taxonomy


class LastSourceError(ValueError):
    """Unchecking this source would leave none chosen, and an empty choice means "every source"."""


def chosen_source_ids(selection: Selection, all_ids: Sequence[str]) -> list[str]:
    """The ids of the sources the brief draws on, in project order (all of them when the choice is empty)."""
    if not selection.source_ids:
        return list(all_ids)
    wanted = set(selection.source_ids)
    return [i for i in all_ids if i in wanted]


def with_source(selection: Selection, all_ids: Sequence[str], source_id: str, chosen: bool) -> Selection:
    """The selection with one source chosen or not.

    The result keeps the store's convention explicit: when every source is
    chosen the choice is written as empty (so sources imported later are in
    too); otherwise it lists the chosen ids in project order. Raises
    ``LastSourceError`` instead of unchecking the only chosen source, because
    the empty choice that would leave means the opposite.
    """
    current = set(chosen_source_ids(selection, all_ids))
    if chosen:
        current.add(source_id)
    else:
        current.discard(source_id)
        if not current:
            raise LastSourceError("At least one source must be chosen.")
    ordered = tuple(i for i in all_ids if i in current)
    return replace(selection, source_ids=() if len(ordered) == len(all_ids) else ordered)


def with_theme(selection: Selection, taxonomy: Taxonomy, theme_id: str, chosen: bool) -> Selection:
    """The selection with one theme chosen or not; chosen themes follow taxonomy order (sections do too).

    Themes the taxonomy does not know (from an older project) keep their place at the end.
    """
    current = [t for t in selection.theme_ids if t != theme_id]
    if chosen:
        current.append(theme_id)
    order = {t: n for n, t in enumerate(taxonomy.ids)}
    ranked = sorted(current, key=lambda t: order.get(t, len(order)))
    return replace(selection, theme_ids=tuple(ranked))


def with_passage(selection: Selection, key: str, kept: bool) -> Selection:
    """The selection with one picked passage (by ``PickedPassage.key``) kept or dropped."""
    dropped = set(selection.dropped)
    if kept:
        dropped.discard(key)
    else:
        dropped.add(key)
    return replace(selection, dropped=frozenset(dropped))
