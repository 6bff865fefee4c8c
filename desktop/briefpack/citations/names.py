"""Turn an author string from an article into a CSL name object.

Articles store authors as they appear ("Katarzyna Kalus", "Reuters",
"Ursula von der Leyen", "김정은"). CSL styles need the parts: ``given`` and
``family`` (plus particles and suffixes) so that Chicago can write "Kalus,
Katarzyna" in the bibliography and APA "Kalus, K."; a name that must never be
inverted or initialised (an organisation, a one-word byline) becomes
``literal``. The rules are deliberately few and predictable; what they cannot
know (whether "Kim Jong Un" is written family name first) is listed in
``split_name``'s docstring.
"""

from __future__ import annotations

import re
import unicodedata

# Words that mark a byline as an organisation or a desk rather than a person.
_ORG_WORDS = frozenset(
    """
    agency agencies associated association board broadcasting bureau co company corp corporation correspondent
    correspondents council committee daily department desk editorial editors foundation government group herald inc
    institute journal limited llc ltd media ministry network news newsroom office online post press radio reporter
    reporters service services staff team television times tribune tv university weekly wire writers
    """.split()
)
_PARTICLES = frozenset("da das de del della der den di do dos du la le ter van von zu bin ibn al el".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def split_name(name: str) -> dict[str, str] | None:
    """The CSL name object for ``name``; ``None`` when ``name`` is blank.

    Rules, in order: "Family, Given" is split at the comma; an organisation
    (an all-capitals acronym, digits or ``&``, a leading "The", or a word such
    as "News", "Agency", "Staff") and any one-word name become ``literal``;
    a name in Chinese, Japanese or Korean script is family name first (the
    first space-separated part, or the first character when there is no
    space); otherwise the last word is the family name, lower-case words
    before it ("van", "von der") are its particle, and "Jr."/"III" a suffix.
    Known limit: a romanised East Asian name ("Kim Jong Un") is read as
    given-name first, because the string alone cannot tell.
    """
    text = " ".join(name.split())
    if not text:
        return None
    if "," in text:
        family, _, given = (p.strip() for p in text.partition(","))
        if family and given and given.lower() not in _SUFFIXES:
            return {"family": family, "given": given}
    words = text.split(" ")
    if len(words) == 1 or _is_organisation(words):
        if _is_cjk(text) and len(words) == 1 and len(text) > 1:
            return {"family": text[0], "given": text[1:]}
        return {"literal": text}
    if _is_cjk(text):
        return {"family": words[0], "given": " ".join(words[1:])}
    parts: dict[str, str] = {}
    if words[-1].lower() in _SUFFIXES and len(words) > 2:
        parts["suffix"] = words.pop()
    family = words.pop()
    particle: list[str] = []
    while len(words) > 1 and words[-1].lower() in _PARTICLES and words[-1].islower():
        particle.insert(0, words.pop())
    parts["family"] = family
    parts["given"] = " ".join(words)
    if particle:
        parts["non-dropping-particle"] = " ".join(particle)
    return parts


def _is_organisation(words: list[str]) -> bool:
    if words[0].lower() == "the":
        return True
    for word in words:
        bare = word.strip(".,()")
        if bare.lower() in _ORG_WORDS or "&" in bare or any(c.isdigit() for c in bare):
            return True
        # "KCNA", "AFP": an acronym, not an initial ("J.") or a short particle.
        if len(bare) >= 2 and bare.isupper() and bare.isalpha():
            return True
    return False


_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _is_cjk(text: str) -> bool:
    return bool(_CJK.search(unicodedata.normalize("NFC", text)))
