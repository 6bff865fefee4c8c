"""The character classes ``normalize`` spells out are exactly Unicode's, as this Python's ``unicodedata`` has them."""

from __future__ import annotations

import unicodedata

from briefpack.ingest import normalize
from briefpack.ingest.normalize import normalize_text

BMP = [chr(cp) for cp in range(0x10000)]


def test_the_space_separators_are_category_zs_but_the_space():
    assert set(normalize.SPACE_SEPARATORS) == {c for c in BMP if unicodedata.category(c) == "Zs" and c != " "}


def test_the_controls_are_category_cc_but_tab_and_newline():
    assert set(normalize.CONTROLS) == {c for c in BMP if unicodedata.category(c) == "Cc" and c not in "\t\n"}


def test_every_space_becomes_a_space_and_every_control_or_surrogate_goes():
    for c in BMP:
        category = unicodedata.category(c)
        out = normalize_text(f"a{c}b")
        if category == "Zs" or c == "\t":
            assert out == "a b", hex(ord(c))
        elif category in ("Cc", "Cs") and c != "\n" and c not in "\r\v\f\x1c\x1d\x1e\x85":  # line breaks aside
            assert out == "ab", hex(ord(c))
