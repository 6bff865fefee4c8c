"""Entities: people with roles, organisations and places, variants merged; on the seeds and on small texts."""

from __future__ import annotations

from briefpack.analysis.entities import extract_entities, find_mentions
from analysis_articles import article, seed_articles



def by_name(entities):
    return {e.name: e for e in entities}


def test_seed_people_carry_their_roles():
    people = {e.name: e for e in extract_entities(seed_articles()) if e.kind == "person"}
    assert "North Korea's Minister of External Economic Relations" in people["Jun Jong Ho"].roles
    assert "Russia's Minister of Natural Resources" in people["Alexander Kozlov"].roles
    assert "Russian President" in people["Vladimir Putin"].roles
    assert "North Korean leader" in people["Kim Jong Un"].roles
    assert "North Korean Health Minister" in people["Jong Mu-rim"].roles


def test_seed_variants_are_merged_and_kinds_right():
    found = by_name(extract_entities(seed_articles()))
    assert "Mr. Kim Jong Un" in found["Kim Jong Un"].variants
    assert found["Korean Central News Agency"].kind == "organisation"
    assert "KCNA" in found["Korean Central News Agency"].variants
    assert "KCNA" not in found  # merged, not listed twice
    for place in ("North Korea", "Russia", "Pyongyang", "Moscow", "Vladivostok", "Ukraine"):
        assert found[place].kind == "place", place
    assert found["National Intelligence Service"].kind == "organisation"
    # mentions span both seeds for the people both write about
    assert len({m.article_id for m in found["Vladimir Putin"].mentions}) == 2
    # no sentence openers, months or demonyms taken for names
    for wrong in ("In June", "June", "Currently", "North Korean", "Russian", "Meanwhile"):
        assert wrong not in found


def test_lone_surname_and_honorific_join_the_full_name():
    a = article(
        "a",
        "North Korean leader Kim Jong Un met officials on Monday.",
        "Later, Mr. Kim Jong Un said the talks went well. Kim smiled, and President Putin agreed.",
        "Vladimir Putin then left for Moscow.",
    )
    found = by_name(extract_entities([a]))
    kim = found["Kim Jong Un"]
    assert {"Mr. Kim Jong Un", "Kim"} <= set(kim.variants)
    assert [m.block_index for m in kim.mentions] == [0, 1]
    putin = found["Vladimir Putin"]
    assert "Putin" in putin.variants and "President" in putin.roles
    assert "Kim" not in found and "Putin" not in found


def test_acronym_joins_the_organisation_it_spells():
    a = article("a", "The Korean Central News Agency reported the launch.", "South Korea's National Intelligence Service disputed it.")
    b = article("b", "The NIS said it had evidence, and KCNA denied it.")
    found = by_name(extract_entities([a, b]))
    assert "NIS" in found["National Intelligence Service"].variants
    assert {m.article_id for m in found["National Intelligence Service"].mentions} == {"a", "b"}
    assert "KCNA" in found["Korean Central News Agency"].variants


def test_a_lone_word_nobody_explains_is_dropped_not_guessed():
    found = by_name(extract_entities([article("a", "Officials said Smith would attend.")]))
    assert "Smith" not in found


def test_appositive_title_then_name():
    mentions = find_mentions("Talks were led by Japan's Minister of Foreign Affairs, Yoko Kamikawa, in Tokyo.")
    person = [m for m in mentions if m.kind == "person"]
    assert [(m.surface, m.role) for m in person] == [("Yoko Kamikawa", "Japan's Minister of Foreign Affairs")]
    assert {(m.surface, m.kind) for m in mentions} >= {("Japan", "place"), ("Tokyo", "place")}


def test_a_span_read_once_still_follows_its_context():
    """A capitalised span's reading is reused across texts, except where a title before or a place word after changes it."""
    def read(text):
        return [(m.surface, m.kind, m.role) for m in find_mentions(text)]

    assert read("Voronov spoke.") == [("Voronov", None, None)]
    assert read("Later, party leader Voronov spoke.") == [("Voronov", "person", "leader")]
    assert read("Voronov spoke again.") == [("Voronov", None, None)]
    assert read("Tikhoretsk grew.") == [("Tikhoretsk", None, None)]
    assert read("Tikhoretsk region grew.") == [("Tikhoretsk", "place", None)]
    assert read("Minister of Natural Resources, Ivan Petrov, came.") == [("Ivan Petrov", "person", "Minister of Natural Resources")]
    assert read("Ivan Petrov came.") == [("Ivan Petrov", "person", None)]
