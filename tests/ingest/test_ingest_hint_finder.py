"""The legal cue hints found in one automaton pass are those a substring test per hint finds.

``legal.cue_hints`` reads a page's UTF-8 bytes once for every hint; these
tests compare it with the plain reading (``hint in lowered`` for each hint,
in order) on pages built from hints, their overlaps and fragments, text
outside Latin-1 and ASCII, lone surrogates, and refused characters.
"""

from __future__ import annotations

from briefpack.ingest import legal
from briefpack.ingest.caseless import UNSAFE_CHARS, caseless
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _hints_by_substring_tests(page: str) -> tuple[str, ...]:
    lowered = caseless(page)
    return legal._CUE_HINTS if lowered is None else tuple(h for h in legal._CUE_HINTS if h in lowered)


# Hints whole, cut short, and run into each other ("owner of the author"), in several cases, with
# characters of every width around them.
_FRAGMENTS = [piece for hint in legal._CUE_HINTS for piece in (hint, hint[:-1], hint[1:], hint.upper())]
_PIECES = st.sampled_from(
    [*_FRAGMENTS, " ", "\n", "owner of the author", "without prior", "ż", "Ż", "é", "—", "’", "\U0001f600",
     "\ud800", "\udfff", "x", *UNSAFE_CHARS[:4]]
)
_PAGE = st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=80)


@SETTINGS
@given(_PAGE)
def test_one_pass_finds_the_hints_each_substring_test_finds(page: str) -> None:
    assert legal.cue_hints(page) == _hints_by_substring_tests(page)


def test_every_hint_alone_and_all_together_are_found() -> None:
    for hint in legal._CUE_HINTS:
        page = f"Some text, {hint.title()}."
        # A page ``caseless`` refuses (the Cyrillic hint's "В" and "С") gives every hint.
        assert legal.cue_hints(page) == ((hint,) if caseless(page) is not None else legal._CUE_HINTS)
    # Hints sharing letters (" of the author" ends inside "owner of this … author"), each found once, in order.
    page = " ".join(reversed(legal._CUE_HINTS))
    assert legal.cue_hints(page) == legal._CUE_HINTS
    assert legal.cue_hints("The views expressed are solely those of the author.") == (" expressed", " of the author")


def test_a_page_without_hints_gives_none() -> None:
    assert legal.cue_hints("A plain paragraph about the harbour, nothing else — “quoted” ż.") == ()
