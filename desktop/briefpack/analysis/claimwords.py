"""The words of a sentence that carry its claim, normalised so that two reports of one fact share them.

Corroboration and timeline merging compare sentences from different
sources. Comparing raw strings misses "mutual defense pact" against
"mutual defence treaty", so a sentence is reduced to lower-case content
words with one cheap normalisation: British spellings folded to American,
a crude suffix strip (plural, -ed, -ing), a few synonyms folded (treaty →
pact, troops → soldier), stop words and numbers dropped. ``claim_words``
gives the set of words; ``claim_pairs`` the adjacent pairs of lower-case
words (phrases such as "mutual defense", "defense pact"), which are rarer
and so make good keys to bucket candidate pairs without comparing all
pairs. One precompiled pattern; the per-word work is memoised in tables
read at C speed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from itertools import compress
from sys import intern

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*|\d[\d,.]*")

STOP = frozenset(
    """a an the and or but if of to in on at by for from with without into onto over under about after before
    between among through during since until than then as is are was were be been being has have had do does
    did not no nor so such this that these those it its they them their there here he she him her his we our
    you your i me my who whom whose which what when where why how all any both each few more most other some
    also just only very can could may might must shall should will would said says say told according
    while although though however meanwhile yet still even already again further once per via near
    one two three four five six seven eight nine ten dozen hundred hundreds thousand thousands million
    millions billion percent cent times time year years month months day days week weeks last next this
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    mr mrs ms dr new""".split()
)
# Folded to one spelling so reports in either form meet.
SYNONYMS = {
    "defence": "defense", "treaty": "pact", "accord": "pact", "troop": "soldier", "troops": "soldier",
    "labourer": "laborer", "labour": "labor", "organisation": "organization", "programme": "program",
    "centre": "center", "favour": "favor", "dprk": "north korea", "visited": "visit", "visiting": "visit",
    "killed": "kill", "signing": "sign", "signed": "sign",
}


@functools.lru_cache(maxsize=100_000)
def normalise_word(word: str) -> str:
    """One word folded for comparison: lower case, synonym, crude stem; ``""`` for a stop word or number."""
    w = word.lower().strip("'’-")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if not w or w in STOP or w[0].isdigit():
        return ""
    w = SYNONYMS.get(w, w)
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.endswith("ing") and len(w) > 6:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 5:
        w = w[:-2]
    w = SYNONYMS.get(w, w)
    return "" if w in STOP else w


_NOT_NAMES = frozenset(
    "The A An In On At This That These Those It He She They We But And Also According During While Meanwhile "
    "Despite Although However Since After Before From For With By As If When Two Three One Mr Mrs Ms Dr".split()
)
_TABLE_LIMIT = 500_000  # a news vocabulary stays far smaller; a long session never grows without bound


class _TokenTable(dict):
    """Token as written -> what ``claim_terms`` needs of it, worked out on first sight (``__missing__``).

    Looked up with ``map(table.__getitem__, tokens)``, so a sentence's
    tokens are read at C speed and only new tokens run Python code.
    """

    def __init__(self, read) -> None:
        super().__init__()
        self._read = read

    def __missing__(self, token: str):
        value = self._read(token)
        if len(self) < _TABLE_LIMIT:
            self[token] = value
        return value


# The normalised word ("" for a stop word or number).
_NORMALISED = _TokenTable(normalise_word)
# Its place in a phrase: None to skip it (stop word, number), "" to break the phrase (a name), else the word.
_PHRASE = _TokenTable(lambda t: None if not normalise_word(t) else "" if t[0].isupper() else normalise_word(t))
# A capitalised token without its possessive ("Russia's" -> "Russia"); "" for a lower-case one.
_CAPITALISED = _TokenTable(lambda t: "" if not t[0].isupper() else t[:-2] if t.endswith(("'s", "’s")) else t)
_BLANK = frozenset({""})


def claim_terms(text: str, fold: Mapping[str, str] | None = None) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(words, pairs, names)`` of ``text`` in one pass: see ``claim_words`` and ``claim_pairs``.

    ``names`` are the capitalised words in lower case, with a word or two-word
    phrase found in ``fold`` replaced by its value ("North Korean" →
    "north korea" when ``fold`` maps demonyms to countries).
    """
    fold = fold or {}
    tokens = _WORD.findall(text)
    words = frozenset(map(_NORMALISED.__getitem__, tokens))
    if "" in words:
        words = words - _BLANK
    # Phrases: lower-case content words in order; stop words are skipped ("signed a pact" pairs "sign pact"),
    # a name breaks the phrase (names are compared on their own).
    seq = [p for p in map(_PHRASE.__getitem__, tokens) if p is not None]
    # Interned (at C speed), so a phrase or name met in many sentences is one string object: sets of
    # them compare faster, and pickle sends each once (worker processes return claims pickled).
    pairs = frozenset(map(intern, [f"{x} {y}" for x, y in zip(seq, seq[1:]) if x and y]))
    # Names: only the capitalised tokens are visited; two adjacent ones may form one folded name.
    capitalised = list(map(_CAPITALISED.__getitem__, tokens))
    names: set[str] = set()
    last_cap, last_at = "", -2
    for at in compress(range(len(capitalised)), capitalised):
        bare = capitalised[at]
        two = fold.get(last_cap + " " + bare) if last_cap and at == last_at + 1 else None
        if two:
            names.discard(last_cap.lower())
            names.discard(fold.get(last_cap, "").lower())
            names.add(two.lower())
        elif bare not in _NOT_NAMES:
            names.add(fold.get(bare, bare).lower())
        last_cap, last_at = bare, at
    return words, pairs, frozenset(map(intern, names))


def claim_words(text: str) -> frozenset[str]:
    """The normalised content words of ``text`` (capitalised names included)."""
    return claim_terms(text)[0]


def claim_pairs(text: str) -> frozenset[str]:
    """Adjacent pairs of lower-case content words ("mutual defense", "defense pact"); names are left out.

    Names are left out because the entities are compared on their own, and
    "North Korea" would otherwise pair every sentence about the country.
    """
    return claim_terms(text)[1]
