"""The main window's actions, menus and toolbar: what each command is called, its shortcut, icon and slot.

``build_actions`` creates every ``QAction`` as an attribute of the window
(``window.save_action`` …), so tests and controllers reach them by name, and
lays them out in the File, Edit, View and Help menus and the toolbar. What
an action does lives in the window and its controllers; this module only
wires commands to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

from briefpack.gui import accessibility, preferences
from briefpack.gui.icons import pdf_icon, word_icon

if TYPE_CHECKING:
    from briefpack.gui.main_window import MainWindow


def build_actions(window: MainWindow) -> None:
    """Create the window's actions, fill its menus and toolbar."""
    icon = window.style().standardIcon
    px = QStyle.StandardPixmap

    def action(text: str, slot, shortcut=None, pixmap=None, tip: str = "") -> QAction:
        if isinstance(pixmap, QStyle.StandardPixmap):
            pixmap = icon(pixmap)
        act = QAction(pixmap, text, window) if pixmap is not None else QAction(text, window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip)
        act.triggered.connect(slot)
        return act

    window.new_action = action("&New project…", window.files.new_project, QKeySequence.StandardKey.New, px.SP_FileIcon)
    window.open_action = action(
        "&Open project…", window.files.open_project, QKeySequence.StandardKey.Open, px.SP_DialogOpenButton, "Open a .briefpack project"
    )
    window.save_action = action("&Save", window.files.save, QKeySequence.StandardKey.Save, px.SP_DialogSaveButton)
    window.save_as_action = action("Save &As…", window.files.save_as, QKeySequence.StandardKey.SaveAs)
    window.import_action = action(
        "&Import files…", window.import_files, "Ctrl+I", px.SP_FileDialogNewFolder, "Add articles to the project"
    )
    window.paste_action = action(
        "&Paste article", window.paste_article, "Ctrl+Shift+V", px.SP_DialogApplyButton,
        "Import the text or HTML on the clipboard as an article",
    )
    window.export_pdf_action = action(
        "Export &PDF…", lambda: window.export("pdf"), "Ctrl+E", pdf_icon(), "Compose the brief and write a PDF"
    )
    window.export_docx_action = action(
        "Export &Word…", lambda: window.export("docx"), "Ctrl+Shift+E", word_icon(), "Compose the brief and write a Word file"
    )
    window.quit_action = action("&Quit", window.close, QKeySequence.StandardKey.Quit)
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.warnings_action = action("&Warnings", window.show_warnings, tip="Show the Warnings tab")
    window.about_action = action("&About briefpack", window.about)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.first_brief_action = action(
        "How to build your first &brief", window.show_first_brief_guide, tip="The five steps from sources to an exported brief"
    )
    window.undo_action = window.undo_group.createUndoAction(window, "&Undo")
    window.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_group.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.preferences_action = action(
        "Prefere&nces…", lambda: preferences.edit_preferences(window), QKeySequence.StandardKey.Preferences,
        tip="How often recovery copies of unsaved work are kept",
    )
    window.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    for act, fallback in ((window.save_as_action, "Ctrl+Shift+S"), (window.quit_action, "Ctrl+Q"),
                          (window.preferences_action, "Ctrl+,"), (window.undo_action, "Ctrl+Z")):
        accessibility.ensure_shortcut(act, fallback)  # standard keys some platforms leave empty

    file_menu = window.menuBar().addMenu("&File")
    for act in (window.new_action, window.open_action, window.save_action, window.save_as_action, None,
                window.import_action, window.paste_action, None, window.export_pdf_action, window.export_docx_action, None, window.quit_action):
        file_menu.addSeparator() if act is None else file_menu.addAction(act)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    file_menu.insertMenu(window.save_action, window.recent_menu)
    window.files.fill_recent_menu(window.recent_menu)
    window.edit_menu = window.menuBar().addMenu("&Edit")
    for act in (window.undo_action, window.redo_action, None, window.preferences_action):
        window.edit_menu.addSeparator() if act is None else window.edit_menu.addAction(act)
    window.menuBar().addMenu("&View").addAction(window.warnings_action)
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(window.first_brief_action)
    help_menu.addAction(window.about_action)

    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for act in (window.open_action, window.save_action, None, window.import_action, None,
                window.export_pdf_action, window.export_docx_action):
        toolbar.addSeparator() if act is None else toolbar.addAction(act)
    accessibility.describe_actions(
        (window.new_action, window.open_action, window.save_action, window.save_as_action, window.import_action,
         window.paste_action, window.export_pdf_action, window.export_docx_action, window.preferences_action,
         window.quit_action, window.warnings_action),
        toolbar,
    )
