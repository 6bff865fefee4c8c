"""Describe an ``Article`` as a CSL-JSON item, the input every CSL processor reads.

A news article is CSL type ``article-newspaper``: its publisher (the paper or
site) is the ``container-title`` that styles italicise. Only what the article
really gives is written: no ``issued`` date unless the text gave one (styles
then print "n.d."), no author unless there is a byline (styles then lead with
the title or the publication). Styles change the case of titles (Chicago
capitalises headline-style, APA keeps the words as given), so text whose case
is part of its identity is protected with CSL's ``<span class="nocase">``.

Titles the parser derived from the body rather than found (``title_derived``)
are still the item's title, written the way both style guides write a
description supplied by the citer instead of a real title (CMOS 18 and APA 7
§9.22 bracket supplied descriptions): in square brackets, in the case the
parser gave (sentence style, never headline-cased, so it cannot pass for the
real headline), without closing sentence punctuation. Chicago then prints
“[Russia and North Korea appear to …],” and APA "[Russia and North Korea
appear to …]." An article with no title at all is "[Untitled article]".
"""

from __future__ import annotations

import datetime as dt
import re

from briefpack.citations.names import split_name
from briefpack.model.article import Article

UNTITLED = "Untitled article"

# CSL-JSON strings may hold a few HTML-like tags (<i>, <b>, <sc>, <sup>, <sub>,
# <span …>) that processors turn into formatting. A headline that really
# contains such text must print it literally, so a WORD JOINER (invisible,
# removed again from the formatted output) is put after its "<".
WORD_JOINER = "\u2060"
_TAG_LIKE = re.compile(r"<(?=/?\s*(?:i|b|sc|sup|sub|span)\b)", re.I)
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+$")


def article_to_csl(article: Article, accessed: dt.date) -> dict:
    """The CSL-JSON item for ``article``; ``accessed`` is the access date styles print with the URL.

    Keys left out mean the article does not give them: ``issued`` only when
    ``article.published`` is set, ``author`` only when there is a byline,
    ``URL``, ``container-title`` and ``language`` only when known.
    """
    item: dict = {"id": article.id, "type": "article-newspaper", "title": _title(article)}
    short = _short_title(article)
    if short is not None:
        item["title-short"] = short
    authors = [n for n in (split_name(a) for a in article.authors) if n is not None]
    if authors:
        item["author"] = [{k: csl_text(v) for k, v in n.items()} for n in authors]
    if article.publisher:
        item["container-title"] = _publication(article.publisher)
    if article.published is not None:
        item["issued"] = _date(article.published)
    if article.url:
        item["URL"] = article.url
    item["accessed"] = _date(accessed)
    if article.language:
        item["language"] = article.language
    return item


def csl_text(text: str) -> str:
    """``text`` as a CSL-JSON string that prints literally (see ``WORD_JOINER``)."""
    return _TAG_LIKE.sub("<" + WORD_JOINER, text)


def nocase(text: str) -> str:
    """``text`` protected from the style's case changes."""
    return f'<span class="nocase">{csl_text(text)}</span>'


def _title(article: Article) -> str:
    title = " ".join((article.title or "").split())
    if not title:
        return nocase(f"[{UNTITLED}]")
    if article.title_derived:
        return nocase("[" + title.rstrip(".;:, ") + "]")
    return csl_text(title)


# Words a short title should neither start nor end on.
_LEADING_ARTICLES = {"a", "an", "the"}
_TRAILING_SMALL_WORDS = _LEADING_ARTICLES | {"and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "as", "from"}
SHORT_TITLE_WORDS = 4


def _short_title(article: Article) -> str | None:
    """The title for short notes (CMOS 18: no more than four words, no leading article); ``None`` when the title is short already."""
    words = " ".join((article.title or "").split()).rstrip(".;:, ").split()
    if words and words[0].lower() in _LEADING_ARTICLES:
        words = words[1:]
    if len(words) <= SHORT_TITLE_WORDS:
        return None
    words = words[:SHORT_TITLE_WORDS]
    while len(words) > 1 and words[-1].lower() in _TRAILING_SMALL_WORDS:
        words.pop()
    short = " ".join(words).rstrip(",;:")
    return nocase(f"[{short}]") if article.title_derived else csl_text(short)


def _publication(publisher: str) -> str:
    # "conflictwatcher.com", "eNCA": a name written in lower case or as a web
    # address is spelled that way on purpose; title-casing would misspell it.
    name = publisher.strip()
    if _DOMAIN.match(name) or name[:1].islower():
        return nocase(name)
    return csl_text(name)


def _date(day: dt.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}
