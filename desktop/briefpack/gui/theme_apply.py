"""The window's side of the theme editor: the project's own themes in the session, and saving an edit.

``use_project_themes`` gives a session the project's taxonomy (the defaults
plus the analyst's overrides); ``edit_themes`` runs ``ThemeEditorDialog`` for
the window and ``apply_themes`` stores its result as overrides in the project,
re-tags every article and tells the views, so the themes list refreshes, as
one edit the analyst can undo (``ProjectSession.edit_themes``).
Call everything here from the UI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from briefpack.analysis import theme_edits as te
from briefpack.model.notice import Notice
from briefpack.model.theme import Taxonomy


def use_project_themes(session) -> tuple[Notice, ...]:
    """Give ``session`` its project's own taxonomy (defaults plus overrides); the notices say what no longer applied."""
    # The session's copy of the shipped defaults, when it has one: reading them again costs a tenth of a second.
    taxonomy, notices = te.project_taxonomy_with_notices(session.project, getattr(session, "shipped_taxonomy", None))
    session.taxonomy = taxonomy
    return notices


def apply_themes(session, taxonomy: Taxonomy) -> int:
    """Store ``taxonomy`` in the session's project as overrides, re-tag every article and tell the views; returns articles re-tagged.

    Themes that are gone leave the selection, so the brief has no empty
    section for them. The overrides and tags are unsaved changes like any
    other, and Undo ("Undo Edit themes") puts back the old ones.
    """
    return session.edit_themes(taxonomy)


def edit_themes(window) -> bool:
    """Run the editor for the window's session; ``True`` when the analyst changed the themes (they are then applied)."""
    session = getattr(window, "session", None)
    if session is None:
        return False
    # Imported on first use: the editor's suggestions bring in keyphrase mining, which the first paint does not need.
    from briefpack.gui.theme_editor import ThemeEditorDialog

    dialog = ThemeEditorDialog(session.taxonomy, session.articles, parent=window, runner=getattr(window, "runner", None))
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changed:
            return False
        taxonomy = dialog.taxonomy
    finally:
        # Owned by the window until Qt deletes it; never left for Python's collector to delete under Qt.
        dialog.deleteLater()
    count = apply_themes(session, taxonomy)
    window.statusBar().showMessage(f"Themes saved; {count} source{'s' if count != 1 else ''} re-tagged.", 8000)
    return True
