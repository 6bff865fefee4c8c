"""Word forms: how text and taxonomy entries become the keys the theme matcher compares.

Both sides go through the same rules, so they agree by construction. Text is
cut at white space into tokens; ``token_keys`` finds the words of a token
(letters and digits, keeping hyphenated and apostrophe words together) and
the keys they contribute: possessive ``'s`` dropped, a hyphenated word either
joined (when its first part is a prefix such as ``co-`` or ``non-``, so
``co-operation`` equals ``cooperation``) or split into its parts, each part
reduced by ``stemmer.stem``. A token with no word at all (a dash) gives the
key ``BREAK``, which nothing matches, so no phrase spans it. ``fast_keys`` is
the scanning fast path: one dictionary lookup per token, since news
vocabulary repeats. Everything here is pure and safe to call from any thread.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefpack.analysis.stemmer import stem

# A word is a run of word characters, optionally joined to the next run by a
# hyphen or apostrophe ("co-operation", "Russia's", "people-to-people"); an
# abbreviation with dots ("U.S.", "U.N.") or a number with separators
# ("10,000", "2.5") is one word too, so it neither splits nor matches parts.
WORD_RE = re.compile(r"(?:\w\.){2,}|\d+(?:[.,]\d+)+|\w+(?:['’\-‐‑]\w+)*")
_JOINERS_RE = re.compile(r"[-‐‑]")
_APOSTROPHES = ("'", "’")
BREAK = "\x00"  # the key of a token without words; never a taxonomy key

# First parts of a hyphenated word that make it one word rather than two:
# "non-proliferation" is not about "proliferation" in general, and
# "co-operation" must not count as an "operation".
PREFIXES = frozenset(
    "co re non anti pre post multi inter intra ex sub counter semi pro mid over under "
    "cross trans super ultra mega micro macro geo socio bio eco e".split()
)


class TokenKeys(NamedTuple):
    """What one white-space token contributes, key by key.

    ``surfaces`` are the words as written, lower-cased, possessive dropped
    (the evidence shown to the analyst); ``originals`` keep the case, for
    acronym entries. ``joined`` lists, for each word split at hyphens,
    ``(offset, parts, joined key, surface)`` so that a single-word entry
    ("cyberattack") also matches the hyphenated text ("cyber-attack").
    """

    keys: tuple[str, ...]
    surfaces: tuple[str, ...]
    originals: tuple[str, ...]
    joined: tuple[tuple[int, int, str, str], ...]


_TOKENS: dict[str, TokenKeys] = {}
_FAST: dict[str, str] = {}  # token -> its key, for the common token that gives exactly one key
_WORDS: dict[str, tuple[str, str]] = {}  # the same tokens -> (surface, original), read only on a hit
_CACHE_LIMIT = 300_000  # a long-running session never grows without bound


def token_keys(token: str) -> TokenKeys:
    """The keys of one white-space-free token (any case); memoised."""
    cached = _TOKENS.get(token)
    if cached is not None:
        return cached
    result = _token_keys(token)
    if len(_TOKENS) >= _CACHE_LIMIT:
        _TOKENS.clear()
    _TOKENS[token] = result
    return result


def fast_keys(tokens: list[str]) -> list[str]:
    """One key per token, or ``""`` for a token that gives several keys (ask ``token_keys`` for those)."""
    get = _FAST.get
    return [get(token) or _fast_key(token) for token in tokens]


# The remembered key of a token, ``None`` when not yet looked at: a bound method, for the scanner's inner loop.
known_key = _FAST.get


def fast_key(token: str) -> str:
    """The one key of ``token``, or ``""`` when it gives several (as ``fast_keys``)."""
    return _FAST.get(token) or _fast_key(token)


def fast_word(token: str) -> tuple[str, str]:
    """The surface (lower-cased) and original form of a token that gives one key."""
    return _WORDS.get(token) or _word_of(token)


def _word_of(token: str) -> tuple[str, str]:
    analysed = token_keys(token)
    return analysed.surfaces[0], analysed.originals[0]


def _fast_key(token: str) -> str:
    analysed = token_keys(token)
    if len(analysed.keys) != 1 or analysed.joined:
        return ""
    if len(_FAST) >= _CACHE_LIMIT:
        _FAST.clear()
        _WORDS.clear()
    _WORDS[token] = (analysed.surfaces[0], analysed.originals[0])
    _FAST[token] = analysed.keys[0]
    return analysed.keys[0]


def _token_keys(token: str) -> TokenKeys:
    keys: list[str] = []
    surfaces: list[str] = []
    originals: list[str] = []
    joined: list[tuple[int, int, str, str]] = []
    for word in WORD_RE.findall(token):
        if "." in word or "," in word:
            word = word.replace(".", "").replace(",", "")  # "U.N." is "UN", "10,000" is "10000"
        lower = word.lower()
        for mark in _APOSTROPHES:
            if mark in lower:
                head, _, tail = lower.partition(mark)
                # "Russia's" -> "russia"; "don't" -> "dont".
                lower = head if tail == "s" else head + tail.replace(mark, "")
        parts = [p for p in _JOINERS_RE.split(lower) if p]
        if len(parts) > 1 and parts[0] not in PREFIXES:
            joined.append((len(keys), len(parts), stem("".join(parts)), lower))
            keys.extend(stem(p) for p in parts)
            surfaces.extend(parts)
            originals.extend(parts)
        else:
            keys.append(stem("".join(parts)))
            surfaces.append(lower)
            originals.append(word)
    if not keys:
        return TokenKeys((BREAK,), ("",), ("",), ())
    return TokenKeys(tuple(keys), tuple(surfaces), tuple(originals), tuple(joined))


def text_keys(text: str) -> tuple[list[str], list[str], list[str], list[tuple[int, int, str, str]]]:
    """Keys, surfaces, originals and joined forms of a whole text, part by part (the slow, complete path)."""
    keys: list[str] = []
    surfaces: list[str] = []
    originals: list[str] = []
    joined: list[tuple[int, int, str, str]] = []
    for token in text.split():
        analysed = token_keys(token)
        offset = len(keys)
        joined.extend((offset + at, n, key, surface) for at, n, key, surface in analysed.joined)
        keys.extend(analysed.keys)
        surfaces.extend(analysed.surfaces)
        originals.extend(analysed.originals)
    return keys, surfaces, originals, joined


def split_words(text: str) -> list[str]:
    """The words of ``text`` in order, as written (case kept, hyphens and apostrophes inside)."""
    return WORD_RE.findall(text)


def entry_keys(entry: str) -> tuple[str, ...]:
    """The key sequence of a taxonomy entry (a term gives one key, a phrase several; empty when it has no words).

    A hyphenated single term ("cyber-attack") gives its joined key, so it
    matches both spellings; in a phrase the parts are kept, as in text.
    """
    keys, _, _, joined = text_keys(entry)
    if len(joined) == 1 and joined[0][1] == len(keys):
        return (joined[0][2],)
    return tuple(k for k in keys if k != BREAK)


def is_acronym(entry: str) -> bool:
    """An entry written in capitals ("WHO", "AIDS") matches only in capitals, so the pronoun "who" never counts."""
    return len(entry) >= 2 and entry.isupper() and entry.isalnum()


_TOKEN_RE = re.compile(r"\S+")


def key_spans(text: str) -> list[tuple[int, int]]:
    """The character span in ``text`` of every key ``text_keys`` gives, in the same order (one list entry per key).

    Follows ``_token_keys`` word by word, so a key position from the matcher
    maps to the characters to highlight: a hyphenated word split into parts
    gives each part's span, a token with no word gives the whole token's.
    """
    spans: list[tuple[int, int]] = []
    for token in _TOKEN_RE.finditer(text):
        base = token.start()
        words = list(WORD_RE.finditer(token.group()))
        if not words:
            spans.append((token.start(), token.end()))
            continue
        for word in words:
            start = base + word.start()
            lower = word.group().lower()
            parts = [p for p in _JOINERS_RE.split(lower) if p]
            if len(parts) > 1 and parts[0] not in PREFIXES and "." not in word.group() and "," not in word.group():
                offset = start
                for piece in _JOINERS_RE.split(word.group()):
                    if piece:
                        spans.append((offset, offset + len(piece)))
                    offset += len(piece) + 1
            else:
                spans.append((start, base + word.end()))
    return spans
