"""Render the README's screenshots of the window's main states into docs/.

Opens the sample project offscreen at 1280×800 in a throwaway home folder,
then, for each state (the desk with the passage picker, the outline with an
item's note, the coverage heat-map, the article reader, the findings and
the warnings), switches to it, waits until the PDF preview has settled and
grabs the window. Run with ``.venv/bin/python docs/make_screenshots.py``;
the PNGs are committed, so the README shows what the code draws today.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BRIEFPACK_HOME"] = tempfile.mkdtemp(prefix="briefpack-shots-")
    from briefpack.gui.app import SCREENSHOT_SIZE, application, open_initial_project, wait_until_settled
    from briefpack.gui.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not open_initial_project(window, None, quiet=True):
        print("make_screenshots: the sample project did not open", file=sys.stderr)
        return 1
    wait_until_settled(window)

    def shoot(name: str) -> None:
        wait_until_settled(window)
        app.processEvents()
        path = DOCS / f"{name}.png"
        window.grab().save(str(path), "PNG")
        print(f"wrote {path}")

    shoot("screenshot")  # the desk: sources, themes, passage picker, properties and the PDF preview

    outline = window.outline
    window.middle_tabs.setCurrentWidget(outline)
    theme = window.session.selection.theme_ids[0]
    key = outline.section_keys(theme)[0]
    outline.select(key)
    outline.item_editor.note.setPlainText("Single source for this figure; treat with care.")
    outline.flush()
    shoot("outline")

    window.middle_tabs.setCurrentWidget(window.coverage)
    shoot("coverage")

    window.read_source(window.session.articles[1].id)
    window.middle_tabs.setCurrentWidget(window.reader)
    shoot("reader")

    window.right_tabs.setCurrentWidget(window.findings)
    shoot("findings")

    window.right_tabs.setCurrentWidget(window.warnings)
    shoot("warnings")

    window.runner.cancel_all()
    window.runner.wait(10_000)
    window.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
