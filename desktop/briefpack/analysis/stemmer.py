"""The stemmer: one word in lower case to its key, removing inflections only.

A light English stemmer after the first and last steps of Porter's: plural
``-s``/``-es``/``-ies``, ``-ed`` and ``-ing`` (restoring a silent ``e`` on
short words), a final ``e`` and a double ``l`` on longer words. It never
strips derivational suffixes, so ``troops`` meets ``troop`` and
``sanctioned`` meets ``sanction`` while ``diplomat`` and ``diplomacy`` stay
apart, and ``plan`` stays apart from ``plane``. A few words whose inflected
form means something else (``arms``, ``united``, ``training``) are kept
whole, and a few irregular forms are mapped. Pure and thread-safe.
"""

from __future__ import annotations

# Inflected forms whose meaning is not their stem's: "goods" are not "good",
# "arms" are weapons, "United" names states and nations, "training" is not a
# train, "shelling" is not a shell, "mining" is not the pronoun "mine",
# "according" has nothing to do with an accord.
KEEP = frozenset(
    "news arms armed goods customs united training shelling mining boxing forced "
    "series species means landing according".split()
)

IRREGULAR = {
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "children": "child",
    "women": "woman",
    "men": "man",
    "fought": "fight",
    "flew": "fly",
    "flown": "fly",
    "sold": "sell",
    "bought": "buy",
    "struck": "strike",
    "taught": "teach",
    "met": "meet",
    "fled": "flee",
    "buses": "bus",
    "gases": "gas",
}

_VOWELS = frozenset("aeiou")
_NO_UNDOUBLE = frozenset("lsz")  # "killed" -> "kill", "passed" -> "pass", but "stopped" -> "stop"


def stem(word: str) -> str:
    """The key of one lower-case word without hyphens or apostrophes.

    Only inflections are removed, after the Porter stemmer's first and last
    steps: plural ``-s``, ``-ed`` and ``-ing`` (restoring the silent ``e`` of
    short words, so "traded" and "trade" meet while "plan" and "plane" stay
    apart), then a final ``e`` and a double ``l`` of longer words. Words of
    three letters or fewer, and the words in ``KEEP``, are returned unchanged.
    """
    irregular = IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if len(word) <= 3 or word in KEEP or not word.isalpha():
        return word
    w = word
    # Plurals and third person: "countries" -> "country", "troops" -> "troop";
    # "crisis", "virus", "press" stay.
    if w.endswith("ies"):
        w = w[:-3] + "y" if len(w) > 4 else w[:-1]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    # Past tense and participles: "sanctioned", "deployed", "shipping", "supplied".
    if w.endswith("eed") and len(w) >= 5:  # "agreed" -> "agree", "freed" -> "free"
        w = w[:-1]
    elif w.endswith("ed") and len(w) >= 5 and _has_vowel(w[:-2]):
        w = _restore(w[:-2])
    elif w.endswith("ing") and len(w) >= 6 and _has_vowel(w[:-3]):
        w = _restore(w[:-3])
    # A final "e" goes from longer words ("invade" meets "invaded" as "invad")
    # and stays on short ones that need it ("trade", "plane", "care").
    if w.endswith("e") and not w.endswith("ee"):
        base = w[:-1]
        m = _measure(base)
        if m > 1 or (m == 1 and not _cvc(base)):
            w = base
    # British double "l": "travelled" -> "travel", like "traveled".
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w


def _has_vowel(part: str) -> bool:
    return any(ch in _VOWELS for ch in part) or "y" in part[1:]


def _restore(w: str) -> str:
    """The base a stripped ``-ed``/``-ing`` leaves: "suppli" -> "supply", "stopp" -> "stop", "trad" -> "trade"."""
    if w.endswith("i"):
        return w[:-1] + "y"
    if w.endswith(("at", "bl", "iz")):
        return w + "e"
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in _NO_UNDOUBLE and w[-1] != "y":
        return w[:-1]
    if _measure(w) == 1 and _cvc(w):
        return w + "e"
    return w


def _is_consonant(w: str, i: int) -> bool:
    ch = w[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(w, i - 1)
    return True


def _measure(w: str) -> int:
    """Porter's m: how many vowel-consonant sequences the word has ("trad" 1, "invad" 2)."""
    m = 0
    previous_vowel = False
    for i in range(len(w)):
        consonant = _is_consonant(w, i)
        if consonant and previous_vowel:
            m += 1
        previous_vowel = not consonant
    return m


def _cvc(w: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y: a short syllable ("trad", "plan")."""
    return (
        len(w) >= 3
        and _is_consonant(w, len(w) - 1)
        and not _is_consonant(w, len(w) - 2)
        and _is_consonant(w, len(w) - 3)
        and w[-1] not in "wxy"
    )


