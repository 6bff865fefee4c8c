"""The compiled form of a taxonomy: every entry indexed by its first key, scanned over a text in one pass.

``compile_taxonomy`` turns each theme's terms, phrases, context and negative
entries into key sequences (see ``wordforms``) and indexes them by their
first key (phrases by their first two). Each distinct white-space token's
role (the single-word hits it makes, the phrases it may start, or nothing)
is worked out once and remembered, so scanning a paragraph maps its tokens
to their roles in one C-level pass and visits only the few that start an
entry, comparing further keys only where a phrase's first two words are both
present. ``ThemeMatcher.scan``
returns every hit in text order, with the words it covers and its surface
form; deciding what the hits mean is the scorer's job
(``themes.py``). Entries written in capitals (``WHO``) match only words
written the same way. A compiled matcher never changes what it matches and
may be shared between threads (its token memo only grows, or is cleared
whole, which a scan in progress does not notice).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from dataclasses import dataclass
from enum import IntEnum

from briefpack.analysis.wordforms import (
    TokenKeys, entry_keys, fast_key, fast_keys, fast_word, is_acronym, known_key, token_keys,
)
from briefpack.model.theme import Taxonomy, Theme


class Kind(IntEnum):
    """What an entry is evidence of; the scorer gives each kind its weight."""

    TERM = 0
    PHRASE = 1
    CONTEXT = 2
    NEGATIVE = 3


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One taxonomy entry: the theme it belongs to (index in the taxonomy), its kind, keys and text as written.

    ``acronym`` entries match only a word written exactly as ``text``.
    Entries compare by identity: each is one line of one theme, even when two
    themes list the same words.
    """

    theme: int
    kind: Kind
    keys: tuple[str, ...]
    text: str
    acronym: bool = False


# A hit is an entry found in a text: (entry, start, end, surface), covering key
# positions start to end (exclusive), with the words as written (lower-cased).
# A plain tuple, because a paragraph can have dozens and building named
# objects showed up as a real cost in profiles.
Hit = tuple[Entry, int, int, str]


class ThemeMatcher:
    """A taxonomy compiled for scanning; build it with ``compile_taxonomy``."""

    __slots__ = ("themes", "_by_first", "_joined", "_tokens", "_phrases")

    def __init__(self, themes: tuple[Theme, ...], entries: list[Entry]) -> None:
        self.themes = themes
        singles: dict[str, list[Entry]] = {}
        multis: dict[str, dict[str, list[tuple[int, list[str], Entry]]]] = {}
        for entry in entries:
            keys = entry.keys
            if len(keys) == 1:
                singles.setdefault(keys[0], []).append(entry)
            else:
                # Indexed by first and second key: a common first word ("military",
                # "foreign") starts dozens of phrases, and one lookup of the next
                # word rules out nearly all of them.
                multis.setdefault(keys[0], {}).setdefault(keys[1], []).append((len(keys), list(keys), entry))
        self._by_first: dict[str, tuple[tuple[Entry, ...], dict[str, tuple[tuple[int, list[str], Entry], ...]] | None]] = {
            key: (
                tuple(singles.get(key, ())),
                {second: tuple(found) for second, found in multis[key].items()} if key in multis else None,
            )
            for key in {*singles, *multis}
        }
        self._joined = {k: tuple(e for e in v if not e.acronym) for k, v in singles.items()}
        # The phrases by first and second key, each as (length, keys after the second, entry): the first two are
        # known to match once looked up.
        self._phrases = {
            first: {second: tuple((n, keys[2:], entry) for n, keys, entry in found) for second, found in by_second.items()}
            for first, by_second in multis.items()
        }
        # White-space token -> what it starts in this taxonomy (see ``_token_role``).
        self._tokens: dict[str, tuple | int] = {}

    def scan(self, text: str) -> list[Hit]:
        """Every entry found in ``text``, ordered by position."""
        tokens = text.split()
        roles = self._tokens
        try:
            found = list(map(roles.__getitem__, tokens))
        except KeyError:
            # A token not seen before; built without reading the memo back, so another thread clearing it is harmless.
            if len(roles) >= _TOKEN_LIMIT:
                roles.clear()
            found = []
            for token in tokens:
                role = roles.get(token)
                if role is None:
                    role = roles[token] = self._token_role(token)
                found.append(role)
        hits: list[Hit] = []
        append = hits.append
        count = len(tokens)
        # ``compress`` picks the few tokens that start an entry without a Python-level step per word.
        for i in compress(range(count), found):
            role = found[i]
            if role is _EXPANDS:
                return self._scan_keys(tokens)
            singles, multis = role
            for entry, surface in singles:
                append((entry, i, i + 1, surface))
            if multis is not None and i + 1 < count:
                after = tokens[i + 1]
                for n, rest, entry in multis.get(known_key(after) or fast_key(after), ()):
                    if n == 2 or [fast_key(t) for t in tokens[i + 2 : i + n]] == rest:
                        append((entry, i, i + n, " ".join([fast_word(t)[0] for t in tokens[i : i + n]])))
        return hits

    def _token_role(self, token: str) -> tuple | int:
        """What ``token`` starts in this taxonomy, worked out once per distinct token.

        ``0`` for nothing (most words); ``_EXPANDS`` for a token of several
        keys, where ``scan`` lays the text out key by key; otherwise its
        single-word hits as ``(entry, surface)`` pairs and the phrases it may
        start, indexed by their second key (``None`` when none).
        """
        key = fast_key(token)
        if not key:
            return _EXPANDS
        found = self._by_first.get(key)
        if found is None:
            return 0
        singles = found[0]
        surface, original = fast_word(token)
        # An acronym entry ("WHO") matches only the word written exactly so; its evidence is the word as written.
        pairs = tuple((entry, surface) if not entry.acronym else (entry, original)
                      for entry in singles if not entry.acronym or original == entry.text)
        return pairs, self._phrases.get(key)

    def _scan_keys(self, tokens: list[str]) -> list[Hit]:
        """``scan`` key by key, for a text where some token gives several keys (a hyphenated word) or none."""
        keys = fast_keys(tokens)
        hits: list[Hit] = []
        layout: _Layout | None = None
        if "" in keys:
            # Some token gives several keys (a hyphenated word): lay them out part by part.
            layout = _Layout(tokens, keys)
            keys = layout.keys
            for at, n, key, surface in layout.joined:
                for entry in self._joined.get(key, ()):
                    hits.append((entry, at, at + n, surface))
        by_first = self._by_first
        positions = [i for i, key in enumerate(keys) if key in by_first]
        if not positions:
            return hits
        presorted = not hits
        count = len(keys)
        for i in positions:
            singles, multis = by_first[keys[i]]
            if singles:
                surface, original = fast_word(tokens[i]) if layout is None else layout.word(i)
                for entry in singles:
                    if not entry.acronym:
                        hits.append((entry, i, i + 1, surface))
                    elif original == entry.text:
                        hits.append((entry, i, i + 1, original))
            if multis is not None and i + 1 < count:
                for n, entry_keys_, entry in multis.get(keys[i + 1], ()):
                    if keys[i : i + n] == entry_keys_:
                        if layout is None:
                            span = [fast_word(t)[0] for t in tokens[i : i + n]]
                        else:
                            span = [layout.word(j)[0] for j in range(i, i + n)]
                        hits.append((entry, i, i + n, " ".join(span)))
        if not presorted:
            hits.sort(key=_start)
        return hits


class _Layout:
    """Keys of a text where some tokens give several keys, and where each key's word came from.

    Built from the fast per-token keys by splicing in the few tokens that
    expand, so the common tokens are never looked at one by one again.
    """

    __slots__ = ("tokens", "keys", "joined", "_splices", "_starts")

    def __init__(self, tokens: list[str], fast: list[str]) -> None:
        self.tokens = tokens
        keys: list[str] = []
        joined: list[tuple[int, int, str, str]] = []
        splices: list[tuple[int, int, TokenKeys]] = []  # (first key, token index, analysis)
        previous = 0
        for index in [i for i, key in enumerate(fast) if not key]:
            keys.extend(fast[previous:index])
            analysed = token_keys(tokens[index])
            at = len(keys)
            splices.append((at, index, analysed))
            joined.extend((at + offset, n, key, surface) for offset, n, key, surface in analysed.joined)
            keys.extend(analysed.keys)
            previous = index + 1
        keys.extend(fast[previous:])
        self.keys = keys
        self.joined = joined
        self._splices = splices
        self._starts = [at for at, _, _ in splices]

    def word(self, position: int) -> tuple[str, str]:
        """The surface (lower-cased) and original form of the word at key ``position``."""
        found = bisect_right(self._starts, position) - 1
        if found < 0:
            return fast_word(self.tokens[position])
        at, index, analysed = self._splices[found]
        if position < at + len(analysed.keys):
            return analysed.surfaces[position - at], analysed.originals[position - at]
        # Past the split token, keys and tokens are one to one again.
        return fast_word(self.tokens[index + 1 + position - at - len(analysed.keys)])


def _start(hit: Hit) -> int:
    return hit[1]


# The role of a token that gives several keys: truthy, so ``compress`` stops there and the scan lays the text out.
_EXPANDS = ("expands",)
# Bound on each matcher's token roles, like the word-form caches: a long-running session never grows without bound.
_TOKEN_LIMIT = 300_000


def compile_taxonomy(taxonomy: Taxonomy) -> ThemeMatcher:
    """The matcher for ``taxonomy``; the last few compiled taxonomies are remembered, so calling this per paragraph is cheap."""
    for cached_taxonomy, matcher in _COMPILED:
        if cached_taxonomy is taxonomy:
            return matcher
    matcher = _compile(taxonomy)
    _COMPILED.insert(0, (taxonomy, matcher))
    del _COMPILED[_COMPILED_LIMIT:]
    return matcher


# Identity, not equality: hashing a large frozen taxonomy on every call would
# cost more than the scan. A taxonomy is immutable, so a hit is always current.
_COMPILED: list[tuple[Taxonomy, ThemeMatcher]] = []
_COMPILED_LIMIT = 4


def _compile(taxonomy: Taxonomy) -> ThemeMatcher:
    entries: list[Entry] = []
    for index, theme in enumerate(taxonomy.themes):
        groups = (
            (Kind.TERM, theme.terms),
            (Kind.PHRASE, theme.phrases),
            (Kind.CONTEXT, theme.context),
            (Kind.NEGATIVE, theme.negative),
        )
        seen: set[tuple[str, ...]] = set()
        for kind, texts in groups:
            for text in texts:
                keys = entry_keys(text)
                # An entry listed twice, or two spellings that reduce to the same
                # keys, count once; the first kind listed wins.
                if not keys or (keys in seen and kind is not Kind.NEGATIVE):
                    continue
                seen.add(keys)
                entries.append(Entry(index, kind, keys, text, is_acronym(text)))
    return ThemeMatcher(tuple(taxonomy.themes), entries)
