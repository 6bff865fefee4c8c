"""Translation provenance: say in the citation that a source was read in translation.

An article imported in one language but written in another carries
``Article.original_language`` ("vi"). No shipped CSL style has a place for
"read in translation" on a news item (CSL's ``translator`` is a person, and
``original-title`` would claim a title we do not have), so briefpack adds the
words itself, after the style has formatted the citation: the first, full
note of such a source and its bibliography entry end with "Translated from
Vietnamese." Where the style's text ends without a full stop (APA and
Harvard end an entry on its URL or access date, and a full stop after a URL
would read as part of it), the words go in parentheses instead:
"… https://example.org/a (translated from Vietnamese)". A note citing
several sources names the translated one ("baoquocte.vn: translated from
Vietnamese."). Short notes and in-text citations stay short and carry nothing.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from briefpack.model.article import Article
from briefpack.model.brief import Emph, Inline, Link, Strong, Text


def language_name(code: str | None) -> str | None:
    """The English name of a language code ("vi" → "Vietnamese"); the code itself when CLDR does not know it; ``None`` for none."""
    if not code:
        return None
    base = code.replace("-", "_").split("_")[0].lower()
    try:
        return Locale("en").languages.get(base) or code
    except (UnknownLocaleError, ValueError):  # pragma: no cover - "en" is always there
        return code


def translated_from(article: Article) -> str | None:
    """The language ``article`` was translated from, by name; ``None`` when not known or not a translation."""
    original = (article.original_language or "").strip()
    if not original:
        return None
    if article.language and original.split("-")[0].lower() == article.language.split("-")[0].lower():
        return None
    return language_name(original)


def with_provenance(inlines: tuple[Inline, ...], language: str, *, who: str | None = None) -> tuple[Inline, ...]:
    """``inlines`` (a formatted note or entry) with "translated from ``language``" added at its end.

    ``who`` names the translated source when the note cites several ("baoquocte.vn: translated from
    Vietnamese."); ``None`` when the note or entry is about that one source.
    """
    if _last_char(inlines) == ".":
        words = f"{who}: translated from {language}." if who else f"Translated from {language}."
        return inlines + (Text(" " + words),)
    return inlines + (Text(f" ({who + ': ' if who else ''}translated from {language})"),)


def _last_char(inlines: tuple[Inline, ...]) -> str:
    for node in reversed(inlines):
        if isinstance(node, Text):
            if node.text.strip():
                return node.text.rstrip()[-1]
        elif isinstance(node, (Emph, Strong, Link)):
            found = _last_char(node.children)
            if found:
                return found
    return ""
