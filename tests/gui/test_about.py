"""Help > About: briefpack's version over a table of the shipped components, each with its version and licence text."""

from __future__ import annotations

import importlib.metadata as metadata

from PySide6.QtWidgets import QApplication, QLabel

from briefpack import __version__
from briefpack.components import font_components, shipped_components
from briefpack.gui.about import COLUMNS, AboutDialog

from gui_support import answers, home, sample_path, window  # noqa: F401 - fixtures


def rows(dialog: AboutDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(len(COLUMNS))] for r in range(table.rowCount())
    }


def test_the_dialog_lists_the_installed_packages_with_their_versions(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    listed = rows(dialog)
    by_key = {name.lower().replace("_", "-"): row for name, row in listed.items()}
    for dist in ("reportlab", "python-docx", "pyside6-essentials", "trafilatura"):
        assert by_key[dist][1] == metadata.version(dist), dist
    assert by_key["reportlab"][2].startswith("BSD")
    assert "LGPL-3.0" in by_key["pyside6-essentials"][2]
    assert listed["Python"][3] == "Runtime"
    assert not {"pytest", "pytest-qt", "pyinstaller", "import-linter"} & by_key.keys()  # extras are not shipped


def test_the_heading_names_briefpack_and_its_version(qtbot):
    dialog = AboutDialog(components=[])
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(f"briefpack {__version__}" in text and "MIT" in text for text in texts)
    assert dialog.table.rowCount() == 0


def test_fonts_are_listed_with_the_licence_of_their_copyright_file(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    fonts = [row for row in rows(dialog).values() if row[3] == "Font"]
    assert {row[0].split(" ")[0] for row in fonts} == {"Noto", "Nanum"}
    assert all(row[2] == "OFL-1.1" for row in fonts)
    assert "NotoSerif-Regular" in next(row[0] for row in fonts if row[0].startswith("Noto"))


def test_selecting_a_component_shows_its_licence_text(qtbot):
    components = font_components()
    dialog = AboutDialog(components=components)
    qtbot.addWidget(dialog)
    assert dialog.licence_view.toPlainText() == ""
    dialog.table.selectRow(1)
    shown = dialog.licence_view.toPlainText()
    assert shown.startswith(f"{components[1].name}: OFL-1.1")
    assert "SIL Open Font License" in shown


def test_every_shipped_python_package_has_a_licence():
    unknown = [c.name for c in shipped_components() if c.licence in ("", "unknown")]
    assert unknown == []


def test_help_about_opens_the_dialog_without_blocking(qtbot, window):
    window.about_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].parent() is window
    assert dialogs[0].table.rowCount() == len(shipped_components())
    dialogs[0].close()
