"""The "How to build your first brief" guide: shown once, on first start, over the sample project; again from Help.

``FirstBriefGuide`` is a small non-modal dialog with five steps that name the
window's own panels and menu entries, so the analyst can follow along in the
sample project behind it. ``show_on_first_run`` opens it unless it was
dismissed before; dismissing it (Got it, or closing it) is remembered in the
app's ``QSettings`` under ``GUIDE_SEEN_KEY``. ``show_guide`` opens it at any
time (Help > How to build your first brief). UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from briefpack.gui import preferences

GUIDE_SEEN_KEY = "firstRun/guideSeen"
TITLE = "How to build your first brief"

STEPS = (
    ("Look at the sources",
     "The sample project is open: two articles, listed under <b>Sources</b> on the left. "
     "Bring in your own with <b>File &gt; Import files…</b> (Ctrl+I), by pasting an article "
     "(Ctrl+Shift+V) or by dropping files on the window."),
    ("Choose the themes",
     "Tick themes under <b>Themes</b>: each one becomes a section of the brief, filled with the "
     "paragraphs that speak to it. The numbers say how many paragraphs each source gives."),
    ("Keep the passages that matter",
     "The <b>Passages</b> tab lists what the brief will quote. Untick a passage to drop it; read it "
     "in full below the list. The <b>Outline</b> tab orders the items and holds the written sections."),
    ("Set the title and template",
     "Above the preview, give the brief its title, author, marking, template and citation style. "
     "The <b>Preview</b> follows every change."),
    ("Export",
     "<b>Export PDF</b> (Ctrl+E) or <b>Export Word</b> (Ctrl+Shift+E) writes the brief with its notes "
     "and bibliography. Check the <b>Warnings</b> tab first."),
)


def guide_html() -> str:
    """The steps as rich text: a numbered list with a bold heading per step."""
    items = "".join(f"<li><b>{heading}.</b> {text}</li>" for heading, text in STEPS)
    return f"<ol style='margin-left: 0px;'>{items}</ol>"


class FirstBriefGuide(QDialog):
    """The guide window; ``finished`` marks it seen in the app's settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setModal(False)
        heading = QLabel(f"<h3>{TITLE}</h3>")
        self.steps = QLabel(guide_html())
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAccessibleName(TITLE)
        footer = QLabel("You can open this again from <b>Help &gt; How to build your first brief</b>.")
        footer.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.got_it = buttons.addButton("Got it", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.steps)
        layout.addWidget(footer)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: mark_seen())
        self.resize(520, 460)


def guide_seen() -> bool:
    """Whether the analyst has dismissed the guide before (on this machine, for this user)."""
    return preferences.app_settings().value(GUIDE_SEEN_KEY, False, type=bool)


def mark_seen() -> None:
    settings = preferences.app_settings()
    settings.setValue(GUIDE_SEEN_KEY, True)
    settings.sync()


def show_guide(parent: QWidget | None) -> FirstBriefGuide:
    """Open the guide beside ``parent`` without blocking and return it; it deletes itself when closed."""
    guide = FirstBriefGuide(parent)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guide.show()
    return guide


def show_on_first_run(parent: QWidget | None) -> FirstBriefGuide | None:
    """Open the guide when it has never been dismissed; ``None`` when it was, and nothing opens."""
    return None if guide_seen() else show_guide(parent)
