"""Outlets named on a page: the names a byline must not take for a person's.

A page dump prints its outlet's name in several places: in the masthead
("Tuoi Tre News"), after a slash in a sign-off ("Thanh Hai / Tuoi Tre News"),
in its domain ("tuoitrenews.vn"). A bare "Tuoi Tre" under the headline then
reads like a Vietnamese name but is the outlet. ``outlet_names`` collects
those names from a page's lines as keys (``outlet_key``: the letters in lower
case); ``OUTLET_AFTER_SLASH`` finds the outlet that ends a sign-off line;
``is_outlet_name`` tells an agency or outlet printed beside a byline's names
("By Anna Kim, The Associated Press", "By Reuters").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

import ahocorasick_rs

from briefpack.ingest.web import bare_domain

# Words that end an outlet's name: "Tuoi Tre News", "The Kyiv Independent", "Korea JoongAng Daily".
OUTLET_WORDS = frozenset(
    """news daily times post herald online media tribune journal gazette press independent insider express
    today weekly review observer monitor chronicle telegraph radio tv television network agency wire""".split()
)
# News agencies and broadcasters whose name stands in bylines where a person's would ("By Reuters").
NEWS_AGENCIES = frozenset(
    """Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|UPI|Yonhap|Newsis|News1|Xinhua|TASS
    |RIA Novosti|Sputnik|Interfax|Kyodo|Jiji|KCNA|VNA|Bernama|Antara|Anadolu|ANSA|EFE|dpa|PTI|ANI|IANS|PAP|CTK
    |Ukrinform|UNIAN|BTA|MTI|Lusa|AAP|CNA|Al Jazeera|BBC|CNN|NHK|KBS|Arirang|Kyodo News|Jiji Press""".replace("\n", "")
    .split("|")
)
# A slash, then an outlet's name that ends in an outlet word, or an agency's, ending the line: "… / The Daily
# Tribune", "ANNA WIŚNIEWSKA / PAP".
OUTLET_AFTER_SLASH = re.compile(
    r"\s/\s+(?:(?:[^\W\d_][\w'’.&-]*\s+){0,3}(?i:" + "|".join(sorted(OUTLET_WORDS)) + r")\.?"
    + r"|(?i:" + "|".join(sorted(map(re.escape, NEWS_AGENCIES), key=len, reverse=True)) + r"))\s*$"
)
_AGENCY_KEYS = frozenset("".join(ch for ch in name.lower() if ch.isalpha()) for name in NEWS_AGENCIES)
_MAX_ACRONYM = 5
_LONGEST_OUTLET_WORD = max(map(len, OUTLET_WORDS))


def is_outlet_name(piece: str) -> bool:
    """True for a news agency ("Reuters", "Kyodo News"), an outlet ending in an outlet word
    ("The Associated Press", "ASSOCIATED PRESS"), a lone short acronym ("AFP") or a site's domain
    ("KSL.com"): never a person."""
    words = piece.split()
    if not words:
        return False
    if outlet_key(piece) in _AGENCY_KEYS or words[-1].lower().strip(".,") in OUTLET_WORDS:
        return True
    if len(words) == 1 and "." in piece and bare_domain(piece.lower()) is not None:
        return True
    return len(words) == 1 and words[0].isupper() and words[0].isalpha() and len(words[0]) <= _MAX_ACRONYM


_WORD_SPAN = re.compile(r"[^\W\d_][\w'’.-]*|[^\w\s]+")
_MAX_OUTLET_NAME_WORDS = 3
# The name part of a domain: "tuoitrenews" in "https://tuoitrenews.vn/…" or "www.nknews.org".
_DOMAIN_LABEL = re.compile(r"(?<![\w.@-])(?:www\.)?([a-z0-9-]{3,})\.[a-z]{2,}(?:\.[a-z]{2})?(?![\w-])")
_PUNCTUATION = ".,;:!?()[]\"'’”»|/"
# An outlet word whose first letter is a capital ("News", "TIMES"): what a name before an outlet
# word needs. Case is ignored after the first letter as ``str.lower`` ignores it (the pattern's case
# folding also lets the Kelvin sign stand for "k", as ``lower`` does).
_CAPITALISED_OUTLET_WORD = re.compile("|".join(w[0].upper() + "(?i:" + w[1:] + ")" for w in sorted(OUTLET_WORDS)))
# Every outlet word in one automaton over the lowered page: one pass where the pattern above tries its
# alternatives at every character (half the time on a 5 KB page).
_SORTED_OUTLET_WORDS = sorted(OUTLET_WORDS)
_OUTLET_WORD_FINDER = ahocorasick_rs.AhoCorasick(_SORTED_OUTLET_WORDS)


def _capitalised_word_starts(page: str, lowered_page: str) -> list[int]:
    """Offsets in ``page`` where an outlet word may start with a capital: every place a line's token
    can read as one (its lower case the word, its first letter upper case) is among them.

    Where the page's lower case is as long as the page, each character lowered to one (only "İ" lowers
    to two), so the lowered page holds the word at the token's own offset, and a capital there is not
    the word's lower-case first letter. Otherwise, or for text the automaton cannot take (a lone
    surrogate), ``_CAPITALISED_OUTLET_WORD`` finds them on the page itself. A start that reads as no
    name costs only its line's word-by-word reading, which decides.
    """
    if len(lowered_page) == len(page):
        try:
            matches = _OUTLET_WORD_FINDER.find_matches_as_indexes(lowered_page, overlapping=True)
        except UnicodeEncodeError:
            pass
        else:
            return [start for index, start, _ in matches if page[start] != _SORTED_OUTLET_WORDS[index][0]]
    return [m.start() for m in _CAPITALISED_OUTLET_WORD.finditer(page)]


def outlet_key(name: str) -> str:
    """``name`` as ``outlet_names`` keys it: its letters in lower case ("Tuoi Tre" → "tuoitre")."""
    return "".join(filter(str.isalpha, name.lower()))


def outlet_names(texts: Iterable[str]) -> frozenset[str]:
    """Keys (``outlet_key``) of the names ``texts`` print as an outlet's.

    Two cues: capitalised words before an outlet word ("Tuoi Tre News" gives "tuoitre" and "tre"),
    and a domain made of a name and an outlet word ("tuoitrenews.vn" gives "tuoitre"). A bare line
    holding such a name ("Tuoi Tre" under the headline) names the outlet, not its author.
    """
    texts = list(texts)  # read twice: as one page, then line by line
    page = "\n".join(texts)
    lowered_page = page.lower()
    # Substring and pattern tests in C over the whole page pick the few lines worth the scans
    # below. A domain label counts only when it ends in an outlet word, so its line holds that
    # word and a dot ("tuoitrenews.vn"); a name before an outlet word needs that word capitalised.
    # Only the ends of the text between the page's dots can hold "word.": the scans read those alone.
    dot_ends = ".".join(part[-_LONGEST_OUTLET_WORD:] for part in lowered_page.split("."))
    dotted = [w + "." for w in OUTLET_WORDS if w + "." in dot_ends]
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    capitalised = {bisect.bisect_right(starts, start) - 1 for start in _capitalised_word_starts(page, lowered_page)}
    found: set[str] = set()
    for index, text in enumerate(texts):
        if index not in capitalised and not dotted:
            continue
        lowered = text.lower()
        if dotted and any(d in lowered for d in dotted):
            for label in _DOMAIN_LABEL.findall(lowered):
                found.update(label[: -len(w)] for w in OUTLET_WORDS if label.endswith(w) and len(label) >= len(w) + 2)
        if index not in capitalised or not any(w.strip(_PUNCTUATION) in OUTLET_WORDS for w in lowered.split()):
            continue
        run: list[str] = []
        for token in _WORD_SPAN.findall(text):
            if token.lower().rstrip(".") in OUTLET_WORDS and token[0].isupper() and run:
                tail = run[-_MAX_OUTLET_NAME_WORDS:]
                found.update(outlet_key("".join(tail[i:])) for i in range(len(tail)))
            run = [*run, token] if token[0].isupper() and token[0].isalpha() else []
    return frozenset(found)
