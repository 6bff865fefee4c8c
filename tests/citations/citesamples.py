"""Articles shaped like the two seeds, and a small uncited brief, for the citations tests.

Plain functions rather than a conftest.py: tests/test_cli.py imports the
top-level conftest by module name, and a second module called conftest would
shadow it.
"""

from __future__ import annotations

import datetime as dt

from briefpack.model.article import Article, Provenance
from briefpack.model.brief import Brief, BriefMeta, Cite, Heading, Para, Quote, Text

ACCESSED = dt.date(2026, 11, 23)
KALUS_URL = "https://conflictwatcher.com/north-korea-russia-economic-pact"
BAO_URL = "https://baoquocte.vn/du-dia-phat-trien-quan-he-nga-trieu-tien-sau-xung-dot-o-ukraine-307604.html"


def make_article(article_id: str, **fields) -> Article:
    base = dict(
        id=article_id,
        title=None,
        title_derived=False,
        authors=(),
        publisher=None,
        url=None,
        published=None,
        language="en",
        category=None,
        blocks=(),
        captions=(),
        image_credits=(),
        provenance=Provenance(f"{article_id}.txt", "0" * 64, dt.datetime(2026, 11, 23, 9, 0)),
    )
    base.update(fields)
    return Article(**base)


def kalus_article() -> Article:
    """Seed 000: a byline, a found title, no date; given a URL so the access date prints."""
    return make_article(
        "4b285fcbb93a832e",
        title="North Korea and Russia bolster ties with new economic pact",
        authors=("Katarzyna Kalus",),
        publisher="conflictwatcher.com",
        url=KALUS_URL,
    )


def bao_article() -> Article:
    """Seed 004: no byline, no date, a title derived from the standfirst, a URL."""
    return make_article(
        "e75b3ab015e5fe23",
        title="Russia and North Korea appear to have been drawn closer together by their positions on the Ukraine conflict.",
        title_derived=True,
        publisher="baoquocte.vn",
        url=BAO_URL,
        original_language="vi",
    )


def sample_sources() -> dict[str, Article]:
    kalus, bao = kalus_article(), bao_article()
    return {kalus.id: kalus, bao.id: bao}


def sample_brief() -> Brief:
    """Kalus cited, then Bao, then Kalus again; a bibliography heading before a closing paragraph."""
    kalus, bao = kalus_article(), bao_article()
    return Brief(
        BriefMeta(title="Russia–North Korea"),
        (
            Heading(1, (Text("Economy"),)),
            Quote((Text("Representatives signed a protocol."), Cite(kalus.id, "para. 4"))),
            Quote((Text("Moscow and Pyongyang expanded cooperation."), Cite(bao.id, "para. 2"))),
            Para((Text("Charter flights will increase."), Cite(kalus.id, "para. 5"))),
            Heading(1, (Text("Sources"),), role="bibliography"),
            Para((Text("Prepared by the desk."),)),
        ),
    )
