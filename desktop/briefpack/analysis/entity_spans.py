"""How one capitalised span of text reads: a person with a title, an organisation, a place, or nothing.

The words and patterns entity finding rests on: a capitalised span
(``SPAN``), the words that open sentences and are no names (``COMMON``),
titles written before a name ("North Korean leader Kim Jong Un") or inside
the span ("Russian President Vladimir Putin"), a title waiting for its name
after a comma ("North Korea's Minister of External Economic Relations, Jun
Jong Ho"), and the gazetteer (``analysis.gazetteer``) that tells places and
organisations apart. ``read_span`` turns one span, in its text, into
mention rows; ``analysis.mentions`` decides when a span needs reading in
full. Pure functions; any thread.
"""

from __future__ import annotations

import functools
import re

from briefpack.analysis.gazetteer import Gazetteer

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals (Latin Extended-A mixes cases; the first letter test below settles it)
_LO = "a-zà-öø-ÿĀ-ſ"
# A capitalised word; a full stop belongs to it only in initials ("U.S.") and short titles ("Mr.", "St.").
# Written as one capital letter first, then the rest, so the regex engine can skip other positions fast.
_TOKEN = (
    rf"[{_UP}](?:(?:\.[{_UP}])+\.?|(?<=[MDPSJGLCR])(?:r|rs|s|rof|t|en|ol|gt|apt|ov|ep)\."
    rf"|[{_LO}{_UP}'’\-]*(?<!['’\-]))"
)
# Connectors that may sit inside a name ("Minister of Natural Resources", "Ministry of the Interior").
SPAN = re.compile(rf"{_TOKEN}(?:\s(?:(?:of|for|de|du|al|von|van|bin)\s(?:the\s)?)?{_TOKEN})*")
# A title written in lower case just before a name: "North Korean leader Kim Jong Un".
_ROLE_BEFORE = re.compile(
    rf"((?:(?:[{_UP}][\w'’\-]*|of|the)\s){{0,5}}?)"
    r"(leader|president|minister|foreign minister|prime minister|premier|chancellor|secretary|ambassador|envoy"
    r"|chairman|chairwoman|director|spokesman|spokeswoman|spokesperson|general|commander|governor|mayor"
    r"|senator|chief|official|marshal|head of state)\s\Z"
)
ROLE_WORDS = frozenset(
    "leader president minister premier chancellor secretary ambassador envoy chairman chairwoman director spokesman "
    "spokeswoman spokesperson general commander governor mayor senator chief official marshal state".split()
)
_APPOSITIVE_NAME = re.compile(r",\s")
_POSSESSIVE = re.compile(r"['’]s?$")

# Full names only: "Jun" and "Mar" are also name words ("Jun Jong Ho").
MONTHS = frozenset("January February March April May June July August September October November December".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Capitalised words that open sentences or phrases and are not names.
COMMON = frozenset(
    """The A An In On At Of During Meanwhile According Despite Also And But Or This That These Those It Its
    He She They We I You His Her Their Our Currently Clearly Although While Since After Before From To For
    With By As If When Where What Which Who Why How Then There Here However Moreover Furthermore Yet So
    Related Images Image Source Sources Comment Photo Read More Several Many Most Some All Both Each Other
    Such Last Next This Today Yesterday Tomorrow Tonight Earlier Later Now Still Even Only Just Already
    Two Three Four Five Six Seven Eight Nine Ten One First Second Third New Over Under About Between Among
    Following Because Unlike Like Instead Besides Nevertheless Thus Indeed
    People Government Ministry Western Eastern Northern Southern Central International National""".split()
) | MONTHS | WEEKDAYS



def _clean(token: str) -> str:
    return _POSSESSIVE.sub("", token) if not token.isupper() or "'" in token else token


def norm_key(name: str) -> str:
    return re.sub(r"[\s\-]+", " ", name).strip().lower()


@functools.lru_cache(maxsize=200_000)
def _classify(name: str, followed_by_place_word: bool, gaz: Gazetteer) -> tuple[str, str] | None:
    """``(kind, canonical)`` for a cleaned capitalised span without a title, or ``None`` when it is no entity."""
    if name in gaz.organisations:
        return ORGANISATION, gaz.organisations[name]
    if name in gaz.places:
        return PLACE, gaz.places[name]
    if name in gaz.demonyms:
        return None
    words = name.split()
    if words[-1] in gaz.org_suffixes or words[0] in gaz.org_prefixes:
        return ORGANISATION, name
    if followed_by_place_word:
        return PLACE, name
    if len(words) == 1:
        word = words[0]
        bare = word.replace(".", "")
        if bare.isupper() and 2 <= len(bare) <= 6 and bare.isalpha():
            return ORGANISATION, word
        if "-" in word:
            return None  # "Russia-DPRK": the parts are split by the caller
        return None
    if words[0] == "The":
        rest = " ".join(words[1:])
        return (ORGANISATION, name) if rest not in gaz.demonyms and rest not in gaz.places else None
    if any(w in COMMON or w.lower() in gaz.titles_lower or w in gaz.demonyms for w in words):
        return None
    if len(words) <= 4 and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words):
        return PERSON, name
    return None


def _name_shaped(words: list[str]) -> bool:
    return 1 <= len(words) <= 4 and all(
        w[0].isupper() and w.replace("-", "").isalpha() and w not in COMMON and w not in _NOT_NAME for w in words
    )


# Words that make a capitalised phrase a description rather than a name.
_NOT_NAME = frozenset("Relations Resources Affairs Economic External Foreign Natural Security Defence Defense".split())


def _split_role(raw: list[str], words: list[str], gaz: Gazetteer) -> tuple[str | None, list[str]]:
    """Split "Russian President Vladimir Putin" into the role (as written) and the name.

    No title head gives ``(None, words)``; a title with no name after it
    ("North Korea's Minister of External Economic Relations") gives
    ``(title, [])``.
    """
    head = None
    for i, w in enumerate(words):
        if w.lower() in gaz.title_heads_lower:
            head = i
    if head is None:
        return None, words
    rest = words[head + 1 :]
    if rest and not _name_shaped(rest):
        return " ".join(raw), []  # "Minister of Natural Resources": the whole span is a title
    return " ".join(raw[: head + 1]), rest



def read_span(
    text: str, span: str, start: int, end: int, pending_role: tuple[str, int] | None, block_index: int, gaz: Gazetteer, out: list[tuple]
) -> tuple[str, int] | None:
    """Append the mentions (as plain ``Mention`` rows) of the capitalised ``span`` at ``start:end`` of ``text`` to ``out``; the title left waiting, if any."""
    raw_words = span.split()
    # Leading words that open a sentence or phrase ("In", "The") are not part of the name,
    # except "The" in a known organisation ("The Economist").
    if span not in gaz.organisations:
        while raw_words and raw_words[0].rstrip(".") in COMMON:
            if raw_words[0] == "The" and " ".join(_clean(w) for w in raw_words) in gaz.organisations:
                break
            start += len(raw_words[0]) + 1
            raw_words = raw_words[1:]
    if not raw_words:
        return pending_role
    honorific = raw_words[0].rstrip(".") in gaz.honorifics and len(raw_words) > 1
    prefix = ""
    if honorific:
        prefix = raw_words[0] + " "  # kept in the variant as written: "Mr. Kim Jong Un"
        raw_words = raw_words[1:]
    words = [_clean(w) for w in raw_words]
    role, name_words = _split_role(raw_words, words, gaz)
    if pending_role is not None:
        title, title_end = pending_role
        pending_role = None
        kind = _classify(" ".join(words), False, gaz)
        if role is None and _APPOSITIVE_NAME.fullmatch(text[title_end:start]) and (kind is None or kind[0] == PERSON) and _name_shaped(words):
            out.append((" ".join(words), " ".join(words), PERSON, title, block_index, start, end))
            return pending_role
    if role is not None and not name_words:
        pending_role = (role, end)  # "North Korea's Minister of …" then ", Jun Jong Ho"
        # the possessor of the title is still a place or organisation ("North Korea")
        for i, w in enumerate(raw_words):
            if w.endswith(("'s", "’s")):
                owner = " ".join(_clean(x) for x in raw_words[: i + 1])
                kind = _classify(owner, False, gaz)
                if kind:
                    out.append((owner, owner, kind[0], None, block_index, start, start + len(owner)))
                break
        return pending_role
    if role is not None:
        name = " ".join(name_words)
        out.append((name, name, PERSON, role, block_index, end - len(" ".join(raw_words[len(words) - len(name_words):])), end))
        return pending_role
    # Split at a possessive inside the span: "Russia's Ministry" -> "Russia", "Ministry".
    parts: list[list[str]] = [[]]
    for w in raw_words:
        parts[-1].append(_clean(w))
        if w.endswith(("'s", "’s", "'", "’")) and not w.isupper():
            parts.append([])
    offset = start
    after = text[end : end + 12].lstrip().split(" ", 1)[0].lower().rstrip(".,;")
    parts = [p for p in parts if p]
    consumed = 0
    for n, part in enumerate(parts):
        name = " ".join(part)
        last = n == len(parts) - 1
        # The title pattern runs only when the word just before is a title word (cheap test first).
        j = text.rfind(" ", 0, max(0, offset - 1))
        role_match = None
        if text[j + 1 : offset - 1].lower() in ROLE_WORDS:
            role_match = _ROLE_BEFORE.search(text, max(0, offset - 60), offset)
        if honorific:
            out.append((name, prefix + name, PERSON, None, block_index, offset, offset + len(name)))
        elif "-" in name and " " not in name and all(p in gaz.places for p in name.split("-")):
            for piece in name.split("-"):
                out.append((piece, piece, PLACE, None, block_index, offset, offset + len(name)))
        else:
            kind = _classify(name, last and after in gaz.place_suffixes_lower, gaz)
            if role_match and (kind is None or kind[0] == PERSON) and name not in gaz.demonyms:
                role_text = (role_match.group(1) + role_match.group(2)).strip()
                role_words = role_text.split()
                while len(role_words) > 1 and (role_words[0] in ("the", "of") or role_words[0] in COMMON):
                    role_words = role_words[1:]  # "Meanwhile North Korean leader" -> "North Korean leader"
                role_text = " ".join(role_words)
                out.append((name, name, PERSON, role_text, block_index, offset, offset + len(name)))
            elif kind is not None:
                out.append((name, name, kind[0], None, block_index, offset, offset + len(name)))
            elif len(part) == 1 and part[0] not in COMMON and part[0] not in gaz.demonyms:
                out.append((name, name, None, None, block_index, offset, offset + len(name)))
        offset += len(" ".join(raw_words[consumed : consumed + len(part)])) + 1
        consumed += len(part)
    return pending_role


