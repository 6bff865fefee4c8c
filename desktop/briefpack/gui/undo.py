"""Undoable edits of the open project: one ``QUndoCommand`` per kind of change, holding the values before and after.

``ProjectSession`` makes every edit itself, then pushes one of these onto
its ``QUndoStack`` already done (the first ``redo`` the stack calls does
nothing). Later Undo and Redo hand the stored values back to the session's
``_put_*`` methods, which store them and emit the same change signals as the
edit did, so the views refresh the same way. Consecutive keystrokes in one
text field (a brief property, an item's note or paraphrase) merge into one
command, so Undo does not go back character by character. The command texts
("Choose theme Military") are what the Edit menu shows after "Undo".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from briefpack.analysis import theme_edits as te
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag

if TYPE_CHECKING:
    from briefpack.gui.session import ProjectSession

# Merge ids (QUndoCommand.id): commands with the same id may merge when their merge keys match too.
SETTINGS_TEXT_ID = 1
SELECTION_TEXT_ID = 2

# Settings fields typed into a text box: consecutive edits of one of them merge.
TYPED_SETTINGS = frozenset({"title", "author", "marking", "summary"})
SETTINGS_TEXT = {
    "title": "Edit title",
    "author": "Edit author",
    "marking": "Change marking",
    "summary": "Edit summary",
    "template": "Change template",
    "style": "Change citation style",
    "date": "Change date",
    "sections": "Edit section text",
}
# Item treatment fields typed into a text box.
TYPED_TREATMENT = frozenset({"note", "paraphrase"})


class _Edit(QUndoCommand):
    """A command pushed after its edit was made: the stack's first ``redo`` is skipped."""

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        with self._session._replaying():
            self._redo()

    def undo(self) -> None:
        with self._session._replaying():
            self._undo()

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class _ValueEdit(_Edit):
    """An edit that replaced one value by another; ``put`` stores a value in the session."""

    merge_id = -1

    def __init__(self, session, text: str, before, after, put: Callable[[Any], None], merge_key: str | None) -> None:
        super().__init__(session, text)
        self.before, self.after = before, after
        self._put = put
        self._merge_key = merge_key

    def id(self) -> int:
        return self.merge_id if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if type(other) is not type(self) or other._merge_key != self._merge_key or other.before != self.after:
            return False
        self.after = other.after
        # Typed back to where it started: nothing left to undo.
        self.setObsolete(self.after == self.before)
        return True

    def _redo(self) -> None:
        self._put(self.after)

    def _undo(self) -> None:
        self._put(self.before)


class SettingsEdit(_ValueEdit):
    """The brief's properties changed; typing in one field merges into one command."""

    merge_id = SETTINGS_TEXT_ID

    def __init__(self, session, before: BriefSettings, after: BriefSettings) -> None:
        changed = changed_fields(before, after)
        text = SETTINGS_TEXT.get(changed[0], "Edit brief properties") if len(changed) == 1 else "Edit brief properties"
        key = changed[0] if len(changed) == 1 and changed[0] in TYPED_SETTINGS else None
        if changed == ["sections"]:
            # The analyst's text of one section, typed a character at a time.
            edited = [k for k in {**before.sections, **after.sections} if before.sections.get(k) != after.sections.get(k)]
            key = f"sections\n{edited[0]}" if len(edited) == 1 else None
        super().__init__(session, text, before, after, session._put_settings, key)


class SelectionEdit(_ValueEdit):
    """The selection changed (themes, sources, passages, outline); typing one item's note or paraphrase merges."""

    merge_id = SELECTION_TEXT_ID

    def __init__(self, session, before: Selection, after: Selection, text: str | None = None) -> None:
        described, key = describe_selection(before, after, session.taxonomy, session.article)
        super().__init__(session, text or described, before, after, session._put_selection, key)


class CorrectionEdit(_Edit):
    """An article's corrected metadata: the whole set of corrections before and after."""

    def __init__(self, session, article_id: str, before: Mapping[str, object], after: Mapping[str, object], title: str) -> None:
        super().__init__(session, f"Correct details of {shorten(title)}")
        self.article_id, self.before, self.after = article_id, dict(before), dict(after)

    def _redo(self) -> None:
        self._session._put_corrections(self.article_id, self.after)

    def _undo(self) -> None:
        self._session._put_corrections(self.article_id, self.before)


class ReliabilityEdit(_Edit):
    """A publisher's grade before and after (``None``: not graded)."""

    def __init__(self, session, publisher: str, before: str | None, after: str | None) -> None:
        text = f"Grade {shorten(publisher)} {after}" if after is not None else f"Remove the grade of {shorten(publisher)}"
        super().__init__(session, text)
        self.publisher, self.before, self.after = publisher, before, after

    def _redo(self) -> None:
        self._session._put_reliability(self.publisher, self.after)

    def _undo(self) -> None:
        self._session._put_reliability(self.publisher, self.before)


@dataclass(frozen=True)
class ThemeState:
    """What a theme edit changes: the project's taxonomy overrides, every article's tags, the taxonomy, the selection."""

    overrides: object
    tags: dict[str, list[ThemeTag]]
    taxonomy: Taxonomy
    selection: Selection

    @classmethod
    def of(cls, session: ProjectSession) -> ThemeState:
        project = session.project
        return cls(
            project.get_meta(te.META_KEY),
            {a.id: project.tags_for(a.id) for a in project.articles},
            session.taxonomy,
            session.selection,
        )


class ThemesEdit(_Edit):
    """The themes were edited and every article re-tagged; undo puts back the old overrides, tags and selection."""

    def __init__(self, session, before: ThemeState, after: ThemeState) -> None:
        super().__init__(session, "Edit themes")
        self.before, self.after = before, after

    def _redo(self) -> None:
        self._session._put_themes(self.after)

    def _undo(self) -> None:
        self._session._put_themes(self.before)


class ImportEdit(_Edit):
    """Articles were imported: undo removes them (and restores the selection), redo adds them again."""

    def __init__(self, session, result, added_ids: Sequence[str], before: Selection, after: Selection) -> None:
        n = len(added_ids)
        super().__init__(session, f"Import {n} article{'s' if n != 1 else ''}")
        self.result, self.added_ids = result, tuple(added_ids)
        self.before, self.after = before, after

    def _redo(self) -> None:
        self._session._put_import(self.result, self.after)

    def _undo(self) -> None:
        self._session._put_unimport(self.added_ids, self.before)


# ------------------------------------------------------------------ texts


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for menu texts."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def changed_fields(before, after) -> list[str]:
    """The names of the dataclass fields that differ between two values of one dataclass."""
    return [f.name for f in fields(before) if getattr(before, f.name) != getattr(after, f.name)]


def describe_selection(
    before: Selection, after: Selection, taxonomy: Taxonomy, article: Callable[[str], object]
) -> tuple[str, str | None]:
    """The menu text of a selection change and its merge key (``None``: never merges).

    Only typing into one item's note or paraphrase has a merge key, so a run of
    keystrokes there is one command.
    """
    changed = changed_fields(before, after)
    if changed == ["theme_ids"]:
        return _describe_themes(before.theme_ids, after.theme_ids, taxonomy), None
    if changed == ["source_ids"]:
        return _describe_sources(before.source_ids, after.source_ids, article), None
    if changed == ["dropped"]:
        dropped, kept = after.dropped - before.dropped, before.dropped - after.dropped
        if dropped and not kept:
            return ("Leave out passage" if len(dropped) == 1 else f"Leave out {len(dropped)} passages"), None
        if kept and not dropped:
            return ("Keep passage" if len(kept) == 1 else f"Keep {len(kept)} passages"), None
        return "Change the passages kept", None
    if changed == ["added"]:
        return ("Add passage" if len(after.added) > len(before.added) else "Remove added passage"), None
    if changed == ["order"]:
        return "Reorder passages", None
    if changed == ["treatments"]:
        return _describe_treatments(before.treatments, after.treatments)
    return "Change the selection", None


def _describe_themes(before: Sequence[str], after: Sequence[str], taxonomy: Taxonomy) -> str:
    def label(theme_id: str) -> str:
        theme = taxonomy.get(theme_id)
        return getattr(theme, "label", None) or theme_id

    chosen = [t for t in after if t not in before]
    left = [t for t in before if t not in after]
    if len(chosen) == 1 and not left:
        return f"Choose theme {label(chosen[0])}"
    if len(left) == 1 and not chosen:
        return f"Leave out theme {label(left[0])}"
    if not chosen and not left:
        return "Reorder themes"
    return "Change the themes chosen"


def _describe_sources(before: Sequence[str], after: Sequence[str], article: Callable[[str], object]) -> str:
    def title(article_id: str) -> str:
        found = article(article_id)
        return shorten(getattr(found, "display_title", None) or article_id)

    if not after:
        return "Choose every source"
    if not before:  # every source was chosen: the new list leaves some out
        return "Leave out a source"
    chosen = [s for s in after if s not in before]
    left = [s for s in before if s not in after]
    if len(chosen) == 1 and not left:
        return f"Choose source {title(chosen[0])}"
    if len(left) == 1 and not chosen:
        return f"Leave out source {title(left[0])}"
    return "Change the sources chosen"


def _describe_treatments(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, str | None]:
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    if len(keys) != 1:
        return "Change how items are used", None
    key = keys[0]
    old, new = before.get(key), after.get(key)
    blank = type(new if new is not None else old)()  # a missing treatment is the default one
    old, new = old if old is not None else blank, new if new is not None else blank
    names = changed_fields(old, new)
    if len(names) != 1:
        return "Change how the item is used", None
    name = names[0]
    if name in TYPED_TREATMENT:
        return f"Edit {name}", f"{key}\n{name}"
    if name == "mode":
        return ("Paraphrase item" if new.mode == "paraphrase" else "Quote item"), None
    if name == "grade":
        return f"Grade item {new.grade}", None
    return "Change how the item is used", None
