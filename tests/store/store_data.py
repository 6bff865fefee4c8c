"""Builders for store tests: articles, tags and selections made from the model dataclasses directly."""

from __future__ import annotations

import datetime as dt
import hashlib

from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.notice import Notice
from briefpack.model.passage import Passage
from briefpack.model.selection import BriefSettings, PickedPassage, Selection
from briefpack.model.theme import ThemeTag

P = BlockKind.PARAGRAPH
H = BlockKind.HEADING


def make_article(n: int, paragraphs: list[str] | None = None, **changes) -> Article:
    """Article ``n``: a heading, a standfirst and ``paragraphs`` (default: three about trade), every field filled."""
    body = paragraphs if paragraphs is not None else [
        f"Paragraph one of article {n}: North Korea and Russia signed a protocol on economic cooperation.",
        "Representatives met in Pyongyang (Пхеньян) to widen trade and charter flights; 김정은 attended.",
        "Việt Nam's ministry said the łódź delegation would report on sanctions & <b>labour</b> migration.",
    ]
    sha = hashlib.sha256(f"article {n}".encode()).hexdigest()
    article = Article(
        id=f"art-{sha[:12]}",
        title=f"North Korea and Russia Bolster Ties ({n})",
        title_derived=n % 2 == 1,
        authors=("Katarzyna Kalus", "Nguyễn Văn A"),
        publisher="conflictwatcher.com",
        url=f"https://conflictwatcher.com/article/{n}?a=1&b=2",
        published=dt.date(2024, 11, 1 + n % 28),
        language="en",
        category="Politics",
        blocks=(
            Block(H, f"Headline {n}"),
            Block(P, "A standfirst that sums the article up.", role="standfirst"),
            *(Block(P, text) for text in body),
        ),
        captions=("Putin and Kim in Pyongyang, June 2024.",),
        image_credits=("Photo: KCNA",),
        provenance=Provenance(
            f"article-{n}.txt", sha, dt.datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=dt.timezone.utc)
        ),
        rights_holder="Conflict Watcher Ltd",
        original_language="vi",
        warnings=(Notice("title-derived", "The title was derived from the first line.", f"article-{n}.txt"),),
    )
    return article.with_changes(**changes) if changes else article


def bare_article(n: int) -> Article:
    """An article with every optional field empty: no title, date, file name, captions or warnings."""
    return make_article(
        n,
        title=None,
        title_derived=False,
        authors=(),
        publisher=None,
        url=None,
        published=None,
        language=None,
        category=None,
        captions=(),
        image_credits=(),
        provenance=Provenance(None, "0" * 64, dt.datetime(2026, 1, 2, 3, 4, 5)),
        rights_holder=None,
        original_language=None,
        warnings=(),
    )


def make_tags(article: Article) -> list[ThemeTag]:
    return [
        ThemeTag(article.id, 2, "economy_trade", ("protocol", "economic cooperation"), 0.1 + 0.2),
        ThemeTag(article.id, 2, "diplomacy", ("signed",), 1.0),
        ThemeTag(article.id, 4, "sanctions", ("sanctions", "łódź"), 2.5e-7),
    ]


def make_selection(article: Article) -> Selection:
    passage = Passage(article.id, 3, 0, 15, article.blocks[3].text[0:15])
    return Selection(
        theme_ids=("economy_trade", "diplomacy"),
        source_ids=(article.id,),
        dropped=frozenset({f"diplomacy/{article.id}:2:0-10", "x/y:1:2-3"}),
        added=(PickedPassage("economy_trade", passage),),
    )


def make_settings() -> BriefSettings:
    return BriefSettings(
        title="Russia–North Korea: situation brief",
        author="Desk Officer",
        date=dt.date(2026, 11, 23),
        marking=None,
        summary="First paragraph.\n\nSecond — with ệ and 김정은.",
        template="situation-brief",
        style="apa",
    )


def sample_articles() -> list[Article]:
    return [make_article(1), bare_article(2), make_article(3)]


def saved_project(path, count: int = 1) -> None:
    """A project file at ``path`` holding ``make_article(0)`` … ``make_article(count - 1)``, saved and closed."""
    from briefpack.store import Project

    project = Project.new(path)
    for n in range(count):
        project.add_article(make_article(n))
    project.save()
    project.close()
