"""What the registry needs of the HTML, feed and mail readers before any of them runs: sniffers and options.

Choosing a reader must not cost loading every reader: trafilatura, lxml,
feedparser and the ``email`` package take most of a second to import, and
``briefpack parse page.txt`` needs none of them. So each structured
format's sniffer (how sure it is that some bytes are its format) and its
options live here, with nothing heavier than ``re`` behind them; the
reader modules re-export them and are imported only when their reader is
chosen (see ``registry``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefpack.ingest.decode import SNIFF_BYTES, sniff_prefix

_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_DOCTYPE = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.DOTALL)
_LEADING_TAG = re.compile(r"^(?:<!--.*?-->\s*)*<(?:head|body|meta|title|div|p|span|article|section|table|h[1-6]|a|b|i|strong|em|ul|ol|img|figure)\b", re.DOTALL)
_ANY_PAGE_TAG = re.compile(r"<(?:html|body)\b")


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """Knobs of the HTML reader."""

    # Tables are flattened badly into paragraphs; leave them out of the body.
    include_tables: bool = False
    # trafilatura's "favour precision" drops borderline paragraphs; analysts prefer recall they can untick.
    favor_precision: bool = False


def _has_no_tag(data: bytes) -> bool:
    """True when the text ``sniff_prefix`` gives holds no "<", the cue every markup sniffer needs.

    In every encoding it decodes (Latin-1, UTF-16, UTF-32) a "<" holds the
    byte 0x3C, so a search of the bytes it reads answers without decoding them.
    """
    return data.find(b"<", 0, SNIFF_BYTES) < 0


def sniff_html(data: bytes, file_name: str | None) -> float:
    """How sure it is that ``data`` is an HTML page: sure for a doctype or ``<html>``, fairly for a page extension or leading tag."""
    if _has_no_tag(data):  # every test below needs a "<"
        return 0.0
    head = sniff_prefix(data)
    if _DOCTYPE.match(head):
        return 0.9
    if file_name and file_name.lower().endswith(_EXTENSIONS) and head.startswith("<"):
        return 0.8
    if _LEADING_TAG.match(head):
        return 0.6
    if _ANY_PAGE_TAG.search(head):
        return 0.5
    return 0.0


_FEED_ROOT = re.compile(
    # Optional XML declaration, comments, processing instructions and a
    # doctype (with its internal subset, where entity declarations hide).
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!doctype[^\[>]*(?:\[.*?\])?\s*>\s*)*<(?:rss|feed|rdf:rdf)\b",
    re.DOTALL
)


@dataclass(frozen=True, slots=True)
class FeedOptions:
    """Knobs of the feed reader."""

    # A feed of thousands of entries is an archive dump, not a feed; cap what one file can add.
    max_entries: int = 2000


def sniff_feed(data: bytes, file_name: str | None) -> float:
    """Sure when the document's root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``; else 0."""
    if _has_no_tag(data):  # the root element needs a "<"
        return 0.0
    return 0.95 if _FEED_ROOT.match(sniff_prefix(data)) else 0.0


_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.MULTILINE)
_MAIL_HEADERS = re.compile(
    rb"^(?:from|to|subject|date|message-id|mime-version|received|return-path|delivered-to|reply-to|cc):[ \t]",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class EmlOptions:
    """Knobs of the mail reader."""

    # Newsletters send both parts; the plain one keeps paragraphs without layout tables.
    prefer_plain: bool = True


def sniff_eml(data: bytes, file_name: str | None) -> float:
    """Sure for a ``.eml`` name; fairly sure when the text opens with mail headers (two or more known ones)."""
    if file_name and file_name.lower().endswith((".eml", ".mht", ".mhtml")):
        return 0.95
    head = data[:4096].lstrip()
    if not _HEADER_LINE.match(head):
        return 0.0
    block = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    # Every line of the block is a header or a folded continuation: a page
    # dump that opens with "Date: …" and "From: …" lines goes on with prose.
    lines = block.split(b"\n")
    if not all(_HEADER_LINE.match(line) or line[:1] in (b" ", b"\t") for line in lines if line):
        return 0.0
    return 0.7 if len(_MAIL_HEADERS.findall(block)) >= 2 else 0.0
