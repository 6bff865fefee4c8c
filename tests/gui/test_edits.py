"""The selection rules behind the clicks: sources (empty means all), themes in taxonomy order, drops by key."""

from __future__ import annotations

import pytest

from briefpack.gui.edits import LastSourceError, chosen_source_ids, with_passage, with_source, with_theme
from briefpack.model.selection import Selection
from briefpack.model.theme import Taxonomy, Theme

ALL = ["a", "b", "c"]
TAXONOMY = Taxonomy((Theme("diplomacy", "Diplomacy"), Theme("military", "Military"), Theme("health", "Health")))


def test_empty_source_choice_means_all_and_is_written_back_as_empty():
    assert chosen_source_ids(Selection(), ALL) == ALL
    one_off = with_source(Selection(), ALL, "b", False)
    assert one_off.source_ids == ("a", "c")
    assert with_source(one_off, ALL, "b", True).source_ids == ()


def test_the_last_source_cannot_be_unchecked():
    only_c = Selection(source_ids=("c",))
    with pytest.raises(LastSourceError):
        with_source(only_c, ALL, "c", False)


def test_themes_follow_taxonomy_order_whatever_the_click_order():
    s = with_theme(Selection(), TAXONOMY, "health", True)
    s = with_theme(s, TAXONOMY, "diplomacy", True)
    assert s.theme_ids == ("diplomacy", "health")
    assert with_theme(s, TAXONOMY, "diplomacy", False).theme_ids == ("health",)


def test_dropping_and_restoring_a_passage():
    s = with_passage(Selection(), "military/a:1:0-10", False)
    assert s.dropped == {"military/a:1:0-10"}
    assert with_passage(s, "military/a:1:0-10", True).dropped == frozenset()
