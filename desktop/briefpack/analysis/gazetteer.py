"""The word lists entity finding and grading read: places, organisations, titles, demonyms, state media.

Country names come from babel's English territory names (so they follow
CLDR); everything babel lacks is data in ``templates/analysis/entities.toml``
and ``templates/analysis/state_media.toml``. ``load_gazetteer`` reads them
once per process (the result is immutable and cached), so any thread may
call it.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from briefpack.paths import templates_dir


# eq=False: hashed by identity, so functions may cache results per gazetteer.
@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Lookup tables, all keyed by the exact (case-sensitive) surface form unless the name says ``lower``."""

    honorifics: frozenset[str]
    titles_lower: frozenset[str]
    title_heads_lower: frozenset[str]
    org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    place_suffixes_lower: frozenset[str]
    places: dict[str, str]  # surface -> canonical place name (countries, aliases, cities)
    demonyms: dict[str, str]  # "North Korean" -> "North Korea"
    organisations: dict[str, str]  # surface -> canonical organisation name
    state_outlets: dict[str, str]  # outlet -> country
    state_phrases: tuple[str, ...]
    attribution_cues: tuple[str, ...]


def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "XA", "XB", "EZ", "QO", "UN"):
            names[name] = name
            # babel writes a few names with a qualifier ("Myanmar (Burma)", "Congo - Kinshasa"): keep the plain head too.
            head = name.split(" (")[0].split(" - ")[0].split(" & ")[0]
            names.setdefault(head, name)
    return names


@functools.cache
def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Read the lists from ``folder`` (default ``templates/analysis``); raises ``OSError``/``TOMLDecodeError`` on a broken install."""
    folder = folder or templates_dir() / "analysis"
    ent = tomllib.loads((folder / "entities.toml").read_text(encoding="utf-8"))
    media = tomllib.loads((folder / "state_media.toml").read_text(encoding="utf-8"))
    places = _countries()
    for alias, country in ent["country_aliases"].items():
        places[alias] = country
    for name in ent["places"]["names"]:
        places.setdefault(name, name)
    organisations = dict(ent["org_aliases"])
    for outlet in media["outlets"]:
        organisations.setdefault(outlet, organisations.get(outlet, outlet))
    # Full names of outlets known by acronym point to the same canonical name.
    organisations["Korean Central News Agency"] = organisations.get("KCNA", "Korean Central News Agency")
    return Gazetteer(
        honorifics=frozenset(h.rstrip(".") for h in ent["honorifics"]),
        titles_lower=frozenset(ent["titles"]),
        title_heads_lower=frozenset(ent["title_heads"]),
        org_suffixes=frozenset(ent["org_suffixes"]),
        org_prefixes=frozenset(ent["org_prefixes"]),
        place_suffixes_lower=frozenset(ent["place_suffixes"]),
        places=places,
        demonyms=dict(ent["demonyms"]),
        organisations=organisations,
        state_outlets=dict(media["outlets"]),
        state_phrases=tuple(media["phrases"]),
        attribution_cues=tuple(media["cues"]),
    )
