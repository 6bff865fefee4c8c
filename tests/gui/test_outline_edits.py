"""The outline's edits as pure functions: move an item, drop a passage into a section, note, paraphrase, grade, written text."""

from __future__ import annotations

import pytest

from briefpack.gui.edits import (
    move_item, place_passage, section_text, with_grade, with_mode, with_note, with_paraphrase, with_section_text,
)
from briefpack.model.passage import Passage
from briefpack.model.selection import BriefSettings, ItemTreatment, PickedPassage, Selection

KEYS = ["m/a", "m/b", "m/c"]
BASE = Selection(theme_ids=("m", "h"))


@pytest.mark.parametrize(
    ("key", "to", "expected"),
    [("m/c", 0, ["m/c", "m/a", "m/b"]), ("m/a", 1, ["m/b", "m/a", "m/c"]), ("m/a", 99, ["m/b", "m/c", "m/a"]),
     ("m/b", -3, ["m/b", "m/a", "m/c"])],
)
def test_moving_an_item_writes_the_whole_section_order(key, to, expected):
    moved = move_item(BASE, "m", KEYS, key, to)
    assert moved.order == {"m": tuple(expected)}
    assert BASE.order == {}, "the old selection is left as it was"


def test_moving_an_item_the_section_does_not_hold_is_refused():
    with pytest.raises(KeyError):
        move_item(BASE, "m", KEYS, "m/zzz", 0)


def test_dropping_a_new_passage_into_a_section_adds_it_at_the_drop_position():
    picked = PickedPassage("m", Passage("b", 3, 0, 4, "Text"))
    placed = place_passage(BASE, picked, KEYS, 1)
    assert placed.added == (picked,)
    assert placed.order["m"] == ("m/a", picked.key, "m/b", "m/c")


def test_dropping_a_dropped_passage_brings_it_back_without_adding_it_twice():
    picked = PickedPassage("m", Passage("b", 3, 0, 4, "Text"))
    start = Selection(theme_ids=("m",), added=(picked,), dropped=frozenset({picked.key, "m/x"}))
    placed = place_passage(start, picked, KEYS, 0)
    assert placed.dropped == {"m/x"}
    assert placed.added == (picked,)
    assert placed.order["m"][0] == picked.key


def test_dropping_a_passage_already_in_the_section_only_moves_it():
    picked = PickedPassage("m", Passage("c", 1, 0, 1, "x"))
    placed = place_passage(BASE, picked, ["m/a", picked.key], 0)
    assert placed.added == () and placed.order["m"] == (picked.key, "m/a")


def test_a_passage_for_a_theme_that_is_not_chosen_is_not_placed():
    picked = PickedPassage("other", Passage("c", 1, 0, 1, "x"))
    assert place_passage(BASE, picked, [], 0) is BASE


def test_note_mode_paraphrase_and_grade_build_one_treatment_and_defaults_are_not_stored():
    s = with_note(BASE, "m/a", "Doubtful figure.")
    s = with_paraphrase(s, "m/a", "The army moved north.")
    s = with_mode(s, "m/a", "paraphrase")
    s = with_grade(s, "m/a", 2)
    assert s.treatment("m/a") == ItemTreatment("paraphrase", "The army moved north.", "Doubtful figure.", 2)
    back = with_grade(with_mode(with_paraphrase(with_note(s, "m/a", ""), "m/a", ""), "m/a", "quote"), "m/a", 6)
    assert back.treatments == {}
    with pytest.raises(ValueError):
        with_grade(BASE, "m/a", 7)
    with pytest.raises(ValueError):
        with_mode(BASE, "m/a", "shout")


def test_written_section_text_lands_where_assembly_reads_it():
    s = with_section_text(BriefSettings(), "key_judgments", "We judge it likely.")
    assert s.sections == {"key_judgments": "We judge it likely."}
    assert section_text(s, "key_judgments") == "We judge it likely."
    assert with_section_text(s, "key_judgments", "  ").sections == {}
    summary = with_section_text(BriefSettings(sections={"summary": "old"}), "summary", "Bottom line.")
    assert (summary.summary, summary.sections) == ("Bottom line.", {})
    assert section_text(summary, "summary") == "Bottom line."
    assert section_text(BriefSettings(sections={"summary": "stored before"}), "summary") == "stored before"
