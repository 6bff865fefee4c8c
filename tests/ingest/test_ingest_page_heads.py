"""The page-level path reads no more than it needs and gives what reading everything gives.

The language vote reads its words from the head of the text (cut at a space)
and reads the whole text only when the head holds too few; the reader (ASCII
or Unicode) is still chosen on the whole text. The dump reader takes the
normalised text as lines (``normalized_lines`` and ``logical_lines``) instead
of joining it and splitting it again; blank text is still refused. Each test
compares with the plain definition on generated text rich in the awkward
cases: curly and stray apostrophes ("the '90s"), long tokens, letters and
other characters outside ASCII, odd spaces and line breaks.
"""

from __future__ import annotations

import itertools

import pytest
from briefpack.ingest import language
from briefpack.ingest.dump import read_dump
from briefpack.ingest.dump.lines import logical_lines, split_lines
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.errors import IngestError
from briefpack.ingest.nonascii import blank_non_ascii, non_ascii_chars
from briefpack.ingest.normalize import normalize_text, normalized_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = DumpOptions()

_WORDS = st.sampled_from(
    ["the", "of", "and", "la", "de", "i", "w", "się", "и", "và", "ports", "trade", "it’s", "don't", "'90s", "'",
     "rock'n'roll", "x" * 40, "2024", "©", "—", "“quoted”", "İstanbul", "a.", "\n", "\n\n"]
)
# Words whose letters are all ASCII, with other characters outside it ("’", "©", "—").
_ASCII_LETTER_WORDS = st.sampled_from(["the", "of", "and", "it’s", "don't", "'90s", "'", "x" * 40, "2024", "©", "—", "a."])
# From a few words to texts several times longer than the head the vote reads.
_TEXT = st.lists(_WORDS, min_size=0, max_size=1000).map(" ".join)


def _words_of_whole_text(text: str) -> list[str]:
    """The vote's words as read before the head cut: the reader chosen and run on the whole text."""
    plain = text.replace("’", "'")
    if not plain.isascii() and language._NON_ASCII_WORD_CHAR.search(non_ascii_chars(plain)) is None:
        plain = blank_non_ascii(plain)
    if plain.isascii():
        return language._ascii_words(plain)
    return [m.group(0).lower() for m in itertools.islice(language._WORD.finditer(text), language._MAX_WORDS)]


@SETTINGS
@given(_TEXT)
def test_language_words_from_the_head_are_those_of_the_whole_text(text: str) -> None:
    assert language._words(text) == _words_of_whole_text(text)


@SETTINGS
@given(st.lists(_ASCII_LETTER_WORDS, min_size=0, max_size=600).map(" ".join), st.sampled_from(["", " Łódź", " и", " ²"]))
def test_a_letter_past_the_head_still_chooses_the_reader(text: str, tail: str) -> None:
    # The head alone has no letter outside ASCII while the whole text may: the words (spelt with
    # "’" by the Unicode reader, "'" by the ASCII one) must not depend on where the head ends.
    text = f"{text} {'trade and the ports ' * 150}{tail}"
    assert len(text) > language._HEAD_CHARS
    assert language._words(text) == _words_of_whole_text(text)


def test_a_head_with_too_few_words_is_read_again_as_the_whole_text() -> None:
    # Long tokens: the head holds far fewer than the vote's words, which come from the whole text.
    text = " ".join(["x" * 60] * 60 + ["the ports of the trade"] * 60)
    assert len(text) > language._HEAD_CHARS
    words = language._words(text)
    assert len(words) == language._MAX_WORDS
    assert words == _words_of_whole_text(text)
    assert language.detect_language(text) == "en"


_RAW = st.lists(
    st.sampled_from(list("ab é—") + ["\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", "\u2028", "\x0b", "  "]),
    max_size=200,
).map("".join)


@SETTINGS
@given(_RAW)
def test_normalized_lines_are_the_lines_of_the_normalised_text(text: str) -> None:
    assert normalized_lines(text) == normalize_text(text).split("\n")


@SETTINGS
@given(_RAW, st.booleans())
def test_logical_lines_read_the_lines_split_lines_reads(text: str, browser: bool) -> None:
    if browser:  # a text browser's dump ends with its list of references
        text = f"{normalize_text(text)}\n\nReferences\n\n1. https://example.org/a"
    raw = normalized_lines(text)
    before = list(raw)
    assert logical_lines(raw, OPTIONS) == split_lines("\n".join(raw), OPTIONS)
    assert raw == before  # the caller's list is left as it was


@pytest.mark.parametrize("data", [b"", b" \n\t\n", "\u00a0\u2028\u200b\r\n".encode()])
def test_blank_text_is_still_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="empty text"):
        read_dump(data, "blank.txt")
