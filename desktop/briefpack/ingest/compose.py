"""An ``Article`` from what a structured reader found: the shared last step of the HTML, feed and mail readers.

Structured formats hand over their metadata in fields (a ``<title>``, a
feed entry's author, a mail's ``Date:``) instead of lines to classify, so
the readers for them collect a ``Found`` and let ``compose_article`` do the
rest the same way for all: the title derived from the lead when there is
none (and flagged), the language from the body, the publisher's domain and
original language, and the warnings for what is missing. Nothing is
guessed: a field the input does not give stays ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from briefpack.ingest.language import detect_language, original_language
from briefpack.ingest.normalize import normalize_text
from briefpack.ingest.titles import derive_title
from briefpack.ingest.web import registered_domain
from briefpack.model import Article, Block, BlockKind, Notice, Provenance

# Same cut as the page-dump reader's default for derived titles.
DERIVED_TITLE_CHARS = 120


@dataclass(frozen=True, slots=True)
class Found:
    """What a reader found in one article; every ``None`` means the input does not say."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    category: str | None = None
    blocks: tuple[Block, ...] = ()
    captions: tuple[str, ...] = ()
    image_credits: tuple[str, ...] = ()
    warnings: tuple[Notice, ...] = field(default_factory=tuple)


def one_line(text: str | None) -> str | None:
    """``text`` normalised onto one line, ``None`` when that leaves nothing."""
    if text is None:
        return None
    flat = " ".join(normalize_text(text).split())
    return flat or None


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """The non-empty values, each once, in order, normalised onto one line."""
    return tuple(dict.fromkeys(v for v in (one_line(x) for x in values) if v))


def _warnings(subject: str, found: Found, title: str | None, derived: bool) -> Iterator[Notice]:
    yield from found.warnings
    if derived:
        yield Notice("title-derived", "No title found; the title was made from the first sentence of the lead.", subject)
    elif title is None:
        yield Notice("no-title", "No title found and no text to derive one from.", subject)
    if found.published is None:
        yield Notice("no-date", "No publication date found; the date is left empty.", subject)
    if not found.blocks:
        yield Notice("no-body", "No body text found.", subject)


def compose_article(article_id: str, provenance: Provenance, found: Found) -> Article:
    """The ``Article`` for ``found``, with the title derived from the lead when missing and warnings for gaps."""
    title = one_line(found.title)
    derived = False
    if title is None:
        lead = next((b.text for b in found.blocks if b.kind is BlockKind.PARAGRAPH), None)
        title = derive_title(lead, DERIVED_TITLE_CHARS) if lead else None
        derived = title is not None
    blocks = found.blocks
    # A page repeats its headline as the first heading; the title holds it already.
    if blocks and blocks[0].kind is BlockKind.HEADING and not derived and blocks[0].text == title:
        blocks = blocks[1:]
    language = detect_language("\n".join(b.text for b in blocks)) if blocks else None
    url = one_line(found.url)
    publisher = one_line(found.publisher) or (registered_domain(url) if url else None)
    domain = registered_domain(url) if url else registered_domain(publisher) if publisher else None
    subject = provenance.file_name or article_id
    return Article(
        id=article_id,
        title=title,
        title_derived=derived,
        authors=unique(found.authors),
        publisher=publisher,
        url=url,
        published=found.published,
        language=language,
        category=one_line(found.category),
        blocks=tuple(blocks),
        captions=unique(found.captions),
        image_credits=unique(found.image_credits),
        provenance=provenance,
        original_language=original_language(domain, language),
        warnings=tuple(_warnings(subject, found, title, derived)),
    )
