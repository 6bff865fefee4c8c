"""The analyst's order and per-item treatment in ``Selection``: defaults, checks and the JSON round trip."""

from __future__ import annotations

import json

import pytest

from briefpack.model.passage import Passage
from briefpack.model.selection import ItemTreatment, PickedPassage, Selection


def test_an_item_without_a_treatment_is_quoted_ungraded_and_unannotated():
    t = Selection().treatment("military/a:1:0-5")
    assert (t.mode, t.paraphrase, t.note, t.grade) == ("quote", "", "", 6)
    assert t.is_default and not t.paraphrased


def test_a_paraphrase_shows_only_when_chosen_and_written():
    assert not ItemTreatment(mode="paraphrase").paraphrased
    assert not ItemTreatment(mode="paraphrase", paraphrase="   ").paraphrased
    assert not ItemTreatment(mode="quote", paraphrase="Kept for later.").paraphrased
    assert ItemTreatment(mode="paraphrase", paraphrase="In short.").paraphrased


@pytest.mark.parametrize("bad", [{"mode": "summary"}, {"grade": 0}, {"grade": 7}, {"grade": True}, {"grade": "2"}])
def test_unknown_modes_and_grades_are_refused(bad):
    with pytest.raises(ValueError):
        ItemTreatment(**bad)


def test_order_and_treatments_survive_the_json_round_trip():
    picked = PickedPassage("health", Passage("a", 3, 0, 9, "Clinics r"))
    selection = Selection(
        theme_ids=("military", "health"),
        added=(picked,),
        order={"military": ("military/b:2:0-16", "military/a:2:0-19")},
        treatments={
            "military/a:2:0-19": ItemTreatment(mode="paraphrase", paraphrase="Troops went north.", note="Check.", grade=2),
            picked.key: ItemTreatment(grade=4),
        },
    )
    data = json.loads(json.dumps(selection.to_json()))
    assert Selection.from_json(data) == selection
    assert data["order"] == {"military": ["military/b:2:0-16", "military/a:2:0-19"]}


def test_a_selection_stored_before_items_had_order_and_treatments_still_loads():
    old = {"theme_ids": ["military"], "source_ids": [], "dropped": ["military/a:2:0-19"], "added": []}
    selection = Selection.from_json(old)
    assert selection.theme_ids == ("military",) and selection.dropped == {"military/a:2:0-19"}
    assert selection.order == {} and selection.treatments == {}


def test_a_damaged_treatment_reads_as_the_default_rather_than_failing_the_project():
    data = {"theme_ids": [], "treatments": {"k": {"mode": "shout", "grade": 9, "note": "kept"}}}
    assert Selection.from_json(data).treatment("k") == ItemTreatment(note="kept")


def test_a_selection_stays_hashable_and_compares_by_value():
    a = Selection(order={"m": ("x",)}, treatments={"x": ItemTreatment(grade=1)})
    b = Selection(order={"m": ("x",)}, treatments={"x": ItemTreatment(grade=1)})
    assert a == b and hash(a) == hash(b)
    assert a != Selection(order={"m": ("x",)})
