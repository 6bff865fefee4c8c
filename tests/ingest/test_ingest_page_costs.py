"""The page-level passes made cheaper give what the plain forms they replace give.

The legal cue hints lower a Latin-1 page by a byte translation and check a
page's refused characters on its characters outside ASCII only; every hint
must still be a literal each cue contains; the reader is chosen by plain
loops in place of ``max`` over pairs; a file is read by system calls on a
descriptor; the language vote is settled by the two best scores; Latin-1
text skips the NFC pass, which cannot change it. Each test
compares with the plain form on varied input (ties, refused characters,
sizes around the chunk and the limit, files that grow or vanish).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from briefpack.ingest import language, legal, normalize, registry
from briefpack.ingest.caseless import UNSAFE_CHARS, caseless
from briefpack.ingest.errors import IngestError
from briefpack.ingest.unpack import _CHUNK, _read_descriptor, read_file_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = st.sampled_from(
    ["Copyright", "COPYRIGHT", "All Rights Reserved", "prior written consent", "Without permission", "the", " ",
     "\n", "Émile", "ÀÉÎÕÜ", "ß", "ÿ", "µ", "é", "’", "—", "İ", "\u212a", "ſ", "ı", "Ж", "ВСЕ ПРАВА ЗАЩИЩЕНЫ",
     "Wszelkie prawa ZASTRZEŻONE", "Hyperlink", "Mandatory", "VIEWS EXPRESSED", "Terms of Use", "x",
     *UNSAFE_CHARS[:8]]
)
_PAGE = st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=60)


def test_latin1_lowering_table_is_str_lower_for_every_latin1_character() -> None:
    assert all(chr(legal._LATIN1_LOWER[b]) == chr(b).lower() for b in range(256))
    # The one Latin-1 character ``caseless`` refuses is the one the page check looks for.
    assert [chr(b) for b in range(256) if caseless(chr(b)) is None] == [legal._LATIN1_UNSAFE.decode("latin-1")]


@SETTINGS
@given(_PAGE)
def test_lowered_page_is_caseless_of_the_page(page: str) -> None:
    assert legal._lowered_page(page) == caseless(page)


def _cue_hints_as_first_written(page: str) -> tuple[str, ...]:
    lowered = caseless(page)
    return legal._CUE_HINTS if lowered is None else tuple(h for h in legal._CUE_HINTS if h in lowered)


@SETTINGS
@given(_PAGE)
def test_cue_hints_are_those_the_lowered_page_holds(page: str) -> None:
    assert legal.cue_hints(page) == _cue_hints_as_first_written(page)


@SETTINGS
@given(st.from_regex(legal._PLAIN_CUES, fullmatch=True))
def test_every_cue_holds_a_hint(cue: str) -> None:
    # ``is_legal_notice`` skips a line without a hint: each cue the pattern can find must hold one.
    assert any(hint in cue for hint in legal._CUE_HINTS), cue


def _choose_reader_with_max(readers, data: bytes, file_name: str | None):
    specific = [(e.sniff(data, file_name), e) for e in readers if e.sniff is not registry.sniff_plain_text]
    score, entry = max(specific, key=lambda pair: pair[0], default=(0.0, None))
    if score > registry._PLAIN_TEXT_CONFIDENCE:
        return entry
    fallback = [(e.sniff(data, file_name), e) for e in readers if e.sniff is registry.sniff_plain_text]
    score, entry = max(fallback, key=lambda pair: pair[0], default=(0.0, None))
    return entry if score > 0 else None


@SETTINGS
@given(
    st.lists(st.sampled_from([0.0, 0.05, 0.1, 0.5, 0.6, 0.9, 0.95]), min_size=0, max_size=5),
    st.sampled_from([0.0, 0.1]),
)
def test_choose_reader_takes_the_first_of_the_most_confident(scores: list[float], plain: float) -> None:
    def sniffer(score: float):
        return lambda data, name: score

    readers = [
        registry.ReaderEntry(f"r{i}", sniffer(s), registry.read_dump_articles, None) for i, s in enumerate(scores)
    ]
    readers.insert(len(readers) // 2, registry.READERS[0])  # the plain-text reader, among the others
    saved = registry.READERS
    registry.READERS = tuple(readers)
    try:
        data = b"plain text" if plain else b"\x89PNG binary"
        assert registry.choose_reader(data, "a.txt") is _choose_reader_with_max(readers, data, "a.txt")
    finally:
        registry.READERS = saved


@pytest.mark.parametrize("size", [0, 1, 4095, _CHUNK - 1, _CHUNK, _CHUNK + 1, 3 * _CHUNK + 7])
def test_a_file_is_read_whole_at_any_size(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    (tmp_path / "f.txt").write_bytes(data)
    assert read_file_bytes(tmp_path / "f.txt") == data


@pytest.mark.parametrize("told", [0, 10, 99_999, 100_000])
def test_a_file_that_grew_after_its_size_was_taken_is_read_whole(tmp_path: Path, told: int) -> None:
    data = os.urandom(100_000) + b"end"
    (tmp_path / "f.txt").write_bytes(data)
    fd = os.open(tmp_path / "f.txt", os.O_RDONLY)
    try:
        assert _read_descriptor(fd, "f.txt", told) == data
    finally:
        os.close(fd)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules["briefpack.ingest.unpack"], "MAX_BYTES", 3 * _CHUNK)
    (tmp_path / "f.txt").write_bytes(b"x" * (3 * _CHUNK + 1))
    fd = os.open(tmp_path / "f.txt", os.O_RDONLY)
    try:
        with pytest.raises(IngestError, match="too large"):
            _read_descriptor(fd, "f.txt", 10)
    finally:
        os.close(fd)
    (tmp_path / "g.txt").write_bytes(b"x" * (3 * _CHUNK))
    assert read_file_bytes(tmp_path / "g.txt") == b"x" * (3 * _CHUNK)  # at the limit: read


def test_a_folder_or_a_missing_file_is_refused_with_its_reason(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a folder, not a file"):
        read_file_bytes(tmp_path, "the folder")
    with pytest.raises(IngestError, match="cannot read the file: No such file") as info:
        read_file_bytes(tmp_path / "gone.txt")
    assert info.value.file_name == "gone.txt"


def _detect_language_with_max(text: str) -> str | None:
    tokens = language._words(text)
    if not tokens:
        return None
    scores = dict.fromkeys(language.STOP_WORDS, 0)
    for word, n in Counter(w for w in tokens if w in language._ANY_STOP_WORD).items():
        for lang in language._LANGUAGES_OF[word]:
            scores[lang] += n
    lang, hits = max(scores.items(), key=lambda item: item[1])
    runner_up = max((s for other, s in scores.items() if other != lang), default=0)
    if hits < language._MIN_HITS or hits < len(tokens) * language._MIN_SHARE or hits <= runner_up:
        return None
    return lang


_STOP_WORDS = sorted(set().union(*language.STOP_WORDS.values())) + ["Pyongyang", "ports", "la", "de", "и"]


@SETTINGS
@given(st.lists(st.sampled_from(_STOP_WORDS), max_size=12).map(" ".join))
def test_language_vote_by_the_two_best_scores_is_the_vote_by_max(text: str) -> None:
    # Few words drawn from every language's list: ties at the top are common.
    assert language.detect_language(text) == _detect_language_with_max(text)


def test_latin1_text_is_in_nfc_whatever_its_characters() -> None:
    # Every Latin-1 character alone and after every other: NFC composes only neighbours, and decomposes none of them.
    latin1 = [chr(b) for b in range(256)]
    assert all(unicodedata.normalize("NFC", a + b) == a + b for a in latin1 for b in latin1)


_NORMALISED_PIECES = st.sampled_from(
    ["e", "\u0301", "é", "E\u0301", "\u00a0", "\t", "\r\n", "\x85", "\x0b", "\u2028", "\u200b", "\x07", "  ", "\n",
     "ß", "ÿ", "µ", "Å", "A\u030a", "\u212b", "\u1100\u1161", "’", " ", "x"]
)


@SETTINGS
@given(st.lists(_NORMALISED_PIECES, max_size=40).map("".join))
def test_normalized_lines_are_the_plain_passes_with_nfc_on_every_text(text: str) -> None:
    plain = normalize._SPACES.sub(" ", normalize._DROPPED.sub("", normalize._LINE_BREAKS.sub("\n", text)))
    plain = normalize._SPACE_RUN.sub(" ", unicodedata.normalize("NFC", plain))
    assert normalize.normalized_lines(text) == [line.strip() for line in plain.split("\n")]
