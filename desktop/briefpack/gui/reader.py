"""The article reader: one source in full, its themed paragraphs highlighted and the evidence that tagged them listed.

``ArticleReaderPanel`` shows the title, byline (authors, publisher, date,
language and the publisher's grade), the body (headings as headings, the
standfirst in italics, paragraphs numbered as citations number them), the captions apart beneath
the body, and an "Evidence" list saying which terms made which theme and
in which paragraphs. Every paragraph tagged with a theme carries that
theme's chip and its evidence terms marked (``gui.evidence``); the focused
theme (``show_article(..., focus=theme_id)``, e.g. from a click on the
coverage heat-map) puts a bar of its colour beside its paragraphs and the
reader scrolls to the first. All article text is escaped: what the source says is shown as
literal text, never read as markup. The HTML is built by ``reader_html``,
a pure function, so it is tested without a window.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefpack.model.article import Article, BlockKind
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.evidence_browser import EvidenceBrowser
from briefpack.gui.evidence import highlight_evidence, theme_colour, theme_style
from briefpack.gui.source_table import UNGRADED, palette_is_dark

ALL_THEMES = ""  # the focus combo's entry for "no theme in focus"


def paragraph_anchor(block_index: int) -> str:
    return f"block-{block_index}"


def reader_html(
    article: Article,
    tags: Sequence[ThemeTag],
    taxonomy: Taxonomy,
    *,
    grade: str = UNGRADED,
    focus: str | None = None,
    dark: bool = False,
) -> str:
    """The reader's HTML for ``article``; ``tags`` are its theme tags (others are ignored), ``focus`` a theme to mark with a bar.

    Tags of themes the taxonomy no longer has are left out, as are tags of
    blocks that are not paragraphs.
    """
    themes_of: dict[int, list[str]] = defaultdict(list)
    evidence: dict[str, dict[str, list[int]]] = defaultdict(dict)  # theme -> term -> paragraph numbers
    number_of = {index: n for n, (index, _) in enumerate(article.paragraphs, start=1)}
    known = set(taxonomy.ids)
    for tag in tags:
        if tag.article_id != article.id or tag.theme_id not in known or tag.block_index not in number_of:
            continue
        if tag.theme_id not in themes_of[tag.block_index]:
            themes_of[tag.block_index].append(tag.theme_id)
        for term in tag.evidence:
            places = evidence[tag.theme_id].setdefault(term, [])
            if number_of[tag.block_index] not in places:
                places.append(number_of[tag.block_index])
    order = {t: n for n, t in enumerate(taxonomy.ids)}
    # The bar takes the theme's hue in the other palette's tone, so it stands out against the page.
    focus_style = f"background-color:{theme_colour(taxonomy, focus, not dark)}" if focus else ""
    parts = [f"<h2>{html.escape(article.display_title)}</h2>", f"<p style='color:gray'>{_byline(article, grade)}</p>"]
    if article.title_derived:
        parts.append("<p style='color:gray'><i>The title was derived from the text.</i></p>")
    for index, block in enumerate(article.blocks):
        if block.kind is BlockKind.HEADING:
            parts.append(f"<h3>{html.escape(block.text)}</h3>")
            continue
        themes = sorted(themes_of.get(index, ()), key=lambda t: order.get(t, len(order)))
        marked = highlight_evidence(block.text, taxonomy, themes, dark)
        chips = " ".join(
            f"<span style='{theme_style(taxonomy, t, dark)}'>&nbsp;{html.escape(_label(taxonomy, t))}&nbsp;</span>" for t in themes
        )
        number = f"<span style='color:gray'>¶{number_of[index]}</span>"
        text = f"<i>{marked.html}</i>" if block.role == "standfirst" else marked.html
        body = f"<a name='{paragraph_anchor(index)}'></a>{number} {text}" + (f"<br/><small>{chips}</small>" if chips else "")
        if focus and focus in themes:
            # A bar in the theme's colour beside a focused paragraph (a table: the block style Qt draws reliably);
            # the text itself keeps the base colour, so its evidence marks stay visible.
            parts.append(f"<table width='100%' cellspacing='0' cellpadding='4'><tr><td width='6' style='{focus_style}'></td>"
                         f"<td>{body}</td></tr></table>")
        else:
            parts.append(f"<p>{body}</p>")
    if article.captions or article.image_credits:
        parts.append("<h4>Captions</h4>")
        parts += [f"<p style='color:gray'><i>{html.escape(text)}</i></p>" for text in article.captions]
        parts += [f"<p style='color:gray'><small>{html.escape(text)}</small></p>" for text in article.image_credits]
    parts.append("<h4>Evidence</h4>")
    if not evidence:
        parts.append("<p style='color:gray'>No paragraph of this source is tagged with a theme.</p>")
    else:
        items = []
        for theme_id in sorted(evidence, key=lambda t: order.get(t, len(order))):
            terms = ", ".join(
                f"{html.escape(term)} (¶{', ¶'.join(str(n) for n in places)})" for term, places in evidence[theme_id].items()
            )
            items.append(f"<li><span style='{theme_style(taxonomy, theme_id, dark)}'>&nbsp;"
                         f"{html.escape(_label(taxonomy, theme_id))}&nbsp;</span> {terms}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(parts)


def _label(taxonomy: Taxonomy, theme_id: str) -> str:
    theme = taxonomy.get(theme_id)
    return theme.label if theme is not None else theme_id


def _byline(article: Article, grade: str) -> str:
    parts = []
    if article.authors:
        parts.append("By " + ", ".join(article.authors))
    publisher = article.publisher or "publisher unknown"
    parts.append(f"{publisher} (grade {grade})")
    parts.append(article.published.isoformat() if article.published else "no date")
    if article.language:
        parts.append(article.language + (f", from {article.original_language}" if article.original_language else ""))
    return html.escape(" · ".join(parts))


class ArticleReaderPanel(QWidget):
    """Shows one source; ``show_article`` fills it, ``refresh`` re-reads it after a content change. UI thread only.

    While the reader is hidden in a shown window (another tab is in front),
    the article is only noted and drawn when the tab is next shown: drawing
    it marks the evidence, which the first time means compiling the themes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus = QComboBox()
        self.focus.setAccessibleName("Theme in focus")
        self.focus.setToolTip("Mark the paragraphs of one theme with a bar in its colour")
        self.focus.addItem("No theme in focus", ALL_THEMES)
        self.focus.currentIndexChanged.connect(lambda _n: self._render(scroll=True))
        self.browser = EvidenceBrowser()
        self.browser.setAccessibleName("Article reader")
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText("Select a source in the sources table, or a cell of the coverage map, to read it here.")
        self.setAccessibleName("Reader")
        focus_label = QLabel("F&ocus:")  # Alt+F is the File menu
        focus_label.setBuddy(self.focus)
        bar = QHBoxLayout()
        bar.addWidget(focus_label)
        bar.addWidget(self.focus, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.article: Article | None = None
        self._tags: list[ThemeTag] = []
        self._taxonomy = Taxonomy(())
        self._grade = UNGRADED
        self._pending_scroll: bool | None = None  # a render put off while hidden (and whether it scrolls)

    def show_article(
        self,
        article: Article | None,
        tags: Sequence[ThemeTag],
        taxonomy: Taxonomy,
        reliability: Mapping[str, str] | None = None,
        focus: str | None = None,
    ) -> None:
        """Read ``article`` (``None``: clear); ``focus`` a theme id to mark and scroll to (``None``: keep the current focus)."""
        new_source = article is None or self.article is None or article.id != self.article.id
        own_tags = [t for t in tags if article is not None and t.article_id == article.id]
        publisher = article.publisher if article is not None else None
        grade = (reliability or {}).get(publisher, UNGRADED) if publisher else UNGRADED
        if (focus is None and article is self.article and taxonomy is self._taxonomy
                and own_tags == self._tags and grade == self._grade):
            return  # nothing the reader shows changed (a selection edit refreshes every panel)
        self.article, self._taxonomy, self._tags, self._grade = article, taxonomy, own_tags, grade
        wanted = focus if focus is not None else self.focus.currentData()
        self.focus.blockSignals(True)
        try:
            self.focus.clear()
            self.focus.addItem("No theme in focus", ALL_THEMES)
            for theme in taxonomy.themes:
                self.focus.addItem(theme.label, theme.id)
            self.focus.setCurrentIndex(max(0, self.focus.findData(wanted)))
        finally:
            self.focus.blockSignals(False)
        if new_source:
            self.browser.verticalScrollBar().setValue(0)
        self._render(scroll=focus is not None or new_source)

    def focused_theme(self) -> str | None:
        return self.focus.currentData() or None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending_scroll is not None:
            self._render(self._pending_scroll)

    def _render(self, scroll: bool) -> None:
        if self.window().isVisible() and not self.isVisible():
            self._pending_scroll = scroll or bool(self._pending_scroll)
            return
        self._pending_scroll = None
        if self.article is None:
            self.browser.clear()
            return
        focus = self.focused_theme()
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(reader_html(
            self.article, self._tags, self._taxonomy, grade=self._grade, focus=focus, dark=palette_is_dark(self.palette())
        ))
        first = next((t.block_index for t in sorted(self._tags, key=lambda t: t.block_index) if t.theme_id == focus), None)
        if scroll:
            if first is not None:
                self.browser.scrollToAnchor(paragraph_anchor(first))
        else:
            self.browser.verticalScrollBar().setValue(position)


