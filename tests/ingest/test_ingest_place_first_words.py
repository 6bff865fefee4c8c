"""``is_place`` tries its runs of several words only when a word could open one: the same answers as trying them all."""

from __future__ import annotations

from unittest import mock

from briefpack.ingest import places
from hypothesis import given, settings
from hypothesis import strategies as st

_PLACES = sorted(places._places())
_PLACE_WORDS = sorted({word for key in _PLACES for word in key.split()})


class _EveryWord(frozenset):
    """A first-word set that rules nothing out: ``is_place`` then joins every run, as without the shortcut."""

    def isdisjoint(self, other) -> bool:
        return False


def _full_reading(words: list[str]) -> bool:
    with mock.patch.object(places, "_place_first_words", lambda: _EveryWord()):
        return places.is_place(words)


def _spelled(word: str, style: int, dot: bool) -> str:
    word = (word, word.upper(), word.title(), word.capitalize())[style]
    return f"{word}." if dot else word


# Words of places of several words (in any case, some with a dot), given names and other words,
# so that runs which are places, runs which only start like one, and names all come up.
_WORD = st.builds(
    _spelled,
    st.one_of(
        st.sampled_from(_PLACE_WORDS),
        st.sampled_from(["kim", "ivan", "chad", "jordan", "n", "s", "st", "new", "city", "", "o'neill", "u.s"]),
        st.text(alphabet="abcdeklmnorsuyé.'’", min_size=1, max_size=8),
    ),
    st.integers(0, 3),
    st.booleans(),
).filter(lambda w: w.split() == [w])


# Whole places too, spelled word by word, between other words ("Mr Buenos Aires Times").
_PLACE_RUN = st.builds(
    lambda key, style, dot: [_spelled(word, style, dot) for word in key.split()],
    st.sampled_from(_PLACES),
    st.integers(0, 3),
    st.booleans(),
)
_WORDS = st.lists(st.one_of(_WORD.map(lambda w: [w]), _PLACE_RUN), min_size=1, max_size=4).map(
    lambda runs: [word for run in runs for word in run]
)


@settings(max_examples=600, deadline=None)
@given(_WORDS)
def test_place_first_words_shortcut_matches_the_full_reading(words):
    assert places.is_place(words) == _full_reading(words)


def test_runs_of_several_words_are_still_places():
    assert places.is_place(["Hong", "Kong"]) and places.is_place(["ho", "chi", "minh"])
    assert places.is_place(["Mr", "Buenos", "Aires"]) and not places.is_place(["Ivan", "Petrov"])
    assert not places.is_place(["Kong", "Hong"])
