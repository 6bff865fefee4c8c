"""Lower-cased text that plain substring tests and lower-case patterns can read in place of ``re.IGNORECASE``.

A case-insensitive regex is several times slower than the same literal
pattern run over ``text.lower()``, and long body paragraphs meet a dozen such
patterns. The two agree character by character except where Unicode case
rules go beyond a one-to-one lower-case mapping: ``İ`` lowers to two
characters, and ``re`` treats some letters as equal to others that
``str.lower`` keeps apart (``ı``/``i``, ``ſ``/``s``, Greek symbol forms,
old Cyrillic forms, including their ordinary partners). ``caseless``
returns ``None`` for a text holding any of those, and callers fall back to
the ``re.IGNORECASE`` pattern, so the answer never changes. For ASCII
text, ``ascii_letter_runs`` gives its words for set tests that spare a
pattern most lines.
"""

from __future__ import annotations

import re

# Every character whose ``str.lower()`` is not one character, or lowers to a
# character ``re`` gives extra case partners (CPython's ``re._casefix``);
# ``tests/ingest/test_ingest_speed.py`` checks this list against the running Python.
UNSAFE_CHARS = (
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3\u03a6"
    "\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6"
    "\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e\u0441\u0442\u044a"
    "\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3"
    "\u1fe3\ua64a\ua64b\ufb05\ufb06"
)
_UNSAFE = re.compile("[" + re.escape(UNSAFE_CHARS) + "]")


def caseless(text: str) -> str | None:
    """``text.lower()`` when a lower-case literal pattern matches it exactly where ``re.IGNORECASE`` matches ``text``; else ``None``."""
    if not text.isascii() and _UNSAFE.search(text):
        return None
    return text.lower()


# Every byte but an ASCII letter becomes a space: an ASCII text's runs of letters are then its words.
_ASCII_LETTERS = bytes(b if chr(b).isascii() and chr(b).isalpha() else 32 for b in range(256))


def ascii_letter_runs(text: str) -> list[bytes]:
    """The runs of letters of an ASCII ``text``, as bytes: a set test on them tells cheaply whether a
    word stands in the text between non-word characters (as ``\\b…\\b`` finds it)."""
    return text.encode("ascii").translate(_ASCII_LETTERS).split()
