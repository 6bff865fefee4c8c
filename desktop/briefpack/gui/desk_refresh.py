"""Keeping the desk's panels in step with the open project: what to refresh after a change, and the status bar's counts.

``DeskRefresher`` is the main window's answer to the session's change
signals. A change of content (an import, a correction) refreshes every
list; a change of the selection refreshes them too, except the reader,
whose article's themes a selection does not change; a change of only the
drops or of the outline (order, notes, grades) just moves the passages'
check marks. Each refresh ends by recounting the status bar (sources,
themes, passages, warnings) and scheduling a preview. After a change of
content (a thousand sources imported) each panel is refreshed in a turn of
the event loop of its own (``JobRunner.run_steps``), so the window keeps
ticking between them; any other refresh meanwhile replaces that one and
runs at once. The panels count
from the session's ``DeskContent`` and its candidates, never from every
tag. It reads and writes only the window's panels and its
``export_notices``; call it from the UI thread.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import replace
from typing import TYPE_CHECKING

from briefpack.model.notice import Notice
from briefpack.model.selection import Selection

from briefpack.gui import edits
from briefpack.gui.process_job import run_steps

if TYPE_CHECKING:
    from briefpack.gui.main_window import MainWindow
    from briefpack.gui.session import ProjectSession
    from briefpack.gui.worker import Slices


class DeskRefresher:
    """Refreshes ``window``'s panels and counts from its session (none open: counts say so)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._shown = Selection()  # the selection the panels show, to tell drops from bigger changes
        self._pending: Slices | None = None  # a refresh after a change of content, a panel per turn

    def refresh_lists(self, content_changed: bool = True) -> None:
        """Refresh every panel from the session now; ``content_changed`` ``False``: only the selection changed."""
        self._drop_pending()
        run_steps(self._refresh_steps(content_changed))

    def content_changed(self) -> None:
        """The session's articles or tags changed: refresh every panel, one per turn of the event loop."""
        self._drop_pending()
        self._pending = self._window.runner.run_steps(self._refresh_steps(True), self._refreshed, self._failed)

    def _refresh_steps(self, content_changed: bool) -> Generator[None, None, None]:
        w, s = self._window, self._window.session
        if s is None:
            return
        self._shown = s.selection
        yield from self._refresh_desk(s, content_changed)
        w.themes.show_themes(s.taxonomy, s.articles, (), s.selection, content=s.content)  # counted from content, as above
        yield
        w.passages.show_passages(s.taxonomy, s.articles, (), s.selection, candidates=s.candidates())  # candidates stand for the tags
        yield
        self.update_counts()
        w.previewer.schedule()

    def _refreshed(self, _value: None) -> None:
        self._pending = None

    def _failed(self, error: BaseException) -> None:
        self._pending = None
        raise error  # as from any slot: reported by the application's exception hook

    def _drop_pending(self) -> None:
        """Forget a refresh in slices still under way: the caller refreshes everything it did."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def selection_changed(self) -> None:
        """The session's selection changed: refresh what depends on what changed."""
        w, s = self._window, self._window.session
        if self._pending is not None:  # the panels do not all show the new content yet
            self.refresh_lists()
            return
        shown = self._shown
        if replace(s.selection, dropped=shown.dropped, order=shown.order, treatments=shown.treatments) == shown:
            # Only drops or the outline (order, notes, grades) changed: the lists stay; the checks follow the drops.
            self._shown = s.selection
            w.passages.show_dropped(s.selection.dropped)
            self.update_counts()
            w.previewer.schedule()
        else:
            self.refresh_lists(content_changed=False)

    def show_in_reader(self, article_id: str, theme_id: str | None = None) -> None:
        """Show a source in the reader (``theme_id``: frame that theme's passages)."""
        s = self._window.session
        if s is not None:
            self._window.reader.show_article(
                s.article(article_id), s.tags_for(article_id), s.taxonomy, s.reliability(), focus=theme_id
            )

    def update_counts(self) -> None:
        """Recount the status bar's sources, themes, passages and warnings."""
        w, s = self._window, self._window.session
        if s is None:
            w.counts_label.setText("No project open")
            w.warnings_button.setText("")
            w.warnings.clear()
            return
        chosen = len(edits.chosen_source_ids(s.selection, [a.id for a in s.articles]))
        kept, listed = w.passages.counts()
        parts = [
            f"{chosen} of {len(s.articles)} sources",
            f"{len(s.selection.theme_ids)} themes",
            f"{kept} passages" + (f" ({listed - kept} dropped)" if listed > kept else ""),
        ]
        w.counts_label.setText("  ·  ".join(parts))
        w.warnings.update_from(s.articles, s.selection, self.brief_notices())
        count = w.warnings.count
        w.warnings_button.setText(f"⚠ {count} warning{'s' if count != 1 else ''}" if count else "No warnings")
        w.warnings_button.setEnabled(bool(count))

    def brief_notices(self) -> list[Notice]:
        """The last preview's warnings, then the last export's."""
        w = self._window
        found = list(w.previewer.latest.notices) if w.previewer.latest is not None else []
        return found + list(w.export_notices)

    def _refresh_desk(self, s: ProjectSession, content_changed: bool = True) -> Generator[None, None, None]:
        w = self._window
        # The panels count from ``content`` and read no tag: ``s.tags`` would build every one of them.
        w.sources.show_sources(
            s.articles, s.selection, taxonomy=s.taxonomy, reliability=s.reliability(), search=s.search, content=s.content,
        )
        yield
        w.coverage.show_coverage(s.taxonomy, s.articles, (), s.selection, content=s.content)
        yield
        if not content_changed and w.reader.article is not None:
            return  # the reader shows an article's themes, which a new selection does not change
        current = w.reader.article.id if w.reader.article is not None else w.sources.current_id()
        if current is not None and s.article(current) is None:
            current = None  # the source is gone (another project was opened)
        if current is None and s.articles:
            current = s.articles[0].id
        w.reader.show_article(s.article(current) if current else None, s.tags_for(current) if current else (), s.taxonomy, s.reliability())
