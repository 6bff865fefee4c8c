"""Keyboard and screen-reader details of the main window's actions: shortcuts on every platform, names and descriptions.

Qt's standard key sequences are empty on some platforms (Save As and Quit
have none on Windows), so ``ensure_shortcut`` gives such an action a
fallback. ``describe_actions`` puts the shortcut in each action's tool tip
and gives every toolbar button an accessible name (the action's text without
the mnemonic ``&`` and the trailing ellipsis) and description (its status tip).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar


def plain_text(action: QAction) -> str:
    """The action's text as a person reads it: no ``&`` mnemonics, no trailing ellipsis."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def ensure_shortcut(action: QAction, fallback: str) -> None:
    """Give ``action`` the shortcut ``fallback`` when the platform's standard key left it without one."""
    if not any(not s.isEmpty() for s in action.shortcuts()):
        action.setShortcut(QKeySequence(fallback))


def describe_actions(actions: Iterable[QAction], toolbar: QToolBar | None = None) -> None:
    """Tool tips naming each action's shortcut; accessible names and descriptions on ``toolbar``'s buttons."""
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain_text(action)} ({keys})" if keys else plain_text(action))
        if not action.statusTip():
            action.setStatusTip(plain_text(action))
    if toolbar is None:
        return
    toolbar.setAccessibleName(toolbar.windowTitle() or "Toolbar")
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is None or action.isSeparator():
            continue
        button.setAccessibleName(plain_text(action))
        button.setAccessibleDescription(action.statusTip() or plain_text(action))
