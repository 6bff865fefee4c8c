"""The outlet words found by one automaton pass cover every place the page-wide pattern finds one.

``outlets._capitalised_word_starts`` picks the lines ``outlet_names`` reads
word by word; a line it missed would lose a name, an extra line costs only
time. These tests check that every start the capitalised pattern finds is
among the automaton's, on text with the Kelvin sign, "İ" (two characters in
lower case), lone surrogates and mixed case, and that the fallbacks read
the pattern itself (``test_ingest_fast_paths`` compares ``outlet_names``
with the line-by-line reading).
"""

from __future__ import annotations

from briefpack.ingest import outlets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = sorted(outlets.OUTLET_WORDS)
_PIECES = st.sampled_from(
    [*_WORDS, *(w.title() for w in _WORDS), *(w.upper() for w in _WORDS), "NeWs", "networ\u212a", "Ne", "ws",
     "Tuoi Tre", "İ", "İİ", "\ud800", " ", "\n", ".", "’", "é", "ſ", "\U0001f600", "x", "E"]
)
_PAGE = st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=80)


def _pattern_starts(page: str) -> list[int]:
    return [m.start() for m in outlets._CAPITALISED_OUTLET_WORD.finditer(page)]


@SETTINGS
@given(_PAGE)
def test_every_capitalised_outlet_word_the_pattern_finds_is_found(page: str) -> None:
    lowered = page.lower()
    starts = outlets._capitalised_word_starts(page, lowered)
    assert set(_pattern_starts(page)) <= set(starts)
    if starts != _pattern_starts(page):
        # The automaton's: each start is where the lowered page, aligned with the page, holds an outlet
        # word whose first letter the page does not print in lower case.
        assert len(lowered) == len(page)
        for start in starts:
            assert any(lowered.startswith(w, start) and page[start] != w[0] for w in _WORDS), (page, start)


def test_pages_the_automaton_cannot_read_fall_back_to_the_pattern() -> None:
    for page in ("İstanbul Times and Daily News", "\ud800 The Korea Times", "Korea TIMES / İ"):
        assert outlets._capitalised_word_starts(page, page.lower()) == _pattern_starts(page)


def test_capitals_anywhere_in_the_word_count_only_at_its_start() -> None:
    page = "the news, The News, NEWS and nEWS, Kyiv Networ\u212a"
    expected = [page.index("News"), page.index("NEWS"), page.index("Networ")]
    assert outlets._capitalised_word_starts(page, page.lower()) == expected
