"""A small library project for the desk tests: five sources differing in publisher, date, language, grade and themes.

Each source's text carries one word no other source has (``UNIQUE``), so a
full-text search can be checked to narrow the table to exactly one row;
tags come from the default taxonomy's tagger, as an import makes them.
``marked_terms`` reads the evidence tooltips out of a text browser.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from briefpack.analysis.themes import tag_articles
from briefpack.jobs import default_taxonomy
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.store import Project

P = BlockKind.PARAGRAPH

# (publisher, date, language, unique word, paragraphs)
SOURCES = (
    ("alpha.example", dt.date(2024, 3, 1), "en", "zebrafinch",
     ["The two governments signed a protocol on diplomatic cooperation and an embassy agreement.",
      "The zebrafinch delegation also met trade ministers to discuss exports and tariffs."]),
    ("beta.example", dt.date(2024, 5, 9), "en", "quokkaline",
     ["Troops and artillery were deployed near the border, the defence ministry said.",
      "Analysts at quokkaline watch the missile launches closely."]),
    ("gamma.example", dt.date(2024, 7, 20), "fr", "ornithopter",
     ["Exports and trade rose; the central bank cut interest rates as the economy slowed.",
      "An ornithopter exhibition opened in the capital."]),
    ("delta.example", None, "en", "marzipanic",
     ["Hospitals reported a rise in cases and the health ministry ordered vaccines.",
      "A marzipanic mood took hold of the markets."]),
    (None, dt.date(2024, 1, 15), "ko", "glockenspat",
     ["Sanctions on oil exports were tightened by the council.",
      "Officials said glockenspat talks on diplomatic relations would resume."]),
)
GRADES = {"alpha.example": "A", "beta.example": "C", "gamma.example": "A"}
UNIQUE = [word for _, _, _, word, _ in SOURCES]


def desk_article(n: int, publisher, published, language, paragraphs, title: str | None = None) -> Article:
    sha = hashlib.sha256(f"desk source {n}".encode()).hexdigest()
    return Article(
        id=f"desk-{sha[:10]}",
        title=title if title is not None else f"Desk source {n} ({publisher or 'no publisher'})",
        title_derived=False,
        authors=(f"Author {n}",),
        publisher=publisher,
        url=None,
        published=published,
        language=language,
        category=None,
        blocks=tuple(Block(P, text) for text in paragraphs),
        captions=(f"Caption of source {n}.",),
        image_credits=(),
        provenance=Provenance(f"desk-{n}.txt", sha, dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)),
    )


def desk_articles() -> list[Article]:
    return [desk_article(n, pub, date, lang, paras) for n, (pub, date, lang, _word, paras) in enumerate(SOURCES)]


def build_desk_project(path: Path, articles: list[Article] | None = None) -> Path:
    """Write the desk project (or one of ``articles``) to ``path``, tagged with the default taxonomy and graded."""
    articles = articles if articles is not None else desk_articles()
    tags = tag_articles(articles, default_taxonomy())
    project = Project.new(path)
    project.add_articles([(a, [t for t in tags if t.article_id == a.id]) for a in articles])
    for publisher, grade in GRADES.items():
        project.set_reliability(publisher, grade)
    project.save()
    project.close()
    return path


@pytest.fixture
def desk_path(tmp_path: Path, home: Path) -> Path:
    return build_desk_project(tmp_path / "desk.briefpack")


def marked_terms(browser: QTextBrowser) -> set[str]:
    """The tooltips of the characters in the browser (each evidence span names its theme and term)."""
    document = browser.document()
    cursor = QTextCursor(document)
    tips = set()
    for position in range(1, document.characterCount()):
        cursor.setPosition(position)
        if tip := cursor.charFormat().toolTip():
            tips.add(tip)
    return tips
