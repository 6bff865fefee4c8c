"""Fallback titles: a short, clearly derived title made from an article's lead.

When a page dump has no headline, the article still needs something to show
in lists and citations. ``derive_title`` takes the first sentence of the
lead (not fooled by "Mr." or "U.S."), drops its full stop and shortens it
at a word boundary; the reader marks the result as derived and warns.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep pres vs etc inc ltd co corp "
    "no nos jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig".split()
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")
_CLOSERS = "\"”’)]»"


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when no sentence end is found)."""
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        following = text[match.end() : match.end() + 1]
        # "U.S." and initials ("J.") are abbreviations; a lower-case next
        # word means the sentence goes on.
        if last in _ABBREVIATIONS or "." in last or len(last) == 1:
            continue
        if following and not (following.isupper() or following.isdigit() or following in "\"“‘(«"):
            continue
        return text[: match.end()].strip()
    return text.strip()


def derive_title(lead: str, max_chars: int = 120) -> str | None:
    """A title made from the first sentence of ``lead``, at most ``max_chars`` long; ``None`` for an empty lead.

    The final full stop is dropped; a longer sentence is cut at a word
    boundary and ends with "…".
    """
    sentence = first_sentence(lead).strip()
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1].rstrip()
    if not sentence:
        return None
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return f"{cut or sentence[: max_chars - 1]}…"
