"""The main window's arrangement: three columns of panels, and the status bar's permanent widgets.

``lay_out_desk`` puts the sources and themes on the left (one above the
other), the passages, outline, coverage map and reader as tabs in the
middle, and the brief's properties above the preview, findings and warnings
tabs on the right, in a splitter whose columns share the width by
``SPLIT_PROPORTIONS``. ``add_status_widgets`` adds the brief's counts and
the warnings button to the status bar. Both set the widgets they make as
attributes of the window (``middle_tabs``, ``right_tabs``, ``splitter``,
``counts_label``, ``warnings_button``), as ``gui.menus`` does its actions;
named splitters keep their sizes between runs (``gui.preferences``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget

from briefpack.gui.findings import preview_tabs

if TYPE_CHECKING:
    from briefpack.gui.main_window import MainWindow

# Left, middle, right at 1280 px: the sources table wide enough that titles read after its narrow columns,
# the passages a little narrower, the brief (properties and preview) widest.
SPLIT_PROPORTIONS = (35, 29, 36)


def lay_out_desk(window: MainWindow) -> None:
    """Arrange ``window``'s panels in three columns and make them its central widget, sized for 1280 px."""
    left = QSplitter(Qt.Orientation.Vertical)
    left.setObjectName("sourcesAndThemes")  # named splitters keep their sizes between runs
    left.addWidget(window.sources)
    left.addWidget(window.themes)
    # Even shares: the sources table gains rows, and the twelve default themes still fit without scrolling.
    left.setStretchFactor(0, 1)
    left.setStretchFactor(1, 1)
    # The middle and right columns are tab stacks: each panel of the desk is one tab.
    window.middle_tabs = QTabWidget()
    window.middle_tabs.setDocumentMode(True)
    window.middle_tabs.addTab(window.passages, "Passages")
    window.middle_tabs.addTab(window.outline, "Outline")
    # A passage dragged from the Passages tab opens the Outline tab when held over it, to be dropped there.
    window.middle_tabs.tabBar().setChangeCurrentOnDrag(True)
    window.middle_tabs.tabBar().setAcceptDrops(True)
    window.middle_tabs.addTab(window.coverage, "Coverage")
    window.middle_tabs.addTab(window.reader, "Reader")
    window.right_tabs = preview_tabs(window.preview, window.findings)
    window.right_tabs.addTab(window.warnings, "Warnings")
    right = QWidget()
    column = QVBoxLayout(right)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(window.properties)
    column.addWidget(window.right_tabs, 1)
    window.splitter = QSplitter(Qt.Orientation.Horizontal)
    window.splitter.setObjectName("columns")
    for widget in (left, window.middle_tabs, right):
        window.splitter.addWidget(widget)
    window.splitter.setChildrenCollapsible(False)
    for n, share in enumerate(SPLIT_PROPORTIONS):
        window.splitter.setStretchFactor(n, share)
    window.setCentralWidget(window.splitter)
    window.resize(1280, 800)
    window.splitter.setSizes([1280 * s // 100 for s in SPLIT_PROPORTIONS])


def add_status_widgets(window: MainWindow) -> None:
    """Add the brief's counts and the warnings button (which opens the Warnings tab) to ``window``'s status bar."""
    window.counts_label = QLabel()
    window.counts_label.setAccessibleName("Brief contents")
    window.counts_label.setAccessibleDescription("Sources, themes and passages the brief draws on")
    window.warnings_button = QToolButton()
    window.warnings_button.setAutoRaise(True)
    window.warnings_button.setAccessibleName("Warnings")
    window.warnings_button.setAccessibleDescription("Show the warnings about the sources and the brief")
    window.warnings_button.clicked.connect(window.show_warnings)
    window.statusBar().addPermanentWidget(window.counts_label)
    window.statusBar().addPermanentWidget(window.warnings_button)
