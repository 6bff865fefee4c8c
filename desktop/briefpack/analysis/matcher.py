"""The compiled form of a taxonomy: every entry indexed by its first key, scanned over a text in one pass.

``compile_taxonomy`` turns each theme's terms, phrases, context and negative
entries into key sequences (see ``wordforms``) and indexes them by their
first key (phrases by their first two; a phrase led by a function word,
"in force", by its second and first). Each distinct white-space token's
role (the single-word hits it makes, the phrases it may start or be the
second word of, or nothing) is worked out once and remembered, so scanning
a paragraph maps its tokens to their roles in one C-level pass and visits
only the few that take part in an entry, comparing further keys only where
a phrase's first two words are both present. ``ThemeMatcher.scan`` returns
every hit in text order, with the words it covers and its surface form;
deciding what the hits mean is the scorer's job (``themes.py``), but
``ThemeMatcher.counted`` applies the scorer's rule of which hits count in
the same pass, where one pass can tell, so the scorer need not sort the
hits out again (``counted_each`` does so for all of an article's
paragraphs in one loop). Entries written in capitals (``WHO``) match only words
written the same way. A compiled matcher never changes what it matches and
may be shared between threads (its token memo only grows, or is cleared
whole, which a scan in progress does not notice).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import compress
from dataclasses import dataclass
from enum import IntEnum

from briefpack.analysis.key_layout import KeyLayout
from briefpack.analysis.wordforms import (
    entry_keys, fast_key, fast_keys, fast_word, is_acronym, known_key, token_keys,
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

    __slots__ = ("themes", "theme_ids", "_by_first", "_joined", "_tokens", "_phrases", "_later", "_back")

    def __init__(self, themes: tuple[Theme, ...], entries: list[Entry]) -> None:
        self.themes = themes
        self.theme_ids = tuple(theme.id for theme in themes)
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
        # A phrase led by a function word ("in force", "the literature") is looked up from its second word, looking
        # back one word: "the" and "in" are a tenth of any English text, and visiting each to rule out its phrases
        # cost more than all other lookups. Only for a function word that starts nothing else (no single-word entry,
        # no phrase whose second word is a function word too), so the scan never visits it at all: found at the next
        # word and taken before that word's own hits, its phrases come in the order a visit would have given them.
        moved = {first for first, by_second in multis.items()
                 if first in _FUNCTION_KEYS and first not in singles and not _FUNCTION_KEYS.intersection(by_second)}
        self._back: dict[str, dict[str, tuple[tuple[int, list[str], Entry], ...]]] = {}  # second -> first -> phrases
        for first in moved:
            for second, found in self._phrases.pop(first).items():
                self._back.setdefault(second, {})[first] = found
        # Every key a phrase has after its first: a token whose keys are none of these nor a first key is inert.
        self._later = frozenset(key for by_second in multis.values() for found in by_second.values()
                                for _, keys, _ in found for key in keys[1:])
        # White-space token -> what it starts in this taxonomy (see ``_token_role``).
        self._tokens: dict[str, tuple | int] = {}

    def scan(self, text: str) -> list[Hit]:
        """Every entry found in ``text``, ordered by position."""
        tokens = text.split()
        return self._hits(tokens, self._roles(tokens))

    def _hits(self, tokens: list[str], found: list) -> list[Hit]:
        """``scan`` of ``tokens`` whose roles are ``found``."""
        hits: list[Hit] = []
        append = hits.append
        count = len(tokens)
        # ``compress`` picks the few tokens that start an entry without a Python-level step per word.
        for i in compress(range(count), found):
            role = found[i]
            if role is _EXPANDS or role is _INERT:
                return self._scan_keys(tokens)
            singles, multis, back = role
            if back is not None and i:
                before = tokens[i - 1]
                for n, rest, entry in back.get(known_key(before) or fast_key(before), ()):
                    if n == 2 or [fast_key(t) for t in tokens[i + 1 : i + n - 1]] == rest:
                        append((entry, i - 1, i - 1 + n, " ".join([fast_word(t)[0] for t in tokens[i - 1 : i - 1 + n]])))
            for entry, surface in singles:
                append((entry, i, i + 1, surface))
            if multis is not None and i + 1 < count:
                after = tokens[i + 1]
                for n, rest, entry in multis.get(known_key(after) or fast_key(after), ()):
                    if n == 2 or [fast_key(t) for t in tokens[i + 2 : i + n]] == rest:
                        append((entry, i, i + n, " ".join([fast_word(t)[0] for t in tokens[i : i + n]])))
        return hits

    def counted(self, text: str) -> dict[Entry, str] | list[Hit]:
        """The entries that count as evidence in ``text``, each once with the words of its first counted hit, in text order.

        What the scorer's general rule (``themes._counted``, then each entry
        once) gives for ``scan``'s hits, found in the same pass as the hits.
        A hit inside a negative phrase of its theme is dropped as it is met,
        and so is a single word inside a phrase of its own theme. That needs
        every negative and phrase covering a word to be known when the word
        is reached, and it is: a phrase is found at its first word (one led
        by a function word at its second, the first the scan visits), and at
        each word the phrases found there are taken before its own hits.
        Positions here count tokens, not keys: the same as long as no token
        gives several keys, and still the same order and overlaps when such a
        token is inert (no entry can use any of its keys), since no hit can
        start in it, end in it or span it. Where one pass cannot tell, the
        result is ``scan``'s hits instead, for the general rule: a negative
        phrase overlaps a phrase of its theme already counted (cancelling
        that phrase would bring back the words it hid), a single-word
        negative is hit, or a token gives several keys that some entry uses
        (a hyphenated word, laid out by ``_scan_keys``).
        """
        tokens = text.split()
        found = self._roles(tokens)
        # Without a token that has a role, the scan below would visit nothing: skip building its state.
        return self._counted(tokens, found) if any(found) else {}

    def counted_each(self, texts: Iterable[str]) -> Iterator[tuple[int, dict[Entry, str] | list[Hit]]]:
        """``counted`` of each of ``texts``, with its position, for the texts where something counts.

        For tagging a whole article: one running loop instead of a call per
        paragraph, and a paragraph none of whose tokens has a role (common
        in real articles) costs its split and one lookup per token only.
        """
        for position, text in enumerate(texts):
            tokens = text.split()
            found = self._roles(tokens)
            if any(found):  # as in ``counted``
                counted = self._counted(tokens, found)
                if counted:
                    yield position, counted

    def _counted(self, tokens: list[str], found: list) -> dict[Entry, str] | list[Hit]:
        """``counted`` of ``tokens`` whose roles are ``found``."""
        counted: dict[Entry, str] = {}
        reach: dict[int, int] = {}  # theme -> the end of its furthest-reaching phrase hit so far
        vetoed: dict[int, int] = {}  # theme -> the end of its furthest-reaching negative hit so far
        count = len(tokens)
        # ``enumerate`` under ``compress``: the few role tokens come with their position, without indexing back.
        for i, role in compress(enumerate(found), found):
            try:
                singles, multis, back = role
            except ValueError:  # a token of several keys or of none: one of the two one-element markers
                if role is _INERT:
                    continue
                return self._scan_keys(tokens)
            if back is not None and i:
                before = tokens[i - 1]
                for n, rest, entry in back.get(known_key(before) or fast_key(before), ()):
                    if ((n == 2 or [fast_key(t) for t in tokens[i + 1 : i + n - 1]] == rest)
                            and not _take_phrase(entry, i - 1, i - 1 + n, tokens, counted, reach, vetoed)):
                        return self._hits(tokens, found)
            if multis is not None and i + 1 < count:
                after = tokens[i + 1]
                for n, rest, entry in multis.get(known_key(after) or fast_key(after), ()):
                    if ((n == 2 or [fast_key(t) for t in tokens[i + 2 : i + n]] == rest)
                            and not _take_phrase(entry, i, i + n, tokens, counted, reach, vetoed)):
                        return self._hits(tokens, found)
            for entry, surface in singles:
                if entry.kind is _NEGATIVE:
                    return self._hits(tokens, found)
                if entry in counted or (reach and reach.get(entry.theme, 0) > i) or (vetoed and vetoed.get(entry.theme, 0) > i):
                    continue
                counted[entry] = surface
        return counted

    def _roles(self, tokens: list[str]) -> list:
        """Each token's role (``_token_role``), from the memo."""
        roles = self._tokens
        try:
            return list(map(roles.__getitem__, tokens))
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
            return found

    def _token_role(self, token: str) -> tuple | int:
        """What ``token`` starts in this taxonomy, worked out once per distinct token.

        ``0`` for nothing (most words); ``_EXPANDS`` for a token of several
        keys, where ``scan`` lays the text out key by key (``_INERT`` when no
        entry uses any of those keys, so ``counted`` may pass over it); otherwise its
        single-word hits as ``(entry, surface)`` pairs, the phrases it may
        start, indexed by their second key, and the phrases led by a function
        word it may be the second word of, indexed by their first key (each
        ``None`` when none).
        """
        key = fast_key(token)
        if not key:
            analysed = token_keys(token)
            joined, later = self._joined, self._later
            if any(k in self._by_first or k in later for k in analysed.keys) or any(j[2] in joined for j in analysed.joined):
                return _EXPANDS
            return _INERT
        found = self._by_first.get(key)
        multis, back = self._phrases.get(key), self._back.get(key)
        if found is None and back is None:
            return 0
        surface, original = fast_word(token)
        # An acronym entry ("WHO") matches only the word written exactly so; its evidence is the word as written.
        pairs = tuple((entry, surface) if not entry.acronym else (entry, original)
                      for entry in (found[0] if found is not None else ()) if not entry.acronym or original == entry.text)
        if not pairs and multis is None and back is None:
            return 0  # a function word whose phrases are found from their second word
        return pairs, multis, back

    def _scan_keys(self, tokens: list[str]) -> list[Hit]:
        """``scan`` key by key, for a text where some token gives several keys (a hyphenated word) or none."""
        keys = fast_keys(tokens)
        hits: list[Hit] = []
        layout: KeyLayout | None = None
        if "" in keys:
            # Some token gives several keys (a hyphenated word): lay them out part by part.
            layout = KeyLayout(tokens, keys)
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


def _start(hit: Hit) -> int:
    return hit[1]


def _take_phrase(entry: Entry, start: int, end: int, tokens: list[str], counted: dict[Entry, str],
                 reach: dict[int, int], vetoed: dict[int, int]) -> bool:
    """Take ``ThemeMatcher._counted``'s phrase hit ``start``..``end``; ``False`` when it is a negative that one pass cannot apply.

    A function of its own rather than a closure: a closure would be made
    anew for every paragraph, and would turn the scan's own variables into
    slower cell variables.
    """
    theme = entry.theme
    if entry.kind is _NEGATIVE:
        if reach.get(theme, 0) > start:
            return False
        if vetoed.get(theme, 0) < end:
            vetoed[theme] = end
    elif vetoed.get(theme, 0) <= start:
        if entry not in counted:
            counted[entry] = " ".join([fast_word(t)[0] for t in tokens[start:end]])
        if reach.get(theme, 0) < end:
            reach[theme] = end
    return True


_NEGATIVE = Kind.NEGATIVE
# Keys of the commonest English function words: a phrase led by one is looked up from its second word (see ``__init__``).
_FUNCTION_KEYS = frozenset(entry_keys(word)[0] for word in (
    "the a an of in on at to for by with from into as and or but not no that this these those it its is are was "
    "were be been being has have had will would can could may might shall should do does did he she they we you "
    "his her their our your there here than then so if"
).split())
# The roles of a token that gives several keys: truthy, so ``compress`` stops there and the scan lays the text out;
# one element each, so that unpacking them as a role's three parts fails (``_counted`` tells them apart only then).
_EXPANDS = ("expands",)
_INERT = ("inert",)
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
