"""``PackedTags.of`` writes a tagger's tags with orjson only where that gives the text ``pack_tag_values`` writes out."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefpack.store import rows
from briefpack.store.rows import PackedTags

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
scores = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from([0.0, -0.0, 1e-05, 1e16, 2.5e-300, 5e-324, 3.0])
values = st.lists(
    st.tuples(st.integers(0, 2**70), texts, st.lists(texts, max_size=4).map(tuple), scores), min_size=1, max_size=8
)


def written_out(tags: list[tuple]) -> str | None:
    """``pack_tag_values``' text, with its cache of written tails emptied first (so nothing of an earlier call is reused)."""
    rows._TAG_TAILS.clear()
    return rows.pack_tag_values(tags, "a")


@settings(max_examples=400, deadline=None)
@given(values)
def test_same_text_as_written_out_and_as_dumps(tags):
    packed = PackedTags.of(tags, "a")
    assert packed.text == written_out(tags) == rows.dumps([list(t) for t in tags])
    assert packed.themes == rows.theme_list(t[1] for t in tags)
    assert packed.blocks == max(t[0] for t in tags) + 1


@settings(max_examples=100, deadline=None)
@given(values)
def test_same_text_when_the_scores_were_seen_before(tags):
    PackedTags.of(tags, "a")  # remembered scores skip the comparison the second time
    assert PackedTags.of(tags, "a").text == written_out(tags) == rows.dumps([list(t) for t in tags])


def test_zero_and_minus_zero_written_apart():
    tags = [(0, "health", ("vaccine",), 0.0), (1, "health", ("vaccine",), -0.0)] * 2
    assert PackedTags.of(tags, "a").text == written_out(tags) == rows.dumps([list(t) for t in tags])
    assert rows.pack_tag_values(tags, "a") == rows.dumps([list(t) for t in tags])  # with the tails now remembered


def test_scores_orjson_writes_otherwise_are_written_out():
    tags = [(0, "health", ("vaccine",), 1e-05), (1, "health", ("clinic",), 1e22), (2, "economy", (), -0.0)]
    assert PackedTags.of(tags, "a").text == '[[0,"health",["vaccine"],1e-05],[1,"health",["clinic"],1e+22],[2,"economy",[],-0.0]]'
    assert rows._tagger_json(tags) is None  # orjson writes 1e-05 as 0.00001: not used for these


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_score_that_is_not_finite_is_refused(bad):
    with pytest.raises(ValueError, match="not a finite number"):
        PackedTags.of([(0, "health", ("vaccine",), 2.0), (1, "health", ("vaccine",), bad)], "a")


def test_the_taggers_usual_scores_go_through_orjson():
    tags = [(0, "health", ("vaccine", "clinic"), 4.0), (3, "economy_trade", ("tariffs",), 2.0)]
    assert rows._tagger_json(tags) == written_out(tags)
