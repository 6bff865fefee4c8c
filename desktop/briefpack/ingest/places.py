"""Places in the lines a byline reader looks at: countries, regions and cities, not people.

"North Korea", "Hong Kong", "N. Korea", "Jeju Island", "U.S. Congress" are
written like personal names; ``is_place`` tells them apart: a country or
region anywhere in the words, a city of two words or more (Babel's time-zone
cities), a place-name opener or closer, a compass point's initial before the
rest of a country's name, or a country's abbreviation. A one-word country
that is also a given name ("Chad", "Jordan", "Georgia", "Israel", by the
census list in ``resources/names``) opens a person's name when something
other than a country follows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel.core import get_global

from briefpack.paths import RESOURCES_DIR

# Given names (US Census 1990, public domain), one a line: see ``_given_names``.
GIVEN_NAMES_FILE = RESOURCES_DIR / "names" / "given-names.txt"

# Words that make a line of two words or more a place: they open a place name ("New Delhi",
# "San Francisco", "St. Petersburg", "Fort Worth") or close one ("Jeju Island", "Korean
# Peninsula", "Gangwon Province"), and never stand there in a person's name.
_PLACE_OPENERS = frozenset("new san santa são sao saint st ste port fort ciudad mount lake cape las los rio".split())
_PLACE_CLOSERS = frozenset(
    """city island islands peninsula province prefecture oblast krai region county district territory
    strait straits sea gulf coast valley river zone basin delta plateau""".split()
)
# A compass point as a lone initial: "N. Korea" is North Korea, "S. Sudan" South Sudan.
_COMPASS = {
    "n": ("north", "northern"), "s": ("south", "southern"), "e": ("east", "eastern"),
    "w": ("west", "western"), "c": ("central",), "ne": ("northeast",), "nw": ("northwest",),
    "se": ("southeast",), "sw": ("southwest",),
}
# Countries and blocs news copy abbreviates ("U.S.", "DPRK"); keys without dots. Other dotted
# initials stay a person's ("J.R. Smith"): most two-letter country codes are initials too.
_PLACE_ABBREVIATIONS = frozenset("us usa uk uae eu un ussr prc dprk rok drc".split())
# An initial: "N.", "N", "S.E.".
_INITIAL = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]")


def place_key(words: list[str]) -> str:
    """Words as a place-name key: lower case, without dots and apostrophes ("St. John’s" → "st johns")."""
    return " ".join(map(_word_key, words)).strip()


def _word_key(word: str) -> str:
    return word.lower().replace(".", "").replace("’", "").replace("'", "")


@lru_cache(maxsize=1)
def territories() -> frozenset[str]:
    """English names of countries and regions: "North Korea" is a place, not a person."""
    return frozenset(place_key(name.split()) for name in Locale("en").territories.values())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Countries, regions and the cities of the time-zone database ("Phnom Penh", "New York", "Hong Kong").

    Both come with Babel: the zone IDs name a city each ("Asia/Ho_Chi_Minh"), and
    their English exemplar names and the old zone IDs ("Asia/Saigon") add the
    spellings news copy uses.
    """
    zones = [*get_global("zone_territories"), *get_global("zone_aliases")]
    cities = {place_key(zone.rsplit("/", 1)[-1].replace("_", " ").split()) for zone in zones}
    exemplars = (zone.get("city", "") for zone in Locale("en").time_zones.values())
    cities.update(place_key(name.split(",")[0].split()) for name in exemplars if name)
    return territories() | frozenset(c for c in cities if c)


@lru_cache(maxsize=1)
def _place_first_words() -> frozenset[str]:
    """The first words of the places of two words or more ("hong" of "hong kong"), for ``is_place``."""
    return frozenset(key.split(" ", 1)[0] for key in _places() if " " in key)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names in lower case; empty when the list is missing (then no country reads as a name)."""
    try:
        text = GIVEN_NAMES_FILE.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _given_name_first(keys: list[str]) -> bool:
    """True when the first word is a given name and some word after it is no country ("Chad Smith").

    One-word cities do not count against it: they are surnames as often ("Israel Mendoza").
    """
    return len(keys) >= 2 and keys[0] in _given_names() and any(k not in territories() for k in keys[1:])


def _abbreviates_place(word: str) -> bool:
    """True for "U.S.", "U.N." or "DPRK", not for "Un" in "Kim Jong Un" or "UN" in "KIM JONG UN"."""
    if "." not in word and not (word.isupper() and len(word) >= 3):
        return False
    return word.lower().replace(".", "") in _PLACE_ABBREVIATIONS


def is_place(words: list[str]) -> bool:
    """True when the words name or abbreviate a place rather than a person.

    A country or region name anywhere in them ("North Korea"), a city name
    of two words or more ("Hong Kong"); a place-name opener or closer ("New Delhi", "Jeju Island"); a
    compass point's initial before the rest of a country's name ("N. Korea", "S. Africa"); or a
    country's abbreviation ("U.S. Congress").
    """
    places, keys = _places(), [_word_key(w).strip() for w in words]  # ``place_key([w])`` for each word
    if any(map(_abbreviates_place, words)):
        return True
    # A run of keys joined by spaces is one of the places of several words only if its first key is
    # such a place's first word (keys hold no spaces, and place keys open with none): a line none of
    # whose keys but the last is one is spared the joins.
    if not _place_first_words().isdisjoint(keys[:-1]) and any(
        " ".join(keys[i : i + n]) in places for n in (2, 3, 4) for i in range(len(keys) - n + 1)
    ):
        return True
    if len(keys) >= 2 and (keys[0] in _PLACE_OPENERS or keys[-1] in _PLACE_CLOSERS):
        return True
    # One word alone is a place only when it is a country's name: many one-word cities
    # ("Sofia", "Davis", "Victoria") are people's names too. So are a few countries
    # ("Chad", "Jordan", "Georgia"): a given name first, then a word that is no country, is a person.
    if not territories().isdisjoint(keys) and not _given_name_first(keys):
        return True
    # Only a compass point makes an initial part of a place: "T. Cook" and "J. Marshall" are people,
    # though the Cook and Marshall Islands are countries.
    # An initial is one letter, or ends with a dot: the test spares most words the pattern.
    if len(keys) < 2 or not (len(words[0]) == 1 or words[0][-1] == ".") or not _INITIAL.fullmatch(words[0]):
        return False
    return any(" ".join([point, *keys[1:]]) in places for point in _COMPASS.get(keys[0], ()))
