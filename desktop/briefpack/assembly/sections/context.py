"""What every section builder reads: the articles, the analyst's choices, the picked passages, the findings.

``SectionContext`` is built once per brief by ``build_brief`` and handed to
each section kind's function. It also carries the shared helpers those
functions need (the cite for a source reference, the analyst-written text of
a section, the placeholder paragraph), so every kind cites and marks
unwritten text the same way. ``notices`` collects warnings met on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefpack.model.article import Article, BlockKind
from briefpack.model.brief import Cite, Heading, Inline, Para, Text
from briefpack.model.findings import Findings, SourceRef
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings, PickedPassage, Selection
from briefpack.model.theme import Taxonomy, ThemeTag

PLACEHOLDER = "placeholder"
NO_FINDINGS = (
    "This section is filled from the analysis of the sources (entities, dates, figures), "
    "which was not run for this brief."
)


def paragraph_number(article: Article, block_index: int) -> int:
    """The 1-based number of block ``block_index`` among the article's paragraphs (headings not counted)."""
    return sum(1 for b in article.blocks[: block_index + 1] if b.kind is BlockKind.PARAGRAPH)


@dataclass(slots=True)
class SectionContext:
    """Inputs of one brief's sections. ``articles`` are the chosen sources in project order;
    ``findings`` ``None`` means analysis was not run (sections that need it say so);
    ``shows_grades`` is true when the template prints source grades, so quoted items carry theirs."""

    articles: list[Article]
    by_id: dict[str, Article]
    tags: list[ThemeTag]
    taxonomy: Taxonomy
    selection: Selection
    settings: BriefSettings
    picked: dict[str, list[PickedPassage]]
    findings: Findings | None
    notices: list[Notice] = field(default_factory=list)
    shows_grades: bool = False

    def chosen(self, article_id: str) -> bool:
        return any(a.id == article_id for a in self.articles)

    def cite(self, ref: SourceRef) -> Cite:
        """The ``Cite`` for a block of a source, located by paragraph number when it is a paragraph."""
        article = self.by_id.get(ref.article_id)
        if article is None or not 0 <= ref.block_index < len(article.blocks):
            return Cite(ref.article_id)
        if article.blocks[ref.block_index].kind is not BlockKind.PARAGRAPH:
            return Cite(ref.article_id)
        return Cite(ref.article_id, f"para. {paragraph_number(article, ref.block_index)}")

    def written(self, key: str) -> str:
        """The analyst's text for section ``key`` (blank when not written yet)."""
        if key == "summary" and self.settings.summary.strip():
            return self.settings.summary
        return (self.settings.sections.get(key) or "").strip()

    def grade(self, article: Article) -> str:
        """The Admiralty reliability grade of the article's publisher: "F" (cannot be judged) when unknown."""
        if self.findings is None or not article.publisher:
            return "F"
        return self.findings.reliability.get(article.publisher, "F")


def heading(level: int, title: str, role: str | None = None) -> Heading:
    return Heading(level, (Text(title),), role=role)


def placeholder(text: str) -> Para:
    """A paragraph that stands where the analyst's text or analysis output will go."""
    return Para((Text(text),), role=PLACEHOLDER)


def paragraphs(text: str) -> list[str]:
    """The blank-line separated paragraphs of analyst text, inner line breaks kept as spaces."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def with_cites(text: str, cites: list[Cite]) -> tuple[Inline, ...]:
    """``text`` followed by its cites, one per distinct source and locator, in order."""
    seen: list[Cite] = []
    for cite in cites:
        if cite not in seen:
            seen.append(cite)
    return (Text(text), *seen)
