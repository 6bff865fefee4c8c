"""The live preview of the brief: the real PDF, recomposed after each change off the UI thread, shown page by page.

``BriefPreviewer`` turns change notifications into preview jobs through a
``latest_job.LatestJob`` (debounced, one at a time, the latest change wins): the
job composes the brief, writes it with the PDF renderer exactly as Export
PDF does, and draws the pages with pypdfium2 (``tasks.preview_job``, in a
child process). The snapshot (a ``tasks.BriefRequest``) is turned into the
job's inputs, its tags read and pickled for the child, on the UI thread in
short slices (``BriefRequest.inputs``), not on a pool thread, where
pickling thousands of articles and tags would keep the UI thread waiting
for the interpreter lock. A new
zoom or panel width only redraws the last PDF's pages (``tasks.redraw_job``),
through a second ``LatestJob``. ``PreviewPanel`` shows the pages in a
scrollable column with zoom (fit width, − and +), the page count and a state
line ("Refreshing…", "Up to date", or the error); the last good pages stay
up while a new preview is made or when one fails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from briefpack.gui.pdf_pages import PageImage, PdfPages, clamp_width
from briefpack.gui.tasks import BriefRequest, PreviewResult, preview_job, redraw_job
from briefpack.gui.latest_job import LatestJob
from briefpack.gui.worker import JobRunner

DEBOUNCE_MS = 350
REDRAW_DEBOUNCE_MS = 150
DEFAULT_WIDTH_PX = 600
# Redraw only when the wanted width differs by more than this share: a few pixels of blur are not worth a job.
REDRAW_TOLERANCE = 0.04
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
POINT_PX = 96 / 72  # 100% zoom: a PDF point at the 96 dpi of a standard screen
PAGE_GAP = 12


class BriefPreviewer(QObject):
    """Turns "something changed" into, eventually, one fresh ``PreviewResult``; call from the UI thread.

    ``snapshot`` is called on the UI thread when composing starts, so it sees
    the latest state. ``rendered(PreviewResult)`` fires with each new preview
    and after each redraw at a new width, ``failed(str)`` when composing or
    drawing failed, ``busyChanged(bool)`` when a preview becomes pending and
    when none is. ``latest`` is the last preview (``None``: none yet).
    """

    rendered = Signal(object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, runner: JobRunner, snapshot: Callable[[], BriefRequest | None], parent: QObject | None = None):
        super().__init__(parent)
        self.width_px = DEFAULT_WIDTH_PX
        self._compose = LatestJob(
            runner, "Preview", snapshot, lambda inputs, token: preview_job(inputs, self.width_px, token), DEBOUNCE_MS,
            prepare=BriefRequest.inputs, parent=self,
        )
        self._redraw = LatestJob(
            runner, "Preview pages", self._redraw_inputs, lambda inputs, token: redraw_job(inputs[0], inputs[1], token),
            REDRAW_DEBOUNCE_MS, parent=self,
        )
        self._compose.succeeded.connect(self._on_composed)
        self._redraw.succeeded.connect(self._on_redrawn)
        self._compose.failed.connect(self.failed)
        self._redraw.failed.connect(self.failed)
        self._compose.busyChanged.connect(self.busyChanged)
        self.latest: PreviewResult | None = None

    @property
    def busy(self) -> bool:
        return self._compose.busy

    def schedule(self) -> None:
        """Recompose a little later; calls in quick succession make one preview."""
        self._compose.schedule()

    def refresh_now(self) -> None:
        """Recompose at once (or as soon as the running preview has stopped)."""
        self._compose.refresh_now()

    def set_page_width(self, width_px: int) -> None:
        """Draw pages ``width_px`` pixels wide from now on; the shown preview is redrawn (soon) when that differs enough."""
        width_px = clamp_width(width_px)
        if width_px == self.width_px:
            return
        self.width_px = width_px
        if self.latest is not None and abs(self.latest.pages.width_px - width_px) > REDRAW_TOLERANCE * width_px:
            self._redraw.schedule()

    def _redraw_inputs(self) -> tuple[bytes, int] | None:
        if self.latest is None or self._compose.busy:
            return None  # a new preview is on its way and will be drawn at the new width
        return self.latest.pdf, self.width_px

    def _on_composed(self, _request: BriefRequest, result: PreviewResult) -> None:
        self.latest = result
        self.rendered.emit(result)
        if abs(result.pages.width_px - self.width_px) > REDRAW_TOLERANCE * self.width_px:
            self._redraw.schedule()  # the panel was resized while this preview was made

    def _on_redrawn(self, inputs: tuple[bytes, int], pages: PdfPages) -> None:
        if self.latest is None or inputs[0] is not self.latest.pdf:
            return  # drawn from a PDF that a newer preview has replaced
        pages = dataclasses.replace(pages, texts=self.latest.pages.texts)
        self.latest = dataclasses.replace(self.latest, pages=pages)
        self.rendered.emit(self.latest)


class PageWidget(QWidget):
    """One page: its picture scaled to the widget, on white, with a thin frame."""

    def __init__(self, image: PageImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixels = image.pixels  # the QImage reads this buffer, so it must live as long as the image
        self._image = QImage(image.pixels, image.width, image.height, image.stride, QImage.Format.Format_RGB32)
        self.size_pt = image.size_pt
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_display_width(self, width: int) -> None:
        w_pt, h_pt = self.size_pt
        self.setFixedSize(QSize(width, round(width * h_pt / w_pt)))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRect(0, 0, self.width(), self.height())
        painter.fillRect(rect, Qt.GlobalColor.white)
        painter.drawImage(rect, self._image)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()  # explicitly: a frame kept alive (a traceback, a profiler) must not keep the painter open


class PreviewPanel(QWidget):
    """The preview's pages in a scrollable column, with zoom controls, the page count and a state line.

    ``widthWanted(int)`` asks, in device pixels, for pages as wide as they
    are now shown (connect it to ``BriefPreviewer.set_page_width``).
    """

    widthWanted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: PreviewResult | None = None
        self.zoom: float | None = None  # None: fit the page to the panel's width
        self.pages: list[PageWidget] = []

        self.heading = QLabel("<b>Preview</b>")
        self.state = QLabel("Composing…")
        self.state.setObjectName("panelSummary")
        self.state.setAccessibleName("Preview state")
        self.page_count = QLabel("")
        self.page_count.setAccessibleName("Page count")
        self.zoom_out_button = self._tool_button("−", "Zoom out (Ctrl+-)", self.zoom_out)
        self.fit_button = self._tool_button("Fit width", "Fit the page to the panel's width", self.fit_width)
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_in_button = self._tool_button("+", "Zoom in (Ctrl++)", self.zoom_in)
        self.zoom_label = QLabel("")
        self.zoom_label.setMinimumWidth(40)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.heading)
        bar.addStretch(1)
        bar.addWidget(self.page_count)
        bar.addSpacing(8)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)

        self.message = QLabel("The brief appears here as you choose themes and passages.")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = QWidget()
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.column_layout.setSpacing(PAGE_GAP)
        self.column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column_layout.addWidget(self.message)
        self.view = QScrollArea()
        self.view.setWidget(self.column)
        self.view.setWidgetResizable(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        # Always shown: a scroll bar that comes and goes would change the fitted width, and so the page height, in a loop.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setAccessibleName("Preview pages")
        self.view.setBackgroundRole(QPalette.ColorRole.Mid)
        self.view.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.view, 1)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_zoom()

    def _tool_button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ showing

    def show_result(self, result: PreviewResult) -> None:
        """Show ``result``'s pages in place of the shown ones, keeping the reader's place."""
        bar = self.view.verticalScrollBar()
        place = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.result = result
        for page in self.pages:
            self.column_layout.removeWidget(page)
            page.deleteLater()
        self.pages = [PageWidget(image) for image in result.pages.images]
        for page in self.pages:
            self.column_layout.addWidget(page)
        self.message.setVisible(not self.pages)
        self._lay_out_pages()
        self.column.adjustSize()
        bar.setValue(round(place * bar.maximum()))
        pages = result.pages
        shown = f"{pages.page_count} page{'s' if pages.page_count != 1 else ''}"
        if len(pages.images) < pages.page_count:
            shown = f"first {len(pages.images)} of {shown}"
        self.page_count.setText(shown)
        count = len(result.notices)
        state = "Up to date" + (f" · {count} warning{'s' if count != 1 else ''}" if count else "")
        if result.cut:
            state += " · a long brief: its first part is shown, Export PDF writes all of it"
        self.state.setText(state)

    def show_error(self, message: str) -> None:
        """Say the preview failed; the last good pages, if any, stay."""
        self.state.setText(f"<span style='color:#a00'>The preview failed: {message}</span>")
        if not self.pages:
            self.message.setText(f"The preview could not be made:\n{message}")
            self.message.setVisible(True)

    def show_busy(self, busy: bool) -> None:
        if busy:
            self.state.setText("Refreshing…")

    def text(self) -> str:
        """The shown PDF's text, white space collapsed (empty before the first preview)."""
        return self.result.pages.text if self.result is not None else ""

    # --------------------------------------------------------------- zoom

    def zoom_in(self) -> None:
        self._set_zoom(self._current_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._current_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self._set_zoom(None)

    def display_width(self) -> int:
        """The width pages are shown at, in logical pixels."""
        if self.zoom is None:
            return max(120, self.view.viewport().width() - 2 * PAGE_GAP)
        return round(self._page_width_pt() * POINT_PX * self.zoom)

    def _page_width_pt(self) -> float:
        return self.pages[0].size_pt[0] if self.pages else 595.0  # A4 until a page says otherwise

    def _current_zoom(self) -> float:
        return self.zoom if self.zoom is not None else self.display_width() / (self._page_width_pt() * POINT_PX)

    def _set_zoom(self, zoom: float | None) -> None:
        self.zoom = None if zoom is None else max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._show_zoom()
        self._lay_out_pages()

    def _show_zoom(self) -> None:
        self.fit_button.setChecked(self.zoom is None)
        self.zoom_label.setText(f"{round(self._current_zoom() * 100)}%")
        self.zoom_out_button.setEnabled(self._current_zoom() > ZOOM_MIN + 1e-6)
        self.zoom_in_button.setEnabled(self._current_zoom() < ZOOM_MAX - 1e-6)

    def _lay_out_pages(self) -> None:
        width = self.display_width()
        for page in self.pages:
            page.set_display_width(width)
        self._show_zoom()
        self.widthWanted.emit(round(width * self.devicePixelRatioF()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize and self.zoom is None:
            self._lay_out_pages()
        return super().eventFilter(watched, event)
