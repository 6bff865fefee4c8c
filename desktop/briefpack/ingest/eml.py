"""The mail reader: an ``.eml`` message (a newsletter, a forwarded article) into an ``Article``.

The standard library's ``email`` package parses the message with the
modern policy (MIME words in headers decoded). The body is the text/plain
part, else the text/html part (read like an HTML fragment, never fetched,
never run); the subject is the title, the ``From:`` display name (else
its address) the author, the ``Date:`` header the date. A page a browser
saved as one file (``.mht``/``.mhtml``, the same MIME format) goes to the
HTML reader whole. A header too broken to
parse leaves its field empty with a warning rather than refusing the mail.
"""

from __future__ import annotations

import datetime as dt
import email
import email.errors
import email.policy
import email.utils
import re
from email.message import EmailMessage

from briefpack.ingest.compose import Found, compose_article
from briefpack.ingest.decode import decode_text
from briefpack.ingest.errors import IngestError
from briefpack.ingest.formats import EmlOptions, sniff_eml
from briefpack.ingest.html import read_html
from briefpack.ingest.markup import fragment_blocks
from briefpack.ingest.normalize import normalize_text
from briefpack.ingest.provenance import make_provenance
from briefpack.model import Article, Block, BlockKind, Notice

# Errors the email package raises from header parsing on malformed input,
# besides its own: its parser is lenient but its header objects are not.
_HEADER_ERRORS = (email.errors.MessageError, ValueError, TypeError, IndexError, AttributeError, LookupError)

__all__ = ["EmlOptions", "read_eml", "sniff_eml"]


def _header(message: EmailMessage, name: str, notes: list[Notice], file_name: str | None) -> object | None:
    try:
        return message.get(name)
    except _HEADER_ERRORS:
        notes.append(Notice("bad-header", f"The {name}: header could not be read and was ignored.", file_name))
        return None


def _author(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    try:
        addresses = getattr(value, "addresses", None)
        if addresses:
            return tuple(a.display_name or a.addr_spec for a in addresses if a.display_name or "@" in a.addr_spec)
    except _HEADER_ERRORS:
        pass
    name, address = email.utils.parseaddr(str(value))
    # "<Saved by Blink>" and the like name a program, not a person.
    return tuple(x for x in (name or (address if "@" in address else ""),) if x)


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    when = getattr(value, "datetime", None)
    if isinstance(when, dt.datetime):
        return when.date()
    try:
        return email.utils.parsedate_to_datetime(str(value)).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _plain_blocks(text: str) -> list[Block]:
    """Paragraphs of a plain-text body: blank lines separate them, wrapped lines join, the signature is dropped."""
    text = normalize_text(text)
    text = text.split("\n-- \n", 1)[0].split("\n--\n", 1)[0]
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.split("\n") if not line.startswith(">")]
        joined = " ".join(" ".join(lines).split())
        if joined:
            blocks.append(Block(BlockKind.PARAGRAPH, joined))
    return blocks


def _part_text(part: EmailMessage) -> str | None:
    try:
        content = part.get_content()
    except (LookupError, *_HEADER_ERRORS, UnicodeError):
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else None
    if isinstance(content, bytes):
        return decode_text(content)
    return content if isinstance(content, str) else None


def _body(message: EmailMessage, options: EmlOptions, file_name: str | None) -> list[Block]:
    order = ("plain", "html") if options.prefer_plain else ("html", "plain")
    for kind in order:
        try:
            part = message.get_body(preferencelist=(kind,))
        except _HEADER_ERRORS:
            part = None
        if part is None:
            continue
        text = _part_text(part)
        if not text or not text.strip():
            continue
        blocks = fragment_blocks(text, file_name) if kind == "html" else _plain_blocks(text)
        if blocks:
            return blocks
    return []


def _saved_page(
    message: EmailMessage, data: bytes, file_name: str | None, imported_at: dt.datetime | None
) -> list[Article] | None:
    """A page a browser saved as one file (MHTML: ``multipart/related`` around the page), read as HTML; else ``None``."""
    try:
        if message.get_content_type() != "multipart/related":
            return None
        part = message.get_body(preferencelist=("html",))
        location = message.get("snapshot-content-location") or (part.get("content-location") if part else None)
        html = part.get_payload(decode=True) if part is not None else None
    except _HEADER_ERRORS:
        return None
    if not isinstance(html, bytes) or not html.strip():
        return None
    [page] = read_html(html, file_name, imported_at)
    article_id, provenance = make_provenance(data, file_name, imported_at)
    url = page.url or (str(location) if location and str(location).startswith(("http://", "https://")) else None)
    return [page.with_changes(id=article_id, provenance=provenance, url=url)]


def read_eml(
    data: bytes, file_name: str | None, imported_at: dt.datetime | None = None, options: EmlOptions | None = None
) -> list[Article]:
    """Parse a mail message into a one-article list.

    ``file_name`` ``None`` means pasted text; ``imported_at`` ``None`` means
    now (UTC). Raises ``IngestError`` for a message with neither subject nor
    a readable text part. Offline and pure: any thread may call it.
    """
    options = options or EmlOptions()
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except (*_HEADER_ERRORS, UnicodeError, RecursionError) as exc:
        raise IngestError(file_name, f"not a readable mail message ({type(exc).__name__})") from exc
    saved = _saved_page(message, data, file_name, imported_at)
    if saved is not None:
        return saved
    notes: list[Notice] = []
    subject = _header(message, "subject", notes, file_name)
    author = _header(message, "from", notes, file_name)
    date = _header(message, "date", notes, file_name)
    try:
        blocks = _body(message, options, file_name)
    except RecursionError as exc:
        raise IngestError(file_name, "the message is nested too deeply to read") from exc
    title = str(subject) if subject is not None else None
    if not blocks and not (title and title.strip()):
        raise IngestError(file_name, "not a mail message with a subject or a text part")
    article_id, provenance = make_provenance(data, file_name, imported_at)
    found = Found(
        title=title,
        authors=_author(author),
        published=_date(date),
        blocks=tuple(blocks),
        warnings=tuple(notes),
    )
    return [compose_article(article_id, provenance, found)]
