"""The saved-page reader: an HTML file into an ``Article`` through trafilatura, offline and safely.

The page is decoded by its bytes (a ``<meta charset>`` that lies is
ignored: BOM, then UTF-8, then charset-normalizer), refused if it declares
XML entities, and parsed once by ``markup.parse_html`` (no network, no
scripts, libxml2's depth limit). Captions (``<figcaption>``) and picture
credits are taken from that tree and kept apart from the body; trafilatura
then finds the main text (headings and paragraphs, comments left out) and
the metadata: title, authors, date (from the page's markup only, never
guessed from loose text), site name and canonical URL. A page trafilatura
finds no main text in (a short clipboard fragment) is read block by block
instead, with a warning.
"""

from __future__ import annotations

import datetime as dt

import trafilatura
from lxml import etree

from briefpack.ingest.compose import Found, compose_article, one_line
from briefpack.ingest.decode import decode_text
from briefpack.ingest.errors import IngestError
from briefpack.ingest.formats import HtmlOptions, sniff_html
from briefpack.ingest.markup import TOO_DEEP, element_text, parse_html, refuse_entity_declarations, tree_blocks
from briefpack.ingest.provenance import make_provenance
from briefpack.model import Article, Block, BlockKind, Notice

__all__ = ["HtmlOptions", "read_html", "sniff_html"]


def _captions_and_credits(root: etree._Element) -> tuple[list[str], list[str]]:
    captions, credits = [], []
    for caption in root.iter("figcaption"):
        for credit in caption.xpath(".//*[contains(@class, 'credit') or contains(@class, 'copyright')]"):
            text = element_text(credit)
            if text:
                credits.append(text)
            credit.drop_tree()  # the credit is not part of the caption's sentence
        text = element_text(caption)
        if text:
            captions.append(text)
    for credit in root.xpath("//figure//*[contains(@class, 'credit')][not(ancestor::figcaption)]"):
        text = element_text(credit)
        if text:
            credits.append(text)
    return captions, credits


def _body_blocks(body: etree._Element | None) -> list[Block]:
    """trafilatura's XML body (``head``, ``p``, ``list/item``, ``quote`` …) as blocks."""
    blocks: list[Block] = []
    if body is None:
        return blocks
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            items = [element_text(item) for item in element.iter("item")]
            blocks.extend(Block(BlockKind.PARAGRAPH, t) for t in items if t)
            continue
        text = element_text(element)
        if not text:
            continue
        blocks.append(Block(BlockKind.HEADING if tag == "head" else BlockKind.PARAGRAPH, text))
    return blocks


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _extract(root: etree._Element, options: HtmlOptions, file_name: str | None):
    try:
        return trafilatura.bare_extraction(
            root,
            include_comments=False,
            include_tables=options.include_tables,
            include_images=False,
            favor_precision=options.favor_precision,
            with_metadata=True,
            # Dates from the page's markup (meta tags, <time>, JSON-LD) only:
            # the extensive search guesses from any date in the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError as exc:
        raise IngestError(file_name, "the HTML is nested too deeply to read") from exc
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, etree.LxmlError):
        # trafilatura is a heuristic over arbitrary markup; a page it trips on is still read block by block.
        return None


def read_html(
    data: bytes, file_name: str | None, imported_at: dt.datetime | None = None, options: HtmlOptions | None = None
) -> list[Article]:
    """Parse a saved HTML page into a one-article list.

    ``file_name`` ``None`` means pasted HTML; ``imported_at`` ``None`` means
    now (UTC); ``options`` ``None`` the defaults. Raises ``IngestError`` for
    binary content, entity declarations, a page too deeply nested to read,
    and a page with no text at all. Pure and offline: any thread may call it.
    """
    options = options or HtmlOptions()
    refuse_entity_declarations(data, file_name)
    text = decode_text(data)
    if text is None:
        raise IngestError(file_name, "binary content, not text")
    tree = parse_html(text, file_name)
    root = tree.root
    captions, credits = _captions_and_credits(root)
    doc = _extract(root, options, file_name)
    warnings: list[Notice] = []
    if tree.too_deep:
        warnings.append(Notice("html-too-deep", f"Part of the page is {TOO_DEEP}; that part was skipped.", file_name))
    blocks = _body_blocks(getattr(doc, "body", None))
    if not blocks:
        blocks = [b for b in tree_blocks(root) if b.text not in captions]
        if blocks:
            warnings.append(
                Notice("no-main-text", "No main article text recognised; every block of the page was kept.", file_name)
            )
    if not blocks and not one_line(getattr(doc, "title", None)):
        raise IngestError(file_name, f"the HTML page is {TOO_DEEP}" if tree.too_deep else "the HTML page holds no text")
    caption_set = set(captions)
    article_id, provenance = make_provenance(data, file_name, imported_at)
    found = Found(
        title=getattr(doc, "title", None),
        authors=tuple(a for a in (getattr(doc, "author", None) or "").split(";")),
        publisher=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        published=_date(getattr(doc, "date", None)),
        category=None,
        blocks=tuple(b for b in blocks if b.text not in caption_set),
        captions=tuple(captions),
        image_credits=tuple(credits),
        warnings=tuple(warnings),
    )
    return [compose_article(article_id, provenance, found)]
