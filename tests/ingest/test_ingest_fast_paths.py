"""The cheap pre-filters of the name and language readers agree with the plain definitions they replace.

``outlet_names`` picks the lines worth scanning by substring and pattern tests
over the whole page, and the word readers ask about non-ASCII characters by
byte passes; each test compares them with the straightforward per-line or
per-character version on generated text rich in the awkward cases (the Kelvin
sign that lowers to "k", "İ" that lowers to two characters, lone surrogates,
line breaks inside a "line", domains glued to punctuation).
"""

from __future__ import annotations

import re

from briefpack.ingest.dump.vocabulary import PageVocabulary, lowercase_vocabulary
from briefpack.ingest.dump.lines import Line
from briefpack.ingest.language import _words as language_words
from briefpack.ingest.nonascii import blank_non_ascii, non_ascii_chars
from briefpack.ingest.outlets import OUTLET_WORDS, outlet_key, outlet_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = st.sampled_from(
    ["News", "news", "NEWS.", "NeWs", "Times", "TiMES", "networ\u212a", "NETWOR\u212a", "Daily", "Tuoi", "Tre",
     "The", "Kyiv", "tuoitrenews.vn", "www.nknews.org", "reporter@koreatimes.co.kr", "koreatimesnews.co.kr/x",
     "İnsider", "ſ",
     " / ", "/", "—", "-", ".", ",", "’", "'", "\n", " ", "  ", "the", "and", "de", "và", "który", "и", "©", "“",
     "\ud800", "é", "٣", "1", "_", "?"]
)
_TEXT = st.lists(_PIECES, max_size=40).map("".join)

_DOMAIN_LABEL = re.compile(r"(?<![\w.@-])(?:www\.)?([a-z0-9-]{3,})\.[a-z]{2,}(?:\.[a-z]{2})?(?![\w-])")
_WORD_SPAN = re.compile(r"[^\W\d_][\w'’.-]*|[^\w\s]+")
_PUNCTUATION = ".,;:!?()[]\"'’”»|/"


def _outlet_names_line_by_line(texts: list[str]) -> frozenset[str]:
    """``outlet_names`` as first written: every cue tried on every line."""
    found: set[str] = set()
    for text in texts:
        lowered = text.lower()
        for label in _DOMAIN_LABEL.findall(lowered):
            found.update(label[: -len(w)] for w in OUTLET_WORDS if label.endswith(w) and len(label) >= len(w) + 2)
        if not any(w.strip(_PUNCTUATION) in OUTLET_WORDS for w in lowered.split()):
            continue
        run: list[str] = []
        for token in _WORD_SPAN.findall(text):
            if token.lower().rstrip(".") in OUTLET_WORDS and token[0].isupper() and run:
                tail = run[-3:]
                found.update(outlet_key("".join(tail[i:])) for i in range(len(tail)))
            run = [*run, token] if token[0].isupper() and token[0].isalpha() else []
    return frozenset(found)


@SETTINGS
@given(st.lists(_TEXT, max_size=8))
def test_outlet_names_match_the_line_by_line_reading(texts: list[str]) -> None:
    assert outlet_names(iter(texts)) == _outlet_names_line_by_line(texts)


def test_outlet_names_find_a_capitalised_outlet_word_spelt_with_the_kelvin_sign() -> None:
    # "\u212a".lower() is "k": the page-wide pattern must not miss what ``str.lower`` reads as "Network".
    page = ["Tuoi Tre Networ\u212a"]
    assert outlet_names(page) == _outlet_names_line_by_line(page) == {"tuoitre", "tre"}


@SETTINGS
@given(_TEXT)
def test_non_ascii_chars_are_the_characters_outside_ascii(text: str) -> None:
    assert non_ascii_chars(text) == "".join(ch for ch in text if not ch.isascii())


@SETTINGS
@given(_TEXT)
def test_blank_non_ascii_parts_ascii_words_as_a_space_does(text: str) -> None:
    blanked = blank_non_ascii(text)
    assert blanked.isascii() and len(blanked) == len(text)
    spaced = re.sub(r"[^\x00-\x7f]+", " ", text)
    assert re.findall(r"[A-Za-z']+", blanked) == re.findall(r"[A-Za-z']+", spaced)


def _words_by_pattern(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.replace("’", "'"))]


@SETTINGS
@given(_TEXT)
def test_language_words_are_those_the_unicode_pattern_reads(text: str) -> None:
    # Texts with no letter or digit outside ASCII take the ASCII path, dropping "©", "—", "“" on the way.
    if not any(ch.isalnum() for ch in non_ascii_chars(text)):
        assert language_words(text) == _words_by_pattern(text)


@SETTINGS
@given(st.lists(_TEXT, max_size=6))
def test_lowercase_vocabulary_is_the_lower_case_words_of_the_page(texts: list[str]) -> None:
    lines = [Line(text, blank_before=False, blank_after=False) for text in texts]
    expected = {w for text in texts for w in re.findall(r"[^\W\d_]+", text) if w.islower()}
    assert lowercase_vocabulary(lines) == expected


@SETTINGS
@given(st.lists(_TEXT, max_size=6), st.lists(_PIECES, max_size=6))
def test_page_vocabulary_answers_each_word_as_the_whole_vocabulary_would(texts: list[str], asked: list[str]) -> None:
    # The page is searched word by word: a hit inside a longer word ("news" in "tuoitrenews") does not count.
    lines = [Line(text, blank_before=False, blank_after=False) for text in texts]
    vocabulary = lowercase_vocabulary(lines)
    page = PageVocabulary(lines)
    for word in {*asked, *(w.lower() for w in asked), *vocabulary, "news", "tre", "tuoitre"}:
        assert (word in page) == (word in vocabulary), word
