"""The cheaper page-level reading path gives what the plain definitions it replaces give.

``split_lines`` joins hard wraps in one loop and marks blank-line neighbours;
the language vote reads only the first ``_MAX_WORDS`` words; a file is read
with a buffer of its own size; the markup sniffers refuse bytes without a
"<" before decoding them. Each test compares with the straightforward
version on generated text rich in the awkward cases (hyphens at a wrap,
bullets, runs of blank lines, text-browser link markers, curly apostrophes,
letters outside ASCII).
"""

from __future__ import annotations

import io
import re

import pytest
from briefpack.ingest import language
from briefpack.ingest.dump.lines import _BULLETS, _CLOSERS, _DASHES, _LINK_MARKER, _SENTENCE_ENDS, _cut_references, _layout_lines, _unmark, _wrap_width, split_lines
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.errors import IngestError
from briefpack.ingest.formats import sniff_feed, sniff_html
from briefpack.ingest.unpack import MAX_BYTES, read_limited
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = DumpOptions()

_WORDS = st.sampled_from(
    ["the", "of", "and", "Pyongyang", "ports", "Russia-", "DPRK", "trade", "i", "się", "и", "và", "it’s", "don't",
     "'tis", "rock'n'roll", "İstanbul", "©", "—", "[3]", "- item", "* item", "1.", "x" * 30, "a.", "said:"]
)
# Lines of a few words up to a long paragraph, so that some texts look hard-wrapped and others not.
_LINE = st.lists(_WORDS, min_size=0, max_size=14).map(" ".join)
_TEXT = st.lists(_LINE, min_size=0, max_size=30).map("\n".join)


def _split_lines_as_first_written(text: str, options: DumpOptions) -> list[tuple[str, bool, bool, int]]:
    """``split_lines`` with its wrap test and join as separate steps, every line visited in turn."""

    def is_wrap(previous: str, following: str, width: int) -> bool:
        if not following:
            return False
        # A bullet opens an item, but a dash after a line that stops mid-sentence is the sentence's own.
        if following.startswith(_BULLETS) and not (
            following.startswith(_DASHES) and previous.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS
        ):
            return False
        return len(previous) + 1 + len(following.split(" ", 1)[0]) > width

    def join(previous: str, following: str) -> str:
        if previous.endswith("-") and previous[-2:-1].isalpha():
            return previous + following
        return f"{previous} {following}"

    raw = text.split("\n")
    cut = _cut_references(raw)
    browser = cut is not None
    raw = cut if cut is not None else raw
    width = _wrap_width(_layout_lines(raw) if browser else raw, options)
    merged = raw
    if width:
        merged, physical = [], ""
        for current in raw:
            if merged and physical and current and is_wrap(physical, current, width):
                merged[-1] = join(merged[-1], current)
            else:
                merged.append(current)
            physical = current
    out = []
    edged = ["", *merged, ""]
    for i, current in enumerate(merged):
        if not current:
            continue
        link = len(_LINK_MARKER.findall(current)) if browser and _LINK_MARKER.match(current) else 0
        current = _unmark(current) if browser else current
        if current:
            out.append((current, not edged[i], not edged[i + 2], link))
    return out


@SETTINGS
@given(_TEXT, st.booleans())
def test_split_lines_is_the_line_by_line_reading(text: str, browser: bool) -> None:
    if browser:  # a text browser's dump: link markers, then the list of references
        text = f"{text}\n\nReferences\n\n1. https://example.org/a\n2. https://example.org/b"
    lines = split_lines(text, OPTIONS)
    assert [(x.text, x.blank_before, x.blank_after, x.link) for x in lines] == _split_lines_as_first_written(text, OPTIONS)


def test_split_lines_joins_a_wrapped_paragraph_and_keeps_a_hyphenated_word() -> None:
    words = "Officials in the capital said on Thursday that the talks with the Russia-DPRK".split()
    paragraph = " ".join(words * 6)
    wrapped = []
    line = ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > 60:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    text = "\n".join(wrapped[:4]) + "\n\n" + "\n".join(wrapped[4:])
    lines = split_lines(text, OPTIONS)
    assert [x.text for x in lines] == [" ".join(wrapped[:4]), " ".join(wrapped[4:])]
    assert [(x.blank_before, x.blank_after) for x in lines] == [(True, True), (True, True)]


def _words_by_pattern(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.replace("’", "'"))]


@SETTINGS
@given(st.lists(_WORDS, min_size=150, max_size=400).map(" ".join))
def test_language_reads_the_first_words_the_pattern_reads(text: str) -> None:
    # The ASCII path splits only as far as the words it needs; the Unicode path stops its scan there.
    words = language._words(text)
    assert len(words) <= language._MAX_WORDS
    if not any(ch.isalnum() and not ch.isascii() for ch in text):
        assert words == _words_by_pattern(text)[: language._MAX_WORDS]
    else:
        assert [w.replace("’", "'") for w in words] == _words_by_pattern(text)[: language._MAX_WORDS]


def test_language_is_settled_by_the_first_words() -> None:
    english = "the talks of the ports and the trade that was said to be hard " * 20
    polish = "i w na z że się nie do jest to " * 40
    assert language.detect_language(english + polish) == "en"
    assert language.detect_language(polish + english) == "pl"


class _Growing(io.BytesIO):
    """A stream that holds more than its owner said (a file that grew since it was measured)."""


@pytest.mark.parametrize("expected", [None, 0, 5, 10, 11, 1000])
def test_read_limited_reads_everything_whatever_size_was_expected(expected: int | None) -> None:
    assert read_limited(_Growing(b"0123456789"), "f.txt", expected) == b"0123456789"


def test_read_limited_refuses_a_stream_that_grew_past_the_limit() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[override]
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    with pytest.raises(IngestError, match="too large"):
        read_limited(io.BufferedReader(Endless()), "big.txt", 100)
    with pytest.raises(IngestError, match="too large"):
        read_limited(io.BytesIO(b"x" * (MAX_BYTES + 1)), "big.txt", MAX_BYTES + 1)


@SETTINGS
@given(st.binary(max_size=300))
def test_markup_sniffers_refuse_bytes_without_a_tag_as_after_decoding(data: bytes) -> None:
    data = data.replace(b"<", b"")
    assert sniff_html(data, "page.html") == 0.0
    assert sniff_feed(data, None) == 0.0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-32", "latin-1"])
def test_markup_in_any_sniffed_encoding_still_has_its_tag(encoding: str) -> None:
    assert sniff_html("<!DOCTYPE html><html><p>x</p></html>".encode(encoding), None) == 0.9
    assert sniff_feed('<?xml version="1.0"?><rss version="2.0"></rss>'.encode(encoding), None) == 0.95
