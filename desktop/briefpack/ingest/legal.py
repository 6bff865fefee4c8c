"""Legal notices in page dumps: recognising them and reading the rights holder out of them.

News sites append copyright and reuse notices ("Downloading, reproduction …
requires prior consent from X, the owner of this website") and think tanks
and opinion pages disclaimers ("The views expressed … do not necessarily
reflect …"). They are not body text, but they name who holds the rights. ``is_legal_notice`` spots
them by their vocabulary; ``rights_holder`` finds the organisation they
name, preferring the one described as the owner of the site; and
``abbreviate_legal_form`` writes company forms the way citations do
("Spółka Akcyjna" → "S.A.", "Limited" → "Ltd") from a small table.
"""

from __future__ import annotations

import re

import ahocorasick_rs

from briefpack.ingest.caseless import caseless
from briefpack.ingest.nonascii import non_ascii_chars

# Long legal forms and how citations abbreviate them. Keys are lower case.
LEGAL_FORM_ABBREVIATIONS: dict[str, str] = {
    "spółka akcyjna": "S.A.",
    "spółka z ograniczoną odpowiedzialnością": "sp. z o.o.",
    "spółka komandytowa": "sp.k.",
    "société anonyme": "S.A.",
    "sociedad anónima": "S.A.",
    "sociedade anónima": "S.A.",
    "società per azioni": "S.p.A.",
    "società a responsabilità limitata": "S.r.l.",
    "aktiengesellschaft": "AG",
    "gesellschaft mit beschränkter haftung": "GmbH",
    "besloten vennootschap": "B.V.",
    "naamloze vennootschap": "N.V.",
    "akciová společnost": "a.s.",
    "společnost s ručením omezeným": "s.r.o.",
    "public limited company": "plc",
    "limited liability company": "LLC",
    "joint stock company": "JSC",
    "limited": "Ltd",
    "incorporated": "Inc.",
}
# Short forms that already end an organisation's name.
_SHORT_FORMS = (
    "S.A.", "SA", "sp. z o.o.", "Sp. z o.o.", "sp.k.", "S.p.A.", "S.r.l.", "AG", "GmbH", "B.V.",
    "N.V.", "a.s.", "s.r.o.", "plc", "PLC", "LLC", "L.L.C.", "JSC", "Ltd", "Ltd.", "Inc.", "Inc",
    "Corp.", "Corporation", "Co.",
)
# Long forms match in any case; short ones only as written, because in lower
# case several are ordinary words ("sa" in Slovak, "ag" …).
_LONG_FORMS = "|".join(re.escape(f) for f in sorted(LEGAL_FORM_ABBREVIATIONS, key=len, reverse=True))
_SHORT_PATTERN = "|".join(re.escape(f) for f in sorted(_SHORT_FORMS, key=len, reverse=True))
_FORM = re.compile(rf"(?<![\w.])(?:(?i:{_LONG_FORMS})|{_SHORT_PATTERN})(?!\w)")
_CONNECTORS = frozenset({"&", "and", "of", "und", "i", "et", "y", "e", "-", "+"})

# Vocabulary of reuse and copyright notices; two different cues make a notice.
_CUES = re.compile(
    r"all rights reserved|copyright|reproduc|redistribut|republish|prior (?:and explicit |written )?consent"
    r"|without (?:the )?(?:prior |express )?(?:written )?permission|owner of this (?:web)?site"
    r"|terms of (?:use|service)|intellectual property|text and data mining|machine learning"
    r"|permitted use|applicable law|used with (?:the )?permission|wszelkie prawa zastrzeżone|все права защищены"
    # citation rules of agencies in Ukraine and Russia: "When citing … a hyperlink … is mandatory"
    r"|when citing|hyperlinks? (?:to|not)|(?:is|are) (?:mandatory|obligatory)"
    # disclaimers under opinion and think-tank pieces: "The views expressed … are solely those of the author"
    r"|(?:views|opinions)(?:,? [a-z]+,?){0,4} expressed|(?:solely|only|entirely) (?:those|the views) of the author"
    r"|do(?:es)? not necessarily (?:reflect|represent)"
    r"|(?:not|no) take (?:specific |institutional )?(?:policy )?positions",
    re.IGNORECASE,
)
# The same pattern without IGNORECASE, for lower-cased text (``caseless``).
_PLAIN_CUES = re.compile(_CUES.pattern)
# A literal every cue contains (one per alternative of ``_CUES``): no hint, no cue. None ends in a
# space: a search for a literal ending in a letter skips through text faster than one ending in a
# space, the commonest character, and each page is searched for every hint.
_CUE_HINTS = (
    "all rights reserved", "copyright", "reproduc", "redistribut", "republish", "prior", "without",
    "owner of this", "terms of", "intellectual property", "text and data mining", "machine learning",
    "permitted use", "applicable law", "used with", "wszelkie prawa zastrzeżone", "все права защищены",
    "when citing", "hyperlink", "mandatory", "obligatory", " expressed", " of the author", "necessarily",
    "positions",
)
# All the hints in one automaton: a page is read once for every hint it holds, not once per hint
# (25 searches of a 5 KB page cost four times the one pass). It reads the page's UTF-8 bytes, where a
# hint's bytes stand exactly where the hint stands in the text: UTF-8 is prefix-free and no character
# starts with a continuation byte, so no match can begin or end inside a character.
_HINT_FINDER = ahocorasick_rs.BytesAhoCorasick([hint.encode("utf-8") for hint in _CUE_HINTS])
_OWNER = re.compile(r"\bowner of this (?:web ?site|site|portal|service|page)\b", re.IGNORECASE)
_CONSENT_FROM = re.compile(r"\bconsent (?:from|of|by) (?P<name>[^,;:()]{2,120})", re.IGNORECASE)
_OWNER_IS = re.compile(
    r"\bowner of this (?:web ?site|site|portal|service|page) is (?P<name>[^,;:()]{2,120})", re.IGNORECASE
)
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,]*)?(?P<name>.{2,120})",
    re.IGNORECASE,
)
# Where the holder's name stops when no legal form ends it.
_NAME_END = re.compile(r"[,;|©]|\.(?:\s|$)")
_TRAILING_YEAR = re.compile(r"\s*\d{4}(?:\s*[-–]\s*\d{4})?$")
_RESERVED = re.compile(r"\ball rights reserved\b.*$", re.IGNORECASE)
# A short line that is nothing but the reservation, a "©" line before it allowed.
_RESERVED_LINE = re.compile(r"(?:©.*)?all rights reserved\.?", re.IGNORECASE)


# Each Latin-1 character's lower case, itself one Latin-1 character (a test checks all 256): a page
# below U+0100 with a letter outside ASCII (an accented name) is lowered by one byte translation,
# where ``str.lower`` looks every character up in Unicode's tables (ten times the time).
_LATIN1_LOWER = bytes(ord(chr(b).lower()) for b in range(256))
# The one Latin-1 character ``caseless`` refuses (MICRO SIGN: ``re`` pairs it with the Greek mu).
_LATIN1_UNSAFE = b"\xb5"


def _lowered_page(page: str) -> str | None:
    """``caseless(page)``, reached by cheaper passes for a page with characters outside ASCII.

    ``caseless`` lowers the page and scans all of it for a character it refuses; here a Latin-1
    page is lowered byte by byte (the same text, see ``_LATIN1_LOWER``) and checked for its one
    refused character by a byte search, and any other page is checked on its characters outside
    ASCII only (every refused character is one of them), a short text.
    """
    if page.isascii():
        return caseless(page)
    try:
        one_byte = page.encode("latin-1")
    except UnicodeEncodeError:  # a character past U+00FF
        return None if caseless(non_ascii_chars(page)) is None else page.lower()
    if _LATIN1_UNSAFE in one_byte:
        return None
    return one_byte.translate(_LATIN1_LOWER).decode("latin-1")


def cue_hints(page: str) -> tuple[str, ...]:
    """The literal cue hints ``page`` holds: the only ones a line of it can hold, so the only ones
    ``is_legal_notice`` need look for in its lines (all of them when ``caseless`` refuses the page)."""
    lowered = _lowered_page(page)
    if lowered is None:
        return _CUE_HINTS
    # Overlapping matches: every occurrence of every hint, so a hint inside or across another is found too.
    matches = _HINT_FINDER.find_matches_as_indexes(lowered.encode("utf-8", "surrogatepass"), overlapping=True)
    return tuple(map(_CUE_HINTS.__getitem__, sorted({index for index, _, _ in matches})))


# A line this long needs two cues to be a notice; a shorter one is a notice only as "All rights reserved".
MIN_NOTICE_WORDS = 12


def is_legal_notice(
    text: str, *, min_words: int = MIN_NOTICE_WORDS, words: int | None = None, hints: tuple[str, ...] = _CUE_HINTS
) -> bool:
    """True when ``text`` reads like a copyright or reuse notice rather than news.

    ``words`` is ``len(text.split())`` when the caller has counted already; ``hints`` is
    ``cue_hints(page)`` for a line of ``page``, which spares each line most substring tests
    (a page without hints, most pages, settles its long lines at once).
    """
    if (len(text.split()) if words is None else words) < min_words:
        # The pattern only matches a line that ends with "reserved": a test on the last
        # letters spares it most short lines (``caseless`` keeps the test exact).
        end = text.rstrip()[-12:]
        lowered_end = caseless(end)
        if lowered_end is not None and "reserved" not in lowered_end:
            return False
        return _RESERVED_LINE.fullmatch(text.strip()) is not None
    if not hints:
        # No hint on the page: ``cue_hints`` gives every hint for a page ``caseless`` refuses, so the page
        # was read lower-cased and holds no cue, nor does this line of it.
        return False
    lowered = caseless(text)
    if lowered is None:
        return len({m.group(0).lower()[:8] for m in _CUES.finditer(text)}) >= 2
    # Most paragraphs hold no cue at all: a substring test rules them out
    # before any regex runs; the cue pattern is all lower case, so it reads
    # the lowered text without IGNORECASE and finds the same matches.
    if not any(map(lowered.__contains__, hints)):
        return False
    return len({m.group(0)[:8] for m in _PLAIN_CUES.finditer(lowered)}) >= 2


def abbreviate_legal_form(name: str) -> str:
    """``name`` with a long legal form at its end abbreviated (``… Spółka Akcyjna`` → ``… S.A.``)."""
    name = name.strip()
    lowered = name.lower()
    for form, short in sorted(LEGAL_FORM_ABBREVIATIONS.items(), key=lambda kv: len(kv[0]), reverse=True):
        if lowered.endswith(" " + form):
            return f"{name[: -len(form)].rstrip()} {short}"
    return name


def _organisation_before(text: str, end: int) -> str | None:
    """The capitalised run of words ending at ``end`` (an organisation's name), or ``None``."""
    words = text[:end].split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip("“”\"'()")
        capitalised = bare and (bare[0].isupper() or bare[0].isdigit())
        if capitalised or (taken and bare.lower() in _CONNECTORS):
            taken.append(bare)
        else:
            break
        if word != bare or len(taken) >= 8:
            break
    while taken and taken[-1].lower() in _CONNECTORS:
        taken.pop()
    return " ".join(reversed(taken)) or None


def organisations(text: str) -> list[tuple[int, str]]:
    """Names ending in a legal form (``X Sp. z o.o.``, ``Y Limited``) with their end offsets."""
    found: list[tuple[int, str]] = []
    for match in _FORM.finditer(text):
        head = _organisation_before(text, match.start())
        if head:
            found.append((match.end(), f"{head} {match.group(0)}"))
    return found


def rights_holder(text: str) -> str | None:
    """The organisation a legal notice names as owner of the site or of the copyright; ``None`` if none.

    The organisation nearest to "the owner of this website" wins; without
    such a phrase, the holder after a ``©``. Legal forms are abbreviated.
    """
    owner = _OWNER.search(text)
    if owner is not None:
        stated = _OWNER_IS.search(text)
        if stated:
            return abbreviate_legal_form(stated.group("name"))
        named = organisations(text)
        if named:
            _, name = min(named, key=lambda item: abs(item[0] - owner.start()))
            return abbreviate_legal_form(name)
        consent = _CONSENT_FROM.search(text)
        if consent:
            return abbreviate_legal_form(consent.group("name"))
    return copyright_holder(text)


def copyright_holder(text: str) -> str | None:
    """The holder named after ``©``/"Copyright" (years and "All rights reserved" dropped), or ``None``."""
    match = _COPYRIGHT_HOLDER.search(_RESERVED.sub("", text))
    if match is None:
        return None
    rest = match.group("name")
    named = organisations(rest)
    if named:
        return abbreviate_legal_form(named[0][1])
    name = _NAME_END.split(rest, maxsplit=1)[0].strip(" -–|")
    name = _TRAILING_YEAR.sub("", name)
    if not name or not any(ch.isalpha() for ch in name) or not name[0].isupper():
        return None
    return abbreviate_legal_form(name)
