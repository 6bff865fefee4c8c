"""The feed reader: an RSS or Atom file into one ``Article`` per entry, through feedparser.

A saved feed is several articles in one file. feedparser reads RSS 0.9x to
2.0, RSS 1.0 and Atom, sanitises the entries' HTML (no scripts) and is
given the bytes as a stream, never as a string it could take for a URL or
a path. Documents that declare XML entities are refused before parsing.
Each entry's content (or summary) becomes body blocks; its title, authors,
link and date are the article's, the feed's title its publisher. An
entry's id comes from the entry itself (see
``provenance.make_entry_provenance``), so the same entry in tomorrow's copy
of the feed is recognised.
"""

from __future__ import annotations

import datetime as dt
import io

import feedparser

from briefpack.ingest.compose import Found, compose_article, one_line
from briefpack.ingest.errors import IngestError
from briefpack.ingest.formats import FeedOptions, sniff_feed
from briefpack.ingest.markup import fragment_blocks, refuse_entity_declarations
from briefpack.ingest.provenance import make_entry_provenance
from briefpack.model import Article

__all__ = ["FeedOptions", "read_feed", "sniff_feed"]


def _date(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError, TypeError):
                continue
    return None


def _authors(entry: dict) -> tuple[str, ...]:
    names = [a.get("name") or a.get("email") for a in entry.get("authors") or () if isinstance(a, dict)]
    if not names and entry.get("author"):
        names = [entry["author"]]
    return tuple(n for n in names if isinstance(n, str))


def _content(entry: dict) -> str:
    """The fullest HTML the entry carries: its content, else its summary."""
    for content in entry.get("content") or ():
        value = content.get("value") if isinstance(content, dict) else None
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _entry_key(entry: dict, content: str) -> str:
    """What identifies an entry: its id or link, with its title and text (an edited entry is a new version)."""
    ident = entry.get("id") or entry.get("link") or ""
    return "\x1f".join(str(part) for part in ("feed-entry", ident, entry.get("title") or "", content))


def read_feed(
    data: bytes, file_name: str | None, imported_at: dt.datetime | None = None, options: FeedOptions | None = None
) -> list[Article]:
    """Parse an RSS or Atom document into one ``Article`` per entry, in feed order.

    ``file_name`` ``None`` means pasted text; ``imported_at`` ``None`` means
    now (UTC). Raises ``IngestError`` for entity declarations, a document
    that is not a feed, and a feed without entries. Offline and pure: any
    thread may call it.
    """
    options = options or FeedOptions()
    refuse_entity_declarations(data, file_name)
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    except (ValueError, TypeError, LookupError, AttributeError, IndexError, RecursionError) as exc:
        raise IngestError(file_name, f"not a readable feed ({type(exc).__name__})") from exc
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        raise IngestError(file_name, "not an RSS or Atom feed")
    if not entries:
        raise IngestError(file_name, "the feed holds no entries")
    feed = parsed.get("feed") or {}
    publisher = one_line(feed.get("title")) if isinstance(feed.get("title"), str) else None
    articles: list[Article] = []
    seen: set[str] = set()
    for entry in entries[: options.max_entries]:
        content = _content(entry)
        blocks = tuple(fragment_blocks(content, file_name)) if content else ()
        title = entry.get("title") if isinstance(entry.get("title"), str) else None
        if not blocks and not one_line(title):
            continue  # an entry with neither title nor text is nothing to cite
        article_id, provenance = make_entry_provenance(data, file_name, imported_at, _entry_key(entry, content))
        if article_id in seen:
            continue  # the same entry twice in one file
        seen.add(article_id)
        link = entry.get("link")
        tags = [t.get("term") for t in entry.get("tags") or () if isinstance(t, dict)]
        found = Found(
            title=title,
            authors=_authors(entry),
            publisher=publisher,
            url=link if isinstance(link, str) and link.startswith(("http://", "https://")) else None,
            published=_date(entry),
            category=next((t for t in tags if isinstance(t, str) and t.strip()), None),
            blocks=blocks,
        )
        articles.append(compose_article(article_id, provenance, found))
    if not articles:
        raise IngestError(file_name, "the feed's entries hold no titles or text")
    return articles
