"""What a click means for the selection: small pure functions from one ``Selection`` (or ``BriefSettings``) to the next.

Like Anki's operations, the widgets do not change state themselves; they ask
one of these for the new value and hand it to the session. Keeping them free
of Qt makes the rules easy to test: sources where an empty choice means
"all", themes kept in taxonomy order, passages dropped by ``PickedPassage.key``,
an item moved within its theme section (the whole section's order written
down), a passage dropped into a section, an item's note, paraphrase and
grade, and the text of a written section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefpack.model.selection import BriefSettings, PickedPassage, Selection
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


# ------------------------------------------------------------- the outline


def move_item(selection: Selection, theme_id: str, section_keys: Sequence[str], key: str, to_index: int) -> Selection:
    """The selection with item ``key`` moved to position ``to_index`` of its theme section.

    ``section_keys`` is the section's items as the brief shows them now
    (``assembly.pick.pick_passages``); the whole new order is written to
    ``Selection.order``, so items picked later (a new source) land after it.
    ``to_index`` counts in the list without the moved item and is clamped to
    it. Raises ``KeyError`` when ``key`` is not in ``section_keys``.
    """
    if key not in section_keys:
        raise KeyError(key)
    keys = [k for k in section_keys if k != key]
    keys.insert(max(0, min(to_index, len(keys))), key)
    return _with_order(selection, theme_id, keys)


def place_passage(selection: Selection, picked: PickedPassage, section_keys: Sequence[str], to_index: int) -> Selection:
    """The selection with a passage dropped into its theme section (``picked.theme_id``) at ``to_index``.

    A passage the section holds already is moved; any other (one the
    analyst had dropped, or one from another theme or paragraph) is taken
    out of ``dropped`` and added by hand (``Selection.added``).
    ``section_keys`` and ``to_index`` are as for ``move_item``. A theme that
    is not chosen is left alone (its section is not in the brief).
    """
    if picked.theme_id not in selection.theme_ids:
        return selection
    keys = list(section_keys)
    if picked.key not in keys:
        keys.append(picked.key)
        # Added by hand even when the themes pick it too: the analyst put it here, so it stays if tagging changes.
        added = selection.added if any(a.key == picked.key for a in selection.added) else selection.added + (picked,)
        selection = replace(selection, dropped=selection.dropped - {picked.key}, added=added)
    return move_item(selection, picked.theme_id, keys, picked.key, to_index)


def with_note(selection: Selection, key: str, note: str) -> Selection:
    """The selection with the analyst's note on item ``key`` (blank: no note)."""
    return _with_treatment(selection, key, note=note)


def with_mode(selection: Selection, key: str, mode: str) -> Selection:
    """The selection with item ``key`` quoted (``"quote"``) or paraphrased (``"paraphrase"``); the paraphrase text is kept either way.

    Raises ``ValueError`` for another mode.
    """
    return _with_treatment(selection, key, mode=mode)


def with_paraphrase(selection: Selection, key: str, text: str) -> Selection:
    """The selection with the analyst's paraphrase of item ``key`` (it shows when the mode is ``"paraphrase"``)."""
    return _with_treatment(selection, key, paraphrase=text)


def with_grade(selection: Selection, key: str, grade: int) -> Selection:
    """The selection with item ``key`` graded 1–6 (6: truth cannot be judged, the default); raises ``ValueError`` otherwise."""
    return _with_treatment(selection, key, grade=grade)


def section_text(settings: BriefSettings, key: str) -> str:
    """The analyst's text of the written section ``key`` as the brief reads it (``"summary"`` is ``BriefSettings.summary``)."""
    if key == "summary" and settings.summary.strip():
        return settings.summary
    return settings.sections.get(key, "")


def with_section_text(settings: BriefSettings, key: str, text: str) -> BriefSettings:
    """The settings with the text of written section ``key``; blank text removes it (the placeholder shows again).

    ``"summary"`` is the one text the properties form also edits, so it is
    stored in ``BriefSettings.summary``, where that form and assembly read it.
    """
    if key == "summary":
        sections = {k: v for k, v in settings.sections.items() if k != "summary"}
        return replace(settings, summary=text, sections=sections)
    sections = dict(settings.sections)
    if text.strip():
        sections[key] = text
    else:
        sections.pop(key, None)
    return replace(settings, sections=sections)


def _with_order(selection: Selection, theme_id: str, keys: Sequence[str]) -> Selection:
    order = dict(selection.order)
    order[theme_id] = tuple(keys)
    return replace(selection, order=order)


def _with_treatment(selection: Selection, key: str, **changes) -> Selection:
    treatment = replace(selection.treatment(key), **changes)
    treatments = dict(selection.treatments)
    if treatment.is_default:
        treatments.pop(key, None)  # keep the stored selection small: a default is the same as none
    else:
        treatments[key] = treatment
    return replace(selection, treatments=treatments)
